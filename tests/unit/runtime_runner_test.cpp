// The runner on hand-built plans against a scripted driver: what it sends
// for transactional and autocommit segments, history updates, retries on lock
// timeouts, recovery and backfill statements, resumed segments, downgrades,
// and what a failure says.
#include <catch2/catch.hpp>

#include <sstream>

#include "compiler/dialect/postgres/history.h"
#include "runtime/db/lock_conflicts.h"
#include "runtime/runner/runner.h"
#include "runtime_fake_driver.h"

using namespace migrac;
using migrac::test::FakeDriver;
using migrac::test::Rule;

namespace {

PlannedStatement stmt(std::string sql, StatementRole role = StatementRole::Ddl,
                      SourceRange source = {}) {
  PlannedStatement s;
  s.sql = std::move(sql);
  s.role = role;
  s.source = source;
  return s;
}

// SET LOCAL lock_timeout = '5s', with the session form an autocommit segment runs instead.
PlannedStatement lock_timeout() {
  PlannedStatement s = stmt("SET LOCAL lock_timeout = '5s'", StatementRole::Setting);
  s.session = SessionSetting{"SET lock_timeout = '5s'", "RESET lock_timeout"};
  return s;
}

// A source file and a plan of two segments: ADD COLUMN in a transaction, then
// a concurrent index build outside one (with its recovery).
struct Fixture {
  SourceSet sources;
  MigrationPlan plan;
  FakeDriver db;
  std::ostringstream out, err;
  runner::Progress progress{runner::OutputFormat::Text, false, out, err};
  runner::RunOptions options;

  Fixture() {
    int f = sources.add(
        "migrations/0002_phone.mig",
        "after 0001_init;\nadd column users.phone text;\ncreate index on users (phone);\n");
    SourceRange line2 = sources.range(f, 17, 45);
    SourceRange line3 = sources.range(f, 46, 77);
    plan.id = "0002_phone";
    plan.file = "migrations/0002_phone.mig";
    plan.checksum = "v1:abc";
    plan.parents = {"0001_init"};
    plan.up = {
        Segment{true,
                {lock_timeout(),
                 stmt("ALTER TABLE users ADD COLUMN phone text", StatementRole::Ddl, line2)}},
        Segment{false,
                {lock_timeout(),
                 stmt("DROP INDEX CONCURRENTLY IF EXISTS ix_users_phone", StatementRole::Recovery,
                      line3),
                 stmt("CREATE INDEX CONCURRENTLY ix_users_phone ON users (phone)",
                      StatementRole::Ddl, line3)}},
    };
    plan.up[1].statements[1].condition_sql = "SELECT invalid_index('ix_users_phone')";
    plan.up[1].statements[2].effect = ObjectEffect::Creates;
    plan.down = {Segment{false, {stmt("DROP INDEX CONCURRENTLY ix_users_phone")}},
                 Segment{true, {stmt("ALTER TABLE users DROP COLUMN phone")}}};
    options.retries = 2;
    options.backoff_ms = 1;
    options.max_backoff_ms = 2;
  }

  runner::Runner make() { return runner::Runner(db, HistoryTable{}, sources, progress, options); }
};

}  // namespace

TEST_CASE("a transactional segment goes in one round trip with its history update",
          "[runtime][runner]") {
  Fixture fx;
  fx.plan.up.resize(1);
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  REQUIRE(fx.db.log.size() == 5);
  CHECK(fx.db.log[0] == "batch: BEGIN");
  CHECK(fx.db.log[1] == "SET LOCAL lock_timeout = '5s'");
  CHECK(fx.db.log[2] == "ALTER TABLE users ADD COLUMN phone text");
  CHECK(fx.db.log[3] == history_up_done_sql(HistoryTable{},
                                            {"0002_phone", "v1:abc", {"0001_init"}, 1, "run"}, 1,
                                            kTransactionDurationSql));
  CHECK(fx.db.log[4] == "COMMIT");
  CHECK(fx.out.str().find("apply  0002_phone") != std::string::npos);
  CHECK(fx.out.str().find("segment 1/1 transaction") != std::string::npos);
  CHECK(r.done() == 1);
}

