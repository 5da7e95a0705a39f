// The MySQL emitter: every model::Change as SQL that MySQL 8.0.29+ and
// MariaDB 10.11 both run. Each ALTER TABLE names its online form
// (online.cpp); a column change is a MODIFY COLUMN that restates the
// whole column from Change::table_after; enums are inline ENUM(...) types and
// have no statement of their own; a foreign key always has an index of its
// own name. No statement runs in a transaction: MySQL commits DDL at once.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "compiler/ast/walk.h"
#include "compiler/dialect/backfill_walk.h"
#include "compiler/dialect/mysql/internal.h"
#include "compiler/dialect/raw_body.h"
#include "compiler/dialect/sql_functions.h"

namespace migrac {

namespace {

using mysql::Algorithm;

// Whole seconds (at least 1) of a duration written as the planner writes it:
// "250ms", "5s", "2min", "1h".
std::int64_t duration_seconds(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  std::int64_t n = 0;
  for (std::size_t i = 0; i < digits; ++i) n = n * 10 + (text[i] - '0');
  std::string_view unit = text.substr(digits);
  std::int64_t ms = n * 1000;
  if (unit == "ms") ms = n;
  if (unit == "min") ms = n * 60000;
  if (unit == "h") ms = n * 3600000;
  return std::max<std::int64_t>(1, (ms + 999) / 1000);
}

Algorithm strongest(Algorithm a, Algorithm b) { return std::max(a, b); }

// How an added constraint runs, and whether it reads every row.
Algorithm constraint_algorithm(const model::Constraint& k) {
  switch (k.kind) {
    case ast::ConstraintKind::PrimaryKey:
    case ast::ConstraintKind::Unique: return Algorithm::InplaceNone;
    case ast::ConstraintKind::ForeignKey:  // INPLACE only with foreign_key_checks off: unvalidated
    case ast::ConstraintKind::Check: return Algorithm::Copy;
  }
  return Algorithm::Copy;
}

// Writes the statements of one change; one call operator per change kind.
struct MysqlWriter {
  const model::Change& change;
  Diagnostics& diags;

  using Out = std::vector<EmittedStatement>;

  const SqlBuilder& sql() const { return mysql::builder(); }
  mysql::Context context() const { return {change.enums, change, diags}; }
  const model::Table* after() const { return change.table_after ? &*change.table_after : nullptr; }

  // ALTER TABLE t clause, ..., ALGORITHM=...: one line for one clause, else
  // a line per clause and one for the algorithm.
  Out alter(const std::string& table, const std::vector<std::string>& clauses, Algorithm a,
            bool rewrites, bool scans) const {
    std::string text = fmt::format("ALTER TABLE {}", sql().ident(table));
    if (clauses.size() == 1) {
      text += fmt::format(" {}, {}", clauses[0], mysql::algorithm_clause(a));
    } else {
      for (const std::string& clause : clauses) text += fmt::format("\n  {},", clause);
      text += "\n  " + mysql::algorithm_clause(a);
    }
    return one_statement(std::move(text), mysql::alter_lock(a, table, rewrites, scans));
  }

  // The column as it is after the change, for a MODIFY COLUMN.
  const model::Column* column_after(const std::string& column, std::string_view what) const {
    const model::Column* col = after() ? after()->column(column) : nullptr;
    if (col == nullptr) {
      diags.report(DiagKind::DialectUnsupportedOperation, change.source,
                   fmt::format("{} of column '{}' restates the column on mysql, but the schema "
                               "model of the table is not known here",
                               what, column));
    }
    return col;
  }

  Out modify(const std::string& table, const model::Column& col, Algorithm a, bool rewrites) const {
    std::optional<std::string> def = mysql::column_def(col, context());
    if (!def) return {};
    return alter(table, {"MODIFY COLUMN " + *def}, a, rewrites, rewrites);
  }

  Out operator()(const model::AddTable& c) const {
    std::optional<std::string> text = mysql::create_table(c.table, context());
    if (!text) return {};
    return one_statement(std::move(*text), LockFacts{});  // a new table: nobody else can see it yet
  }

  Out operator()(const model::DropTable& c) const {
    return one_statement(fmt::format("DROP TABLE {}", sql().ident(c.table.name)),
                         mysql::metadata_lock(c.table.name));
  }

  Out operator()(const model::RenameTable& c) const {
    return alter(c.from, {"RENAME TO " + sql().ident(c.to)}, Algorithm::Instant, false, false);
  }

