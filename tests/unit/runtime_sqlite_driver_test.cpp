// The SQLite driver: opening (read-only without creating), SQLite's
// history-table statements on an in-memory database, the file run lock,
// foreign keys around a migration's transaction (decided by the statements'
// roles, not their text), and a foreign key
// violation as an error.

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "compiler/dialect/history.h"
#include "runtime/db/sqlite_driver.h"
#include "runtime/db/url.h"
#include "runtime/history/history.h"

namespace migrac {
namespace {

namespace fs = std::filesystem;

// A fresh database file in a temporary directory, removed afterwards.
struct TempDb {
  fs::path dir = fs::temp_directory_path() /
                 ("migrac-sqlite-test-" + std::to_string(::getpid()) + "-" +
                  std::to_string(reinterpret_cast<std::uintptr_t>(this)));
  TempDb() { fs::create_directories(dir); }
  ~TempDb() { fs::remove_all(dir); }
  std::string url() const { return "sqlite:" + (dir / "app.db").string(); }
};

std::unique_ptr<db::Driver> open(const std::string& url, bool read_only = false) {
  std::string error;
  std::optional<db::DbUrl> parsed = db::parse_url(url, error);
  INFO(error);
  REQUIRE(parsed);
  std::unique_ptr<db::Driver> d = db::open_sqlite(parsed->target, read_only, error);
  INFO(error);
  REQUIRE(d);
  return d;
}

std::string value(db::Driver& d, const std::string& sql) {
  db::Result r = d.exec(sql);
  INFO(sql);
  REQUIRE(r.ok());
  REQUIRE(r.rows.size() == 1);
  return r.rows[0][0].value_or("NULL");
}

TEST_CASE("sqlite driver: read-only opening creates nothing", "[runtime][sqlite]") {
  TempDb t;
  std::string path = (t.dir / "app.db").string();
  std::string error;
  CHECK(db::open_sqlite(path, true, error) == nullptr);
  CHECK(error ==
        "sqlite database file " + path +
            " does not exist (a verb that only reads creates none; 'migrac upgrade' does)");
  CHECK_FALSE(fs::exists(path));
  CHECK(fs::is_empty(t.dir));
  // Written once, it opens read-only and reads, but does not write.
  open(t.url())->exec("CREATE TABLE t (x integer); INSERT INTO t VALUES (7)");
  std::unique_ptr<db::Driver> reader = open(t.url(), true);
  CHECK(value(*reader, "SELECT x FROM t") == "7");
  CHECK_FALSE(reader->exec("INSERT INTO t VALUES (8)").ok());
  // In memory, read-only is moot.
  CHECK(open("sqlite::memory:", true)->describe() == "sqlite in memory");
  CHECK(open("sqlite::memory:")->describe() == "sqlite in memory");
}

db::Result history(db::Driver& d, const std::string& sql) {
  return d.run(db::Statement::history(sql));
}

TEST_CASE("sqlite history: the dialect's statements run on SQLite", "[runtime][sqlite]") {
  std::unique_ptr<db::Driver> d = open("sqlite::memory:");
  REQUIRE(d->dialect() == Dialect::Sqlite);
  HistoryTable table;
  std::unique_ptr<HistorySql> sql = make_history_sql(Dialect::Sqlite, table);
  history::Store store(*d, table);
  std::vector<history::Row> rows;
  bool exists = true;
  REQUIRE_FALSE(store.read(rows, exists));
  CHECK_FALSE(exists);
  CHECK(value(*d, sql->exists()) == "f");
  REQUIRE_FALSE(store.ensure());
  CHECK(value(*d, sql->exists()) == "t");
  REQUIRE_FALSE(store.ensure());  // once is enough

  HistoryRowKey key{"0001_init", "v1:ab", {"0000_root", "0000_other"}, 3, "run"};
  REQUIRE(history(*d, sql->up_started(key, 1)).ok());
  REQUIRE_FALSE(store.read(rows, exists));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].segments_done == 0);
  CHECK(rows[0].segment_started == 1);
  CHECK(rows[0].partly_applied());
  REQUIRE(history(*d, sql->up_done(key, 1, "5")).ok());
  REQUIRE(history(*d, sql->up_started(key, 2)).ok());
  REQUIRE(history(*d, sql->up_done(key, 2, "7")).ok());
  // The third segment in a transaction, timed by the connection.
  REQUIRE(d->begin().ok());
  REQUIRE(history(*d, sql->up_done(key, 3, sql->transaction_duration())).ok());
  REQUIRE(d->commit().ok());
  REQUIRE_FALSE(store.read(rows, exists));
  CHECK(exists);
  REQUIRE(rows.size() == 1);
  const history::Row& row = rows[0];
  CHECK(row.id == "0001_init");
  CHECK(row.checksum == "v1:ab");
  CHECK(row.parents == std::vector<std::string>{"0000_root", "0000_other"});
  CHECK(row.segments_done == 3);
  CHECK(row.segments_total == 3);
  CHECK(row.segment_started == 0);
  CHECK(row.duration_ms >= 12);
  CHECK(row.duration_ms < 12 + 60000);
  CHECK(row.complete());
  CHECK(row.method == "run");
  // "YYYY-MM-DD HH:MM:SS UTC"
  REQUIRE(row.applied_at.size() == 23);
  CHECK(row.applied_at[4] == '-');
  CHECK(row.applied_at[10] == ' ');
  CHECK(row.applied_at.ends_with(" UTC"));
  CHECK_FALSE(row.applied_by.empty());

