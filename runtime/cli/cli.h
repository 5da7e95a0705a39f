#pragma once
// The command line: `migrac VERB [options]`.

namespace migrac::cli {

// Parses the command line, runs the verb, returns the process exit code
// (0 ok, 1 migrations have errors, 2 usage, 3 database or I/O, 4 database
// disagrees with the files).
int run(int argc, char** argv);

}  // namespace migrac::cli
