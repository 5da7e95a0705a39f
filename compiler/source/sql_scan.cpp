// The SQL text scanner (see sql_scan.h).

#include "compiler/source/sql_scan.h"

namespace migrac::source {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_ascii_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_word_char(char c, const SqlRules& rules) {
  if (is_ascii_word(c)) return true;
  return rules.unicode_words && (c == '$' || static_cast<unsigned char>(c) >= 0x80);
}

// A character of a dollar quote's tag (PostgreSQL's and the .mig grammar's
// DOLLAR_TAG): letters, '_' and bytes >= 0x80, digits after the first.
bool is_tag_char(char c, bool first) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80 ||
         (!first && c >= '0' && c <= '9');
}

// Past a quoted run starting at `i` (the opening quote); `quote` doubled is
// one quote, and with `backslash` a backslash escapes the next byte.
SqlToken quoted(std::string_view t, std::size_t begin, std::size_t i, char quote, bool backslash,
                SqlTokenKind kind) {
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
      return {kind, begin, i + 1, true};
    }
    ++i;
  }
  return {kind, begin, t.size(), false};
}

SqlToken block_comment(std::string_view t, std::size_t at, bool nested) {
  std::size_t i = at + 2;
  int depth = 1;
  while (i < t.size()) {
    if (nested && t.compare(i, 2, "/*") == 0) {
      ++depth;
      i += 2;
    } else if (t.compare(i, 2, "*/") == 0) {
      i += 2;
      if (--depth == 0) return {SqlTokenKind::BlockComment, at, i, true};
    } else {
      ++i;
    }
  }
  return {SqlTokenKind::BlockComment, at, t.size(), false};
}

// The dollar-quoted body opening at `at` ('$'), or an empty token when no
// tag opens there.
SqlToken dollar_body(std::string_view t, std::size_t at) {
  std::size_t j = at + 1;
  while (j < t.size() && t[j] != '$' && is_tag_char(t[j], j == at + 1)) ++j;
  if (j >= t.size() || t[j] != '$') return {SqlTokenKind::Punct, at, at, true};
  std::string_view delim = t.substr(at, j - at + 1);
  std::size_t close = t.find(delim, j + 1);
  if (close == std::string_view::npos) return {SqlTokenKind::DollarBody, at, t.size(), false};
  return {SqlTokenKind::DollarBody, at, close + delim.size(), true};
}

}  // namespace

SqlToken sql_token(std::string_view t, std::size_t at, const SqlRules& rules) {
  if (at >= t.size()) return {SqlTokenKind::Punct, t.size(), t.size(), true};
  char c = t[at];
  if (is_space(c)) {
    std::size_t i = at;
    while (i < t.size() && is_space(t[i])) ++i;
    return {SqlTokenKind::Space, at, i, true};
  }
  if (t.compare(at, 2, "--") == 0) {
    std::size_t nl = t.find('\n', at);
    return {SqlTokenKind::LineComment, at, nl == std::string_view::npos ? t.size() : nl, true};
  }
  if (t.compare(at, 2, "/*") == 0) return block_comment(t, at, rules.nested_comments);
  if (c == '\'') return quoted(t, at, at, '\'', false, SqlTokenKind::String);
  if (c == '"') return quoted(t, at, at, '"', false, SqlTokenKind::QuotedName);
  if (rules.escape_strings && (c == 'E' || c == 'e') && at + 1 < t.size() && t[at + 1] == '\'')
    return quoted(t, at, at + 1, '\'', true, SqlTokenKind::String);
  if (c == '$') {
    SqlToken body = dollar_body(t, at);
    if (body.end != at) return body;
  }
  if (is_word_char(c, rules)) {
    std::size_t i = at;
    while (i < t.size() && is_word_char(t[i], rules)) ++i;
    return {SqlTokenKind::Word, at, i, true};
  }
  return {SqlTokenKind::Punct, at, at + 1, true};
}

std::size_t skip_space_and_comments(std::string_view text, std::size_t from,
                                    const SqlRules& rules) {
  SqlScanner s(text, from, rules);
  s.skip_blank();
  return s.pos() < text.size() ? s.pos() : text.size();
}

std::size_t skip_comment(std::string_view text, std::size_t at, const SqlRules& rules) {
  SqlToken t = sql_token(text, at, rules);
  return t.is_comment() ? t.end : at;
}

std::size_t next_semicolon(std::string_view text, std::size_t from, const SqlRules& rules) {
  for (SqlScanner s(text, from, rules); !s.done();) {
    SqlToken t = s.next();
    if (t.is_punct(';', text)) return t.begin;
  }
  return text.size();
}

std::string unquote_name(std::string_view token) {
  std::string name;
  std::size_t i = token.empty() || token.front() != '"' ? 0 : 1;
  std::size_t end = token.size() >= 2 && token.back() == '"' ? token.size() - 1 : token.size();
  for (; i < end; ++i) {
    name += token[i];
    if (token[i] == '"' && i + 1 < end && token[i + 1] == '"') ++i;
  }
  return name;
}

}  // namespace migrac::source
