// Portable types for the checker: how they are written, which are integers,
// which may pair in a foreign key, and the nearest name for a typo.
#include <fmt/format.h>

#include <array>
#include <utility>

#include "compiler/ast/type_names.h"
#include "compiler/check/checker.h"

namespace migrac {

namespace {

// Spellings a user may write for a portable type (its own name, and common
// SQL names for it), each with the portable name to suggest.
constexpr std::array<std::pair<const char*, const char*>, 32> kTypeSpellings{{
    {"smallint", "smallint"},
    {"int", "int"},
    {"bigint", "bigint"},
    {"real", "real"},
    {"double", "double"},
    {"decimal", "decimal"},
    {"numeric", "numeric"},
    {"bool", "bool"},
    {"text", "text"},
    {"varchar", "varchar"},
    {"char", "char"},
    {"bytes", "bytes"},
    {"date", "date"},
    {"time", "time"},
    {"timestamp", "timestamp"},
    {"timestamptz", "timestamptz"},
    {"interval", "interval"},
    {"uuid", "uuid"},
    {"json", "json"},
    {"jsonb", "jsonb"},
    {"tinyint", "smallint"},
    {"mediumint", "int"},
    {"float", "double"},
    {"string", "text"},
    {"longtext", "text"},
    {"blob", "bytes"},
    {"binary", "bytes"},
    {"datetime", "timestamp"},
    {"timestamp_tz", "timestamptz"},
    {"number", "numeric"},
    {"guid", "uuid"},
    {"clob", "text"},
}};

}  // namespace

std::string type_text(const ast::TypeRef& t) {
  if (t.array) {
    ast::TypeRef element = t;
    element.array = false;
    return type_text(element) + "[]";
  }
  using K = ast::TypeKind;
  auto sized = [&](const char* base) -> std::string {
    if (!t.length) return base;
    if (!t.scale) return fmt::format("{}({})", base, *t.length);
    return fmt::format("{}({},{})", base, *t.length, *t.scale);
  };
  switch (t.kind) {
    case K::SmallInt: return "smallint";
    case K::Int: return "int";
    case K::BigInt: return "bigint";
    case K::Real: return "real";
    case K::Double: return "double";
    case K::Decimal: return sized("decimal");
    case K::Numeric: return sized("numeric");
    case K::Bool: return "bool";
    case K::Text: return "text";
    case K::Varchar: return sized("varchar");
    case K::Char: return sized("char");
    case K::Bytes: return "bytes";
    case K::Date: return "date";
    case K::Time: return "time";
    case K::Timestamp: return "timestamp";
    case K::Timestamptz: return "timestamptz";
    case K::Interval: return "interval";
    case K::Uuid: return "uuid";
    case K::Json: return "json";
    case K::Jsonb: return "jsonb";
    case K::Postgres:
    case K::Enum: return t.name;
    case K::Native: return fmt::format("native \"{}\"", t.name);
  }
  return t.name;
}

bool is_integer_type(const ast::TypeRef& t) {
  using K = ast::TypeKind;
  // A native type may well be an integer type of the dialect; it passes.
  if (t.array) return false;
  return t.kind == K::SmallInt || t.kind == K::Int || t.kind == K::BigInt || t.kind == K::Native;
}

bool same_key_type(const ast::TypeRef& a, const ast::TypeRef& b) {
  using K = ast::TypeKind;
  auto family = [](K k) { return k == K::Numeric ? K::Decimal : k; };
  if (family(a.kind) != family(b.kind) || a.array != b.array) return false;
  switch (family(a.kind)) {
    case K::Decimal: return a.length == b.length && a.scale == b.scale;
    case K::Postgres:
    case K::Enum:
    case K::Native: return a.name == b.name;
    default: return true;  // varchar(n) may reference varchar(m), as on every dialect
  }
}

std::string type_suggestion(const std::string& wrong, const std::vector<std::string>& enums) {
  for (const auto& [spelling, portable] : kTypeSpellings)
    if (wrong == spelling) return fmt::format("did you mean '{}'?", portable);
  if (const ast::TypeWord* t = ast::find_type_word(wrong); t && !t->serial) {
    std::string_view word = ast::canonical_type_word(t->kind, t->postgres);
    if (!word.empty() && word != wrong) return fmt::format("did you mean '{}'?", word);
  }
  std::vector<std::string> candidates(enums);
  for (const auto& entry : kTypeSpellings) candidates.emplace_back(entry.first);
  for (const ast::TypeWord& t : ast::kTypeWords) candidates.emplace_back(t.word);
  std::optional<std::string> near = nearest_name(wrong, candidates);
  if (!near) return {};
  for (const auto& [spelling, portable] : kTypeSpellings)
    if (*near == spelling) return fmt::format("did you mean '{}'?", portable);
  // A spelling the language accepts (integer, serial, inet, ...): its portable
  // name where it has one, else itself.
  if (const ast::TypeWord* t = ast::find_type_word(*near); t && !t->serial) {
    std::string_view word = ast::canonical_type_word(t->kind, t->postgres);
    if (!word.empty()) return fmt::format("did you mean '{}'?", word);
  }
  return fmt::format("did you mean '{}'?", *near);
}

}  // namespace migrac