TEST_CASE("an autocommit segment is marked started, runs session settings, and is recorded after",
          "[runtime][runner]") {
  Fixture fx;
  fx.db.answer_with("invalid_index", "f");
  auto r = fx.make();
  HistoryRowKey key{"0002_phone", "v1:abc", {"0001_init"}, 2, "run"};
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  std::vector<std::string> tail(fx.db.log.begin() + 5, fx.db.log.end());
  std::vector<std::string> want = {
      history_up_started_sql(HistoryTable{}, key, 2),
      "SET lock_timeout = '5s'",
      "SELECT invalid_index('ix_users_phone')",  // the recovery is not needed
      "CREATE INDEX CONCURRENTLY ix_users_phone ON users (phone)",
      "RESET lock_timeout",
  };
  REQUIRE(tail.size() == want.size() + 1);
  for (std::size_t i = 0; i < want.size(); ++i) CHECK(tail[i] == want[i]);
  CHECK(tail.back().rfind(history_up_done_sql(HistoryTable{}, key, 2, "").substr(0, 60), 0) == 0);
  CHECK(tail.back().find("segment_started = 0") != std::string::npos);
}

TEST_CASE("a needed recovery statement runs", "[runtime][runner]") {
  Fixture fx;
  fx.db.answer_with("invalid_index", "t");
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("DROP INDEX CONCURRENTLY IF EXISTS ix_users_phone") == 1);
}

TEST_CASE("a partly applied migration resumes at its next segment", "[runtime][runner]") {
  Fixture fx;
  fx.db.answer_with("invalid_index", "f");
  history::Row row;
  row.id = "0002_phone";
  row.checksum = "v1:abc";
  row.segments_done = 1;
  row.segments_total = 2;
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, &row}}));
  CHECK(fx.db.count("ALTER TABLE users ADD COLUMN") == 0);
  CHECK(fx.db.count("CREATE INDEX CONCURRENTLY") == 1);
  CHECK(fx.out.str().find("resuming at segment 2 of 2") != std::string::npos);
}

TEST_CASE("a resumed segment whose object exists was done by the interrupted run",
          "[runtime][runner]") {
  Fixture fx;
  fx.db.answer_with("invalid_index", "f");
  fx.db.fail_on("CREATE INDEX CONCURRENTLY", db::ErrorKind::AlreadyExists,
                "relation \"ix_users_phone\" already exists");
  history::Row row;
  row.id = "0002_phone";
  row.segments_done = 1;
  row.segments_total = 2;
  row.segment_started = 2;
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, &row}}));
  CHECK(fx.out.str().find("already done by the interrupted run") != std::string::npos);

  SECTION("but not when the segment never started") {
    Fixture fy;
    fy.db.answer_with("invalid_index", "f");
    fy.db.fail_on("CREATE INDEX CONCURRENTLY", db::ErrorKind::AlreadyExists, "relation exists");
    row.segment_started = 0;
    auto r2 = fy.make();
    CHECK_FALSE(r2.upgrade({{&fy.plan, &row}}));
  }
}

TEST_CASE("a lock timeout is retried with backoff, each retry printed", "[runtime][runner]") {
  Fixture fx;
  fx.plan.up.resize(1);
  fx.db.fail_on("ADD COLUMN", db::ErrorKind::LockTimeout, "canceling statement due to lock timeout",
                2);
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("batch: BEGIN") == 3);
  CHECK(fx.db.count("ROLLBACK") == 2);
  CHECK(fx.err.str().find(
            "lock timeout in segment 1 of '0002_phone': canceling statement due to lock timeout; "
            "retry 1 of 2 in 1 ms") != std::string::npos);
  CHECK(fx.err.str().find("retry 2 of 2 in 2 ms") != std::string::npos);
}

