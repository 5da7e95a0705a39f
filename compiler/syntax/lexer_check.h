#pragma once
// A check of the fast paths of syntax::Lexer (lexer.h) against the generated
// lexer, for the unit tests (which do not include ANTLR headers).

#include <string>
#include <string_view>

namespace migrac::syntax {

// Empty when syntax::Lexer and the generated lexer give the same tokens for
// `text` (type, channel, start, stop, line, column); else the first difference.
std::string lexer_difference(std::string_view text);

}  // namespace migrac::syntax
