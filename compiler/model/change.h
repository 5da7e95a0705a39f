#pragma once
// The closed set of schema changes. The checker resolves each written
// operation into one or more Changes that carry everything later phases need
// (final names, and the previous state wherever a reverse needs it); the
// planner adds the online forms (concurrent index builds, NOT VALID + VALIDATE,
// ...) and the emitters turn each Change into SQL for one dialect.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/model/schema.h"

namespace migrac::model {

struct AddTable {
  Table table;
};  // columns and constraints; no indexes
struct DropTable {
  Table table;
};  // the table before the drop, with indexes
struct RenameTable {
  std::string from, to;
};
struct AddColumn {
  std::string table;
  Column column;
  std::vector<Constraint> constraints;  // inline pk/unique/references/check of the column
};
struct DropColumn {
  std::string table;
  Column column;  // the column before the drop
  // Constraints that go with the column: the inline constraints of the `add
  // column` this drop reverses (SQLite rebuilds the table for them, MySQL
  // drops their foreign keys first). Empty for a written `drop column`.
  std::vector<Constraint> constraints = {};
};
struct RenameColumn {
  std::string table, from, to;
};
struct AlterColumnType {
  std::string table, column;
  ast::TypeRef from, to;
  Boxed<ast::Expr> using_expr;
};
struct SetNotNull {
  std::string table, column;
};
struct DropNotNull {
  std::string table, column;
};
// set default (to present) / drop default (to empty); from is the previous default
struct SetDefault {
  std::string table, column;
  Boxed<ast::Expr> from, to;
};
// not_valid: ADD CONSTRAINT ... NOT VALID (online form; VALIDATE follows)
struct AddConstraint {
  std::string table;
  Constraint constraint;
  bool not_valid = false;
};
struct ValidateConstraint {
  std::string table, name;
};
// ADD CONSTRAINT name PRIMARY KEY|UNIQUE USING INDEX index (online form)
struct AddConstraintUsingIndex {
  std::string table;
  Constraint constraint;
  std::string index;
};
struct DropConstraint {
  std::string table;
  Constraint constraint;
};  // the constraint before
// if_not_exists is set by the planner for concurrent builds, so a rerun after a
// build that finished but was not recorded is a no-op
struct CreateIndex {
  Index index;
  bool concurrently = false;
  bool if_not_exists = false;
};
// if_exists is set by the planner for recovery drops and idempotent reverses
struct DropIndex {
  Index index;
  bool concurrently = false;
  bool if_exists = false;
};
struct CreateEnum {
  Enum type;
};
struct AddEnumValue {
  std::string type, value;
  std::optional<std::string> neighbor;
  bool before = false;
  // The tables with a column of this type, after the change: dialects that
  // spell an enum inline (SQLite's CHECK, MySQL's ENUM(...)) change each.
  std::vector<Table> tables = {};
};
struct DropEnum {
  Enum type;
};  // the enum before the drop
// Update existing rows in batches until no row matches.
struct Backfill {
  std::string table;
  std::vector<ast::Assignment> assignments;
  Boxed<ast::Expr> where;
  std::int64_t batch = 10000;
  std::int64_t pause_ms = -1;            // between batches; -1: the run's --backfill-pause
  std::vector<std::string> key_columns;  // the primary key, else a unique not-null key; may be none
};
// Raw SQL with per-dialect bodies (dialect empty: every dialect).
struct RawSql {
  std::vector<ast::SqlBody> bodies;
};
// Session setting for the current transaction (`SET LOCAL lock_timeout = '5s'`);
// local = false: for the rest of the session (`SET lock_timeout = '5s'`), used
// outside transactions where SET LOCAL has no effect; an empty value resets
// the setting to its default (`RESET lock_timeout`).
struct SetLocal {
  std::string name;
  std::string value;
  bool local = true;
};

using ChangeKind =
    std::variant<AddTable, DropTable, RenameTable, AddColumn, DropColumn, RenameColumn,
                 AlterColumnType, SetNotNull, DropNotNull, SetDefault, AddConstraint,
                 ValidateConstraint, AddConstraintUsingIndex, DropConstraint, CreateIndex,
                 DropIndex, CreateEnum, AddEnumValue, DropEnum, Backfill, RawSql, SetLocal>;

// One change with its origin and the facts the planner and linter need.
struct Change {
  ChangeKind kind;
  SourceRange source;             // the operation it came from
  int no_transaction_block = -1;  // from ast::Operation
  bool table_is_new = false;      // the table was created earlier in the same migration
  // The table after this change (for changes to an existing table): emitters
  // that rebuild tables (SQLite) read it. Empty for changes not on one table.
  // The schema's own snapshot of the table, shared (model::TableMap).
  std::shared_ptr<const Table> table_after;
  // The schema's enums after this change: dialects without named enum types
  // (SQLite, MySQL) spell an enum column's values inline.
  std::map<std::string, Enum> enums = {};
};

// A change of another kind that keeps every fact of `origin` but its kind
// (the planner's online forms and reverses are derived this way, so a new
// field of Change cannot be forgotten in one of them).
// With keep_table false, table_after is left empty for the caller to set
// (reverses hold the table before the origin, not after it).
Change derive_change(const Change& origin, ChangeKind kind, bool keep_table = true);

}  // namespace migrac::model
