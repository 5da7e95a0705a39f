#pragma once
// Opening a database from a URL: picks the driver by the URL's engine
// (url.h) and, with a wait, retries until the server accepts connections.

#include <cstdint>
#include <memory>
#include <string>

#include "runtime/db/driver.h"
#include "runtime/db/redact.h"

namespace migrac::db {

// How to connect.
struct ConnectOptions {
  std::string url;
  std::int64_t wait_ms = 0;  // retry a refused connection this long (--wait)
  bool quiet = false;        // no "waiting for the database" line
  bool read_only = false;  // a verb that only reads: a missing SQLite file is an error, not created
  // PostgreSQL: this database on the URL's server instead of the URL's own
  // (a scratch database). Empty: the URL's.
  std::string database;
  // A write verb: a missing SQLite file is not created yet; an empty stand-in
  // is opened instead (Connection::stand_in) until the verb writes.
  bool defer_create = false;
};

// The outcome of connect(): a driver, or one line saying why not (redacted).
struct Connection {
  std::unique_ptr<Driver> driver;
  std::string error;
  bool stand_in = false;  // defer_create: the driver stands in for a missing SQLite file
};

Connection connect(const ConnectOptions& options);

}  // namespace migrac::db
