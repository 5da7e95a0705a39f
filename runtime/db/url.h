#pragma once
// Database URLs as users write them (and as SQLAlchemy reads them): which
// engine a URL names and what its driver opens.
//   postgres://, postgresql://, postgresql+DRIVER:// (psycopg2, psycopg,
//       asyncpg, ...: the driver part is ignored) and libpq key=value strings
//   sqlite:///relative/path, sqlite:////absolute/path (SQLAlchemy's forms:
//       three slashes then the path as written), sqlite:path, sqlite::memory:,
//       sqlite:// and sqlite:///:memory: (in memory)
//   mysql://USER:PASSWORD@HOST:PORT/DATABASE, mysql+DRIVER:// (pymysql,
//       mysqldb, ...: ignored), mariadb://, mariadb+DRIVER:// the same;
//       ?socket=/path (or unix_socket=) for a local socket, ?charset= accepted
//       (the driver always speaks utf8mb4); user, password and database
//       percent-decoded

#include <optional>
#include <string>

namespace migrac::db {

// The database engines a URL can name.
enum class Engine { Postgres, Sqlite, Mysql };

// Where a mysql:// URL connects.
struct MysqlTarget {
  std::string host;   // empty: localhost (the default socket unless `socket` is set)
  unsigned port = 0;  // 0: the default, 3306
  std::string user;
  std::string password;
  std::string database;
  std::string socket;  // a Unix socket path, or empty
};

// A URL, read.
struct DbUrl {
  Engine engine = Engine::Postgres;
  // Postgres: the connection string for libpq (a postgresql+DRIVER:// URL as
  // postgresql://). Sqlite: the database file, or ":memory:". Mysql: the URL.
  std::string target;
  MysqlTarget mysql;  // Mysql: the URL's parts
};

// Reads `url`; nullopt with `error` (one line, no password) when it names no
// engine migrac knows or is malformed.
std::optional<DbUrl> parse_url(const std::string& url, std::string& error);

// True for `sqlite:...` URLs (well formed or not).
bool is_sqlite_url(const std::string& url);

}  // namespace migrac::db
