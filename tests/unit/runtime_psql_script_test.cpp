// The psql script format on hand-built plans, compared whole with
// tests/unit/runtime_psql/*.sql (regenerate: MIGRAC_REGEN=1 migrac_unit "[psql]"):
// the lock, the history table, the starting-revision check, \if guards per
// segment, recovery and backfill forms, the same history statements as the runtime.
#include <catch2/catch.hpp>

#include "compiler/dialect/postgres/history.h"
#include "compiler/script/script.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

using namespace migrac;

namespace {

PlannedStatement stmt(std::string sql, StatementRole role = StatementRole::Ddl) {
  PlannedStatement s;
  s.sql = std::move(sql);
  s.role = role;
  return s;
}

// SET LOCAL lock_timeout = '5s', with the session form an autocommit segment runs instead.
PlannedStatement lock_timeout() {
  PlannedStatement s = stmt("SET LOCAL lock_timeout = '5s'", StatementRole::Setting);
  s.session = SessionSetting{"SET lock_timeout = '5s'", "RESET lock_timeout"};
  return s;
}

// 0002_phone: a transactional segment, then a concurrent index build with its
// recovery and a backfill outside a transaction; 0003_merge: no segments.
std::vector<MigrationPlan> plans(SourceSet& sources) {
  int f = sources.add("migrations/0002_phone.mig",
                      "after 0001_init;\nadd column users.phone text;\n");
  MigrationPlan p;
  p.id = "0002_phone";
  p.file = "migrations/0002_phone.mig";
  p.checksum = "v1:abc";
  p.parents = {"0001_init"};
  PlannedStatement add = stmt("ALTER TABLE users ADD COLUMN phone text");
  add.source = sources.range(f, 17, 45);
  add.lock = LockFacts{"ACCESS EXCLUSIVE", "users", false, false, {}};
  PlannedStatement recover = stmt("DROP INDEX CONCURRENTLY IF EXISTS ix_users_phone",
                                  StatementRole::Recovery);
  recover.condition_sql = "SELECT EXISTS (SELECT 1 FROM pg_index WHERE NOT indisvalid)";
  PlannedStatement backfill = stmt(
      "UPDATE users SET phone = '' WHERE id IN (SELECT id FROM users WHERE phone IS NULL LIMIT 10)",
      StatementRole::Backfill);
  p.up = {Segment{true, {lock_timeout(), add}},
          Segment{false,
                  {lock_timeout(), recover,
                   stmt("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_phone ON users (phone)"),
                   backfill}}};
  p.down = {Segment{false, {stmt("DROP INDEX CONCURRENTLY IF EXISTS ix_users_phone")}},
            Segment{true, {stmt("ALTER TABLE users DROP COLUMN phone")}}};
  MigrationPlan merge;
  merge.id = "0003_merge";
  merge.checksum = "v1:def";
  merge.parents = {"0002_phone", "0002_other"};
  return {p, merge};
}

// Compares `got` with the golden file, or rewrites it under MIGRAC_REGEN=1.
void check_golden(const std::string& name, const std::string& got) {
  std::string path = std::string(MIGRAC_SOURCE_DIR) + "/tests/unit/runtime_psql/" + name;
  if (std::getenv("MIGRAC_REGEN")) {
    std::ofstream(path, std::ios::binary) << got;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::stringstream want;
  want << in.rdbuf();
  CHECK(got == want.str());
}

}  // namespace

TEST_CASE("psql upgrade script, whole", "[runtime][psql]") {
  SourceSet sources;
  ScriptOptions options;
  options.format = ScriptFormat::Psql;
  check_golden("up.sql", render_script(plans(sources), sources, options));
}

TEST_CASE("psql downgrade script, whole", "[runtime][psql]") {
  SourceSet sources;
  ScriptOptions options;
  options.format = ScriptFormat::Psql;
  options.down = true;
  options.history_table = "ops.migrac_history";
  auto p = plans(sources);
  std::reverse(p.begin(), p.end());
  check_golden("down.sql", render_script(p, sources, options));
}

TEST_CASE("the script records with the runtime's statements", "[runtime][psql]") {
  SourceSet sources;
  ScriptOptions options;
  options.format = ScriptFormat::Psql;
  auto p = plans(sources);
  std::string got = render_script(p, sources, options);
  HistoryRowKey key{"0002_phone", "v1:abc", {"0001_init"}, 2, "psql"};
  HistoryTable t;
  CHECK(got.find(history_up_started_sql(t, key, 2) + ";") != std::string::npos);
  CHECK(got.find(history_up_done_sql(t, key, 1,
                                     "(extract(epoch FROM clock_timestamp() - "
                                     ":'migrac_t0'::timestamptz) * 1000)::bigint") +
                 ";") != std::string::npos);
  for (const std::string& sql : history_create_sql(t))
    CHECK(got.find(sql + ";") != std::string::npos);
  CHECK(got.find(fmt::format("EXIT WHEN pg_try_advisory_lock({});", run_lock_key(t))) !=
        std::string::npos);
  CHECK(got.find("pg_advisory_lock(") == std::string::npos);
}

TEST_CASE("an irreversible migration in a downgrade script stops it", "[runtime][psql]") {
  SourceSet sources;
  MigrationPlan p;
  p.id = "0004_raw";
  p.checksum = "v1:1";
  p.reversible = false;
  p.irreversible_reason = "'sql' without a 'down' block";
  ScriptOptions options;
  options.format = ScriptFormat::Psql;
  options.down = true;
  std::string got = render_script(std::vector<MigrationPlan>{p}, sources, options);
  CHECK(got.find("RAISE EXCEPTION 'migrac: migration ''0004_raw'' cannot be reverted: %', "
                 "'''sql'' without a ''down'' block';") != std::string::npos);
}