  // A downgrade of two segments: the first recorded, the last removes the row.
  REQUIRE(history(*d, sql->down_started("0001_init", 1)).ok());
  REQUIRE_FALSE(store.read(rows, exists));
  CHECK(rows[0].partly_reverted());
  CHECK(rows[0].segment_started == 1);
  REQUIRE(history(*d, sql->down_done("0001_init", 1, "4")).ok());
  REQUIRE_FALSE(store.read(rows, exists));
  CHECK(rows[0].down_done == 1);
  CHECK(rows[0].segment_started == 0);
  CHECK(rows[0].duration_ms >= 16);
  REQUIRE(history(*d, sql->remove("0001_init")).ok());
  REQUIRE_FALSE(store.read(rows, exists));
  CHECK(rows.empty());

  // stamp: a full row at once, and again with a new checksum.
  HistoryRowKey odd{"0002_it's", "v1:cd", {}, 2, "stamp"};
  REQUIRE(history(*d, sql->stamp(odd)).ok());
  odd.checksum = "v1:ef";
  REQUIRE(history(*d, sql->stamp(odd)).ok());
  REQUIRE_FALSE(store.read(rows, exists));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].id == "0002_it's");
  CHECK(rows[0].checksum == "v1:ef");
  CHECK(rows[0].parents.empty());
  CHECK(rows[0].segments_done == 2);
  CHECK(rows[0].method == "stamp");
  CHECK(rows[0].complete());
}

TEST_CASE("sqlite history: a table with a schema cannot be created", "[runtime][sqlite]") {
  std::unique_ptr<db::Driver> d = open("sqlite::memory:");
  HistoryTable schema_table{"ops", "migrac_history"};
  std::unique_ptr<HistorySql> sql = make_history_sql(Dialect::Sqlite, schema_table);
  CHECK(value(*d, sql->exists()) == "f");
  history::Store other(*d, schema_table);
  std::vector<history::Row> rows;
  bool exists = true;
  REQUIRE_FALSE(other.read(rows, exists));
  CHECK_FALSE(exists);
  std::optional<db::DbError> e = other.ensure();
  REQUIRE(e);
  CHECK(
      e->message ==
      "sqlite has no schemas: name the history table without one (history_table = migrac_history)");
}

TEST_CASE("sqlite driver: one runner at a time through a file lock", "[runtime][sqlite]") {
  TempDb tmp;
  std::unique_ptr<db::Driver> a = open(tmp.url());
  std::unique_ptr<db::Driver> b = open(tmp.url());
  bool taken = false;
  REQUIRE(a->try_run_lock(1, taken).ok());
  CHECK(taken);
  REQUIRE(b->try_run_lock(1, taken).ok());
  CHECK_FALSE(taken);
  db::LockHolder holder = b->run_lock_holder(1);
  CHECK(holder.held);
  CHECK(holder.who.starts_with("pid " + std::to_string(::getpid())));
  a->release_run_lock(1);
  REQUIRE(b->try_run_lock(1, taken).ok());
  CHECK(taken);
}

