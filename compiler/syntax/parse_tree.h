#pragma once
// The generated ANTLR parser, for the files of compiler/syntax only: nothing
// outside this folder includes ANTLR headers.

#include <antlr4-runtime.h>

#include <algorithm>
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

  // The character at `index` (EOF past the end), without a virtual call.
  std::size_t at(std::size_t index) const {
    return index < _data.size() ? static_cast<std::size_t>(_data[index])
                                : static_cast<std::size_t>(antlr4::Token::EOF);
  }
  // Moves to `index` (at most the end), as consume() that many times would.
  void move_to(std::size_t index) { p = std::min(index, _data.size()); }
};

}  // namespace migrac::syntax
