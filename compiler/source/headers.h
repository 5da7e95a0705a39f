#pragma once
// The one reader of migration headers, before any parsing:
// - raw SQL files: the `-- migrac:<name> <value>` directive comments
//   (`after`, `no-transaction`, and `allow` for the linter). The syntax phase
//   checks and reports them; the linter reads `no-transaction`.
// - .mig files: the `after a, b;` ids of the header, scanned lexically, for
//   the read-only verbs that need the history's shape without compiling it
//   (runtime/history/quick_project.cpp).
// Both are built on the SQL scanner (sql_scan.h).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace migrac::source {

// A byte range of a header's text with the text it holds.
struct HeaderWord {
  std::string_view text;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// One `-- migrac:<name> <value>` directive of a raw SQL file.
struct RawDirective {
  HeaderWord name;              // "after", "no-transaction", "allow", or whatever was written
  std::size_t begin = 0;        // at "migrac:"
  std::size_t end = 0;          // the end of the line, trailing blanks left out
  std::size_t value_begin = 0;  // the first non-blank after the name (== end when none)
  bool leading = true;          // among the comments before the first statement
};

// The directives of a raw SQL text, in order: every `--` comment line whose
// text starts with `migrac:`, before or after the first statement.
std::vector<RawDirective> raw_directives(std::string_view text);

// The values of a directive: its words after the name, separated by blanks
// and/or commas (`-- migrac:after a, b`).
std::vector<HeaderWord> directive_values(std::string_view text, const RawDirective& d);

// Whether a raw SQL text's leading comments say `-- migrac:no-transaction`.
bool raw_no_transaction(std::string_view text);

// Whether a raw SQL text's leading comments carry another tool's
// no-transaction marker: `-- morph:nontransactional` (morph, golang-migrate
// projects) or `-- migrate:no-transaction`.
bool tool_no_transaction(std::string_view text);

// One section of a dbmate file: the bytes after its `-- migrate:up` (or
// `-- migrate:down`) line up to the other marker or the end.
struct DbmateSection {
  bool found = false;
  std::size_t marker = 0;  // where the marker line starts
  std::size_t begin = 0;
  std::size_t end = 0;
  bool no_transaction = false;  // `transaction:false` on the marker line
};

// The sections of a dbmate file.
struct DbmateSections {
  DbmateSection up;
  DbmateSection down;
};
DbmateSections dbmate_sections(std::string_view text);

// The `after` ids of a .mig text's header (`after` and `set` statements
// before the first operation), or nullopt when a lexical scan cannot be sure
// (an `after` clause followed by a name below the operations, or a header
// that is not well formed); the caller then compiles the file.
std::optional<std::vector<std::string>> mig_parents(std::string_view text);

}  // namespace migrac::source