  Out operator()(const model::AddColumn& c) const {
    const model::Column& col = c.column;
    std::optional<std::string> def = mysql::column_def(col, context());
    bool ok = def.has_value();
    for (const model::Constraint& k : c.constraints)
      ok = mysql::check_constraint(k, after(), context()) && ok;
    if (after()) ok = ok && mysql::check_table(*after(), context());
    if (!ok) return {};
    Algorithm a = Algorithm::Instant;
    bool rewrites = false;
    bool scans = false;
    const ast::Expr* value = col.default_value ? &*col.default_value : nullptr;
    bool plain_default = value == nullptr || value->kind == ast::ExprKind::String ||
                         value->kind == ast::ExprKind::Number ||
                         value->kind == ast::ExprKind::Bool || value->kind == ast::ExprKind::Null ||
                         (value->kind == ast::ExprKind::Call && value->text == "now" &&
                          value->args.empty());
    if (col.generated) {
      a = Algorithm::Copy;  // InnoDB computes a stored column by copying the table
      rewrites = true;
    } else if (col.identity) {
      a = Algorithm::InplaceShared;  // numbering the rows keeps writes out
      rewrites = true;
    } else if (!plain_default) {
      a = expr_is_volatile(*value) ? Algorithm::Copy : Algorithm::InplaceNone;
      rewrites = true;
    }
    std::vector<std::string> clauses = {"ADD COLUMN " + *def};
    for (const model::Constraint& k : c.constraints) {
      for (std::string& clause : mysql::add_constraint_clauses(k))
        clauses.push_back(std::move(clause));
      a = strongest(a, constraint_algorithm(k));
      scans = true;
      rewrites = rewrites || k.kind == ast::ConstraintKind::PrimaryKey;
    }
    return alter(c.table, clauses, a, rewrites, scans);
  }

  Out operator()(const model::DropColumn& c) const {
    std::vector<std::string> clauses;
    for (const model::Constraint& k : c.constraints) {
      if (k.kind != ast::ConstraintKind::ForeignKey && k.kind != ast::ConstraintKind::Check)
        continue;
      for (std::string& clause : mysql::drop_constraint_clauses(k))
        clauses.push_back(std::move(clause));
    }
    clauses.push_back("DROP COLUMN " + sql().ident(c.column.name));
    if (c.constraints.empty() && !c.column.generated)
      return alter(c.table, clauses, Algorithm::Instant, false, false);
    // A column with keys drops them too, and a stored generated column's
    // values are in every row: not instant.
    return alter(c.table, clauses, Algorithm::InplaceNone, true, true);
  }

  Out operator()(const model::RenameColumn& c) const {
    // MySQL and MariaDB refuse to rename a column a generated column reads.
    auto reads = [&](const ast::Expr& e) {
      bool found = false;
      for_each_column(e, [&](const ast::Expr& col) { found = found || col.text == c.to; });
      return found;
    };
    for (const model::Column& col : after() ? after()->columns : std::vector<model::Column>{}) {
      if (!col.generated || !reads(*col.generated)) continue;
      diags.report(DiagKind::DialectUnsupportedOperation, change.source,
                   fmt::format("mysql cannot rename column '{}.{}': generated column '{}' reads "
                               "it",
                               c.table, c.from, col.name),
                   "drop the generated column, rename, and add it again");
      return {};
    }
    return alter(c.table,
                 {fmt::format("RENAME COLUMN {} TO {}", sql().ident(c.from), sql().ident(c.to))},
                 Algorithm::Instant, false, false);
  }

  Out operator()(const model::AlterColumnType& c) const {
    if (c.using_expr) {
      diags.report(DiagKind::DialectUnsupportedOperation, change.source,
                   fmt::format("'alter column {}.{} type ... using' cannot be expressed on mysql: "
                               "MODIFY COLUMN converts values by MySQL's own casts only",
                               c.table, c.column),
                   "drop 'using', or add a new column, backfill it and drop the old one");
      return {};
    }
    const model::Column* col = column_after(c.column, "'alter column ... type'");
    if (col == nullptr) return {};
    std::optional<Algorithm> a = mysql::type_change_algorithm(c.from, c.to, context());
    if (!a) {
      // Both types are the same MySQL type (varchar(n) to varchar(n), json to jsonb): still
      // checked for what MySQL cannot express, but nothing to run.
      mysql::column_def(*col, context());
      return {};
    }
    if (*a == Algorithm::Copy && after()) {
      for (const model::Index& ix : after()->indexes) {
        if (std::find(ix.columns.begin(), ix.columns.end(), c.column) != ix.columns.end() &&
            !mysql::check_index(ix, after(), context())) {
          return {};
        }
      }
      for (const model::Constraint& k : after()->constraints) {
        if (!mysql::check_constraint(k, after(), context())) return {};
      }
    }
    return modify(c.table, *col, *a, *a != Algorithm::InplaceNone && *a != Algorithm::Instant);
  }

