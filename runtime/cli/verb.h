#pragma once
// What every verb shares: option parsing into a Config, compiling the project,
// printing diagnostics, and resolving revision names. Each function here that
// can stop the verb throws a VerbError (verb_error.h).

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/program_options.hpp>

#include "compiler/project/project.h"
#include "runtime/cli/verb_error.h"
#include "runtime/config/config.h"

namespace migrac::cli {

// A verb's parsed command line.
struct Invocation {
  std::string verb;
  std::string usage;  // the verb's usage line, without "migrac "
  boost::program_options::variables_map vm;
  std::vector<std::string> positional;
  Config config;
};

// Parses `args` with the verb's own options plus the common ones; at most
// `max_positional` positional arguments. A usage error fails (exit 2) with the
// verb's usage line; `--help` prints the help and leaves with exit code 0.
Invocation parse_invocation(const std::string& verb, const std::string& usage,
                            const std::vector<std::string>& args,
                            boost::program_options::options_description options,
                            int max_positional);

// Fails with exit 2: "migrac VERB: TEXT" and the verb's usage line.
[[noreturn]] void usage_error(const Invocation& inv, const std::string& text);

// The exit code of a compile's diagnostics: 0 without errors, 3 when the
// migrations directory cannot be read (an I/O failure), else 1.
int diagnostics_exit_code(const Diagnostics& diags);

// The convention the config sets (nullopt: detected from the files).
std::optional<Convention> config_convention(const Config& config);

// Options for the checker from the config (--no-online, lock_timeout, ...).
ProjectOptions project_options(const Config& config);

// Compiles the project; prints its warnings (text to stderr, or every
// diagnostic as JSON to stdout when json is set). Fails with exit 1 when
// there are errors, the rendered diagnostics as the message. With
// `keep_schemas`, the history keeps the schema after each migration. With
// `ahead`, the migrations are planned beside the checker.
Project compile_or_fail(const Invocation& inv, bool json = false, bool warnings = true,
                        bool keep_schemas = false, PlanAhead* ahead = nullptr);

// A revision spec: "base", "head" (the only head; base when there are no
// migrations), a full id or a unique prefix of one. Fails with exit 1 when
// "head" is ambiguous (more than one head, reported as a diagnostic), exit 2
// for an unknown or ambiguous name.
struct RevisionRef {
  bool is_base = false;
  std::size_t rev = 0;
};
RevisionRef resolve_revision(const Project& project, const std::string& spec);

// The Dialect of the config; fails with exit 2 for an unknown name.
Dialect config_dialect(const Config& config);

// Keeps `pointer` reachable to the end of the process (keep_until_exit).
void keep_reachable(const void* pointer);

// Hands a verb's large results (the compiled project, its plans) to the end of
// the process instead of destroying them when the verb returns: the operating
// system takes the memory back at exit at once, where freeing a project of
// thousands of migrations node by node is a tenth of the run. Only for values
// that hold nothing but memory (no files, connections or temporary paths).
template <class T>
void keep_until_exit(T&& value) {
  keep_reachable(new std::decay_t<T>(std::forward<T>(value)));
}

}  // namespace migrac::cli
