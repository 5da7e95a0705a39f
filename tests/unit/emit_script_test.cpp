// The plain script format: header, migration blocks, segment markers with
// BEGIN/COMMIT, a comment line per statement, and deterministic output.

#include <catch2/catch.hpp>

#include "compiler/script/script.h"
#include "tests/unit/plan_test_fixtures.h"

namespace migrac {
namespace {

using namespace migrac::testing;
using TK = ast::TypeKind;

MigrationPlan index_plan() {
  return pg_plan({
      change(model::AddColumn{"articles", column("slug", type(TK::Text)), {}}, 3),
      change(model::CreateIndex{index("ix_articles_slug", "articles", {"slug"}), false, false}, 5),
  });
}

TEST_CASE("plain upgrade script", "[emit][script]") {
  SourceSet files = sources();
  std::string script = render_script({index_plan()}, files, ScriptOptions{});
  CHECK(script ==
        "-- migrac upgrade script for postgres: 1 migration\n"
        "-- Each segment runs in a transaction of its own or outside any transaction, as marked.\n"
        "-- Before each statement: the lock it takes, whether it rewrites or scans the table,\n"
        "-- and the line it comes from.\n"
        "\n"
        "-- ---------------------------------------------------------------------------\n"
        "-- migration: 0002_change\n"
        "-- file: migrations/0002_change.mig\n"
        "-- after: 0001_initial\n"
        "-- reversible: yes\n"
        "-- ---------------------------------------------------------------------------\n"
        "\n"
        "-- segment 1/2: in a transaction\n"
        "BEGIN;\n"
        "\n"
        "-- setting: for this transaction only\n"
        "SET LOCAL lock_timeout = '5s';\n"
        "\n"
        "-- lock: ACCESS EXCLUSIVE on articles | rewrites: no | scans: no | "
        "migrations/0002_change.mig:3\n"
        "ALTER TABLE articles ADD COLUMN slug text;\n"
        "\n"
        "COMMIT;\n"
        "\n"
        "-- segment 2/2: outside a transaction\n"
        "\n"
        "-- setting: for the session, as SET LOCAL has no effect outside a transaction\n"
        "SET lock_timeout = '5s';\n"
        "\n"
        "-- recovery: drops an index left INVALID by an interrupted build (the runner runs it only "
        "in that case) | lock: SHARE UPDATE EXCLUSIVE on articles | rewrites: no | scans: no | "
        "migrations/0002_change.mig:5\n"
        "DROP INDEX CONCURRENTLY IF EXISTS ix_articles_slug;\n"
        "\n"
        "-- lock: SHARE UPDATE EXCLUSIVE on articles | rewrites: no | scans: yes | "
        "migrations/0002_change.mig:5\n"
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_articles_slug ON articles (slug);\n"
        "\n"
        "-- setting: back to the session default\n"
        "RESET lock_timeout;\n");
  // Byte-for-byte the same on every run.
  CHECK(render_script({index_plan()}, files, ScriptOptions{}) == script);
  CHECK(render_migration_script(index_plan(), files, ScriptOptions{}) == script);
}

TEST_CASE("plain downgrade script, migrations in the order given", "[emit][script]") {
  SourceSet files = sources();
  MigrationPlan second = index_plan();
  MigrationPlan first = pg_plan({change(model::RenameTable{"posts", "articles"}, 2)});
  first.id = "0001_initial";
  first.parents.clear();
  ScriptOptions options;
  options.down = true;
  std::string script = render_script({second, first}, files, options);
  CHECK(script ==
        "-- migrac downgrade script for postgres: 2 migrations\n"
        "-- Each segment runs in a transaction of its own or outside any transaction, as marked.\n"
        "-- Before each statement: the lock it takes, whether it rewrites or scans the table,\n"
        "-- and the line it comes from.\n"
        "\n"
        "-- ---------------------------------------------------------------------------\n"
        "-- migration: 0002_change (downgrade)\n"
        "-- file: migrations/0002_change.mig\n"
        "-- after: 0001_initial\n"
        "-- reversible: yes\n"
        "-- ---------------------------------------------------------------------------\n"
        "\n"
        "-- segment 1/2: outside a transaction\n"
        "\n"
        "-- setting: for the session, as SET LOCAL has no effect outside a transaction\n"
        "SET lock_timeout = '5s';\n"
        "\n"
        "-- lock: SHARE UPDATE EXCLUSIVE on articles | rewrites: no | scans: no | "
        "migrations/0002_change.mig:5\n"
        "DROP INDEX CONCURRENTLY IF EXISTS ix_articles_slug;\n"
        "\n"
        "-- setting: back to the session default\n"
        "RESET lock_timeout;\n"
        "\n"
        "-- segment 2/2: in a transaction\n"
        "BEGIN;\n"
        "\n"
        "-- setting: for this transaction only\n"
        "SET LOCAL lock_timeout = '5s';\n"
        "\n"
        "-- lock: ACCESS EXCLUSIVE on articles | rewrites: no | scans: no | "
        "migrations/0002_change.mig:3\n"
        "ALTER TABLE articles DROP COLUMN slug;\n"
        "\n"
        "COMMIT;\n"
        "\n"
        "-- ---------------------------------------------------------------------------\n"
        "-- migration: 0001_initial (downgrade)\n"
        "-- file: migrations/0002_change.mig\n"
        "-- after: (root)\n"
        "-- reversible: yes\n"
        "-- ---------------------------------------------------------------------------\n"
        "\n"
        "-- segment 1/1: in a transaction\n"
        "BEGIN;\n"
        "\n"
        "-- setting: for this transaction only\n"
        "SET LOCAL lock_timeout = '5s';\n"
        "\n"
        "-- lock: ACCESS EXCLUSIVE on articles | rewrites: no | scans: no | "
        "migrations/0002_change.mig:2\n"
        "ALTER TABLE articles RENAME TO posts;\n"
        "\n"
        "COMMIT;\n");
}

TEST_CASE("script comments for backfill, raw SQL, irreversible and empty migrations",
          "[emit][script]") {
  SourceSet files = sources();
  model::Backfill b;
  b.table = "Order Items";
  b.assignments = {ast::Assignment{ast::Ident{"qty", false, {}}, num("1")}};
  b.batch = 10;
  MigrationPlan plan = pg_plan({
      change(b, 4),
      change(model::RawSql{{ast::SqlBody{std::nullopt, "UPDATE t SET x = 1 -- why", {}}}}, 7),
  });
  std::string script = render_script({plan}, files, ScriptOptions{});
  CHECK(script.find(
            "-- reversible: no, 'sql' without a 'down' block (migrations/0002_change.mig:7)\n") !=
        std::string::npos);
  std::size_t backfill = script.find(
      "-- backfill: in batches, each committed, until no row is left | lock: ROW "
      "EXCLUSIVE on \"Order Items\" | rewrites: no | scans: yes | "
      "migrations/0002_change.mig:4\n");
  REQUIRE(backfill != std::string::npos);
  // The statements migrac upgrade runs are shown in comments before the DO block.
  std::size_t block = script.find("\nDO $migrac$\n", backfill);
  REQUIRE(block != std::string::npos);
  for (std::size_t at = script.find('\n', backfill) + 1; at < block + 1;
       at = script.find('\n', at) + 1)
    CHECK(script.compare(at, 2, "--") == 0);
  CHECK(script.find("END LOOP;\nEND\n$migrac$;\n") != std::string::npos);
  // A trailing `--` comment never swallows the semicolon.
  CHECK(script.find("-- raw SQL: locks not analyzed | migrations/0002_change.mig:7\n"
                    "UPDATE t SET x = 1 -- why\n;\n") != std::string::npos);

  ScriptOptions down;
  down.down = true;
  std::string down_script = render_script({plan}, files, down);
  CHECK(down_script.find("-- (no statements: this migration cannot be downgraded)\n") !=
        std::string::npos);
  CHECK(down_script.find("BEGIN") == std::string::npos);

  MigrationPlan empty = pg_plan(std::vector<model::Change>{});
  CHECK(render_script({empty}, files, ScriptOptions{}).ends_with("-- (no statements)\n"));
  CHECK(render_script({}, files, ScriptOptions{})
            .starts_with("-- migrac upgrade script for postgres: 0 migrations\n"));
}

TEST_CASE("render_script dispatches on the format", "[emit][script]") {
  ScriptOptions options;
  options.format = ScriptFormat::Psql;
  std::string psql = render_script({index_plan()}, sources(), options);
  CHECK(psql != render_script({index_plan()}, sources(), ScriptOptions{}));
  CHECK(psql == render_migration_script(index_plan(), sources(), options));
}

}  // namespace
}  // namespace migrac
