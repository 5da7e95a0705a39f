// SQLite's SQL split into tokens: names (bare or in any of SQLite's three
// quotes), string and blob literals, numbers and punctuation, with comments
// and blanks left out, each with where it is in the text.

#include <algorithm>
#include <cctype>

#include "compiler/dialect/sqlite/catalog_text.h"

namespace migrac::sqlite {

namespace {

bool word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) != 0 || c == '_' || c == '$' || u >= 0x80;
}

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The end of a quoted run starting at `at` (the opening quote) whose closing
// character is `close`, doubled inside to stand for itself (not for `]`);
// the unquoted text goes to `out`.
std::size_t quoted_end(std::string_view sql, std::size_t at, char close, std::string& out) {
  std::size_t i = at + 1;
  while (i < sql.size()) {
    if (sql[i] != close) {
      out += sql[i++];
      continue;
    }
    if (close != ']' && i + 1 < sql.size() && sql[i + 1] == close) {
      out += close;
      i += 2;
      continue;
    }
    return i + 1;
  }
  return sql.size();
}

std::size_t number_end(std::string_view sql, std::size_t i) {
  if (sql[i] == '0' && i + 1 < sql.size() && (sql[i + 1] == 'x' || sql[i + 1] == 'X')) {
    i += 2;
    while (i < sql.size() && std::isxdigit(static_cast<unsigned char>(sql[i])) != 0) ++i;
    return i;
  }
  while (i < sql.size() && (digit(sql[i]) || sql[i] == '.' || sql[i] == '_')) ++i;
  if (i < sql.size() && (sql[i] == 'e' || sql[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < sql.size() && (sql[j] == '+' || sql[j] == '-')) ++j;
    if (j < sql.size() && digit(sql[j])) {
      i = j;
      while (i < sql.size() && digit(sql[i])) ++i;
    }
  }
  return i;
}

constexpr std::string_view kTwoCharOps[] = {"<=", ">=", "<>", "!=", "==", "||", "<<", ">>", "->"};

}  // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool Token::is_word(std::string_view upper) const {
  if (kind != TokenKind::Word || text.size() != upper.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[i])) != upper[i]) return false;
  }
  return true;
}

std::vector<Token> tokenize(std::string_view sql) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      ++i;
      continue;
    }
    if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      std::size_t nl = sql.find('\n', i);
      i = nl == std::string_view::npos ? sql.size() : nl + 1;
      continue;
    }
    if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      std::size_t close = sql.find("*/", i + 2);
      i = close == std::string_view::npos ? sql.size() : close + 2;
      continue;
    }
    Token t;
    t.begin = i;
    if ((c == 'x' || c == 'X') && i + 1 < sql.size() && sql[i + 1] == '\'') {
      t.kind = TokenKind::Blob;
      std::string ignored;
      i = quoted_end(sql, i + 1, '\'', ignored);
      t.text = std::string(sql.substr(t.begin, i - t.begin));
    } else if (c == '\'') {
      t.kind = TokenKind::String;
      i = quoted_end(sql, i, '\'', t.text);
    } else if (c == '"' || c == '`' || c == '[') {
      t.kind = TokenKind::Quoted;
      i = quoted_end(sql, i, c == '[' ? ']' : c, t.text);
    } else if (digit(c) || (c == '.' && i + 1 < sql.size() && digit(sql[i + 1]))) {
      t.kind = TokenKind::Number;
      i = number_end(sql, i);
      t.text = std::string(sql.substr(t.begin, i - t.begin));
    } else if (word_char(c)) {
      t.kind = TokenKind::Word;
      while (i < sql.size() && word_char(sql[i])) ++i;
      t.text = std::string(sql.substr(t.begin, i - t.begin));
    } else {
      t.kind = TokenKind::Punct;
      std::size_t len = 1;
      if (sql.substr(i, 3) == "->>") len = 3;
      for (std::string_view op : kTwoCharOps)
        if (len == 1 && sql.substr(i, 2) == op) len = 2;
      i += len;
      t.text = std::string(sql.substr(t.begin, len));
    }
    t.end = i;
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace migrac::sqlite
