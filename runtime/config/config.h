#pragma once
// Configuration of a run: migrac.ini (a Boost.ProgramOptions config file),
// overridden by the environment (MIGRAC_URL, then DATABASE_URL; MIGRAC_DEV_URL;
// MIGRAC_BACKUP),
// overridden by command-line flags.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/program_options.hpp>

namespace migrac {

// Every setting a run can have, after layering.
struct Config {
  std::string dir = "migrations";
  std::string dialect = "postgres";
  std::string url;  // empty: none configured
  // The development database's server for the raw migrations' schema cache
  // (`migrac check --dev-url`, MIGRAC_DEV_URL, `dev_url` in migrac.ini);
  // empty: none.
  std::string dev_url;
  // The directory convention (`convention` in migrac.ini, --convention):
  // migrac, golang-migrate, dbmate or flyway; empty: detected from the files.
  std::string convention;
  std::string history_table = "migrac_history";  // may be schema-qualified: "ops.migrac_history"
  std::optional<std::int64_t> lock_timeout_ms;
  std::optional<std::int64_t> statement_timeout_ms;
  std::optional<bool> online;
  // Where upgrade and downgrade write a backup of the database before they
  // change it (`--backup DIR`, MIGRAC_BACKUP, `backup` in migrac.ini); empty: none.
  std::string backup_dir;
  std::string config_file;  // the ini file read, if any
};

// The options that every verb accepts (also the keys of migrac.ini).
boost::program_options::options_description global_options();

// Builds the Config from parsed flags, the environment and the config file
// (--config PATH, else ./migrac.ini if present). Relative `dir` in the ini is
// taken relative to the ini's folder. Returns an error message on failure.
std::optional<std::string> load_config(const boost::program_options::variables_map& flags,
                                       Config& config);

// Parses "500ms", "5s", "2min", "1h" (and a bare number of milliseconds);
// nullopt when malformed or past 64 bits of milliseconds.
// What is wrong with options (a command line's or a config file's) as one line.
// `input` is the text they came from: Boost's own message substitutes
// %placeholders% in text that quotes it, and loops forever on input that holds
// one, so such input is worded here from the error's kind and option name.
std::string options_error_text(const boost::program_options::error& e, std::string_view input);

std::optional<std::int64_t> parse_duration_ms(const std::string& text);

// The URL with any password replaced by "***" (postgres://u:***@h/db, and password=*** in
// key=value connection strings).
std::string redact_url(const std::string& url);

}  // namespace migrac
