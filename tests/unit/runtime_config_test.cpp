// Configuration layering helpers: durations, password redaction, and what a
// broken migrac.ini is told.
#include <catch2/catch.hpp>

#include <boost/program_options.hpp>

#include <filesystem>
#include <fstream>

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

namespace {

// load_config on a config file holding `text`: its error message, or "" when none.
std::string config_error(const std::string& text) {
  namespace fs = std::filesystem;
  fs::path file = fs::temp_directory_path() / "migrac_config_test.ini";
  std::ofstream(file) << text;
  boost::program_options::variables_map flags;
  flags.emplace("config", boost::program_options::variable_value(file.string(), false));
  Config config;
  std::optional<std::string> error = load_config(flags, config);
  fs::remove(file);
  if (!error) return "";
  return error->substr(error->find(": ") + 2);  // without the file's path
}

}  // namespace

TEST_CASE("a broken config file is named, never looped on", "[config]") {
  CHECK(config_error("url = sqlite:x.db\n") == "");
  CHECK(config_error("bogus = 1\n") == "unrecognised option 'bogus'");
  CHECK(config_error("url\n") == "the options configuration file contains an invalid line 'url'");
  CHECK(config_error("url = a\nurl = b\n") == "option 'url' cannot be specified more than once");
  // Boost's own message would substitute this placeholder again and again.
  CHECK(config_error("%canonical_option% = 1\n") == "unrecognised option '%canonical_option%'");
  CHECK(config_error("%value%\n") ==
        "the options configuration file contains an invalid line '%value%'");
}

TEST_CASE("options errors are worded without Boost's placeholders for input that holds one",
          "[config]") {
  boost::program_options::unknown_option unknown("--%option%");
  CHECK(options_error_text(unknown, "--%option%") == "unrecognised option '--%option%'");
  boost::program_options::unknown_option plain("--bogus");
  CHECK(options_error_text(plain, "--bogus") == "unrecognised option '--bogus'");
  CHECK(options_error_text(plain, "100%") == "unrecognised option '--bogus'");
}
