#pragma once
// Hand-built Changes, schema pieces and expressions for the plan_* and emit_*
// tests, and a check that every emitted statement parses with PostgreSQL's
// own parser (libpg_query).

#include <pg_query.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define MIGRAC_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MIGRAC_TEST_ASAN 1
#endif
#endif
#ifdef MIGRAC_TEST_ASAN
#include <sanitizer/lsan_interface.h>
#endif

#include "compiler/dialect/dialect.h"
#include "compiler/model/change.h"
#include "compiler/plan/plan.h"

namespace migrac::testing {

// --- expressions -----------------------------------------------------------

inline ast::Expr expr(ast::ExprKind kind, std::string text = {}, std::vector<ast::Expr> args = {}) {
  ast::Expr e;
  e.kind = kind;
  e.text = std::move(text);
  e.args = std::move(args);
  return e;
}
inline ast::Expr col(std::string name) { return expr(ast::ExprKind::Column, std::move(name)); }
inline ast::Expr num(std::string text) { return expr(ast::ExprKind::Number, std::move(text)); }
inline ast::Expr str(std::string text) { return expr(ast::ExprKind::String, std::move(text)); }
inline ast::Expr boolean(bool v) { return expr(ast::ExprKind::Bool, v ? "true" : "false"); }
inline ast::Expr null() { return expr(ast::ExprKind::Null); }
inline ast::Expr call(std::string name, std::vector<ast::Expr> args = {}) {
  return expr(ast::ExprKind::Call, std::move(name), std::move(args));
}
inline ast::Expr bin(std::string op, ast::Expr a, ast::Expr b) {
  return expr(ast::ExprKind::Binary, std::move(op), {std::move(a), std::move(b)});
}
inline ast::Expr unary(std::string op, ast::Expr a) {
  return expr(ast::ExprKind::Unary, std::move(op), {std::move(a)});
}
inline ast::Expr paren(ast::Expr a) { return expr(ast::ExprKind::Paren, {}, {std::move(a)}); }
inline ast::Expr is_null(ast::Expr a, bool negated = false) {
  ast::Expr e = expr(ast::ExprKind::IsNull, {}, {std::move(a)});
  e.negated = negated;
  return e;
}

// --- types and schema ----------------------------------------------------

inline ast::TypeRef type(ast::TypeKind kind, std::optional<std::int64_t> length = std::nullopt,
                         std::optional<std::int64_t> scale = std::nullopt, std::string name = {}) {
  ast::TypeRef t;
  t.kind = kind;
  t.length = length;
  t.scale = scale;
  t.name = std::move(name);
  return t;
}

inline model::Column column(std::string name, ast::TypeRef t, bool not_null = false,
                            std::optional<ast::Expr> def = std::nullopt, bool identity = false) {
  model::Column c;
  c.name = std::move(name);
  c.type = std::move(t);
  c.not_null = not_null;
  c.default_value = std::move(def);
  c.identity = identity;
  return c;
}

inline model::Constraint pk(std::string name, std::vector<std::string> cols) {
  model::Constraint k;
  k.name = std::move(name);
  k.kind = ast::ConstraintKind::PrimaryKey;
  k.columns = std::move(cols);
  return k;
}
inline model::Constraint unique(std::string name, std::vector<std::string> cols) {
  model::Constraint k = pk(std::move(name), std::move(cols));
  k.kind = ast::ConstraintKind::Unique;
  return k;
}
inline model::Constraint fk(std::string name, std::vector<std::string> cols, std::string ref,
                            std::vector<std::string> ref_cols,
                            ast::RefAction on_delete = ast::RefAction::NoAction) {
  model::Constraint k = pk(std::move(name), std::move(cols));
  k.kind = ast::ConstraintKind::ForeignKey;
  k.ref_table = std::move(ref);
  k.ref_columns = std::move(ref_cols);
  k.on_delete = on_delete;
  return k;
}
inline model::Constraint check(std::string name, ast::Expr e, std::vector<std::string> cols = {}) {
  model::Constraint k;
  k.name = std::move(name);
  k.kind = ast::ConstraintKind::Check;
  k.columns = std::move(cols);
  k.check = std::move(e);
  return k;
}

inline model::Index index(std::string name, std::string table, std::vector<std::string> cols,
                          bool is_unique = false) {
  model::Index ix;
  ix.name = std::move(name);
  ix.table = std::move(table);
  ix.unique = is_unique;
  for (const std::string& c : cols) ix.elements.push_back(col(c));
  ix.columns = std::move(cols);
  return ix;
}

// users (id bigint identity pk, email varchar(255) not null, name text)
inline model::Table users_table() {
  model::Table t;
  t.name = "users";
  t.columns = {column("id", type(ast::TypeKind::BigInt), true, std::nullopt, true),
               column("email", type(ast::TypeKind::Varchar, 255), true),
               column("name", type(ast::TypeKind::Text))};
  t.constraints = {pk("pk_users", {"id"})};
  return t;
}

// --- sources and changes -------------------------------------------------

// A SourceSet with one migration file of 40 lines, path migrations/0002_change.mig.
inline SourceSet sources() {
  SourceSet s;
  std::string text;
  for (int i = 1; i <= 40; ++i) text += "-- line\n";
  s.add("migrations/0002_change.mig", text);
  return s;
}

inline SourceRange at_line(std::uint32_t line) {
  SourceRange r;
  r.file = 0;
  r.begin = SourcePos{line, 1, (line - 1) * 8};
  r.end = SourcePos{line, 8, (line - 1) * 8 + 7};
  return r;
}

inline model::Change change(model::ChangeKind kind, std::uint32_t line = 3,
                            bool table_is_new = false, int block = -1) {
  model::Change c;
  c.kind = std::move(kind);
  c.source = at_line(line);
  c.table_is_new = table_is_new;
  c.no_transaction_block = block;
  return c;
}

// --- PostgreSQL's parser -------------------------------------------------

// An empty string when `sql` parses with libpg_query, else its error message.
inline std::string pg_parse_error(const std::string& sql) {
  PgQueryParseResult r = pg_query_parse(sql.c_str());
  std::string error = r.error ? std::string(r.error->message) : std::string();
  pg_query_free_parse_result(r);
  return error;
}

// For `DO $tag$ body $tag$`: an empty string when the body parses as
// PL/pgSQL, else the error. Other statements: empty.
inline std::string plpgsql_error(const std::string& sql) {
  if (!sql.starts_with("DO $")) return "";
  std::size_t tag_end = sql.find('$', 4);
  std::string tag = sql.substr(3, tag_end - 2);
  std::string function = "CREATE FUNCTION migrac_check() RETURNS void LANGUAGE plpgsql AS " +
                         sql.substr(3);
#ifdef MIGRAC_TEST_ASAN
  // libpg_query 15's pg_query_parse_plpgsql never frees the stderr buffer of
  // its raw parse (one byte; its issue #49): not a leak of ours.
  __lsan::ScopedDisabler known_leak;
#endif
  PgQueryPlpgsqlParseResult r = pg_query_parse_plpgsql(function.c_str());
  std::string error = r.error ? std::string(r.error->message) : std::string();
  pg_query_free_plpgsql_parse_result(r);
  return error;
}

inline void require_parses(const std::string& sql) {
  INFO(sql);
  REQUIRE(pg_parse_error(sql) == "");
  REQUIRE(plpgsql_error(sql) == "");
}

// Every statement of a plan, its recovery conditions and script forms.
inline void require_plan_parses(const MigrationPlan& plan) {
  for (const auto* segments : {&plan.up, &plan.down}) {
    for (const Segment& seg : *segments) {
      for (const PlannedStatement& s : seg.statements) {
        require_parses(s.sql);
        if (!s.condition_sql.empty()) require_parses(s.condition_sql);
        if (!s.script_sql.empty()) require_parses(s.script_sql);
      }
    }
  }
}

// Emits one change with the PostgreSQL emitter, checks that it parses, and
// returns the statements.
inline std::vector<EmittedStatement> pg_emit(const model::Change& c, Diagnostics& diags) {
  static std::unique_ptr<Emitter> pg = make_emitter(Dialect::Postgres);
  std::vector<EmittedStatement> out = pg->emit(c, diags);
  for (const EmittedStatement& e : out) {
    require_parses(e.sql);
    if (!e.script_sql.empty()) require_parses(e.script_sql);
  }
  return out;
}

// The SQL of the single statement a change emits.
inline std::string pg_sql(const model::Change& c) {
  Diagnostics diags;
  std::vector<EmittedStatement> out = pg_emit(c, diags);
  REQUIRE(out.size() == 1);
  return out[0].sql;
}

inline LockFacts pg_lock(const model::Change& c) {
  Diagnostics diags;
  std::vector<EmittedStatement> out = pg_emit(c, diags);
  REQUIRE(out.size() == 1);
  return out[0].lock;
}

// The SQL of every statement of a list of segments, one string per segment:
// statements joined with "\n", the segment's mode first ("tx" or "no-tx").
inline std::vector<std::string> segment_sql(const std::vector<Segment>& segments) {
  std::vector<std::string> out;
  for (const Segment& seg : segments) {
    std::string text = seg.transactional ? "tx" : "no-tx";
    for (const PlannedStatement& s : seg.statements) text += "\n" + s.sql;
    out.push_back(text);
  }
  return out;
}

}  // namespace migrac::testing

