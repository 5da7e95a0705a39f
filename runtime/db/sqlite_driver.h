#pragma once
// The SQLite driver, the embedded default: `sqlite:path/to.db` (created if
// missing) and `sqlite::memory:`. The run lock is an exclusive file lock
// (flock) on `<database>.migrac-lock`, held for the whole run; foreign keys
// are enforced on the connection, a busy database is waited for.

#include <memory>
#include <string>

#include "runtime/db/driver.h"

namespace migrac::db {

// True for `sqlite:...` URLs.
bool is_sqlite_url(const std::string& url);

// The database file of a sqlite URL (":memory:" for `sqlite::memory:`);
// `sqlite:///abs/path` and `sqlite://rel/path` are accepted too.
std::string sqlite_path(const std::string& url);

// Opens the database. On failure returns null and sets `error` to one line.
std::unique_ptr<Driver> open_sqlite(const std::string& url, std::string& error);

}  // namespace migrac::db
