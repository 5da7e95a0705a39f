#pragma once
// The printer: an ast::Migration back to .mig text in the one canonical style
// (the style of this repository's migrations/), with the comments it is given.
// parse_mig(print_migration(m)) gives m again (up to source ranges). Used by
// `migrac fmt` (comments read back from the file) and by autogenerate and
// import (comments the generator writes).

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"

namespace migrac::print {

// Comment lines printed with a migration, each without its leading "--"
// (a line " text" prints as "-- text"; an empty line prints as "--").
struct Comments {
  std::vector<std::string> header;                            // top of the file, before `after`
  std::map<std::size_t, std::vector<std::string>> before_up;  // before up[i]
};

// The .mig text of `migration`, ending in one newline.
std::string print_migration(const ast::Migration& migration, const Comments& comments = {});

}  // namespace migrac::print
