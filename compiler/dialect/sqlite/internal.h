#pragma once
// The pieces the SQLite dialect's files share: SQLite's spelling (types.cpp),
// table and index definitions (table.cpp), the table rebuild (rebuild.cpp)
// and the statements of every change (statements.cpp).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/dialect/dialect.h"
#include "compiler/dialect/sql_builder.h"

namespace migrac::sqlite {

// The builder with SQLite's spelling.
const SqlBuilder& builder();

// The database-wide write lock every SQLite write takes, on `table`.
LockFacts write_lock(const std::string& table, bool rewrites = false, bool scans = false);

// Everything a table definition needs besides the table.
struct TableContext {
  const std::map<std::string, model::Enum>& enums;  // for enum columns' CHECK
  const model::Change& change;                      // where errors are reported
  Diagnostics& diags;
};

// `name TYPE [NOT NULL] [DEFAULT ...] [CHECK (name IN (...))]` for a column
// that is not an identity (identity columns are written by create_table).
std::string column_def(const model::Column& column, const TableContext& context);

// The DEFAULT clause's expression as SQLite accepts it: a literal or
// CURRENT_TIMESTAMP as is, anything else in parentheses.
std::string default_expr(const ast::Expr& value);

// True when `value` is a literal SQLite's ALTER TABLE ADD COLUMN accepts as a default.
bool is_constant_default(const ast::Expr& value);

// CREATE TABLE for `table`, written under `name` (the table's own name, or
// the rebuild's new table). Empty after reporting what SQLite cannot express
// (an identity column that is not the single-column primary key).
std::optional<std::string> create_table(const model::Table& table, std::string_view name,
                                        const TableContext& context);

// CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (...) [WHERE ...].
std::string create_index(const model::Index& index, bool if_not_exists = false);

// What a rebuild copies from the old table into the new one.
struct Copy {
  std::string added_column;      // new in the table: not copied (it gets its default)
  std::string converted_column;  // read through `using_expr` instead of by name
  Boxed<ast::Expr> using_expr;
};

// The statements that rebuild the table into `after` (its new definition),
// keeping its rows: foreign keys off (before the migration's transaction),
// the new table, the copy, drop, rename, its indexes, the foreign key check,
// foreign keys back on (after the migration). `why` says what needs it.
std::vector<EmittedStatement> rebuild(const model::Table& after, const Copy& copy,
                                      std::string_view why, const TableContext& context);

// The statements of one change.
std::vector<EmittedStatement> statements(const model::Change& change, Diagnostics& diags);

}  // namespace migrac::sqlite