TEST_CASE(
    "when the retries run out the failure names migration, statement, server message and line",
    "[runtime][runner]") {
  Fixture fx;
  fx.plan.up.resize(1);
  fx.db.fail_on("ADD COLUMN", db::ErrorKind::LockTimeout,
                "canceling statement due to lock timeout");
  auto r = fx.make();
  CHECK_FALSE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("batch: BEGIN") == 3);
  CHECK(fx.db.count("COMMIT") == 0);  // each batch stopped at the failing statement
  std::string e = fx.err.str();
  CHECK(e.find("migrac: error: migration '0002_phone' failed in segment 1/1 (transaction)") !=
        std::string::npos);
  CHECK(e.find("  --> migrations/0002_phone.mig:2") != std::string::npos);
  CHECK(e.find("  statement: ALTER TABLE users ADD COLUMN phone text") != std::string::npos);
  CHECK(e.find("  server: canceling statement due to lock timeout [XX000]") != std::string::npos);
  CHECK(e.find("rolled back") != std::string::npos);
  CHECK(r.done() == 0);
}

TEST_CASE("a lock timeout in an autocommit segment reruns the recovery before the retry",
          "[runtime][runner]") {
  Fixture fx;
  fx.db.answer_with("invalid_index", "t");
  fx.db.fail_on("CREATE INDEX CONCURRENTLY", db::ErrorKind::LockTimeout, "lock timeout", 1);
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("DROP INDEX CONCURRENTLY IF EXISTS") == 2);
  CHECK(fx.db.count("CREATE INDEX CONCURRENTLY ix_users_phone") == 2);
}

TEST_CASE("other errors are not retried, and an autocommit failure says what stays applied",
          "[runtime][runner]") {
  Fixture fx;
  fx.db.answer_with("invalid_index", "f");
  fx.db.fail_on("CREATE INDEX CONCURRENTLY", db::ErrorKind::Other, "could not create index");
  auto r = fx.make();
  CHECK_FALSE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("CREATE INDEX CONCURRENTLY ix_users_phone") == 1);
  CHECK(fx.db.count("RESET lock_timeout") == 1);
  CHECK(fx.err.str().find("failed in segment 2/2 (no transaction)") != std::string::npos);
  CHECK(fx.err.str().find("a rerun resumes this segment") != std::string::npos);
  CHECK(fx.err.str().find("migrations/0002_phone.mig:3") != std::string::npos);
}

TEST_CASE("a backfill repeats its batch until no row changes, each batch committed",
          "[runtime][runner]") {
  Fixture fx;
  PlannedStatement b = stmt(
      "UPDATE users SET phone = '' WHERE id IN (SELECT id FROM users WHERE phone IS NULL LIMIT 2)",
      StatementRole::Backfill);
  b.lock.table = "users";
  fx.plan.up = {Segment{false, {b}}};
  fx.db.affect("UPDATE users", {2, 2, 1, 0});
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("UPDATE users SET phone") == 4);
  CHECK(fx.db.count("BEGIN") == 4);
  CHECK(fx.db.count("COMMIT") == 4);
  CHECK(fx.out.str().find("backfill users: 5 rows (4 batches)") != std::string::npos);
}

TEST_CASE("a backfill walks its key: each batch's bound, then its range", "[runtime][runner]") {
  Fixture fx;
  PlannedStatement b = stmt("UPDATE users SET phone = '' WHERE ... LIMIT 2",
                            StatementRole::Backfill);
  b.lock.table = "users";
  b.walk = BatchWalk{1, "FIRST BOUND", "NEXT BOUND", "FIRST UPDATE", "NEXT UPDATE", false, 0, -1,
                     ""};
  fx.plan.up = {Segment{false, {b}}};
  Rule first;
  first.match = "FIRST BOUND";
  first.rows = {db::Row{std::string("10")}};
  Rule next;
  next.match = "NEXT BOUND";
  next.times = 1;  // then no row: past the last key
  next.rows = {db::Row{std::string("20")}};
  fx.db.rules = {first, next};
  fx.db.affect("FIRST UPDATE", {7});
  fx.db.affect("NEXT UPDATE", {3});
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  std::vector<std::string> sent;
  std::vector<db::Params> params;
  for (std::size_t i = 0; i < fx.db.log.size(); ++i) {
    if (fx.db.log[i].find("migrac_history") != std::string::npos) continue;
    sent.push_back(fx.db.log[i]);
  }
  CHECK(sent == std::vector<std::string>{"BEGIN", "FIRST BOUND", "FIRST UPDATE", "COMMIT", "BEGIN",
                                         "NEXT BOUND", "NEXT UPDATE", "COMMIT", "BEGIN",
                                         "NEXT BOUND", "COMMIT"});
  for (std::size_t i = 0; i < fx.db.log.size(); ++i) {
    if (fx.db.roles[i] == StatementRole::Backfill) params.push_back(fx.db.run_params.front());
    if (fx.db.roles[i]) fx.db.run_params.erase(fx.db.run_params.begin());
  }
  using P = db::Params;
  CHECK(params == std::vector<P>{P{}, P{"10"}, P{"10"}, P{"10", "20"}, P{"20"}});
  CHECK(fx.out.str().find("backfill users: 10 rows (2 batches)") != std::string::npos);
}

