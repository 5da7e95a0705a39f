// The SQLite driver: opening (read-only without creating), the history
// table's statements on SQLite, the file run lock, foreign keys around a migration's transaction, and a foreign key
// violation as an error.

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "compiler/dialect/postgres/history.h"
#include "runtime/db/sqlite_driver.h"
#include "runtime/db/url.h"
#include "runtime/history/history.h"

namespace migrac {
namespace {

namespace fs = std::filesystem;

// A fresh database file in a temporary directory, removed afterwards.
struct TempDb {
  fs::path dir = fs::temp_directory_path() / ("migrac-sqlite-test-" + std::to_string(::getpid()) + "-" +
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
  CHECK(error == "sqlite database file " + path +
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

TEST_CASE("sqlite driver: the history table's statements run on SQLite", "[runtime][sqlite]") {
  std::unique_ptr<db::Driver> d = open("sqlite::memory:");
  HistoryTable table;
  history::Store store(*d, table);
  std::vector<history::Row> rows;
  bool exists = true;
  REQUIRE_FALSE(store.read(rows, exists));
  CHECK_FALSE(exists);
  REQUIRE_FALSE(store.ensure());
  HistoryRowKey key{"0001_init", "v1:ab", {"0000_root"}, 2, "run"};
  REQUIRE(d->exec(history_up_started_sql(table, key, 1)).ok());
  REQUIRE(d->exec(history_up_done_sql(table, key, 1, "5")).ok());
  REQUIRE(d->exec(history_up_done_sql(table, key, 2, "7")).ok());
  REQUIRE_FALSE(store.read(rows, exists));
  CHECK(exists);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].id == "0001_init");
  CHECK(rows[0].parents == std::vector<std::string>{"0000_root"});
  CHECK(rows[0].segments_done == 2);
  CHECK(rows[0].duration_ms == 12);
  CHECK(rows[0].applied_at.ends_with(" UTC"));
  CHECK_FALSE(rows[0].applied_by.empty());
  REQUIRE(d->exec(history_delete_sql(table, "0001_init")).ok());
  REQUIRE_FALSE(store.read(rows, exists));
  CHECK(rows.empty());
  HistoryTable schema_table{"ops", "migrac_history"};
  history::Store other(*d, schema_table);
  std::optional<db::DbError> e = other.ensure();
  REQUIRE(e);
  CHECK(e->message.starts_with("sqlite has no schemas"));
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

TEST_CASE("sqlite driver: foreign keys off in a migration's transaction, checked at commit",
          "[runtime][sqlite]") {
  std::unique_ptr<db::Driver> d = open("sqlite::memory:");
  REQUIRE(d->exec("CREATE TABLE p (id INTEGER PRIMARY KEY)").ok());
  REQUIRE(d->exec("CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id) ON DELETE CASCADE)").ok());
  REQUIRE(d->exec("INSERT INTO p VALUES (1); INSERT INTO c VALUES (1, 1)").ok());
  CHECK(value(*d, "PRAGMA foreign_keys") == "1");

  // A rebuild of the parent: dropping it fires no cascade.
  REQUIRE(d->exec("BEGIN").ok());
  REQUIRE(d->exec("CREATE TABLE migrac_new_p (id INTEGER PRIMARY KEY)").ok());
  CHECK(value(*d, "PRAGMA foreign_keys") == "0");
  REQUIRE(d->exec("INSERT INTO migrac_new_p (id) SELECT id FROM p").ok());
  REQUIRE(d->exec("DROP TABLE p").ok());
  REQUIRE(d->exec("ALTER TABLE migrac_new_p RENAME TO p").ok());
  REQUIRE(d->exec("-- comment\nPRAGMA foreign_key_check").ok());
  REQUIRE(d->exec("COMMIT").ok());
  CHECK(value(*d, "SELECT count(*) FROM c") == "1");
  CHECK(value(*d, "PRAGMA foreign_keys") == "1");

  // A transaction that breaks a reference fails at commit and rolls back.
  REQUIRE(d->exec("BEGIN").ok());
  REQUIRE(d->exec("DROP TABLE p").ok());
  db::Result commit = d->exec("COMMIT");
  REQUIRE_FALSE(commit.ok());
  CHECK(commit.error->message == "foreign key violation: row 1 of 'c' has no parent in 'p'");
  CHECK(value(*d, "SELECT count(*) FROM p") == "1");

  // A backfill batch keeps enforcement on.
  REQUIRE(d->exec("BEGIN").ok());
  db::Result batch = d->exec("UPDATE c SET p_id = 2 WHERE rowid IN (SELECT rowid FROM c LIMIT 10)");
  REQUIRE_FALSE(batch.ok());
  CHECK(batch.error->message == "FOREIGN KEY constraint failed");
  REQUIRE(d->exec("ROLLBACK").ok());

  // A listed violation is an error.
  REQUIRE(d->exec("PRAGMA foreign_keys = OFF").ok());
  REQUIRE(d->exec("INSERT INTO c VALUES (2, 42)").ok());
  db::Result check = d->exec("PRAGMA foreign_key_check");
  REQUIRE_FALSE(check.ok());
  CHECK(check.error->message == "foreign key violation: row 2 of 'c' has no parent in 'p'");
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
