#pragma once
// The dialect-neutral schema model that the checker evolves migration by
// migration: tables with columns, constraints and indexes, and enums.
// Names are final (defaults already derived), so later phases never re-derive them.

#include <cstddef>
#include <initializer_list>
#include <map>
#include <memory>
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
  Boxed<ast::Expr> default_value;
  bool identity = false;
  // A stored generated column: its value is this expression of the row's
  // other columns (`generated always as (expr) stored`); never written to.
  Boxed<ast::Expr> generated;
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
  Boxed<ast::Expr> check;  // Check
};

// A named index on one table.
struct Index {
  std::string name;
  std::string table;
  bool unique = false;
  std::vector<ast::Expr> elements;   // Column exprs for plain columns
  std::vector<std::string> columns;  // every column the elements and predicate read
  Boxed<ast::Expr> where;
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

// The tables of a schema by name, each held as an immutable snapshot
// (shared_ptr<const Table>) that copies of the schema and the Changes that
// carry a table share: copying a schema copies pointers, and changing a
// table clones that one table, and only while something else shares it
// (copy-on-write). Reading gives `const Table&`; the writers (edit,
// operator[], at on a non-const map) unshare the table first.
class TableMap {
 public:
  using Ptr = std::shared_ptr<const Table>;
  using Map = std::map<std::string, Ptr>;
  // What iteration gives: the name and the table.
  using value_type = std::pair<const std::string&, const Table&>;

  // Iterates the tables by name, as `const auto& [name, table]`.
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = TableMap::value_type;
    using difference_type = std::ptrdiff_t;
    using reference = value_type;
    // operator-> of an iterator whose elements are made on the fly.
    struct Arrow {
      value_type v;
      const value_type* operator->() const { return &v; }
    };
    using pointer = Arrow;

    const_iterator() = default;
    explicit const_iterator(Map::const_iterator it) : it_(it) {}
    value_type operator*() const { return {it_->first, *it_->second}; }
    Arrow operator->() const { return Arrow{**this}; }
    const_iterator& operator++() {
      ++it_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator old = *this;
      ++it_;
      return old;
    }
    bool operator==(const const_iterator& o) const { return it_ == o.it_; }
    bool operator!=(const const_iterator& o) const { return it_ != o.it_; }
    // The shared snapshot of the table.
    const Ptr& ptr() const { return it_->second; }

   private:
    Map::const_iterator it_;
  };

  TableMap() = default;
  TableMap(std::initializer_list<std::pair<const std::string, Table>> tables);

  const_iterator begin() const { return const_iterator(map_.begin()); }
  const_iterator end() const { return const_iterator(map_.end()); }
  const_iterator find(const std::string& name) const { return const_iterator(map_.find(name)); }
  std::size_t count(const std::string& name) const { return map_.count(name); }
  std::size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }

  // The table `name`; throws std::out_of_range when there is none.
  const Table& at(const std::string& name) const { return *map_.at(name); }
  // The same, unshared, to be changed.
  Table& at(const std::string& name);
  // The table `name` unshared, to be changed; an empty one is made if there is none.
  Table& operator[](const std::string& name);
  // The table `name` unshared, to be changed, or nullptr.
  Table* edit(const std::string& name);
  // Calls f(Table&) on every table, each unshared.
  template <class F>
  void edit_each(F&& f) {
    for (auto& [name, ptr] : map_) f(unshare(ptr));
  }

  // The snapshot of table `name`, shared, or null.
  Ptr share(const std::string& name) const;
  // Sets table `name` to a snapshot (shared, not copied).
  void put(const std::string& name, Ptr table) { map_.insert_or_assign(name, std::move(table)); }
  // Adds table `name` unless there is one; whether it was added.
  std::pair<const_iterator, bool> emplace(const std::string& name, Table table);
  void insert_or_assign(const std::string& name, Table table);
  std::size_t erase(const std::string& name) { return map_.erase(name); }
  void clear() { map_.clear(); }

 private:
  // `ptr`'s table, cloned first if anything else shares it.
  static Table& unshare(Ptr& ptr);

  Map map_;
};

// The whole schema at one point of the history. model::apply (apply.h) is
// its one writer.
struct Schema {
  TableMap tables;
  std::map<std::string, Enum> enums;
  std::map<std::string, std::string> index_owner;  // index name -> table name
  // Primary key and unique constraint name -> table: on PostgreSQL each owns
  // an index of its name, so their names share the namespace of tables and
  // indexes.
  std::map<std::string, std::string> key_owner;

  const Table* table(const std::string& n) const;
  // Table `n` unshared, to be changed (TableMap::edit), or nullptr.
  Table* edit_table(const std::string& n) { return tables.edit(n); }
  const Enum* enum_type(const std::string& n) const;
};

}  // namespace migrac::model
