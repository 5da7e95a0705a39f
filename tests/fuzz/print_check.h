#pragma once
// The printer over a fuzzed .mig: a file that parses without errors prints,
// with its comments and without, to text that parses to the same AST, and
// printing that text again changes nothing. A broken check ends the process.

#include <string_view>

namespace migrac::fuzz {

void check_print(std::string_view text);

}  // namespace migrac::fuzz
