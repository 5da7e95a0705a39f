#pragma once
// The lexer used by parse_mig: the generated one, with fast paths for the
// commonest text. The generated lexer runs a DFA that takes a process-wide
// lock for every character (two parsing threads contend for it); here
// whitespace, `--` comments, words (keywords and plain identifiers), numbers,
// durations and digit-led ids, terminated strings, closed dollar-quoted
// strings, the operators and punctuation, and the end, nearly all of the
// text, are recognized directly. They produce exactly the tokens the
// generated rules would: at a token boundary WS and LINE_COMMENT are the
// longest matches of their text, a word is a keyword (K_X : X, letters in
// either case, listed before IDENT so winning the tie) or an IDENT, digits
// are a NUMBER (with a fraction when a digit follows the dot), a DURATION
// when a unit alone follows (listed before DIGIT_IDENT, winning the tie),
// else a DIGIT_IDENT, a dollar string ends at the first repeat of its
// opening `$tag$` (scanDollarBody), and each operator is the longest of the
// rules its characters start. Everything else (unclosed dollar strings,
// quoted identifiers, block comments, unterminated literals, unexpected
// bytes) goes to the generated lexer. lexer_check.h tests this.

#include <memory>
#include <string>

#include "compiler/syntax/parse_tree.h"

namespace migrac::syntax {

// The generated lexer with the fast paths (see above).
class Lexer : public L {
 public:
  explicit Lexer(ByteStream* input);

  std::unique_ptr<antlr4::Token> nextToken() override;
  // As the generated lexer's, without a dynamic_cast to find the simulator.
  std::size_t getLine() const override;
  std::size_t getCharPositionInLine() override;

 private:
  void skip_blanks_and_line_comments();
  void consume() { simulator_->consume(_input); }
  // Appends the word characters from `at` to `word`, lowercase; returns where they end.
  std::size_t scan_word(std::size_t at, std::string& word) const;
  // Consumes the characters up to `index` at once, counting lines and
  // columns as consume() would.
  void consume_to(std::size_t index);

  ByteStream* bytes_;
  antlr4::atn::LexerATNSimulator* simulator_;
};

// The token stream parse_mig reads: the runtime's, numbering each token
// without a dynamic_cast (every token of these lexers is a CommonToken).
class TokenStream : public antlr4::CommonTokenStream {
 public:
  using antlr4::CommonTokenStream::CommonTokenStream;

  // The parser's most frequent question, the next token: once the stream is
  // set up, the current index is always at a fetched token on the channel
  // (consume and seek move it so), so that is the answer. Anything else is
  // CommonTokenStream's.
  antlr4::Token* LT(ssize_t k) override {
    if (k == 1 && set_up_) return _tokens[_p].get();
    return antlr4::CommonTokenStream::LT(k);
  }
  void setTokenSource(antlr4::TokenSource* source) override {
    set_up_ = false;
    antlr4::CommonTokenStream::setTokenSource(source);
  }

 protected:
  void setup() override {
    antlr4::CommonTokenStream::setup();
    set_up_ = true;
  }
  std::size_t fetch(std::size_t n) override;

 private:
  bool set_up_ = false;  // setup() has run: the first token is fetched, _p is at a token
};

}  // namespace migrac::syntax