TEST_CASE("a backfill's progress: the rows walked of the estimate, the rows updated",
          "[runtime][runner]") {
  Fixture fx;
  PlannedStatement b = stmt("UPDATE users SET phone = '' WHERE ... LIMIT 10",
                            StatementRole::Backfill);
  b.lock.table = "users";
  b.walk = BatchWalk{1, "FIRST BOUND", "NEXT BOUND", "FIRST UPDATE", "NEXT UPDATE", false, 10,
                     0, "ESTIMATE"};
  fx.plan.up = {Segment{false, {b}}};
  fx.db.answer_with("ESTIMATE", "20");
  Rule first;
  first.match = "FIRST BOUND";
  first.rows = {db::Row{std::string("10")}};
  Rule next;
  next.match = "NEXT BOUND";
  next.times = 1;
  next.rows = {db::Row{std::string("20")}};
  fx.db.rules.push_back(first);
  fx.db.rules.push_back(next);
  fx.db.affect("FIRST UPDATE", {7});
  fx.db.affect("NEXT UPDATE", {3});
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("ESTIMATE") == 1);
  // The first progress line (the next comes a second later at the soonest).
  CHECK(fx.out.str().find("backfill users: 10 of ~20 (50%) rows walked, 7 updated (1 batch), ") !=
        std::string::npos);
  CHECK(fx.out.str().find("backfill users: 10 rows (2 batches) in ") != std::string::npos);
}

TEST_CASE("a backfill inside a transaction loops in it", "[runtime][runner]") {
  Fixture fx;
  fx.plan.up = {
      Segment{true, {stmt("UPDATE t SET a = 1 WHERE a IS NULL", StatementRole::Backfill)}}};
  fx.db.affect("UPDATE t", {3, 0});
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("BEGIN") == 1);
  CHECK(fx.db.count("UPDATE t") == 2);
  CHECK(fx.db.count("COMMIT") == 1);
}

TEST_CASE("a downgrade records each down segment and deletes the row with the last",
          "[runtime][runner]") {
  Fixture fx;
  history::Row row;
  row.id = "0002_phone";
  row.segments_done = 2;
  row.segments_total = 2;
  auto r = fx.make();
  REQUIRE(r.downgrade({{&fx.plan, &row}}));
  CHECK(fx.db.count(history_down_started_sql(HistoryTable{}, "0002_phone", 1)) == 1);
  CHECK(fx.db.count("UPDATE migrac_history SET down_done = 1, segment_started = 0") == 1);
  CHECK(fx.db.count("DROP INDEX CONCURRENTLY ix_users_phone") == 1);
  CHECK(fx.db.count("ALTER TABLE users DROP COLUMN phone") == 1);
  CHECK(fx.db.log.back() == "COMMIT");
  CHECK(fx.db.log[fx.db.log.size() - 2] == history_delete_sql(HistoryTable{}, "0002_phone"));
  CHECK(fx.out.str().find("revert 0002_phone") != std::string::npos);
}

TEST_CASE("a migration without segments is only recorded", "[runtime][runner]") {
  Fixture fx;
  fx.plan.up.clear();
  fx.plan.down.clear();
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  REQUIRE(fx.db.log.size() == 1);
  CHECK(fx.db.log[0].find("INSERT INTO migrac_history") == 0);
  history::Row row;
  row.id = "0002_phone";
  REQUIRE(r.downgrade({{&fx.plan, &row}}));
  CHECK(fx.db.log.back() == history_delete_sql(HistoryTable{}, "0002_phone"));
}