  Out operator()(const model::SetNotNull& c) const {
    const model::Column* col = column_after(c.column, "'set not null'");
    if (col == nullptr) return {};
    return modify(c.table, *col, Algorithm::InplaceNone, true);
  }

  Out operator()(const model::DropNotNull& c) const {
    const model::Column* col = column_after(c.column, "'drop not null'");
    if (col == nullptr) return {};
    return modify(c.table, *col, Algorithm::InplaceNone, true);
  }

  Out operator()(const model::SetDefault& c) const {
    std::string action = "DROP DEFAULT";
    if (c.to) {
      const model::Column* col = after() ? after()->column(c.column) : nullptr;
      ast::TypeRef type = col != nullptr ? col->type : ast::TypeRef{};
      bool keyword = c.to->kind == ast::ExprKind::Call && c.to->text == "now" && c.to->args.empty();
      std::string value = mysql::default_expr(*c.to, type);
      // SET DEFAULT takes a literal or a parenthesized expression only.
      if (keyword) value = "(" + value + ")";
      action = "SET DEFAULT " + value;
    }
    return alter(c.table, {fmt::format("ALTER COLUMN {} {}", sql().ident(c.column), action)},
                 Algorithm::Instant, false, false);
  }

  Out operator()(const model::AddConstraint& c) const {
    const model::Constraint& k = c.constraint;
    if (!mysql::check_constraint(k, after(), context())) return {};
    Algorithm a = constraint_algorithm(k);
    return alter(c.table, mysql::add_constraint_clauses(k), a,
                 k.kind == ast::ConstraintKind::PrimaryKey, true);
  }

  Out operator()(const model::ValidateConstraint&) const { return {}; }  // added validated

  Out operator()(const model::AddConstraintUsingIndex& c) const {
    return (*this)(model::AddConstraint{c.table, c.constraint, false});
  }

  Out operator()(const model::DropConstraint& c) const {
    const model::Constraint& k = c.constraint;
    if (k.kind != ast::ConstraintKind::PrimaryKey) {
      return alter(c.table, mysql::drop_constraint_clauses(k), Algorithm::InplaceNone, false,
                   false);
    }
    if (after()) {
      for (const std::string& name : k.columns) {
        const model::Column* col = after()->column(name);
        if (col == nullptr || !col->identity) continue;
        diags.report(DiagKind::DialectUnsupportedOperation, change.source,
                     fmt::format("dropping primary key '{}' of table '{}' cannot be expressed on "
                                 "mysql: its identity column '{}' must stay a key",
                                 k.name, c.table, name),
                     "add a unique constraint on the column first, or drop 'identity'");
        return {};
      }
    }
    // Without a primary key InnoDB rebuilds the table around a hidden one.
    return alter(c.table, mysql::drop_constraint_clauses(k), Algorithm::Copy, true, true);
  }

  Out operator()(const model::CreateIndex& c) const {
    const model::Index& ix = c.index;
    if (!mysql::check_index(ix, after(), context())) return {};
    std::vector<std::string> columns;
    for (const ast::Expr& e : ix.elements) columns.push_back(e.text);
    std::string text = fmt::format("CREATE {}INDEX {} ON {} ({}) ALGORITHM=INPLACE LOCK=NONE",
                                   ix.unique ? "UNIQUE " : "", sql().ident(ix.name),
                                   sql().ident(ix.table), sql().idents(columns));
    return one_statement(std::move(text),
                         mysql::alter_lock(Algorithm::InplaceNone, ix.table, false, true));
  }

  Out operator()(const model::DropIndex& c) const {
    return alter(c.index.table, {"DROP INDEX " + sql().ident(c.index.name)}, Algorithm::InplaceNone,
                 false, false);
  }

  // Enums have no statement of their own: each column spells its values.
  Out operator()(const model::CreateEnum&) const { return {}; }
  Out operator()(const model::DropEnum&) const { return {}; }

  Out operator()(const model::AddEnumValue& c) const {
    auto it = change.enums.find(c.type);
    bool appended = it != change.enums.end() && !it->second.values.empty() &&
                    it->second.values.back() == c.value && it->second.values.size() <= 255;
    Algorithm a = appended ? Algorithm::Instant : Algorithm::Copy;
    Out out;
    for (const model::Table& table : c.tables) {
      std::vector<std::string> clauses;
      for (const model::Column& col : table.columns) {
        if (col.type.kind != ast::TypeKind::Enum || col.type.name != c.type) continue;
        std::optional<std::string> def = mysql::column_def(col, context());
        if (!def) return {};
        clauses.push_back("MODIFY COLUMN " + *def);
      }
      for (EmittedStatement& s : alter(table.name, clauses, a, !appended, !appended)) {
        out.push_back(std::move(s));
      }
    }
    return out;
  }

