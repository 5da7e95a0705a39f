#include "runtime/db/connect.h"

#include <chrono>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "runtime/db/postgres_driver.h"
#include "runtime/db/sqlite_driver.h"

namespace migrac::db {

namespace {

std::string seconds_text(std::int64_t ms) {
  if (ms % 1000 == 0) return fmt::format("{} s", ms / 1000);
  return fmt::format("{} s", static_cast<double>(ms) / 1000.0);
}

}  // namespace

bool is_postgres_url(const std::string& url) {
  if (url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0) return true;
  // A libpq key=value string: "host=... dbname=...".
  return url.find("://") == std::string::npos && url.find('=') != std::string::npos;
}

Connection connect(const ConnectOptions& options) {
  Connection c;
  Redactor redact(options.url);
  if (is_sqlite_url(options.url)) {
    c.driver = open_sqlite(options.url, c.error);
    return c;
  }
  if (!is_postgres_url(options.url)) {
    auto colon = options.url.find(':');
    std::string scheme = colon == std::string::npos ? options.url : options.url.substr(0, colon);
    c.error = redact(fmt::format("unsupported database URL scheme '{}' (expected postgresql://... or sqlite:path)", scheme));
    return c;
  }
  using Clock = std::chrono::steady_clock;
  auto deadline = Clock::now() + std::chrono::milliseconds(options.wait_ms);
  bool announced = false;
  for (;;) {
    bool retryable = false;
    c.driver = open_postgres(options.url, redact, c.error, retryable);
    if (c.driver) {
      c.error.clear();
      return c;
    }
    if (!retryable || Clock::now() >= deadline) return c;
    if (!announced && !options.quiet) {
      std::cerr << fmt::format("migrac: waiting up to {} for the database: {}\n", seconds_text(options.wait_ms), c.error);
      announced = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
}

}  // namespace migrac::db
