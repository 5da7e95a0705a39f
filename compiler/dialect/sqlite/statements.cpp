// The SQLite emitter: every model::Change as SQLite 3.40 SQL. SQLite's ALTER
// TABLE can add, drop and rename a column and rename a table; everything else
// on an existing table (a column's type, null-ness or default, a constraint,
// a column with constraints, an enum's values) is the table rebuild of
// rebuild.cpp, from Change::table_after. Every write takes SQLite's
// database-wide write lock; enums are TEXT with a CHECK and have no statement
// of their own.

#include <fmt/format.h>

#include <algorithm>

#include "compiler/dialect/backfill_walk.h"
#include "compiler/dialect/raw_body.h"
#include "compiler/dialect/sql_functions.h"
#include "compiler/dialect/sqlite/internal.h"

namespace migrac {

namespace {

using sqlite::write_lock;

// Writes the statements of one change; one call operator per change kind.
struct SqliteWriter {
  const model::Change& change;
  Diagnostics& diags;

  using Out = std::vector<EmittedStatement>;

  const SqlBuilder& sql() const { return sqlite::builder(); }
  sqlite::TableContext context() const { return {change.enums, change, diags}; }

  std::string alter(const std::string& table) const {
    return fmt::format("ALTER TABLE {}", sql().ident(table));
  }

  // The rebuild of the changed table into Change::table_after.
  Out rebuild(std::string_view why, const sqlite::Copy& copy = {}) const {
    if (!change.table_after) {
      diags.report(DiagKind::DialectUnsupportedOperation, change.source,
                   fmt::format("{} needs a table rebuild on sqlite, but the schema model of the "
                               "table is not known here",
                               why));
      return {};
    }
    return sqlite::rebuild(*change.table_after, copy, why, context());
  }

  Out operator()(const model::AddTable& c) const {
    std::optional<std::string> text = sqlite::create_table(c.table, c.table.name, context());
    if (!text) return {};
    return one_statement(std::move(*text), LockFacts{});  // a new table: nobody else can see it yet
  }

  Out operator()(const model::DropTable& c) const {
    return one_statement(fmt::format("DROP TABLE {}", sql().ident(c.table.name)),
                         write_lock(c.table.name));
  }

  Out operator()(const model::RenameTable& c) const {
    return one_statement(fmt::format("{} RENAME TO {}", alter(c.from), sql().ident(c.to)),
                         write_lock(c.from));
  }

  // ALTER TABLE ADD COLUMN takes no key, no NOT NULL without a default, and
  // only a constant default; anything else is a rebuild that adds it.
  Out operator()(const model::AddColumn& c) const {
    const model::Column& col = c.column;
    bool constant = !col.default_value || sqlite::is_constant_default(*col.default_value);
    bool null_default = !col.default_value || col.default_value->kind == ast::ExprKind::Null;
    bool simple = c.constraints.empty() && !col.identity && constant &&
                  !(col.not_null && null_default) && !col.generated;
    if (!simple) {
      return rebuild(fmt::format("sqlite cannot add column '{}' with {} in place", col.name,
                                 col.generated ? "a stored generated value"
                                 : col.identity || !c.constraints.empty() ? "a key or constraint"
                                 : !constant                              ? "a non-constant default"
                                             : "not null and no default"),
                     sqlite::Copy{col.name, {}, {}});
    }
    // A CHECK (of an enum) or NOT NULL is tested against every existing row.
    bool scans = col.not_null || col.type.kind == ast::TypeKind::Enum;
    return one_statement(fmt::format("{} ADD COLUMN {}", alter(c.table),
                                     sqlite::column_def(col, context())),
                         write_lock(c.table, false, scans));
  }

  Out operator()(const model::DropColumn& c) const {
    if (!c.constraints.empty()) {
      return rebuild(fmt::format("sqlite cannot drop column '{}' with its constraints in place",
                                 c.column.name));
    }
    // SQLite rewrites every row to drop a column.
    return one_statement(fmt::format("{} DROP COLUMN {}", alter(c.table),
                                     sql().ident(c.column.name)),
                         write_lock(c.table, true, true));
  }

  Out operator()(const model::RenameColumn& c) const {
    return one_statement(fmt::format("{} RENAME COLUMN {} TO {}", alter(c.table),
                                     sql().ident(c.from), sql().ident(c.to)),
                         write_lock(c.table));
  }

  Out operator()(const model::AlterColumnType& c) const {
    // Types of one storage class are the same to SQLite (varchar(n) and text
    // are TEXT): nothing to do, unless an enum's CHECK or `using` changes values.
    bool enums = c.from.kind == ast::TypeKind::Enum || c.to.kind == ast::TypeKind::Enum;
    if (!c.using_expr && !enums && sql().type(c.from) == sql().type(c.to)) return {};
    return rebuild(fmt::format("sqlite cannot change the type of column '{}' in place", c.column),
                   sqlite::Copy{{}, c.column, c.using_expr});
  }

  Out operator()(const model::SetNotNull& c) const {
    return rebuild(fmt::format("sqlite cannot set not null on column '{}' in place", c.column));
  }

