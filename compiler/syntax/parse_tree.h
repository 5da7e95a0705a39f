#pragma once
// The generated ANTLR parser, for the files of compiler/syntax only: nothing
// outside this folder includes ANTLR headers.

#include <antlr4-runtime.h>

#include <memory>
#include <string_view>

#include "MigracLexer.h"
#include "MigracParser.h"

namespace migrac::syntax {

using P = grammar::MigracParser;
using L = grammar::MigracLexer;

// A character stream with one code point per byte of the text, so that token
// start/stop indexes are byte offsets into the file (whatever its encoding).
class ByteStream : public antlr4::ANTLRInputStream {
 public:
  explicit ByteStream(std::string_view bytes) {
    const auto* first = reinterpret_cast<const unsigned char*>(bytes.data());
    _data.assign(first, first + bytes.size());
    p = 0;
  }
};

// The generated lexer, with a fast path for the text between tokens: runs of
// whitespace and `--` comments (about half of a typical file) are stepped over
// here, one character at a time, instead of through the lexer's DFA, which
// takes a lock per character. They are the only rules that can match there
// (WS and LINE_COMMENT are the longest matches), and the simulator's consume()
// keeps line and column counting as before.
class Lexer : public L {
 public:
  explicit Lexer(antlr4::CharStream* input)
      : L(input), simulator_(getInterpreter<antlr4::atn::LexerATNSimulator>()) {}

  std::unique_ptr<antlr4::Token> nextToken() override {
    skip_blanks_and_line_comments();
    return L::nextToken();
  }

 private:
  static bool blank(std::size_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
  }

  void skip_blanks_and_line_comments() {
    for (;;) {
      std::size_t c = _input->LA(1);
      if (blank(c)) {
        simulator_->consume(_input);
      } else if (c == '-' && _input->LA(2) == '-') {
        while (c != antlr4::Token::EOF && c != '\r' && c != '\n') {
          simulator_->consume(_input);
          c = _input->LA(1);
        }
      } else {
        return;
      }
    }
  }

  antlr4::atn::LexerATNSimulator* simulator_;
};

}  // namespace migrac::syntax
