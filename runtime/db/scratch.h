#pragma once
// A scratch database: created with a unique name for one run (verify), and
// always removed afterwards: when the run ends, when it fails, and on SIGINT,
// SIGTERM or SIGHUP (a watcher thread removes it and exits with 130). A run
// killed outright (SIGKILL) leaves one behind; the next run recognises it by
// its name prefix and removes it when no session uses it.
//   PostgreSQL: a database `migrac_verify_<time>_<pid>_<random>` on the server
//     the URL names (the URL's own database is only connected to, to create
//     and drop it).
//   SQLite: a file `migrac_verify_<pid>_<random>.db` in the temporary directory.

#include <memory>
#include <string>
#include <vector>

#include "runtime/db/connect.h"
#include "runtime/db/driver.h"

namespace migrac::db {

// The name prefix of every scratch database and file.
inline constexpr const char* kScratchPrefix = "migrac_verify_";

// One scratch database, removed when destroyed.
class ScratchDatabase {
 public:
  // Creates one on the server `url` names (a sqlite: URL, or an empty one:
  // a temporary file). Null with `error` (one redacted line) on failure.
  static std::unique_ptr<ScratchDatabase> create(const std::string& url, std::string& error);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  // How to connect to it.
  const ConnectOptions& connect_options() const { return connect_; }
  // "database migrac_verify_... on 127.0.0.1:5432", "file /tmp/migrac_verify_....db".
  std::string describe() const;
  // The leftovers of killed runs removed while creating this one.
  const std::vector<std::string>& removed_leftovers() const { return removed_; }
  // Removes it now (also done by the destructor); an error line, or empty.
  std::string remove();

 private:
  ScratchDatabase() = default;
  void watch_signals();
  void stop_watching();

  bool sqlite_ = false;
  std::string server_url_;  // PostgreSQL: the URL connected to for create and drop
  std::string name_;        // PostgreSQL: the database; SQLite: the file's path
  std::string server_;      // where, for describe()
  ConnectOptions connect_;
  std::vector<std::string> removed_;
  bool removed_now_ = false;
  struct Watcher;
  std::unique_ptr<Watcher> watcher_;
};

}  // namespace migrac::db