  Out operator()(const model::DropNotNull& c) const {
    return rebuild(fmt::format("sqlite cannot drop not null on column '{}' in place", c.column));
  }

  Out operator()(const model::SetDefault& c) const {
    return rebuild(fmt::format("sqlite cannot {} the default of column '{}' in place",
                               c.to ? "set" : "drop", c.column));
  }

  Out operator()(const model::AddConstraint& c) const {
    return rebuild(fmt::format("sqlite cannot add constraint '{}' in place", c.constraint.name));
  }

  Out operator()(const model::ValidateConstraint&) const { return {}; }  // added valid already

  Out operator()(const model::AddConstraintUsingIndex& c) const {
    return rebuild(fmt::format("sqlite cannot add constraint '{}' in place", c.constraint.name));
  }

  Out operator()(const model::DropConstraint& c) const {
    return rebuild(fmt::format("sqlite cannot drop constraint '{}' in place", c.constraint.name));
  }

  Out operator()(const model::CreateIndex& c) const {
    return one_statement(sqlite::create_index(c.index, c.if_not_exists),
                         write_lock(c.index.table, false, true));
  }

  Out operator()(const model::DropIndex& c) const {
    return one_statement(fmt::format("DROP INDEX {}{}", c.if_exists ? "IF EXISTS " : "",
                                     sql().ident(c.index.name)),
                         write_lock(c.index.table));
  }

  // Enums have no statement of their own: their values live in the CHECK of
  // each column that uses them.
  Out operator()(const model::CreateEnum&) const { return {}; }
  Out operator()(const model::DropEnum&) const { return {}; }

  Out operator()(const model::AddEnumValue& c) const {
    Out out;
    for (const model::Table& table : c.tables) {
      std::string why = fmt::format("the CHECK of its '{}' columns takes the new value '{}'",
                                    c.type, c.value);
      for (EmittedStatement& s : sqlite::rebuild(table, {}, why, context()))
        out.push_back(std::move(s));
    }
    return out;
  }

  Out operator()(const model::Backfill& c) const;
  Out operator()(const model::RawSql& c) const;
  Out operator()(const model::SetLocal&) const { return {}; }  // SQLite has no such settings
};

// One batch: the rows of at most `batch` rowids that still need the update.
// `c IS NOT e` keeps updated rows out of later batches, so the loop ends; a
// value that moves between transactions (now()) relies on the user's `where`.
// The sqlite3 shell cannot loop, so the script form updates every row at once;
// the runtime walks the key in ranges (BatchWalk).
SqliteWriter::Out SqliteWriter::operator()(const model::Backfill& c) const {
  // The planner refused a varying value without a `where` (E0502).
  bool varies = backfill_varies(c);
  std::vector<std::string> conditions;
  if (c.where) conditions.push_back(sql().expr(*c.where, ExprContext::Operand));
  if (!varies) {
    std::string distinct;
    for (const ast::Assignment& a : c.assignments) {
      ast::Expr column{ast::ExprKind::Column, a.column.name, {}, false, false, {}, {}};
      distinct += (distinct.empty() ? "" : " OR ") + sql().distinct_from(column, a.value);
    }
    conditions.push_back(c.assignments.size() > 1 ? "(" + distinct + ")" : distinct);
  }
  std::string where;
  for (const std::string& cond : conditions) where += (where.empty() ? "" : " AND ") + cond;
  std::string sets;
  for (const ast::Assignment& a : c.assignments) {
    sets += (sets.empty() ? "" : ", ") +
            fmt::format("{} = {}", sql().ident(a.column.name), sql().expr(a.value));
  }
  std::string table = sql().ident(c.table);
  std::string text = fmt::format(
      "UPDATE {0} SET {1} WHERE rowid IN (SELECT rowid FROM {0} WHERE {2} LIMIT {3})", table, sets,
      where, c.batch);
  Out out = one_statement(std::move(text), write_lock(c.table, false, true));
  out[0].script_sql = fmt::format(
      "-- the sqlite3 shell cannot repeat a batch: every row in one statement\n"
      "UPDATE {} SET {} WHERE {}",
      table, sets, where);
  // The runtime walks the primary key (or a unique not-null key), else the rowid.
  std::vector<std::string> keys;
  for (const std::string& k : c.key_columns) keys.push_back(sql().ident(k));
  if (keys.empty()) keys.push_back("rowid");
  out[0].walk = key_walk(BackfillParts{table, sets, where, c.batch, c.pause_ms}, keys);
  out[0].walk.estimate_sql = fmt::format("SELECT count(*) FROM {}", table);
  return out;
}

SqliteWriter::Out SqliteWriter::operator()(const model::RawSql& c) const {
  std::optional<std::string> body = sql_body_for(c, Dialect::Sqlite, change.source, diags);
  if (!body) return {};
  return one_statement(std::move(*body), LockFacts{});
}

}  // namespace

std::vector<EmittedStatement> sqlite::statements(const model::Change& change, Diagnostics& diags) {
  return std::visit(SqliteWriter{change, diags}, change.kind);
}

}  // namespace migrac
