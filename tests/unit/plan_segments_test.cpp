// Segments: statements in order, a new segment at every transactional /
// non-transactional boundary and around units that must run alone; lock and
// statement timeouts; `no transaction` blocks; backfills; raw SQL migrations.

#include <catch2/catch.hpp>

#include "compiler/plan/segments.h"
#include "tests/unit/plan_test_fixtures.h"

namespace migrac {
namespace {

using namespace migrac::testing;
using TK = ast::TypeKind;
using Strings = std::vector<std::string>;

model::Change raw(std::string text, std::uint32_t line, int block = -1) {
  return change(model::RawSql{{ast::SqlBody{std::nullopt, std::move(text), {}}}}, line, false,
                block);
}

model::Backfill slug_backfill() {
  model::Backfill b;
  b.table = "articles";
  b.assignments = {ast::Assignment{ast::Ident{"slug", false, {}}, call("lower", {col("title")})}};
  b.where = is_null(col("slug"));
  b.batch = 500;
  b.key_columns = {"id"};
  return b;
}

TEST_CASE("segments follow the statements in order", "[plan][segments]") {
  MigrationPlan plan = pg_plan({
      change(model::AddColumn{"users", column("phone", type(TK::Text)), {}}, 2),
      change(model::CreateIndex{index("ix_users_phone", "users", {"phone"}), false, false}, 3),
      change(model::RenameColumn{"users", "name", "full_name"}, 4),
      change(model::SetDefault{"users", "phone", std::nullopt, str("")}, 5),
  });
  CHECK(segment_sql(plan.up) ==
        Strings{"tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE users ADD COLUMN phone text",
                "no-tx\nSET lock_timeout = '5s'\nDROP INDEX CONCURRENTLY IF EXISTS ix_users_phone\n"
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_phone ON users (phone)\n"
                "RESET lock_timeout",
                "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE users RENAME COLUMN name TO "
                "full_name\nALTER TABLE users ALTER COLUMN phone SET DEFAULT ''"});
  CHECK(plan.up[2].statements[1].source.begin.line == 4);
  CHECK(plan.up[2].statements[2].source.begin.line == 5);
}

TEST_CASE("each concurrent build is a segment of its own", "[plan][segments]") {
  MigrationPlan plan = pg_plan({
      change(model::CreateIndex{index("ix_a", "t", {"a"}), false, false}, 2),
      change(model::CreateIndex{index("ix_b", "t", {"b"}), false, false}, 3),
      change(model::DropIndex{index("ix_c", "t", {"c"}), false, false}, 4),
  });
  REQUIRE(plan.up.size() == 3);
  for (const Segment& s : plan.up) CHECK_FALSE(s.transactional);
  CHECK(plan.up[0].statements[2].sql == "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_a ON t (a)");
  CHECK(plan.up[1].statements[2].sql == "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_b ON t (b)");
  CHECK(plan.up[2].statements[1].sql == "DROP INDEX CONCURRENTLY IF EXISTS ix_c");
}

TEST_CASE("segments that take no lock get no timeout", "[plan][segments]") {
  model::Table t;
  t.name = "notes";
  t.columns = {column("body", type(TK::Text))};
  MigrationPlan plan = pg_plan({change(model::CreateEnum{model::Enum{"mood", {"ok", "sad"}}}, 2),
                                change(model::AddTable{t}, 3)});
  CHECK(segment_sql(plan.up) ==
        Strings{
            "tx\nCREATE TYPE mood AS ENUM ('ok', 'sad')\nCREATE TABLE notes (\n  body text\n)"});
}

TEST_CASE("lock and statement timeouts come from the settings", "[plan][segments]") {
  MigrationSettings s;
  s.lock_timeout_ms = 2000;
  s.statement_timeout_ms = 120000;
  MigrationPlan plan = pg_plan({change(model::DropColumn{"users", column("bio", type(TK::Text))}),
                                change(model::DropIndex{index("ix_a", "t", {"a"}), false, false})},
                               s);
  CHECK(segment_sql(plan.up) ==
        Strings{
            "tx\nSET LOCAL lock_timeout = '2s'\nSET LOCAL statement_timeout = '2min'\n"
            "ALTER TABLE users DROP COLUMN bio",
            "no-tx\nSET lock_timeout = '2s'\nSET statement_timeout = '2min'\n"
            "DROP INDEX CONCURRENTLY IF EXISTS ix_a\nRESET lock_timeout\nRESET statement_timeout"});
  // A backfill's batches are bounded by their size, not by statement_timeout.
  model::Backfill b;
  b.table = "users";
  b.assignments = {ast::Assignment{ast::Ident{"bio", false, {}}, str("")}};
  b.key_columns = {"id"};
  CHECK(segment_sql(pg_plan({change(b)}, s).up)[0].starts_with(
      "no-tx\nSET lock_timeout = '2s'\nUPDATE users"));
  CHECK(format_duration(5000) == "5s");
  CHECK(format_duration(250) == "250ms");
  CHECK(format_duration(90000) == "90s");
  CHECK(format_duration(3600000) == "1h");
  CHECK(format_duration(0) == "0ms");
}

TEST_CASE("statements say what they do to their object and whether they change data",
          "[plan][segments]") {
  MigrationPlan plan = pg_plan({
      change(model::AddColumn{"users", column("bio", type(TK::Text)), {}}, 2),
      change(model::DropColumn{"users", column("age", type(TK::Int))}, 3),
      change(model::SetDefault{"users", "bio", std::nullopt, str("")}, 4),
      change(model::DropTable{users_table()}, 5),
      raw("-- the view\nCREATE VIEW v AS SELECT 1", 6),
      raw("/* gone */ drop view w", 7),
      raw("INSERT INTO t VALUES (1)", 8),
  });
  REQUIRE(plan.up.size() == 1);
  const std::vector<PlannedStatement>& st = plan.up[0].statements;
  REQUIRE(st.size() == 8);  // after SET LOCAL lock_timeout
  CHECK(st[0].effect == ObjectEffect::None);
  CHECK_FALSE(st[0].changes_data);
  CHECK(st[1].effect == ObjectEffect::Creates);
  CHECK_FALSE(st[1].changes_data);
  CHECK(st[2].effect == ObjectEffect::Drops);
  CHECK_FALSE(st[2].changes_data);
  CHECK(st[3].effect == ObjectEffect::None);
  CHECK(st[4].effect == ObjectEffect::Drops);
  CHECK(st[4].changes_data);
  // Raw SQL may change anything; its effect is its first keyword's.
  CHECK(st[5].role == StatementRole::Raw);
  CHECK(st[5].effect == ObjectEffect::Creates);
  CHECK(st[6].effect == ObjectEffect::Drops);
  CHECK(st[7].effect == ObjectEffect::None);
  for (std::size_t i = 5; i < st.size(); ++i) CHECK(st[i].changes_data);
}

TEST_CASE("a no transaction block runs outside a transaction", "[plan][segments]") {
  MigrationPlan plan = pg_plan({
      change(model::AddColumn{"users", column("bio", type(TK::Text)), {}}, 2),
      raw("VACUUM ANALYZE users", 4, 0),
      raw("VACUUM ANALYZE orders;", 5, 0),
      change(model::DropColumn{"users", column("x", type(TK::Text))}, 7),
  });
  CHECK(segment_sql(plan.up) ==
        Strings{"tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE users ADD COLUMN bio text",
                "no-tx\nSET lock_timeout = '5s'\nVACUUM ANALYZE users\nVACUUM ANALYZE orders\n"
                "RESET lock_timeout",
                "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE users DROP COLUMN x"});
  CHECK(plan.up[1].statements[1].role == StatementRole::Raw);
  // Two separate blocks stay separate segments.
  MigrationPlan two = pg_plan({raw("SELECT 1", 2, 0), raw("SELECT 2", 3, 1)});
  CHECK(two.up.size() == 2);
}

TEST_CASE("set transaction = none: every segment outside a transaction", "[plan][segments]") {
  MigrationSettings s;
  s.transactional = false;
  MigrationPlan plan = pg_plan(
      {change(model::AddColumn{"users", column("bio", type(TK::Text)), {}}, 2),
       change(model::AddConstraint{"users", check("ck_bio", is_null(col("bio"), true)), false}, 3)},
      s);
  CHECK(segment_sql(plan.up) ==
        Strings{"no-tx\nSET lock_timeout = '5s'\nALTER TABLE users ADD COLUMN bio text\n"
                "ALTER TABLE users ADD CONSTRAINT ck_bio CHECK (bio IS NOT NULL) NOT VALID\n"
                "RESET lock_timeout",
                "no-tx\nSET lock_timeout = '5s'\nALTER TABLE users VALIDATE CONSTRAINT ck_bio\n"
                "RESET lock_timeout"});
}

TEST_CASE("backfill: its own non-transactional segment with a batch loop", "[plan][segments]") {
  MigrationPlan plan = pg_plan({
      change(model::AddColumn{"articles", column("slug", type(TK::Text)), {}}, 2),
      change(slug_backfill(), 3),
      change(model::SetNotNull{"articles", "slug"}, 4, false),
  });
  REQUIRE(plan.up.size() == 5);
  CHECK_FALSE(plan.up[1].transactional);
  const PlannedStatement& batch = plan.up[1].statements[1];
  CHECK(batch.role == StatementRole::Backfill);
  CHECK(
      batch.sql ==
      "UPDATE articles SET slug = lower(title) WHERE id IN (SELECT id FROM articles WHERE slug IS "
      "NULL AND slug IS DISTINCT FROM lower(title) LIMIT 500)");
  CHECK(batch.script_sql.starts_with("DO $migrac$\n"));
  CHECK(plan.up[1].statements[0].sql == "SET lock_timeout = '5s'");
  CHECK(plan.up[1].statements[2].sql == "RESET lock_timeout");
  // The backfill reverses to nothing.
  CHECK(plan.reversible);
  CHECK(segment_sql(plan.down) ==
        Strings{
            "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE articles ALTER COLUMN slug DROP NOT "
            "NULL\nALTER TABLE articles DROP COLUMN slug"});
}

TEST_CASE("a varying backfill without where is refused in every dialect", "[plan][segments]") {
  for (Dialect d : {Dialect::Postgres, Dialect::Sqlite, Dialect::Mysql}) {
    std::unique_ptr<Emitter> emitter = make_emitter(d);
    model::Backfill b = slug_backfill();
    b.assignments[0].value = call("now");
    b.where.reset();
    PlanInput in = plan_input({change(b, 7)});
    Diagnostics diags;
    MigrationPlan plan = plan_migration(in.migration, in.checked, *emitter, in.files, PlanOptions{},
                                        diags);
    INFO(dialect_name(d));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].kind == DiagKind::BackfillNeedsWhere);
    CHECK(diags.all()[0].range.begin.line == 7);
    CHECK(diags.all()[0].message ==
          "backfill of table 'articles' sets a value that changes between batches and has no "
          "'where' to tell which rows are done");
    for (const Segment& s : plan.up) {
      for (const PlannedStatement& st : s.statements) CHECK(st.role != StatementRole::Backfill);
    }
  }
}

