// Lexical helpers over PostgreSQL text (see sql_text.h).

#include "compiler/syntax/sql_text.h"

namespace migrac::syntax {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_tag_char(char c, bool first) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80 ||
         (!first && c >= '0' && c <= '9');
}

}  // namespace

std::size_t skip_comment(std::string_view t, std::size_t i) {
  if (t.compare(i, 2, "--") == 0) {
    std::size_t nl = t.find('\n', i);
    return nl == std::string_view::npos ? t.size() : nl + 1;
  }
  if (t.compare(i, 2, "/*") == 0) {
    int depth = 0;
    while (i < t.size()) {
      if (t.compare(i, 2, "/*") == 0) {
        ++depth;
        i += 2;
      } else if (t.compare(i, 2, "*/") == 0) {
        i += 2;
        if (--depth == 0) return i;
      } else {
        ++i;
      }
    }
    return t.size();
  }
  return i;
}

namespace {

// Past a quoted run ('...' or "...", doubled quote escapes) starting at `i`.
std::size_t skip_quoted(std::string_view t, std::size_t i, char quote, bool backslash) {
  ++i;
  while (i < t.size()) {
    if (backslash && t[i] == '\\') {
      i += 2;
      continue;
    }
    if (t[i] == quote) {
      if (i + 1 < t.size() && t[i + 1] == quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return t.size();
}

// Past a dollar-quoted body starting at `i` ('$'), or `i` when it is not one.
std::size_t skip_dollar(std::string_view t, std::size_t i) {
  std::size_t j = i + 1;
  while (j < t.size() && t[j] != '$' && is_tag_char(t[j], j == i + 1)) ++j;
  if (j >= t.size() || t[j] != '$') return i;
  std::string_view delim = t.substr(i, j - i + 1);
  std::size_t close = t.find(delim, j + 1);
  return close == std::string_view::npos ? t.size() : close + delim.size();
}

}  // namespace

std::size_t skip_space_and_comments(std::string_view text, std::size_t from) {
  std::size_t i = from;
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    std::size_t next = skip_comment(text, i);
    if (next == i) return i;
    i = next;
  }
  return text.size();
}

std::size_t next_semicolon(std::string_view t, std::size_t from) {
  std::size_t i = from;
  while (i < t.size()) {
    char c = t[i];
    if (c == ';') return i;
    if (c == '-' || c == '/') {
      std::size_t next = skip_comment(t, i);
      if (next != i) {
        i = next;
        continue;
      }
    }
    if (c == '\'') {
      bool escape = i > 0 && (t[i - 1] == 'E' || t[i - 1] == 'e');
      i = skip_quoted(t, i, '\'', escape);
      continue;
    }
    if (c == '"') {
      i = skip_quoted(t, i, '"', false);
      continue;
    }
    if (c == '$' && (i == 0 || !is_tag_char(t[i - 1], false))) {
      std::size_t next = skip_dollar(t, i);
      if (next != i) {
        i = next;
        continue;
      }
    }
    ++i;
  }
  return t.size();
}

std::size_t char_pos_to_offset(std::string_view text, int pos) {
  std::size_t offset = 0;
  for (int chars = 1; chars < pos && offset < text.size(); ++chars) {
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
      ++offset;
  }
  return offset;
}

}  // namespace migrac::syntax
