// The MySQL driver's parts that need no server: what each MySQL error number
// means to the runner, and $N parameters bound as literals outside quotes
// and comments. tests/live/live_mysql_runtime.sh runs the driver on MariaDB.
#include <catch2/catch.hpp>

#include "runtime/db/mysql_driver.h"
#include "runtime/db/redact.h"

using namespace migrac;
using db::ErrorKind;

TEST_CASE("mysql: error numbers to kinds", "[runtime][mysql]") {
  CHECK(db::mysql_error_kind(1205) == ErrorKind::LockTimeout);
  CHECK(db::mysql_error_kind(3572) == ErrorKind::LockTimeout);
  CHECK(db::mysql_error_kind(1213) == ErrorKind::Deadlock);
  for (unsigned n : {1050u, 1060u, 1061u, 1826u})
    CHECK(db::mysql_error_kind(n) == ErrorKind::AlreadyExists);
  for (unsigned n : {1051u, 1091u}) CHECK(db::mysql_error_kind(n) == ErrorKind::Missing);
  for (unsigned n : {2002u, 2003u, 2006u, 2013u})
    CHECK(db::mysql_error_kind(n) == ErrorKind::Connection);
  // Access denied, unknown database, a syntax error: not retryable, not done.
  for (unsigned n : {1045u, 1049u, 1064u, 1146u})
    CHECK(db::mysql_error_kind(n) == ErrorKind::Other);
}

TEST_CASE("mysql: $N parameters become literals outside quotes and comments", "[runtime][mysql]") {
  auto literal = [](const std::string& v) { return "<" + v + ">"; };
  db::Params p{std::string("a"), std::nullopt, std::string("c")};
  CHECK(db::bind_dollar_params("SELECT $1, $2, $3", p, literal) == "SELECT <a>, NULL, <c>");
  CHECK(db::bind_dollar_params("SELECT '$1', \"$2\", `$3`, $1", p, literal) ==
        "SELECT '$1', \"$2\", `$3`, <a>");
  CHECK(db::bind_dollar_params("SELECT 'it\\'s $1' -- $2\n, $3", p, literal) ==
        "SELECT 'it\\'s $1' -- $2\n, <c>");
  // Out of range or not a parameter: as written.
  CHECK(db::bind_dollar_params("SELECT $4, $0, $ 1, $12", p, literal) == "SELECT $4, $0, $ 1, $12");
  CHECK(db::bind_dollar_params("SELECT 'unclosed $1", p, literal) == "SELECT 'unclosed $1");
}

TEST_CASE("mysql: passwords of mysql URLs are redacted", "[runtime][mysql]") {
  db::Redactor r("mysql://deploy:s%40cret99@db:3306/app");
  CHECK(r("Unknown database 's@cret99db' at mysql://deploy:s%40cret99@db:3306/app") ==
        "Unknown database '***db' at mysql://deploy:***@db:3306/app");
  db::Redactor q("mariadb://deploy@db/app?socket=/s&password=Query_pw1");
  CHECK(q("failed for Query_pw1") == "failed for ***");
}
