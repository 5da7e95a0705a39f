#pragma once
// `--color=auto|always|never` (also `--colour`, and `--color WHEN`), read
// before the verb's own options: where colour goes (compiler/diag/colour.h).

#include <optional>
#include <string>

#include "runtime/cli/verbs.h"

namespace migrac::cli {

// Takes every --color option out of `args` and sets the colour choice: always,
// never, or auto (the default: a stream is coloured when it is a terminal and
// NO_COLOR is unset or empty). Returns an error message for a bad value.
std::optional<std::string> take_colour_option(Args& args);

}  // namespace migrac::cli
