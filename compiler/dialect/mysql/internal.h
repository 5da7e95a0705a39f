#pragma once
// The pieces the MySQL dialect's files share: MySQL's spelling (types.cpp),
// table definitions with the checks of what MySQL cannot express (table.cpp),
// the online forms of ALTER TABLE with their lock facts (online.cpp) and the
// statements of every change (statements.cpp).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/dialect/dialect.h"
#include "compiler/dialect/sql_builder.h"

namespace migrac::mysql {

// The builder with MySQL's spelling.
const SqlBuilder& builder();

// `e` with every cast's type in MySQL's CAST spelling (SIGNED, CHAR, ...):
// written through builder() after this rewrite.
ast::Expr for_mysql(const ast::Expr& e);
// builder().expr(for_mysql(e), context).
std::string expr(const ast::Expr& e, ExprContext context = ExprContext::Top);

// Everything a definition needs besides its subject.
struct Context {
  const std::map<std::string, model::Enum>& enums;  // for ENUM(...) columns
  const model::Change& change;                      // where errors are reported
  Diagnostics& diags;
};

// The column's type: ENUM('a', 'b') for an enum. Reports a type MySQL lacks
// (interval) and returns empty.
std::optional<std::string> column_type(const model::Column& column, const Context& context);

// `name type [NOT NULL] [DEFAULT ...] [AUTO_INCREMENT]`, or empty after a report.
std::optional<std::string> column_def(const model::Column& column, const Context& context);

// The default as MySQL accepts it: a literal as is (in parentheses for the
// longtext/longblob/json columns, which take only expression defaults),
// CURRENT_TIMESTAMP(6) as is, anything else in parentheses.
std::string default_expr(const ast::Expr& value, const ast::TypeRef& type);

// True when a column of this type is stored off-page (longtext, longblob,
// json) and so cannot be a key without a prefix length.
bool is_unkeyable(const ast::TypeRef& type);

// Reports what MySQL cannot express in `table`'s keys and identity columns
// (a key over a longtext column, an identity column that leads no key, more
// than one identity column, ON DELETE/UPDATE SET DEFAULT). True when fine.
bool check_table(const model::Table& table, const Context& context);
// The same for one constraint of `table` (the table that holds it, after).
bool check_constraint(const model::Constraint& k, const model::Table* table,
                      const Context& context);
// The same for one index: no expression, no longtext column, no unique WHERE
// (a plain partial index is built over every row, with a warning).
bool check_index(const model::Index& index, const model::Table* table, const Context& context);

// `CONSTRAINT name ...` of a table constraint; a foreign key first gets an
// index of its own name on its columns (`INDEX name (cols)`), so that MySQL
// never has to create one implicitly (and may drop it when another index
// appears, which then cannot be dropped while the key needs it).
std::vector<std::string> constraint_defs(const model::Constraint& k);

// The clauses of an ALTER TABLE that adds `k` (ADD INDEX + ADD CONSTRAINT for a foreign key).
std::vector<std::string> add_constraint_clauses(const model::Constraint& k);
// The clauses that drop `k` (DROP FOREIGN KEY + DROP INDEX for a foreign key).
std::vector<std::string> drop_constraint_clauses(const model::Constraint& k);

// CREATE TABLE, or empty after reporting what MySQL cannot express.
std::optional<std::string> create_table(const model::Table& table, const Context& context);

// How an ALTER TABLE runs, weakest lock first. A statement of several clauses
// takes the strongest any clause needs.
enum class Algorithm {
  Instant,        // metadata only; a brief exclusive metadata lock
  InplaceNone,    // in place, reads and writes continue
  InplaceShared,  // in place, writes wait (adding an AUTO_INCREMENT column)
  Copy,           // a copy of the table, writes wait
};

// "ALGORITHM=INSTANT", "ALGORITHM=INPLACE, LOCK=NONE", ...
std::string algorithm_clause(Algorithm a);
// The lock facts of an ALTER TABLE on `table` run with `a`.
LockFacts alter_lock(Algorithm a, const std::string& table, bool rewrites, bool scans);
// The exclusive metadata lock of CREATE/DROP TABLE and friends.
LockFacts metadata_lock(const std::string& table);

// The algorithm for changing a column from `from` to `to` (MODIFY COLUMN):
// none needed (empty) when MySQL spells both the same.
std::optional<Algorithm> type_change_algorithm(const ast::TypeRef& from, const ast::TypeRef& to,
                                               const Context& context);

// The statements of one change.
std::vector<EmittedStatement> statements(const model::Change& change, Diagnostics& diags);

}  // namespace migrac::mysql
