#pragma once
// The SQLite driver, the embedded default: a database file (created if
// missing, unless opened read-only) or ":memory:" (url.h reads the URL
// forms). The run lock is an exclusive file lock
// (flock) on `<database>.migrac-lock`, held for the whole run; foreign keys
// are enforced on the connection, a busy database is waited for.

#include <memory>
#include <string>

#include "runtime/db/driver.h"

namespace migrac::db {

// Opens the database file `path` (or ":memory:"); `read_only` opens an
// existing file for reading and refuses a missing one instead of creating it.
// On failure returns null and sets `error` to one line.
std::unique_ptr<Driver> open_sqlite(const std::string& path, bool read_only, std::string& error);

// Whether `path` names a database file that does not exist (never ":memory:").
bool sqlite_file_missing(const std::string& path);

// An empty in-memory database standing in for the missing file `path`
// (describe() names the file): a write verb reads it while it checks, and
// creates the file only when it writes (cli/session.h), so that a refused
// verb leaves no file behind.
std::unique_ptr<Driver> open_sqlite_stand_in(const std::string& path, std::string& error);

}  // namespace migrac::db