  Out operator()(const model::Backfill& c) const;
  Out operator()(const model::RawSql& c) const;
  Out operator()(const model::SetLocal& c) const;
};

// One batch: at most `batch` rows that still need the update (MySQL's
// UPDATE ... LIMIT). `NOT (c <=> e)` keeps updated rows out of later batches,
// so the loop ends; a value that moves between transactions (now()) relies on
// the user's `where`. The mysql client cannot loop, so the script form
// updates every row at once.
MysqlWriter::Out MysqlWriter::operator()(const model::Backfill& c) const {
  // The planner refused a varying value without a `where` (E0502).
  bool varies = backfill_varies(c);
  std::vector<std::string> conditions;
  if (c.where) conditions.push_back(mysql::expr(*c.where, ExprContext::Operand));
  if (!varies) {
    std::string distinct;
    for (const ast::Assignment& a : c.assignments) {
      ast::Expr column{ast::ExprKind::Column, a.column.name, {}, false, false, {}, {}};
      distinct += (distinct.empty() ? "" : " OR ") +
                  sql().distinct_from(column, mysql::for_mysql(a.value));
    }
    conditions.push_back(c.assignments.size() > 1 ? "(" + distinct + ")" : distinct);
  }
  std::string where;
  for (const std::string& cond : conditions) where += (where.empty() ? "" : " AND ") + cond;
  std::string sets;
  for (const ast::Assignment& a : c.assignments) {
    sets += (sets.empty() ? "" : ", ") +
            fmt::format("{} = {}", sql().ident(a.column.name), mysql::expr(a.value));
  }
  std::string table = sql().ident(c.table);
  Out out = one_statement(fmt::format("UPDATE {} SET {} WHERE {} LIMIT {}", table, sets, where,
                                      c.batch),
                          LockFacts{"row locks on the rows updated", c.table, false, true, {}});
  out[0].script_sql = fmt::format(
      "-- the mysql client cannot repeat a batch: every row in one statement\n"
      "UPDATE {} SET {} WHERE {}",
      table, sets, where);
  // With a primary key (or a unique not-null key) the runtime walks it in
  // ranges; without one (InnoDB's hidden row id cannot be named) it repeats
  // the LIMIT batch.
  BackfillParts parts{table, sets, where, c.batch, c.pause_ms};
  if (!c.key_columns.empty()) {
    std::vector<std::string> keys;
    for (const std::string& k : c.key_columns) keys.push_back(sql().ident(k));
    out[0].walk = key_walk(parts, keys);
  }
  out[0].walk.batch = c.batch;
  out[0].walk.pause_ms = c.pause_ms;
  // InnoDB's estimate, as SHOW TABLE STATUS gives it.
  out[0].walk.estimate_sql = fmt::format(
      "SELECT table_rows FROM information_schema.tables WHERE table_schema = DATABASE() AND "
      "table_name = {}",
      sql().string_literal(c.table));
  return out;
}

MysqlWriter::Out MysqlWriter::operator()(const model::RawSql& c) const {
  std::optional<std::string> body = sql_body_for(c, Dialect::Mysql, change.source, diags);
  if (!body) return {};
  return one_statement(std::move(*body), LockFacts{});
}

// lock_timeout is MySQL's lock_wait_timeout (metadata locks, which DDL waits
// for) and innodb_lock_wait_timeout (row locks, which a backfill waits for),
// in whole seconds. MySQL and MariaDB have no common statement timeout for
// DDL, so statement_timeout sets nothing.
MysqlWriter::Out MysqlWriter::operator()(const model::SetLocal& c) const {
  if (c.name != "lock_timeout") return {};
  std::string value = c.value.empty() ? "DEFAULT" : std::to_string(duration_seconds(c.value));
  Out out = one_statement(fmt::format("SET SESSION lock_wait_timeout = {}", value), LockFacts{});
  out.push_back(EmittedStatement{
      fmt::format("SET SESSION innodb_lock_wait_timeout = {}", value), LockFacts{}, {}});
  return out;
}

}  // namespace

std::vector<EmittedStatement> mysql::statements(const model::Change& change, Diagnostics& diags) {
  return std::visit(MysqlWriter{change, diags}, change.kind);
}

}  // namespace migrac
