// libFuzzer target: the runtime's inputs that come from users, each fed the
// whole input: a database URL (driver choice, SQLite path, password finding
// and redaction, history table name), a migrac.ini file, and the headers of a
// raw SQL migration (`-- migrac:after ...`) and of a .mig file (`after ...;`)
// as the read-only verbs scan them. Nothing connects to a database.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <boost/program_options.hpp>

#include "compiler/dialect/history.h"
#include "compiler/source/headers.h"
#include "runtime/config/config.h"
#include "runtime/db/connect.h"
#include "runtime/db/redact.h"
#include "runtime/db/sqlite_driver.h"
#include "runtime/db/url.h"
#include "runtime/history/quick_project.h"
#include "tests/fuzz/root.h"
#include "tests/fuzz/scratch.h"

namespace {

using namespace migrac;
using migrac::fuzz::fail;

void fuzz_url(const std::string& url) {
  std::string url_error;
  db::parse_url(url, url_error);
  db::is_sqlite_url(url);
  std::string password = db::password_of(url);
  db::Redactor redact(url);
  std::string shown = redact("could not connect to " + url + ": password authentication failed");
  // A password of 3 bytes or more never survives (shorter ones are removed
  // only where a pattern shows them; one holding '*' may be rebuilt by ***).
  if (password.size() >= 3 && password.find('*') == std::string::npos &&
      shown.find(password) != std::string::npos) {
    fail("a password survives redaction", shown);
  }
  redact_url(url);
  std::string error;
  parse_history_table(url, error);
  parse_duration_ms(url);
}

void fuzz_config(const fuzz::Scratch& scratch, const std::string& text) {
  namespace po = boost::program_options;
  scratch.write("migrac.ini", text);
  po::variables_map flags;
  flags.emplace("config", po::variable_value(scratch.path("migrac.ini"), false));
  Config config;
  if (load_config(flags, config)) return;  // an error message: fine
  fuzz_url(config.url);
  std::string error;
  parse_history_table(config.history_table, error);
}

void fuzz_headers(const fuzz::Scratch& scratch, const std::string& text) {
  source::mig_parents(text);
  scratch.write("0002_fuzz.up.sql", text);
  scratch.write("0003_fuzz.mig", text);
  history::quick_project(scratch.dir());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // The configuration layers the environment over migrac.ini.
  unsetenv("MIGRAC_URL");
  unsetenv("DATABASE_URL");
  unsetenv("PGPASSWORD");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::Scratch config_dir("ini");
  static const fuzz::Scratch migrations("headers");
  static const bool rooted =
      (migrations.write(std::string(fuzz::kRootId) + ".mig", fuzz::kRootMigration), true);
  (void)rooted;
  std::string input(reinterpret_cast<const char*>(data), size);
  fuzz_url(input);
  fuzz_config(config_dir, input);
  fuzz_headers(migrations, input);
  return 0;
}