TEST_CASE("json output is one document with the migrations and the error", "[runtime][runner]") {
  Fixture fx;
  runner::Progress json(runner::OutputFormat::Json, false, fx.out, fx.err);
  fx.plan.up.resize(1);
  fx.db.fail_on("ADD COLUMN", db::ErrorKind::Other, "boom");
  runner::Runner r(fx.db, HistoryTable{}, fx.sources, json, fx.options);
  CHECK_FALSE(r.upgrade({{&fx.plan, nullptr}}));
  json.finish("failed");
  auto doc = nlohmann::json::parse(fx.out.str());
  CHECK(doc["status"] == "failed");
  CHECK(doc["error"]["migration"] == "0002_phone");
  CHECK(doc["error"]["location"] == "migrations/0002_phone.mig:2");
  CHECK(fx.err.str().empty());
}

TEST_CASE("the driver gets each statement's role: the plan's, and History for the bookkeeping",
          "[runtime][runner]") {
  Fixture fx;
  fx.db.answer_with("invalid_index", "f");
  PlannedStatement b = stmt(
      "UPDATE users SET phone = '' WHERE id IN (SELECT id FROM users LIMIT 2)",
      StatementRole::Backfill);
  fx.plan.up.push_back(Segment{false, {b}});
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  HistoryRowKey key{"0002_phone", "v1:abc", {"0001_init"}, 3, "run"};
  CHECK(fx.db.role_of("batch: BEGIN") == std::nullopt);
  CHECK(fx.db.role_of("SET LOCAL lock_timeout = '5s'") == StatementRole::Setting);
  CHECK(fx.db.role_of("ALTER TABLE users ADD COLUMN phone text") == StatementRole::Ddl);
  CHECK(fx.db.role_of(history_up_done_sql(HistoryTable{}, key, 1, kTransactionDurationSql)) ==
        StatementRole::History);
  CHECK(fx.db.role_of(history_up_started_sql(HistoryTable{}, key, 2)) == StatementRole::History);
  CHECK(fx.db.role_of("SET lock_timeout = '5s'") == StatementRole::Setting);
  CHECK(fx.db.role_of("SELECT invalid_index('ix_users_phone')") ==
        std::nullopt);  // a query of the runner's
  CHECK(fx.db.role_of("CREATE INDEX CONCURRENTLY ix_users_phone ON users (phone)") ==
        StatementRole::Ddl);
  CHECK(fx.db.role_of("RESET lock_timeout") == StatementRole::Setting);
  CHECK(fx.db.role_of(b.sql) == StatementRole::Backfill);
  CHECK(fx.db.role_of(history_up_started_sql(HistoryTable{}, key, 3)) == StatementRole::History);
  // The last history write of each segment is the runner's too.
  for (std::size_t i = 0; i < fx.db.log.size(); ++i) {
    if (fx.db.log[i].starts_with("INSERT INTO migrac_history"))
      CHECK(fx.db.roles[i] == StatementRole::History);
  }
}

TEST_CASE("a resumed segment judges an error by the statement's effect, not its text",
          "[runtime][runner]") {
  history::Row row;
  row.id = "0002_phone";
  row.segments_done = 0;
  row.segments_total = 1;
  row.segment_started = 1;
  auto run = [&](const std::string& sql, ObjectEffect effect, db::ErrorKind kind,
                 StatementRole role) {
    Fixture fx;
    PlannedStatement st = stmt(sql, role);
    st.effect = effect;
    fx.plan.up = {Segment{false, {st}}};
    fx.db.fail_on(sql, kind, "it is so", 1);
    auto r = fx.make();
    bool ok = r.upgrade({{&fx.plan, &row}});
    CHECK(ok == (fx.out.str().find("already done by the interrupted run") != std::string::npos));
    return ok;
  };
  using K = db::ErrorKind;
  CHECK(run("SELECT make_things()", ObjectEffect::Creates, K::AlreadyExists, StatementRole::Raw));
  CHECK(run("SELECT remove_things()", ObjectEffect::Drops, K::Missing, StatementRole::Raw));
  CHECK(run("ALTER TABLE t DROP CONSTRAINT k", ObjectEffect::Drops, K::Missing,
            StatementRole::Ddl));
  CHECK_FALSE(run("CREATE INDEX CONCURRENTLY ix ON t (a)", ObjectEffect::None, K::AlreadyExists,
                  StatementRole::Ddl));
  CHECK_FALSE(run("DROP INDEX CONCURRENTLY ix", ObjectEffect::Creates, K::Missing,
                  StatementRole::Ddl));
  CHECK_FALSE(run("CREATE INDEX CONCURRENTLY ix ON t (a)", ObjectEffect::Creates, K::Missing,
                  StatementRole::Ddl));
  // A backfill is never "already done", whatever its effect says.
  CHECK_FALSE(run("UPDATE t SET a = 1", ObjectEffect::Creates, K::AlreadyExists,
                  StatementRole::Backfill));
}

