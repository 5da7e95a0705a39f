// The scan of scan.h, following the grammar's lexer rules for comments
// (`--` to the end of the line, `/* */` not nested), strings ('' inside),
// quoted names ("" inside) and dollar quotes ($tag$...$tag$).

#include "compiler/print/scan.h"

namespace migrac::print {

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool tag_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool tag_char(char c) { return tag_start(c) || (c >= '0' && c <= '9'); }

// The end of a literal closed by `quote`, where a doubled quote stays inside.
std::size_t quoted_end(std::string_view text, std::size_t i, char quote) {
  for (++i; i < text.size(); ++i) {
    if (text[i] != quote) continue;
    if (i + 1 < text.size() && text[i + 1] == quote) {
      ++i;
      continue;
    }
    return i + 1;
  }
  return text.size();
}

// The end of a dollar-quoted body at i, or 0 when `$` does not open one.
std::size_t dollar_end(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  if (j < text.size() && tag_start(text[j])) {
    while (j < text.size() && tag_char(text[j])) ++j;
  }
  if (j >= text.size() || text[j] != '$') return 0;
  std::string_view delim = text.substr(i, j + 1 - i);
  std::size_t close = text.find(delim, j + 1);
  return close == std::string_view::npos ? text.size() : close + delim.size();
}

}  // namespace

std::vector<Piece> scan_pieces(std::string_view text) {
  std::vector<Piece> out;
  std::size_t i = 0;
  auto add = [&](PieceKind kind, std::size_t begin, std::size_t end, std::string s) {
    out.push_back({kind, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                   std::move(s)});
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
      ++i;
      continue;
    }
    std::size_t begin = i;
    if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
      std::size_t end = i;
      while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
      add(PieceKind::Comment, begin, end, std::string(text.substr(begin, end - begin)));
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      std::size_t close = text.find("*/", i + 2);
      i = close == std::string_view::npos ? text.size() : close + 2;
      add(PieceKind::Comment, begin, i, std::string(text.substr(begin, i - begin)));
      continue;
    }
    if (c == '\'' || c == '"') {
      i = quoted_end(text, i, c);
      add(PieceKind::Literal, begin, i, {});
      continue;
    }
    if (c == '$') {
      if (std::size_t end = dollar_end(text, i); end != 0) {
        i = end;
        add(PieceKind::Literal, begin, i, {});
        continue;
      }
    }
    if (word_char(c)) {
      std::string word;
      for (; i < text.size() && word_char(text[i]); ++i) {
        char w = text[i];
        word += (w >= 'A' && w <= 'Z') ? static_cast<char>(w - 'A' + 'a') : w;
      }
      add(PieceKind::Word, begin, i, std::move(word));
      continue;
    }
    ++i;
    add(PieceKind::Punct, begin, i, std::string(1, c));
  }
  return out;
}

}  // namespace migrac::print
