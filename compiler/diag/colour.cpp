#include "compiler/diag/colour.h"

#include <fmt/format.h>

namespace migrac {

namespace {
ColourChoice g_choice;
}  // namespace

void set_colour_choice(ColourChoice choice) { g_choice = choice; }

const ColourChoice& colour_choice() { return g_choice; }

std::string paint(std::string_view text, std::string_view code, bool on) {
  if (!on || text.empty()) return std::string(text);
  return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

}  // namespace migrac