namespace migrac::testing {

// A .mig migration 0002_change (after 0001_initial) whose checked `up` is `changes`.
struct PlanInput {
  ast::Migration migration;
  CheckedMigration checked;
  SourceSet files = sources();
};

inline PlanInput plan_input(std::vector<model::Change> changes, MigrationSettings settings = {}) {
  PlanInput in;
  in.migration.id = "0002_change";
  in.migration.file = 0;
  in.migration.parents = {ast::Ident{"0001_initial", false, {}}};
  in.migration.checksum = "v1:00";
  in.migration.id_range = at_line(1);
  in.checked.migration = 1;
  in.checked.settings = settings;
  in.checked.up = std::move(changes);
  return in;
}

// Plans the input for PostgreSQL, requiring no diagnostics and that every
// statement parses.
inline MigrationPlan pg_plan(const PlanInput& in) {
  static std::unique_ptr<Emitter> pg = make_emitter(Dialect::Postgres);
  Diagnostics diags;
  MigrationPlan plan = plan_migration(in.migration, in.checked, *pg, in.files, PlanOptions{},
                                      diags);
  for (const Diagnostic& d : diags.all()) INFO(d.message);
  REQUIRE_FALSE(diags.has_errors());
  require_plan_parses(plan);
  return plan;
}

inline MigrationPlan pg_plan(std::vector<model::Change> changes, MigrationSettings settings = {}) {
  return pg_plan(plan_input(std::move(changes), settings));
}

}  // namespace migrac::testing
