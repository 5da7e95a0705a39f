#pragma once
// How a verb stops before its end. Every verb and every helper it calls
// leaves early the same way: by throwing a VerbError, which cli::run() alone
// catches, prints and turns into the exit code. A verb that runs to its end
// returns its verdict instead (status's 4 after its report, lint's 1 after
// its findings). Helpers that can stop a verb say so in their comment, and
// those that replace an optional-or-print function end in `_or_fail`.

#include <string>
#include <utility>

#include <fmt/format.h>

namespace migrac::cli {

// Process exit codes (README): what a VerbError or a verb's verdict returns.
enum ExitCode : int {
  kOk = 0,
  kMigrationErrors = 1,
  kUsage = 2,
  kDatabaseError = 3,
  kDatabaseDisagrees = 4,
};

// A verb stopped early: the exit code and the text for stderr, printed as it
// is (whole lines; empty when the verb's own output already said it, as JSON
// diagnostics or a run's failed progress do). `--help` leaves this way too,
// with exit code 0 after printing the help.
struct VerbError {
  int exit_code = kUsage;
  std::string message;
};

// A verb that must run again from the start, because what it checked
// changed under it before it wrote anything (a missing SQLite file that
// another run created meanwhile, cli/session.h). cli::run() runs it once
// more; a second restart ends it with exit 3 and `message`.
struct VerbRestart {
  std::string message;
};

// Throws a VerbError whose message is one formatted line (the newline added).
template <typename... A>
[[noreturn]] void fail(int exit_code, fmt::format_string<A...> format, A&&... args) {
  throw VerbError{exit_code, fmt::format(format, std::forward<A>(args)...) + "\n"};
}

}  // namespace migrac::cli
