// Names, string literals, dollar-quoted bodies and durations as the lexer
// reads them back.

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "compiler/print/text.h"

namespace migrac::print {

namespace {

// The keywords that cannot be names unless double-quoted (the grammar's
// keywords outside nonReservedKeyword).
constexpr std::array<std::string_view, 26> kReserved{
    "and",   "between", "case",       "cast", "check", "constraint", "default", "else", "end",
    "false", "foreign", "identity",   "in",   "is",    "like",       "not",     "null", "on",
    "or",    "primary", "references", "then", "true",  "unique",     "when",    "where"};

bool bare_word(std::string_view name) {
  if (name.empty()) return false;
  char first = name.front();
  if (!((first >= 'a' && first <= 'z') || first == '_')) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  for (std::string_view word : kReserved) {
    if (word == name) return false;
  }
  return true;
}

std::string quoted(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  out += '"';
  return out;
}

}  // namespace

std::string name_text(std::string_view name) {
  return bare_word(name) ? std::string(name) : quoted(name);
}

std::string ident_text(const ast::Ident& id) {
  return id.quoted ? quoted(id.name) : name_text(id.name);
}

std::string string_text(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    out += c;
    if (c == '\'') out += '\'';
  }
  out += '\'';
  return out;
}

std::string dollar_text(std::string_view body) {
  // A delimiter fits when its first occurrence in body + delimiter is the closing one.
  auto fits = [&](const std::string& delim) {
    std::string text = std::string(body) + delim;
    return text.find(delim) == body.size();
  };
  std::string delim = "$$";
  for (int n = 0; !fits(delim); ++n) {
    delim = n == 0 ? std::string("$sql$") : fmt::format("$sql{}$", n);
  }
  return delim + std::string(body) + delim;
}

std::string duration_text(std::int64_t ms) {
  if (ms == 0) return "0";
  constexpr std::int64_t kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute;
  if (ms % kHour == 0) return fmt::format("{}h", ms / kHour);
  if (ms % kMinute == 0) return fmt::format("{}min", ms / kMinute);
  if (ms % kSecond == 0) return fmt::format("{}s", ms / kSecond);
  return fmt::format("{}ms", ms);
}

}  // namespace migrac::print
