#pragma once
// The lexer used by parse_mig: the generated one, with fast paths for the
// commonest text. The generated lexer runs a DFA that takes a lock for every
// character; here whitespace, `--` comments, words (keywords and plain
// identifiers) and one-character punctuation, most of the text, are recognized
// directly. They produce exactly the tokens the generated rules would: at a
// token boundary WS and LINE_COMMENT are the longest matches of their text, a
// word is a keyword (K_X : X, letters in either case, listed before IDENT so
// winning the tie) or an IDENT, and no longer rule starts with `;,.(){}=+*%`.
// Everything else goes to the generated lexer. lexer_check.h tests this.

#include <memory>

#include "compiler/syntax/parse_tree.h"

namespace migrac::syntax {

// The generated lexer with the fast paths (see above).
class Lexer : public L {
 public:
  explicit Lexer(ByteStream* input);

  std::unique_ptr<antlr4::Token> nextToken() override;

 private:
  void skip_blanks_and_line_comments();
  void consume() { simulator_->consume(_input); }
  // Consumes the characters up to `index` at once, counting lines and
  // columns as consume() would.
  void consume_to(std::size_t index);

  ByteStream* bytes_;
  antlr4::atn::LexerATNSimulator* simulator_;
};

}  // namespace migrac::syntax