TEST_CASE("a setting without a session form runs as written outside a transaction",
          "[runtime][runner]") {
  Fixture fx;
  fx.plan.up = {Segment{false,
                        {stmt("SET lock_timeout = '5s'", StatementRole::Setting),
                         stmt("CREATE INDEX CONCURRENTLY ix ON t (a)"),
                         stmt("RESET lock_timeout", StatementRole::Setting)}}};
  fx.db.fail_on("CREATE INDEX", db::ErrorKind::Other, "no");
  auto r = fx.make();
  CHECK_FALSE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("SET lock_timeout = '5s'") == 1);
  CHECK(fx.db.count("RESET lock_timeout") ==
        0);  // the segment stopped before its reset; none was recorded
}

TEST_CASE("a reference check goes in the batch of its transaction", "[runtime][runner]") {
  Fixture fx;
  fx.plan.up = {Segment{true,
                        {stmt("DROP TABLE p"),
                         stmt("PRAGMA foreign_key_check", StatementRole::ReferenceCheck)}}};
  fx.db.fail_on("PRAGMA foreign_key_check", db::ErrorKind::Other,
                "foreign key violation: row 1 of 'c'", 1);
  auto r = fx.make();
  CHECK_FALSE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("batch: BEGIN") == 1);
  CHECK(fx.db.role_of("PRAGMA foreign_key_check") == StatementRole::ReferenceCheck);
  CHECK(fx.db.count("ROLLBACK") == 1);
  CHECK(fx.err.str().find("statement: PRAGMA foreign_key_check") != std::string::npos);
}

namespace {

// A reader in an open transaction, holding ACCESS SHARE on users.
db::LockBlocker reader() {
  db::LockBlocker b;
  b.pid = "4242";
  b.application = "report";
  b.state = "idle in transaction";
  b.transaction_ms = 8000;
  b.query = "SELECT count(*) FROM users";
  b.table = "users";
  b.mode = "AccessShareLock";
  return b;
}

// The fixture's ADD COLUMN with its lock: ACCESS EXCLUSIVE on users, and
// SHARE ROW EXCLUSIVE on orders (as a foreign key would).
void lock_users(Fixture& fx) {
  fx.plan.up.resize(1);
  PlannedStatement& st = fx.plan.up[0].statements[1];
  st.lock.level = "ACCESS EXCLUSIVE";
  st.lock.table = "users";
  st.lock.others.push_back(ObjectLock{"SHARE ROW EXCLUSIVE", "orders"});
  fx.options.lock_poll_ms = 1;
}

}  // namespace

TEST_CASE("a segment waits without queuing while another session holds a conflicting lock",
          "[runtime][runner]") {
  Fixture fx;
  lock_users(fx);
  fx.db.blocker_answers = {{reader()}, {reader()}, {reader()}};
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  // Asked four times (three answers name the reader), then the transaction.
  REQUIRE(fx.db.log.size() == 9);
  for (std::size_t i = 0; i < 4; ++i) CHECK(fx.db.log[i] == "lock_blockers");
  CHECK(fx.db.log[4] == "batch: BEGIN");
  REQUIRE(fx.db.blocker_questions.size() == 4);
  const std::vector<db::TableLock>& asked = fx.db.blocker_questions[0];
  REQUIRE(asked.size() == 2);
  CHECK(asked[0].level == "ACCESS EXCLUSIVE");
  CHECK(asked[0].table == "users");
  CHECK(asked[1].level == "SHARE ROW EXCLUSIVE");
  CHECK(asked[1].table == "orders");
  std::string err = fx.err.str();
  // The blocker is named once, not at every poll.
  CHECK(err ==
        "migrac: segment 1 of '0002_phone' waits without queuing for ACCESS EXCLUSIVE on 'users': "
        "pid 4242 (application 'report', idle in transaction, transaction open 8.00 s, holds "
        "AccessShareLock); query: SELECT count(*) FROM users\n"
        "migrac: no conflicting lock after " +
            err.substr(err.rfind("after ") + 6));
  CHECK(err.find("; taking the lock\n") != std::string::npos);
}

