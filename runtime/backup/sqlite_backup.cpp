// SQLite: the online backup API, from a read-only connection of its own (the
// run lock is a separate lock file, so the runner's connection does not stand
// in its way), copying every page in one step while readers wait as
// SQLite's busy handler makes them.
#include <chrono>
#include <filesystem>
#include <thread>

#include <sqlite3.h>

#include <fmt/format.h>

#include "runtime/backup/internal.h"

namespace migrac::backup {

EngineBackup describe_sqlite(const db::DbUrl& url) {
  std::string stem = std::filesystem::path(url.target).stem().string();
  return {stem.empty() ? "sqlite" : stem, ".sqlite"};
}

std::string write_sqlite(const db::DbUrl& url, const std::string& path, std::string& tool) {
  tool = "the SQLite backup API";
  sqlite3* source = nullptr;
  sqlite3* dest = nullptr;
  auto close_both = [&] {
    sqlite3_close(source);
    sqlite3_close(dest);
  };
  if (sqlite3_open_v2(url.target.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string e = fmt::format("cannot open {}: {}", url.target, sqlite3_errmsg(source));
    close_both();
    return e;
  }
  sqlite3_busy_timeout(source, 10000);
  if (sqlite3_open_v2(path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    std::string e = fmt::format("cannot create {}: {}", path, sqlite3_errmsg(dest));
    close_both();
    return e;
  }
  sqlite3_backup* b = sqlite3_backup_init(dest, "main", source, "main");
  if (!b) {
    std::string e = fmt::format("cannot back up {}: {}", url.target, sqlite3_errmsg(dest));
    close_both();
    return e;
  }
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < 100; ++attempt) {
    rc = sqlite3_backup_step(b, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  sqlite3_backup_finish(b);
  std::string e;
  if (rc != SQLITE_DONE)
    e = fmt::format("backing up {} failed: {}", url.target, sqlite3_errstr(rc));
  else if (sqlite3_errcode(dest) != SQLITE_OK)
    e = fmt::format("writing {} failed: {}", path, sqlite3_errmsg(dest));
  close_both();
  return e;
}

}  // namespace migrac::backup
