#pragma once
// What every verb shares: option parsing into a Config, compiling the project,
// printing diagnostics, and resolving revision names.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "compiler/project/project.h"
#include "runtime/config/config.h"

namespace migrac::cli {

// Process exit codes (README.md).
enum ExitCode : int {
  kOk = 0,
  kMigrationErrors = 1,
  kUsage = 2,
  kDatabaseError = 3,
  kDatabaseDisagrees = 4,
};

// A verb's parsed command line.
struct Invocation {
  std::string verb;
  boost::program_options::variables_map vm;
  std::vector<std::string> positional;
  Config config;
};

// Parses `args` with the verb's own options plus the common ones; at most
// `max_positional` positional arguments. On a usage error prints it (with the
// verb's usage line) and returns nullopt; `--help` prints help and returns nullopt
// with exit_code 0.
std::optional<Invocation> parse_invocation(const std::string& verb, const std::string& usage,
                                           const std::vector<std::string>& args,
                                           boost::program_options::options_description options,
                                           int max_positional, int& exit_code);

// Options for the checker from the config (--no-online, lock_timeout, ...).
ProjectOptions project_options(const Config& config);

// Compiles the project; prints diagnostics (text to stderr, or JSON to stdout
// when json is set). Returns nullopt (and sets exit_code) when there are errors.
std::optional<Project> compile_or_report(const Invocation& inv, int& exit_code, bool json = false,
                                         bool warnings = true);

// A revision spec: "head", "heads" is not allowed here, "base" (nullopt result
// with is_base), a full id or a unique prefix of one. Prints an error on failure.
struct RevisionRef {
  bool is_base = false;
  std::size_t rev = 0;
};
std::optional<RevisionRef> resolve_revision(const Project& project, const std::string& spec);
// The same, setting exit_code on failure: kMigrationErrors when 'head' is
// ambiguous (more than one head, reported as a diagnostic), else kUsage.
std::optional<RevisionRef> resolve_revision(const Project& project, const std::string& spec,
                                            int& exit_code);

// The Dialect of the config, or an error message printed and nullopt.
std::optional<Dialect> config_dialect(const Config& config);

}  // namespace migrac::cli
