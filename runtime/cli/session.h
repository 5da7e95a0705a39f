#pragma once
// An open database for a verb: the connection, the run lock, the history
// table and its rows; and the read view that current and status share.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/dialect/postgres/history.h"
#include "runtime/cli/db_options.h"
#include "runtime/db/connect.h"
#include "runtime/db/driver.h"
#include "runtime/history/history.h"
#include "runtime/history/state.h"

namespace migrac::cli {

// An open database and its history table.
struct Session {
  std::unique_ptr<db::Driver> db;
  HistoryTable table;
  std::unique_ptr<history::Store> store;
  std::vector<history::Row> rows;
  bool table_exists = false;
  bool locked = false;
  std::int64_t lock_key = 0;
  // A write verb on a missing SQLite file: `db` is an empty stand-in, and
  // ensure_history_table creates the file (with these options), takes the
  // run lock there and reads it again. Empty otherwise.
  std::optional<db::ConnectOptions> create_at;
  std::int64_t lock_wait_ms = 0;
  bool quiet = false;

  Session() = default;
  Session(Session&&) = default;
  Session& operator=(Session&&) = default;
  ~Session();
};

// How a session is opened.
enum class SessionMode {
  Read,   // no lock, nothing created: neither the table nor a SQLite file (current, status)
  Write,  // the run lock for the whole session (the table, and a missing SQLite file, are
          // created by ensure_history_table)
};

// Connects, (Write) takes the run lock, reads the rows (none when the table
// does not exist yet). Fails with exit 2 (no URL, a bad history table name)
// or 3 (the database). With `at`, connects there instead of the configured URL
// (a scratch database).
Session open_session(const Invocation& inv, const DbSettings& settings, SessionMode mode,
                     const db::ConnectOptions* at = nullptr);

// Creates the history table if missing (and first a missing SQLite file):
// called once a write verb has passed its checks, so that a refused verb
// leaves the database as it was, or absent. Fails with exit 3.
void ensure_history_table(Session& s, const std::string& verb);

// The header line of a run: the database and history table.
std::string session_line(const Session& s);

// What `current` and `status` read: the settings, the files (without the full
// compile when the files allow it), the database's history, and the two compared.
struct ReadView {
  DbSettings settings;
  Project project;
  Session session;
  history::State state;
};
// Fails as db_settings, compile_or_fail and open_session do.
std::unique_ptr<ReadView> open_read_view(const Invocation& inv);

}  // namespace migrac::cli
