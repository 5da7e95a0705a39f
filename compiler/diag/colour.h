#pragma once
// Colour in text output: whether stdout and stderr may carry ANSI escapes
// (decided once by the command line from --color, NO_COLOR and whether each
// stream is a terminal; off unless set), and the escapes themselves.

#include <string>
#include <string_view>

namespace migrac {

// Which streams may be coloured.
struct ColourChoice {
  bool out = false;  // stdout
  bool err = false;  // stderr
};

void set_colour_choice(ColourChoice choice);
const ColourChoice& colour_choice();

// The escapes used (SGR parameters).
namespace sgr {
inline constexpr std::string_view kBold = "1";
inline constexpr std::string_view kRed = "1;31";
inline constexpr std::string_view kGreen = "1;32";
inline constexpr std::string_view kYellow = "1;33";
inline constexpr std::string_view kMagenta = "1;35";
inline constexpr std::string_view kCyan = "1;36";
}  // namespace sgr

// `text` between the escape `code` and a reset when `on`; `text` as it is otherwise.
std::string paint(std::string_view text, std::string_view code, bool on);

}  // namespace migrac