db::Statement ddl(std::string_view sql) { return db::Statement{sql, StatementRole::Ddl, false}; }
db::Statement data(std::string_view sql) { return db::Statement{sql, StatementRole::Ddl, true}; }

TEST_CASE("sqlite driver: foreign keys off in a migration's transaction, checked at commit",
          "[runtime][sqlite]") {
  std::unique_ptr<db::Driver> d = open("sqlite::memory:");
  REQUIRE(d->exec("CREATE TABLE p (id INTEGER PRIMARY KEY)").ok());
  REQUIRE(d->exec("CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id) ON "
                  "DELETE CASCADE)")
              .ok());
  REQUIRE(d->exec("INSERT INTO p VALUES (1); INSERT INTO c VALUES (1, 1)").ok());
  CHECK(value(*d, "PRAGMA foreign_keys") == "1");

  // A rebuild of the parent: dropping it fires no cascade.
  REQUIRE(d->begin().ok());
  REQUIRE(d->run(ddl("CREATE TABLE migrac_new_p (id INTEGER PRIMARY KEY)")).ok());
  CHECK(value(*d, "PRAGMA foreign_keys") == "0");
  REQUIRE(d->run(data("INSERT INTO migrac_new_p (id) SELECT id FROM p")).ok());
  REQUIRE(d->run(data("DROP TABLE p")).ok());
  REQUIRE(d->run(ddl("ALTER TABLE migrac_new_p RENAME TO p")).ok());
  REQUIRE(d->run(db::Statement{"-- comment\nPRAGMA foreign_key_check",
                               StatementRole::ReferenceCheck})
              .ok());
  REQUIRE(d->commit().ok());
  CHECK(value(*d, "SELECT count(*) FROM c") == "1");
  CHECK(value(*d, "PRAGMA foreign_keys") == "1");

  // A transaction that breaks a reference fails at commit and rolls back.
  REQUIRE(d->begin().ok());
  REQUIRE(d->run(data("DROP TABLE p")).ok());
  db::Result commit = d->commit();
  REQUIRE_FALSE(commit.ok());
  CHECK(commit.error->message == "foreign key violation: row 1 of 'c' has no parent in 'p'");
  CHECK(value(*d, "SELECT count(*) FROM p") == "1");
  CHECK(value(*d, "PRAGMA foreign_keys") == "1");

  // A backfill batch keeps enforcement on.
  REQUIRE(d->begin().ok());
  db::Result batch = d->run(db::Statement{
      "UPDATE c SET p_id = 2 WHERE rowid IN (SELECT rowid FROM c LIMIT 10)",
      StatementRole::Backfill, true});
  REQUIRE_FALSE(batch.ok());
  CHECK(batch.error->message == "FOREIGN KEY constraint failed");
  REQUIRE(d->rollback().ok());

  // A listed violation is an error.
  REQUIRE(d->exec("PRAGMA foreign_keys = OFF").ok());
  REQUIRE(d->exec("INSERT INTO c VALUES (2, 42)").ok());
  db::Result check = d->run(db::Statement{"PRAGMA foreign_key_check",
                                          StatementRole::ReferenceCheck});
  REQUIRE_FALSE(check.ok());
  CHECK(check.error->message == "foreign key violation: row 2 of 'c' has no parent in 'p'");
}

