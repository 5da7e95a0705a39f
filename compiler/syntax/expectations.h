#pragma once
// What the parser could accept at a point of the grammar, in words: "a column
// type", "an expression", "';'". Computed from the parser's ATN, so it follows
// the grammar without a hand-kept list per error.

#include <cstddef>
#include <string>
#include <vector>

#include "compiler/syntax/parse_tree.h"

namespace migrac::syntax {

// The readable alternatives at one parser state.
struct Expected {
  std::vector<std::string> phrases;   // unique, in grammar order
  std::vector<std::string> keywords;  // keywords that could come next, for "did you mean"
  bool semicolon = false;             // ';' is one of them
  bool close_brace = false;           // '}' is one of them

  bool only(std::string_view phrase) const { return phrases.size() == 1 && phrases[0] == phrase; }
};

// The alternatives at ATN state `state` while parsing `ctx` (its parents give what
// may follow when the current rule can end there).
Expected expected_at(const antlr4::Parser& parser, std::size_t state, antlr4::RuleContext* ctx);

// Whether a rule has a name of its own ("a column type") to use in messages.
bool rule_has_phrase(std::size_t rule);

// Adds what may start `rule` (its phrase and its reserved keywords) to `x`.
void add_rule_start(const antlr4::Parser& parser, std::size_t rule, Expected& x);

// "a", "a or b", "a, b or c".
std::string join_alternatives(const std::vector<std::string>& phrases);

// How a token is named in a message: "';'", "'create'", "end of file", or its text.
std::string describe_token(std::string_view text, std::size_t type);

}  // namespace migrac::syntax
