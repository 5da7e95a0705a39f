// Configuration layering helpers: durations and password redaction.
#include <catch2/catch.hpp>

#include "runtime/config/config.h"

using namespace migrac;

TEST_CASE("durations", "[config]") {
  CHECK(parse_duration_ms("500ms") == 500);
  CHECK(parse_duration_ms("5s") == 5000);
  CHECK(parse_duration_ms("2min") == 120000);
  CHECK(parse_duration_ms("1h") == 3600000);
  CHECK(parse_duration_ms("250") == 250);
  CHECK_FALSE(parse_duration_ms("5 seconds"));
  CHECK_FALSE(parse_duration_ms("-1s"));
  // Past 64 bits: digits that do not fit, and a product that would overflow.
  CHECK_FALSE(parse_duration_ms("99999999999999999999"));
  CHECK_FALSE(parse_duration_ms("9999999999999999h"));
  CHECK(parse_duration_ms("9223372036854775807") == INT64_MAX);
  CHECK_FALSE(parse_duration_ms("9223372036854776s"));
  CHECK(parse_duration_ms("  5 min ") == 300000);
  // Long values are scanned without running out of stack.
  CHECK_FALSE(parse_duration_ms(std::string(1000000, '1') + "x"));
  CHECK(parse_duration_ms(std::string(1000000, ' ') + "1s") == 1000);
  CHECK(redact_url("postgresql://u:" + std::string(1000000, 'p') + "@h/db") ==
        "postgresql://u:***@h/db");
}

TEST_CASE("passwords never survive redaction", "[config]") {
  CHECK(redact_url("postgresql://bob:s3cret@db:5432/app") == "postgresql://bob:***@db:5432/app");
  CHECK(redact_url("postgres://bob@db/app") == "postgres://bob@db/app");
  CHECK(redact_url("host=db password=s3cret user=bob") == "host=db password=*** user=bob");
  CHECK(redact_url("host=db password='a b' user=bob") == "host=db password=*** user=bob");
  CHECK(redact_url("sqlite:app.db") == "sqlite:app.db");
}
