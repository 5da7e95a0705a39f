// Data and escape hatches: backfill and sql.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "compiler/check/checker.h"

namespace migrac {

namespace {

constexpr std::array<const char*, 3> kDialects{"postgres", "sqlite", "mysql"};

}  // namespace

void Checker::on(const ast::Backfill& op) {
  const model::Table* t = find_table(op.table);
  if (!t) return;
  bool ok = true;
  std::vector<std::string> assigned;
  for (const ast::Assignment& a : op.assignments) {
    if (!t->column(a.column.name) &&
        !unknowable(t->name, fmt::format("column '{}'", a.column.name), a.column.range)) {
      find_column(std::as_const(*t), a.column);  // reports
      ok = false;
    } else if (const model::Column* c = t->column(a.column.name); c && c->generated) {
      diags_.report(DiagKind::GeneratedWritten, a.column.range,
                    fmt::format("generated column '{}.{}' cannot be backfilled", t->name,
                                a.column.name),
                    "its value is its expression: backfill the columns it reads");
      ok = false;
    } else if (std::find(assigned.begin(), assigned.end(), a.column.name) != assigned.end()) {
      diags_.report(DiagKind::DuplicateColumnInList, a.column.range,
                    fmt::format("column '{}' is assigned twice", a.column.name));
      ok = false;
    } else {
      assigned.push_back(a.column.name);
    }
    if (!check_expr(a.value, *t, nullptr)) ok = false;
  }
  if (op.where && !check_expr(*op.where, *t, nullptr)) ok = false;
  if (!ok) return;
  model::Backfill b;
  b.table = t->name;
  b.assignments = op.assignments;
  b.where = op.where;
  if (op.batch) b.batch = *op.batch;
  if (op.pause_ms) b.pause_ms = *op.pause_ms;
  // The key the backfill walks: the primary key, else a unique key of not-null columns.
  if (const model::Constraint* pk = t->primary_key()) b.key_columns = pk->columns;
  for (const model::Constraint& u : t->constraints) {
    if (!b.key_columns.empty()) break;
    if (u.kind != ast::ConstraintKind::Unique || u.columns.empty()) continue;
    bool not_null = true;
    for (const std::string& col : u.columns) {
      const model::Column* column = t->column(col);
      not_null = not_null && column && column->not_null;
    }
    if (not_null) b.key_columns = u.columns;
  }
  commit(std::move(b), t->name);
}

void Checker::on(const ast::Sql& op) {
  // A body given twice for one dialect is a syntax error (compiler/syntax).
  bool ok = true;
  for (const ast::SqlBody& body : op.bodies) {
    if (!body.dialect) continue;
    const std::string& dialect = body.dialect->name;
    if (std::find(kDialects.begin(), kDialects.end(), dialect) == kDialects.end()) {
      std::vector<std::string> known(kDialects.begin(), kDialects.end());
      std::string help = did_you_mean(dialect, known);
      if (help.empty()) help = "the dialects are 'postgres', 'sqlite' and 'mysql'";
      diags_.report(DiagKind::UnknownDialect, body.dialect->range,
                    fmt::format("unknown dialect '{}' for a sql body", dialect), help);
      ok = false;
    }
  }
  if (!ok) return;
  commit(model::RawSql{op.bodies});
  // The PostgreSQL body (or the one for every dialect) is followed as a raw
  // migration's statements are: the model is one for every dialect.
  const ast::SqlBody* pg = followed_sql_body(op);
  if (!pg || !sources_) return;
  follow_raw_sql(pg->text, pg->range, st_, *sources_, diags_, undo_);
}

}  // namespace migrac
