#pragma once
// The PostgreSQL driver (libpq). The run lock is a session-level advisory lock:
// it survives commits and the autocommit statements of concurrent index builds.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/db/driver.h"
#include "runtime/db/redact.h"

struct pg_conn;

namespace migrac::db {

// Opens one connection. On failure returns null and sets `error` to one
// redacted line naming host, port, database, user and the server's reason;
// `retryable` says whether waiting could help (not for a wrong password).
// A non-empty `database` replaces the URL's database.
std::unique_ptr<Driver> open_postgres(const std::string& url, const std::string& database,
                                      const Redactor& redact, std::string& error, bool& retryable);

// The sessions whose locks conflict with `locks` on `db` (a PostgreSQL
// connection): pg_locks joined with pg_stat_activity (postgres_blockers.cpp).
Result postgres_lock_blockers(Driver& db, const std::vector<TableLock>& locks,
                              std::vector<LockBlocker>& blockers);

// A reader of the index builds of the connection `conn`, on a second
// connection made with conn's own parameters (postgres_index_progress.cpp);
// null when it cannot be made.
std::unique_ptr<IndexProgressReader> postgres_index_progress_reader(pg_conn* conn,
                                                                    const Redactor& redact);

// The one-line reason of a libpq connection failure: the "connection to
// server ... failed:" prefixes and "FATAL:" removed, lines joined with "; ".
std::string connection_reason(const std::string& libpq_message);

}  // namespace migrac::db
