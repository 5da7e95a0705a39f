// Database URLs as users write them: each spelling of PostgreSQL, SQLite
// (SQLAlchemy's three and four slashes) and MySQL, and the malformed ones.
#include <catch2/catch.hpp>

#include "runtime/db/url.h"

using namespace migrac;

namespace {

// The URL read, as "engine target", or "error: ..." .
std::string read(const std::string& url) {
  std::string error;
  std::optional<db::DbUrl> u = db::parse_url(url, error);
  if (!u) return "error: " + error;
  const char* engine = u->engine == db::Engine::Postgres ? "postgres"
                       : u->engine == db::Engine::Sqlite ? "sqlite"
                                                         : "mysql";
  return std::string(engine) + " " + u->target;
}

}  // namespace

TEST_CASE("urls: postgresql, with and without a driver part", "[runtime][url]") {
  CHECK(read("postgresql://u:pw@db.example:5432/app") ==
        "postgres postgresql://u:pw@db.example:5432/app");
  CHECK(read("postgres://u@localhost/app") == "postgres postgres://u@localhost/app");
  CHECK(read("postgresql+psycopg2://u:pw@localhost/app") ==
        "postgres postgresql://u:pw@localhost/app");
  CHECK(read("postgresql+psycopg://localhost/app?sslmode=require") ==
        "postgres postgresql://localhost/app?sslmode=require");
  CHECK(read("postgresql+asyncpg://localhost/app") == "postgres postgresql://localhost/app");
  CHECK(read("postgresql+pg8000://localhost/app") == "postgres postgresql://localhost/app");
  CHECK(read("host=/tmp dbname=app user=me") == "postgres host=/tmp dbname=app user=me");
}

TEST_CASE("urls: sqlite as SQLAlchemy reads it", "[runtime][url]") {
  // Three slashes: the path after them as written, relative to the working directory.
  CHECK(read("sqlite:///./app.db") == "sqlite ./app.db");
  CHECK(read("sqlite:///app.db") == "sqlite app.db");
  CHECK(read("sqlite:///data/app.db") == "sqlite data/app.db");
  // Four: absolute.
  CHECK(read("sqlite:////var/lib/app.db") == "sqlite /var/lib/app.db");
  // migrac's own forms, as before.
  CHECK(read("sqlite:data/app.db") == "sqlite data/app.db");
  CHECK(read("sqlite:/var/app.db") == "sqlite /var/app.db");
  // In memory.
  CHECK(read("sqlite::memory:") == "sqlite :memory:");
  CHECK(read("sqlite://") == "sqlite :memory:");
  CHECK(read("sqlite:///:memory:") == "sqlite :memory:");
  CHECK(read("sqlite://:memory:") == "sqlite :memory:");
}

TEST_CASE("urls: malformed sqlite urls are errors, not another file", "[runtime][url]") {
  CHECK(read("sqlite:") ==
        "error: no database file in 'sqlite:' (expected sqlite:path/to.db or sqlite::memory:)");
  CHECK(read("sqlite:///") ==
        "error: no database file in 'sqlite:///' (expected sqlite:path/to.db or sqlite::memory:)");
  // SQLAlchemy would read "data" as a host and open app.db: refused rather than guessed.
  CHECK(read("sqlite://data/app.db") ==
        "error: 'sqlite://data/app.db' names a host, which sqlite URLs have none of: write "
        "sqlite:///relative/path.db (three slashes) or sqlite:////absolute/path.db (four)");
  CHECK(read("sqlite:///app.db?mode=ro") ==
        "error: query parameters in 'sqlite:///app.db?mode=ro' are not supported for sqlite");
}

// A mysql URL's parts, as "host|port|user|password|database|socket".
static std::string mysql_parts(const std::string& url) {
  std::string error;
  std::optional<db::DbUrl> u = db::parse_url(url, error);
  if (!u) return "error: " + error;
  if (u->engine != db::Engine::Mysql) return "not mysql";
  const db::MysqlTarget& t = u->mysql;
  return t.host + "|" + std::to_string(t.port) + "|" + t.user + "|" + t.password + "|" +
         t.database + "|" + t.socket;
}

TEST_CASE("urls: mysql and mariadb, with and without a driver part", "[runtime][url]") {
  CHECK(read("mysql://u:pw@localhost/app") == "mysql mysql://u:pw@localhost/app");
  CHECK(mysql_parts("mysql://u:pw@db.example:3307/app") == "db.example|3307|u|pw|app|");
  CHECK(mysql_parts("mysql+pymysql://u@localhost/app") == "localhost|0|u||app|");
  CHECK(mysql_parts("mariadb+mariadbconnector://localhost/app") == "localhost|0|||app|");
  CHECK(mysql_parts("mariadb://deploy:s%40cret%2F1@127.0.0.1:3306/my%20db") ==
        "127.0.0.1|3306|deploy|s@cret/1|my db|");
  CHECK(mysql_parts("mysql://root@/app?socket=/run/mysqld/mysqld.sock") ==
        "|0|root||app|/run/mysqld/mysqld.sock");
  CHECK(mysql_parts("mysql+pymysql://root@localhost/app?unix_socket=/tmp/s&charset=utf8mb4") ==
        "localhost|0|root||app|/tmp/s");
  CHECK(mysql_parts("mysql://u@[::1]:3306/app") == "::1|3306|u||app|");
}

TEST_CASE("urls: malformed mysql urls are errors", "[runtime][url]") {
  CHECK(mysql_parts("mysql://u:pw@localhost") ==
        "error: no database in 'mysql://u:pw@localhost' (expected "
        "mysql://user:password@host:port/database)");
  CHECK(mysql_parts("mysql://localhost:99999/app") ==
        "error: invalid port '99999' in 'mysql://localhost:99999/app'");
  CHECK(mysql_parts("mysql://localhost:x/app") ==
        "error: invalid port 'x' in 'mysql://localhost:x/app'");
  CHECK(mysql_parts("mysql://localhost/app?ssl=1") ==
        "error: unsupported parameter 'ssl' in a mysql URL (known: socket, unix_socket, user, "
        "password, charset)");
  CHECK(mysql_parts("mysql://localhost/a/b") ==
        "error: 'mysql://localhost/a/b' names more than one database "
        "(mysql://user@host/DATABASE)");
}

TEST_CASE("urls: other schemes are refused", "[runtime][url]") {
  CHECK(read("oracle://localhost/app") ==
        "error: unsupported database URL scheme 'oracle' (expected postgresql://..., mysql://... "
        "or sqlite:path)");
  CHECK(read("app.db") ==
        "error: unsupported database URL scheme 'app.db' (expected postgresql://..., mysql://... "
        "or sqlite:path)");
  CHECK(db::is_sqlite_url("sqlite:app.db"));
  CHECK_FALSE(db::is_sqlite_url("postgresql://localhost/app"));
}
