#pragma once
// The generated ANTLR parser, for the files of compiler/syntax only: nothing
// outside this folder includes ANTLR headers.

#include <antlr4-runtime.h>

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
    _data.clear();
    _data.reserve(bytes.size());
    for (char c : bytes) _data.push_back(static_cast<char32_t>(static_cast<unsigned char>(c)));
    p = 0;
  }
};

}  // namespace migrac::syntax
