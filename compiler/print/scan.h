#pragma once
// A lexical scan of .mig text for the comment reader: words, punctuation,
// literals (strings, quoted names, dollar-quoted bodies) and comments, with
// their byte ranges. It knows only what it takes to find comments and the
// braces of blocks; the parser has already accepted the text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace migrac::print {

// What a scanned piece of text is.
enum class PieceKind { Word, Punct, Literal, Comment };

// One piece: its kind, byte range, and (words, lower-cased; punctuation) text.
struct Piece {
  PieceKind kind = PieceKind::Punct;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string text;
};

std::vector<Piece> scan_pieces(std::string_view text);

}  // namespace migrac::print
