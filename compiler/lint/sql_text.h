#pragma once
// Raw SQL as the linter reads it: statements parsed by PostgreSQL's own
// parser (pgsql/parse.h, read through pgsql::Node), and positions the tree
// does not carry (an ALTER TABLE subcommand has no location), found in the
// text with the SQL scanner (source/sql_scan.h).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/pgsql/node.h"
#include "compiler/pgsql/parse.h"

namespace migrac::lint {

// One top-level statement of a file (byte offsets into the file).
using SqlStatement = pgsql::Statement;

// The tree readers the rules use.
using pgsql::last_name;
using pgsql::relation_name;
using pgsql::type_has_modifiers;
using pgsql::type_name;
using pgsql::walk;

// A word of SQL (keyword or identifier, bare words lower-cased) with its byte range.
struct SqlWord {
  std::string text;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// The words of text[begin, end): comments and string literals are skipped,
// quoted identifiers are words as written (without the quotes), and each
// parenthesis and comma is a word of its own.
std::vector<SqlWord> sql_words(std::string_view text, std::uint32_t begin, std::uint32_t end);

// The first offset in [begin, end) that is not blank or inside a comment.
std::uint32_t skip_blank(std::string_view text, std::uint32_t begin, std::uint32_t end);

// The end of the clause that starts at `begin`: the first ',' or unmatched ')'
// at nesting depth 0, or `end`, with trailing blanks trimmed.
std::uint32_t clause_end(std::string_view text, std::uint32_t begin, std::uint32_t end);

// The end of a type name starting at `begin`: its name and a parenthesized
// modifier list right after it (`varchar(20)`, `numeric(10, 2)`).
std::uint32_t type_end(std::string_view text, std::uint32_t begin, std::uint32_t end);

// Finds `phrase` (lower-case words) in `words` from index `from`; returns the
// index of its first word, or -1.
long find_phrase(const std::vector<SqlWord>& words, const std::vector<std::string_view>& phrase,
                 std::size_t from = 0);

}  // namespace migrac::lint
