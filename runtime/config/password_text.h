#pragma once
// Scanning helpers for the places where passwords are written in connection
// strings: `scheme://user:secret@host`, `?password=secret`, and libpq's
// `password=secret` / `password='se cret'`. Hand-written rather than
// std::regex, whose matcher recurses once per character and overflows the
// stack on long inputs (a long URL or config value).

#include <cstddef>
#include <string_view>

namespace migrac::password_text {

// Whitespace as \s in a regular expression: space, \t, \n, \v, \f, \r.
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

inline bool is_scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '.' || c == '-';
}

inline std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

// With s[i] == '\'': the index just past the closing quote of a single-quoted
// value in which a backslash escapes the next character (not a line end), or
// npos when it is not closed.
inline std::size_t quoted_end(std::string_view s, std::size_t i) {
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    if (s[k] == '\'') return k + 1;
    if (s[k] == '\\') {
      if (k + 1 >= s.size() || s[k + 1] == '\n' || s[k + 1] == '\r') return std::string_view::npos;
      ++k;
    }
  }
  return std::string_view::npos;
}

// With "password" at s[i]: the index of the value after `\s*=\s*`, or npos
// when no '=' follows.
inline std::size_t value_after_password(std::string_view s, std::size_t i) {
  std::size_t j = skip_spaces(s, i + 8);
  if (j >= s.size() || s[j] != '=') return std::string_view::npos;
  return skip_spaces(s, j + 1);
}

// The end of an unquoted value from `i`: up to whitespace or one of `stops`.
inline std::size_t bare_end(std::string_view s, std::size_t i, std::string_view stops) {
  while (i < s.size() && !is_space(s[i]) && stops.find(s[i]) == std::string_view::npos) ++i;
  return i;
}

}  // namespace migrac::password_text