TEST_CASE("the lock deadline stops a wait with nothing of the segment applied",
          "[runtime][runner]") {
  Fixture fx;
  lock_users(fx);
  fx.options.lock_deadline_ms = 30;
  fx.db.blocked = {reader()};
  auto r = fx.make();
  CHECK_FALSE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("BEGIN") == 0);
  CHECK(fx.db.count("ALTER TABLE") == 0);
  CHECK(fx.db.count("lock_blockers") >= 2);
  std::string err = fx.err.str();
  CHECK(err.find("lock deadline (30 ms) passed while pid 4242 holds AccessShareLock on 'users'") !=
        std::string::npos);
  CHECK(err.find("pg_terminate_backend(4242)") != std::string::npos);
  CHECK(err.find("note: nothing of this segment is applied") != std::string::npos);
  // Reported once, however many polls.
  CHECK(err.find("waits without queuing") == err.rfind("waits without queuing"));
}

TEST_CASE("a lock timeout is not retried past the lock deadline", "[runtime][runner]") {
  Fixture fx;
  lock_users(fx);
  fx.options.retries = 5;
  fx.options.backoff_ms = 50;
  fx.options.max_backoff_ms = 1000;
  fx.options.lock_deadline_ms =
      120;  // room for the retry after 50 ms, not for the next after 100 more
  fx.db.fail_on("ALTER TABLE", db::ErrorKind::LockTimeout,
                "canceling statement due to lock timeout");
  auto r = fx.make();
  CHECK_FALSE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("ALTER TABLE") == 2);
  std::string err = fx.err.str();
  CHECK(err.find("retry 1 of 5") != std::string::npos);
  CHECK(err.find("retry 2 of 5") == std::string::npos);
  CHECK(err.find("the lock deadline (120 ms) passes before the next retry") != std::string::npos);
}

TEST_CASE("locks up to ROW EXCLUSIVE do not wait for other sessions", "[runtime][runner]") {
  Fixture fx;
  fx.plan.up.resize(1);
  PlannedStatement& st = fx.plan.up[0].statements[1];
  st.lock.level = "ROW EXCLUSIVE";
  st.lock.table = "users";
  fx.db.blocked = {reader()};
  auto r = fx.make();
  REQUIRE(r.upgrade({{&fx.plan, nullptr}}));
  CHECK(fx.db.count("lock_blockers") == 0);
}

TEST_CASE("the lock conflict table", "[runtime][runner]") {
  using V = std::vector<std::string>;
  CHECK(db::conflicting_pg_modes("ACCESS SHARE") == V{"AccessExclusiveLock"});
  CHECK(db::conflicting_pg_modes("SHARE UPDATE EXCLUSIVE") ==
        V{"ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock",
          "AccessExclusiveLock"});
  CHECK(db::conflicting_pg_modes("SHARE") == V{"RowExclusiveLock", "ShareUpdateExclusiveLock",
                                               "ShareRowExclusiveLock", "ExclusiveLock",
                                               "AccessExclusiveLock"});
  CHECK(db::conflicting_pg_modes("ACCESS EXCLUSIVE").size() == 8);
  CHECK(db::conflicting_pg_modes("row locks on the rows updated").empty());
  CHECK_FALSE(db::stronger_than_row_exclusive("ROW EXCLUSIVE"));
  CHECK(db::stronger_than_row_exclusive("SHARE UPDATE EXCLUSIVE"));
  CHECK_FALSE(db::stronger_than_row_exclusive(""));
}
