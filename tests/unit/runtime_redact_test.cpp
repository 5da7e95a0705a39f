// Passwords kept out of messages: the password of a URL or key=value string,
// redaction of any text that may quote it, one-line connection failures.
#include <catch2/catch.hpp>

#include "runtime/db/postgres_driver.h"
#include "runtime/db/redact.h"

using namespace migrac::db;

TEST_CASE("the password of a connection string", "[runtime][redact]") {
  CHECK(password_of("postgresql://app:S3cret@db:5432/app") == "S3cret");
  CHECK(password_of("postgres://app:p%40ss@db/app") == "p%40ss");
  CHECK(password_of("postgresql://app@db/app?password=qwerty&sslmode=require") == "qwerty");
  CHECK(password_of("postgresql://app@db/app") == "");
  CHECK(password_of("postgresql://db/app") == "");
  CHECK(password_of("host=db user=app password=hunter22 dbname=app") == "hunter22");
  CHECK(password_of("host=db password='with space' dbname=app") == "with space");
}

TEST_CASE("redaction removes the password wherever it shows", "[runtime][redact]") {
  Redactor r("postgresql://app:S3cr%zzet@db:5432/app");
  CHECK(r("invalid percent-encoded token: \"S3cr%zzet\"") ==
        "invalid percent-encoded token: \"***\"");
  CHECK(r("connecting to postgresql://app:S3cr%zzet@db:5432/app failed") ==
        "connecting to postgresql://app:***@db:5432/app failed");
  CHECK(r("any URL: postgres://u:other@h/d") == "any URL: postgres://u:***@h/d");
  CHECK(r("conninfo password=abc host=x") == "conninfo password=*** host=x");
  CHECK(r("postgresql://app@db/app?password=xyz&a=b") ==
        "postgresql://app@db/app?password=***&a=b");
  CHECK(r("nothing secret here") == "nothing secret here");
}

TEST_CASE("a short password is removed only where a pattern shows it", "[runtime][redact]") {
  Redactor r("postgresql://app:ab@db/app");
  CHECK(r("table abc") == "table abc");
  CHECK(r("postgresql://app:ab@db/app") == "postgresql://app:***@db/app");
}

TEST_CASE("the decoded form of a percent-encoded password is removed too", "[runtime][redact]") {
  Redactor r("postgresql://app:p%40ssw0rd@db/app");
  CHECK(r("password p@ssw0rd rejected") == "password *** rejected");
  CHECK(r("password p%40ssw0rd rejected") == "password *** rejected");
}

TEST_CASE("quoted values, escapes and several passwords in one text", "[runtime][redact]") {
  Redactor r("host=x");
  CHECK(r("password = 'it\\'s here' next") == "password = *** next");
  CHECK(r("password='open quote") == "password=*** quote");  // not closed: up to a space
  CHECK(r("a password=1 b password=2") == "a password=*** b password=***");
  CHECK(r("mypassword=kept") == "mypassword=kept");  // not a key of its own
  CHECK(r("x://a:b@y z://c:d@w") == "x://a:***@y z://c:***@w");
  CHECK(r("1+://a:b@y") == "1+://a:b@y");  // a scheme starts with a letter
  CHECK(password_of("password='a\\'b'") == "a\\'b");
  CHECK(password_of("xpassword=no password=yes") == "yes");
}

TEST_CASE("very long connection strings are scanned without running out of stack",
          "[runtime][redact]") {
  std::string secret(1000000, 'p');
  std::string url = "postgresql://u:" + secret + "@h/db";
  CHECK(password_of(url) == secret);
  CHECK(password_of("host=h password='" + secret + "'") == secret);
  CHECK(password_of("postgresql://h/db?password=" + secret) == secret);
  Redactor r(url);
  CHECK(r("at " + url) == "at postgresql://u:***@h/db");
  CHECK(Redactor("host=x")("password=" + secret) == "password=***");
}

TEST_CASE("a libpq connection failure as one line", "[runtime][redact]") {
  CHECK(connection_reason(
            "connection to server at \"127.0.0.1\", port 5433 failed: Connection refused\n"
            "\tIs the server running on that host and accepting TCP/IP connections?\n") ==
        "Connection refused; Is the server running on that host and accepting TCP/IP connections?");
  CHECK(
      connection_reason("connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  password "
                        "authentication failed for user \"app\"\n") ==
      "password authentication failed for user \"app\"");
  // The same reason for ::1 and 127.0.0.1 is said once.
  CHECK(connection_reason(
            "connection to server at \"localhost\" (::1), port 1 failed: Connection refused\n"
            "connection to server at \"localhost\" (127.0.0.1), port 1 failed: Connection "
            "refused\n") == "Connection refused");
}
