#pragma once
// The dialect-neutral schema model that the checker evolves migration by
// migration: tables with columns, constraints and indexes, and enums.
// Names are final (defaults already derived), so later phases never re-derive them.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"

namespace migrac::model {

// A column as the schema holds it.
struct Column {
  std::string name;
  ast::TypeRef type;
  bool not_null = false;
  std::optional<ast::Expr> default_value;
  bool identity = false;
  // A stored generated column: its value is this expression of the row's
  // other columns (`generated always as (expr) stored`); never written to.
  std::optional<ast::Expr> generated;
};

// A named table constraint (primary key, unique, foreign key or check).
struct Constraint {
  std::string name;
  ast::ConstraintKind kind = ast::ConstraintKind::Check;
  std::vector<std::string> columns;      // local columns (PK, unique, FK); check: columns it reads
  std::string ref_table;                 // FK target table
  std::vector<std::string> ref_columns;  // FK target columns (resolved, never empty for FK)
  ast::RefAction on_delete = ast::RefAction::NoAction;
  ast::RefAction on_update = ast::RefAction::NoAction;
  std::optional<ast::Expr> check;  // Check
};

// A named index on one table.
struct Index {
  std::string name;
  std::string table;
  bool unique = false;
  std::vector<ast::Expr> elements;   // Column exprs for plain columns
  std::vector<std::string> columns;  // every column the elements and predicate read
  std::optional<ast::Expr> where;
};

// A table: columns in definition order, constraints and indexes in creation order.
struct Table {
  std::string name;
  std::vector<Column> columns;
  std::vector<Constraint> constraints;
  std::vector<Index> indexes;

  const Column* column(const std::string& n) const;
  Column* column(const std::string& n);
  const Constraint* constraint(const std::string& n) const;
  const Index* index(const std::string& n) const;
  const Constraint* primary_key() const;
};

// An enum type: values in order.
struct Enum {
  std::string name;
  std::vector<std::string> values;
};

// The whole schema at one point of the history. model::apply (apply.h) is
// its one writer.
struct Schema {
  std::map<std::string, Table> tables;
  std::map<std::string, Enum> enums;
  std::map<std::string, std::string> index_owner;  // index name -> table name
  // Primary key and unique constraint name -> table: on PostgreSQL each owns
  // an index of its name, so their names share the namespace of tables and
  // indexes.
  std::map<std::string, std::string> key_owner;

  const Table* table(const std::string& n) const;
  Table* table(const std::string& n);
  const Enum* enum_type(const std::string& n) const;
};

}  // namespace migrac::model
