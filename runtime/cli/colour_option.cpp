#include "runtime/cli/colour_option.h"

#include <cstdlib>

#include <fmt/format.h>
#include <unistd.h>

#include "compiler/diag/colour.h"

namespace migrac::cli {

std::optional<std::string> take_colour_option(Args& args) {
  std::string when = "auto";
  Args rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {  // what follows is not an option
      rest.insert(rest.end(), args.begin() + static_cast<long>(i), args.end());
      break;
    }
    bool bare = a == "--color" || a == "--colour";
    if (bare && i + 1 < args.size()) {
      when = args[++i];
      continue;
    }
    if (bare) return std::string("--color needs a value: auto, always or never");
    if (a.rfind("--color=", 0) == 0 || a.rfind("--colour=", 0) == 0) {
      when = a.substr(a.find('=') + 1);
      continue;
    }
    rest.push_back(a);
  }
  args = std::move(rest);
  ColourChoice choice;
  if (when == "always") {
    choice = {true, true};
  } else if (when == "auto") {
    const char* no_colour = std::getenv("NO_COLOR");
    bool allowed = !no_colour || !*no_colour;
    choice = {allowed && isatty(STDOUT_FILENO) == 1, allowed && isatty(STDERR_FILENO) == 1};
  } else if (when != "never") {
    return fmt::format("unknown --color value '{}' (auto, always or never)", when);
  }
  set_colour_choice(choice);
  return std::nullopt;
}

}  // namespace migrac::cli
