#include "runtime/db/connect.h"

#include <chrono>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "runtime/db/mysql_driver.h"
#include "runtime/db/postgres_driver.h"
#include "runtime/db/sqlite_driver.h"
#include "runtime/db/url.h"

namespace migrac::db {

namespace {

std::string seconds_text(std::int64_t ms) {
  if (ms % 1000 == 0) return fmt::format("{} s", ms / 1000);
  return fmt::format("{} s", static_cast<double>(ms) / 1000.0);
}

}  // namespace

Connection connect(const ConnectOptions& options) {
  Connection c;
  Redactor redact(options.url);
  std::string error;
  std::optional<DbUrl> url = parse_url(options.url, error);
  if (!url) {
    c.error = redact(error);
    return c;
  }
  if (url->engine == Engine::Sqlite) {
    if (options.defer_create && !options.read_only && sqlite_file_missing(url->target)) {
      c.driver = open_sqlite_stand_in(url->target, c.error);
      c.stand_in = c.driver != nullptr;
      return c;
    }
    c.driver = open_sqlite(url->target, options.read_only, c.error);
    return c;
  }
  using Clock = std::chrono::steady_clock;
  auto deadline = Clock::now() + std::chrono::milliseconds(options.wait_ms);
  bool announced = false;
  // A database other than the URL's (verify's scratch database).
  if (url->engine == Engine::Mysql && !options.database.empty())
    url->mysql.database = options.database;
  for (;;) {
    bool retryable = false;
    c.driver = url->engine == Engine::Mysql
                   ? open_mysql(url->mysql, redact, c.error, retryable)
                   : open_postgres(url->target, options.database, redact, c.error, retryable);
    if (c.driver) {
      c.error.clear();
      return c;
    }
    if (!retryable || Clock::now() >= deadline) return c;
    if (!announced && !options.quiet) {
      std::cerr << fmt::format("migrac: waiting up to {} for the database: {}\n",
                               seconds_text(options.wait_ms), c.error);
      announced = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
}

}  // namespace migrac::db