TEST_CASE("sqlite driver: the roles decide, not the SQL text", "[runtime][sqlite]") {
  std::unique_ptr<db::Driver> d = open("sqlite::memory:");
  REQUIRE(d->exec("CREATE TABLE p (id INTEGER PRIMARY KEY)").ok());
  REQUIRE(d->exec("CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id))").ok());
  REQUIRE(d->exec("INSERT INTO p VALUES (1), (2); INSERT INTO c VALUES (1, 1)").ok());

  // A statement the plan says changes no data is not checked at commit, whatever it says.
  REQUIRE(d->begin().ok());
  REQUIRE(d->run(ddl("DELETE FROM p WHERE id = 1")).ok());
  REQUIRE(d->commit().ok());
  CHECK(value(*d, "SELECT count(*) FROM p") == "1");
  REQUIRE(d->exec("INSERT INTO p VALUES (1)").ok());

  // One that does is checked, whatever it says.
  REQUIRE(d->exec("PRAGMA foreign_keys = OFF").ok());
  REQUIRE(d->exec("INSERT INTO c VALUES (2, 42)").ok());
  REQUIRE(d->exec("PRAGMA foreign_keys = ON").ok());
  REQUIRE(d->begin().ok());
  REQUIRE(d->run(data("CREATE TABLE t (a int)")).ok());
  db::Result commit = d->commit();
  REQUIRE_FALSE(commit.ok());
  CHECK(commit.error->message == "foreign key violation: row 2 of 'c' has no parent in 'p'");
  CHECK(value(*d, "SELECT count(*) FROM sqlite_schema WHERE name = 't'") == "0");
  // A history write changes no data the foreign keys cover.
  REQUIRE(d->begin().ok());
  REQUIRE(d->run(db::Statement::history("INSERT INTO p VALUES (3)")).ok());
  REQUIRE(d->commit().ok());

  // The first statement's role, not its text, keeps enforcement on for a backfill batch.
  REQUIRE(d->exec("DELETE FROM c WHERE id = 2").ok());
  REQUIRE(d->begin().ok());
  db::Result batch = d->run(db::Statement{"UPDATE c SET p_id = 42", StatementRole::Backfill, true});
  REQUIRE_FALSE(batch.ok());
  CHECK(batch.error->message == "FOREIGN KEY constraint failed");
  REQUIRE(d->rollback().ok());
  REQUIRE(d->begin().ok());
  REQUIRE(
      d->run(db::Statement{"UPDATE c SET p_id = 3 WHERE rowid IN (SELECT rowid FROM c LIMIT 10)",
                           StatementRole::Ddl, false})
          .ok());
  CHECK(value(*d, "PRAGMA foreign_keys") == "0");
  REQUIRE(d->rollback().ok());

  // Rows of a query are rows unless the plan calls it a reference check.
  REQUIRE(d->exec("PRAGMA foreign_keys = OFF").ok());
  REQUIRE(d->exec("INSERT INTO c VALUES (3, 42)").ok());
  db::Result listed = d->run(ddl("PRAGMA foreign_key_check"));
  REQUIRE(listed.ok());
  CHECK(listed.rows.size() == 1);
}

TEST_CASE("sqlite driver: a transaction in one call says where it stopped", "[runtime][sqlite]") {
  std::unique_ptr<db::Driver> d = open("sqlite::memory:");
  REQUIRE(d->exec("CREATE TABLE t (a int)").ok());
  db::TransactionStop stop;
  std::vector<db::Statement> ok = {ddl("CREATE TABLE u (a int)"), data("INSERT INTO t VALUES (1)")};
  REQUIRE(d->run_transaction(ok, stop).ok());
  CHECK(value(*d, "SELECT count(*) FROM t") == "1");
  std::vector<db::Statement> bad = {data("INSERT INTO t VALUES (2)"), ddl("CREATE TABLE u (a int)"),
                                    data("INSERT INTO t VALUES (3)")};
  db::Result r = d->run_transaction(bad, stop);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->kind == db::ErrorKind::AlreadyExists);
  CHECK(stop.statement == 1);
  CHECK(stop.open);
  REQUIRE(d->rollback().ok());
  CHECK(value(*d, "SELECT count(*) FROM t") == "1");
}

TEST_CASE("sqlite driver: errors and their kinds", "[runtime][sqlite]") {
  std::unique_ptr<db::Driver> d = open("sqlite::memory:");
  REQUIRE(d->exec("CREATE TABLE t (a int)").ok());
  db::Result again = d->exec("CREATE TABLE t (a int)");
  REQUIRE_FALSE(again.ok());
  CHECK(again.error->kind == db::ErrorKind::AlreadyExists);
  db::Result missing = d->exec("DROP INDEX ix_nope");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error->kind == db::ErrorKind::Missing);
  db::Result params = d->exec("INSERT INTO t VALUES ($1)", {std::string("7")});
  REQUIRE(params.ok());
  CHECK(params.affected == 1);
  CHECK(value(*d, "SELECT a FROM t") == "7");
}

}  // namespace
}  // namespace migrac
