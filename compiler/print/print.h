#pragma once
// The printer: an ast::Migration back to .mig text in the one canonical style
// (the style of this repository's migrations/), with the comments it is given.
// parse_mig(print_migration(m)) gives m again (up to source ranges). Used by
// `migrac fmt` (comments read back from the file) and by autogenerate and
// import (comments the generator writes).

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "compiler/ast/ast.h"

namespace migrac::print {

// Where a comment read from a file is printed: before or at the end of the
// line of one printed element.
enum class Anchor {
  Element,     // the element whose range begins at `at` (after, set, operation, column, constraint)
  ListEnd,     // the `);` of the create table that begins at `at`
  BlockStart,  // `no transaction {` of block number `at` (Operation::no_transaction_block)
  BlockEnd,    // its `}`
  DownStart,   // `down {` (at = 0)
  DownEnd,     // its `}` (at = 0)
};

// An anchor and what it names; ordered, to key a map.
struct Place {
  Anchor anchor = Anchor::Element;
  std::uint32_t at = 0;

  friend bool operator<(const Place& a, const Place& b) {
    return std::tie(a.anchor, a.at) < std::tie(b.anchor, b.at);
  }
};

// A comment as written in the file ("-- text", "/* text */"), and whether a
// blank line came before it.
struct SourceComment {
  std::string text;
  bool blank_before = false;
};

// The comments of one printed element: on the lines before it, and at the end
// of its line; and whether a blank line came before it (or its comments).
struct Attached {
  std::vector<SourceComment> before;
  std::vector<std::string> trailing;
  bool blank_before = false;  // between the element and what precedes it, comments aside
};

// Comment lines printed with a migration, each without its leading "--"
// (a line " text" prints as "-- text"; an empty line prints as "--").
struct Comments {
  std::vector<std::string> header;                            // top of the file, before `after`
  std::map<std::size_t, std::vector<std::string>> before_up;  // before up[i]

  // Read back from a file (read_comments): the layout of the source is kept,
  // blank lines between statements included; without it, statements are
  // separated by one blank line.
  bool from_source = false;
  std::map<Place, Attached> attached;
  std::vector<SourceComment> footer;  // after the last element of the file
};

// The .mig text of `migration`, ending in one newline.
std::string print_migration(const ast::Migration& migration, const Comments& comments = {});

// The comments of `text`, the .mig file that `migration` was parsed from
// (without syntax errors), each attached to the element it precedes or ends the
// line of, with the blank lines between statements.
Comments read_comments(std::string_view text, const ast::Migration& migration);

}  // namespace migrac::print
