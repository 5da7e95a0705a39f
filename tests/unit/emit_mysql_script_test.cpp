// The mysql client's script on hand-built plans (its whole text is a golden
// case, tests/golden/cases/mysql_script): it records with the runtime's own
// history statements, takes the runtime's run lock, stops before anything
// when the database is elsewhere, and leaves out what it cannot run.
#include <catch2/catch.hpp>

#include "compiler/dialect/mysql/history.h"
#include "compiler/script/script.h"

#include <fmt/format.h>

using namespace migrac;

namespace {

PlannedStatement stmt(std::string sql, StatementRole role = StatementRole::Ddl) {
  PlannedStatement s;
  s.sql = std::move(sql);
  s.role = role;
  return s;
}

// 0002_phone: two DDL statements outside a transaction, then a row change in one.
MigrationPlan phone() {
  MigrationPlan p;
  p.id = "0002_phone";
  p.checksum = "v1:abc";
  p.parents = {"0001_init"};
  p.transactional_ddl = false;
  p.up = {Segment{false, {stmt("ALTER TABLE users ADD COLUMN phone varchar(20)")}},
          Segment{false, {stmt("CREATE INDEX ix_users_phone ON users (phone)")}},
          Segment{true, {stmt("UPDATE users SET phone = ''", StatementRole::Raw)}}};
  p.down = {Segment{false, {stmt("ALTER TABLE users DROP COLUMN phone")}}};
  return p;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the mysql script records with the runtime's statements", "[script][mysql]") {
  SourceSet sources;
  ScriptOptions options;
  options.format = ScriptFormat::Mysql;
  std::string got = render_script(std::vector<MigrationPlan>{phone()}, sources, options);
  HistoryTable t;
  auto h = make_mysql_history_sql(t);
  HistoryRowKey key{"0002_phone", "v1:abc", {"0001_init"}, 3, "mysql"};
  std::string ignored;
  for (const std::string& sql : h->create(ignored)) CHECK(has(got, sql + ";"));
  const char* ms = "TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000";
  CHECK(has(got, h->up_started(key, 1) +
                     ";\nSET @migrac_t0 = SYSDATE(6);\n"
                     "ALTER TABLE users ADD COLUMN phone varchar(20);\n" +
                     h->up_done(key, 1, ms) + ";\n"));
  CHECK(has(got, h->up_started(key, 2) + ";"));
  CHECK(has(got, "START TRANSACTION;\nUPDATE users SET phone = '';\n" +
                     h->up_done(key, 3, h->transaction_duration()) + ";\nCOMMIT;\n"));
  // The runtime's lock name: migrac:<database>:<key>.
  CHECK(has(got, fmt::format("SET @migrac_lock = CONCAT(LEFT(CONCAT('migrac:', DATABASE()), {}), "
                             "':{}');",
                             64 - fmt::format(":{}", run_lock_key(t)).size(), run_lock_key(t))));
  CHECK(has(got, "SET @migrac_locked = GET_LOCK(@migrac_lock, @migrac_lock_wait);"));
  CHECK(has(got, "DO RELEASE_LOCK(@migrac_lock);"));
  // The checks come before the first change after the history table.
  CHECK(got.find("migrac: nothing to do: the migration was applied already") <
        got.find("ALTER TABLE users"));
  CHECK(has(got, "this script starts from 0001_init; nothing was changed"));
}

TEST_CASE("the mysql downgrade script reverts with the runtime's statements", "[script][mysql]") {
  SourceSet sources;
  ScriptOptions options;
  options.format = ScriptFormat::Mysql;
  options.down = true;
  options.history_table = "ops.migrac_history";
  std::string got = render_script(std::vector<MigrationPlan>{phone()}, sources, options);
  HistoryTable t{"ops", "migrac_history"};
  auto h = make_mysql_history_sql(t);
  CHECK(has(got, h->down_started("0002_phone", 1) +
                     ";\nSET @migrac_t0 = SYSDATE(6);\n"
                     "ALTER TABLE users DROP COLUMN phone;\n" +
                     h->remove("0002_phone") + ";\n"));
  CHECK(has(got, "CREATE DATABASE IF NOT EXISTS ops;"));
  CHECK(has(got, "table_schema = 'ops' AND table_name = 'migrac_history'"));
  CHECK(has(got, "migrac: nothing to do: none of the 1 migration is applied"));
  CHECK(has(got, "this script starts from 0002_phone; nothing was changed"));
}

TEST_CASE("an irreversible migration in a mysql downgrade script stops it", "[script][mysql]") {
  SourceSet sources;
  MigrationPlan p = phone();
  p.reversible = false;
  p.irreversible_reason = "'sql' without a 'down' block";
  ScriptOptions options;
  options.format = ScriptFormat::Mysql;
  options.down = true;
  std::string got = render_script(std::vector<MigrationPlan>{p}, sources, options);
  CHECK(has(got,
            "SET @migrac_error = 'migrac: migration ''0002_phone'' cannot be reverted: "
            "''sql'' without a ''down'' block';\nSET SESSION completion_type = "
            "IF(@migrac_error IS NULL, @@SESSION.completion_type, @migrac_error);"));
}

TEST_CASE("a mysql script of nothing says so and takes no lock", "[script][mysql]") {
  SourceSet sources;
  ScriptOptions options;
  options.format = ScriptFormat::Mysql;
  std::string got = render_script(std::vector<MigrationPlan>{}, sources, options);
  CHECK(got ==
        "-- migrac mysql script: upgrade 0 migrations\nSELECT 'migrac: nothing to do' AS "
        "migrac;\n");
}