TEST_CASE("planning errors are reported with their source", "[plan][segments]") {
  std::unique_ptr<Emitter> pg = make_emitter(Dialect::Postgres);
  model::Backfill b = slug_backfill();
  b.assignments[0].value = call("now");
  b.where.reset();
  PlanInput in = plan_input(
      {change(b, 6),
       change(model::RawSql{{ast::SqlBody{ast::Ident{"sqlite", false, {}}, "SELECT 1", {}}}}, 8)});
  Diagnostics diags;
  MigrationPlan plan = plan_migration(in.migration, in.checked, *pg, in.files, PlanOptions{},
                                      diags);
  REQUIRE(diags.error_count() == 2);
  CHECK(diags.all()[0].kind == DiagKind::BackfillNeedsWhere);
  CHECK(diags.all()[0].range.begin.line == 6);
  CHECK(diags.all()[1].kind == DiagKind::SqlNoBodyForDialect);
  CHECK(diags.all()[1].range.begin.line == 8);
  CHECK(diag_info(DiagKind::SqlNoBodyForDialect).code == "E0501");
  CHECK(diag_info(DiagKind::BackfillNeedsWhere).code == "E0502");
}

TEST_CASE("raw SQL migrations: statements as written", "[plan][segments]") {
  PlanInput in = plan_input({});
  in.migration.format = MigrationFormat::RawSql;
  in.checked.has_raw_sql = true;
  in.migration.raw_up = {ast::RawStatement{"CREATE TABLE t (id int)", at_line(2)},
                         ast::RawStatement{"\nCREATE INDEX ix_t ON t (id);\n", at_line(3)}};
  MigrationPlan plan = pg_plan(in);
  CHECK(segment_sql(plan.up) == Strings{"tx\nSET LOCAL lock_timeout = '5s'\nCREATE TABLE t (id "
                                        "int)\nCREATE INDEX ix_t ON t (id)"});
  CHECK(plan.up[0].statements[2].source.begin.line == 3);
  CHECK_FALSE(plan.reversible);
  CHECK(plan.irreversible_reason == "raw SQL migration without a .down.sql file");
  CHECK(plan.irreversible_at.begin.line == 1);
  CHECK(plan.down.empty());

  in.migration.down_file = 0;
  in.migration.raw_down = {ast::RawStatement{"DROP TABLE t", at_line(5)}};
  plan = pg_plan(in);
  CHECK(plan.reversible);
  CHECK(segment_sql(plan.down) == Strings{"tx\nSET LOCAL lock_timeout = '5s'\nDROP TABLE t"});

  in.migration.no_transaction = true;
  plan = pg_plan(in);
  CHECK(segment_sql(plan.up) ==
        Strings{"no-tx\nSET lock_timeout = '5s'\nCREATE TABLE t (id int)\nCREATE INDEX ix_t ON t "
                "(id)\nRESET lock_timeout"});
}

TEST_CASE("the plan carries the migration's identity", "[plan][segments]") {
  MigrationPlan plan = pg_plan(std::vector<model::Change>{});
  CHECK(plan.id == "0002_change");
  CHECK(plan.file == "migrations/0002_change.mig");
  CHECK(plan.parents == Strings{"0001_initial"});
  CHECK(plan.checksum == "v1:00");
  CHECK(plan.migration == 1);
  CHECK(plan.up.empty());
  CHECK(plan.reversible);
}

}  // namespace
}  // namespace migrac
