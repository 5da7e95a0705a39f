#pragma once
// The command line: `migrac VERB [options]`.

#include <string_view>

namespace migrac::cli {

// A verb's one-line description and an example, for its help (empty for an
// unknown verb).
struct VerbDoc {
  std::string_view summary;
  std::string_view example;
};
VerbDoc verb_doc(std::string_view verb);

// Parses the command line, runs the verb, returns the process exit code
// (0 ok, 1 migrations have errors, 2 usage, 3 database or I/O, 4 database
// disagrees with the files).
int run(int argc, char** argv);

}  // namespace migrac::cli
