// Backups (runtime/backup/): sizes as printed, a SQLite backup through the
// online backup API into a new folder, and the failures that leave no file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <sqlite3.h>

#include "runtime/backup/backup.h"

using namespace migrac;
namespace fs = std::filesystem;

namespace {

// A scratch folder removed at the end of the test.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("migrac_backup_test_" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
};

std::string one_value(const fs::path& file, const char* query) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, query, -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  std::string out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

db::DbUrl sqlite_url(const std::string& path) {
  db::DbUrl url;
  url.engine = db::Engine::Sqlite;
  url.target = path;
  return url;
}

}  // namespace

TEST_CASE("backup sizes", "[backup]") {
  CHECK(backup::size_text(0) == "0 B");
  CHECK(backup::size_text(999) == "999 B");
  CHECK(backup::size_text(4100) == "4.1 kB");
  CHECK(backup::size_text(12'345'678) == "12.3 MB");
  CHECK(backup::size_text(3'000'000'000) == "3.0 GB");
}

TEST_CASE("a SQLite backup is a database file holding the tables", "[backup]") {
  Scratch s;
  fs::path source = s.dir / "app.db";
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(source.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db,
                       "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);"
                       "INSERT INTO users (email) VALUES ('a@x'), ('b@x');",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);

  backup::BackupResult r = backup::take_backup(sqlite_url(source.string()),
                                               "sqlite:" + source.string(),
                                               (s.dir / "backups" / "nested").string());
  REQUIRE(r.ok);
  CHECK(fs::path(r.path).parent_path() == s.dir / "backups" / "nested");
  CHECK(fs::path(r.path).filename().string().rfind("app-", 0) == 0);
  CHECK(fs::path(r.path).extension() == ".sqlite");
  CHECK(r.bytes == fs::file_size(r.path));
  CHECK(one_value(r.path, "SELECT count(*) FROM users") == "2");
  CHECK(one_value(r.path, "PRAGMA integrity_check") == "ok");

  // A second backup in the same second gets a name of its own.
  backup::BackupResult again = backup::take_backup(sqlite_url(source.string()), "",
                                                   (s.dir / "backups" / "nested").string());
  REQUIRE(again.ok);
  CHECK(again.path != r.path);
}

TEST_CASE("a failed backup says why and leaves no file", "[backup]") {
  Scratch s;
  fs::path file = s.dir / "plain_file";
  { std::ofstream(file) << "x"; }
  backup::BackupResult r = backup::take_backup(sqlite_url((s.dir / "missing.db").string()), "",
                                               (file / "sub").string());
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("cannot create the backup folder") != std::string::npos);

  // The source cannot be opened: nothing, not even a partial file, is left.
  fs::path out = s.dir / "out";
  r = backup::take_backup(sqlite_url((s.dir / "missing.db").string()), "", out.string());
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("cannot open") != std::string::npos);
  CHECK(fs::is_empty(out));

  backup::BackupResult memory = backup::take_backup(sqlite_url(":memory:"), "", out.string());
  CHECK(memory.skipped);
  CHECK_FALSE(memory.ok);
}
