// The text of catalog fields as the model's values (see catalog_rows.h).

#include <cctype>
#include <charconv>
#include <utility>

#include "compiler/ast/type_names.h"
#include "compiler/dialect/postgres/catalog_rows.h"

namespace migrac::postgres {

namespace {

using K = ast::TypeKind;

// format_type's spelling of the types without modifiers that the model holds.
const std::vector<std::pair<std::string_view, K>> kPlainTypes = {
    {"smallint", K::SmallInt},
    {"integer", K::Int},
    {"bigint", K::BigInt},
    {"real", K::Real},
    {"double precision", K::Double},
    {"numeric", K::Numeric},
    {"boolean", K::Bool},
    {"text", K::Text},
    {"character varying", K::Varchar},
    {"bytea", K::Bytes},
    {"date", K::Date},
    {"time without time zone", K::Time},
    {"timestamp without time zone", K::Timestamp},
    {"timestamp with time zone", K::Timestamptz},
    {"interval", K::Interval},
    {"uuid", K::Uuid},
    {"json", K::Json},
    {"jsonb", K::Jsonb},
};

// The types whose modifiers the model holds (length, or precision and scale).
const std::vector<std::pair<std::string_view, K>> kSizedTypes = {
    {"numeric", K::Numeric},
    {"character varying", K::Varchar},
    {"character", K::Char},
};

// "10,2" as numbers; nullopt unless it is one or two unsigned integers.
std::optional<std::vector<std::int64_t>> modifiers(std::string_view text) {
  std::vector<std::int64_t> out;
  while (true) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end == text.data()) return std::nullopt;
    out.push_back(value);
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    if (text.empty()) break;
    if (text[0] != ',') return std::nullopt;
    text.remove_prefix(1);
  }
  if (out.size() > 2) return std::nullopt;
  return out;
}

ast::TypeRef native(std::string_view text) {
  ast::TypeRef t;
  t.kind = K::Native;
  t.name = std::string(text);
  return t;
}

}  // namespace

ast::TypeRef type_from_catalog(std::string_view format_type, std::string_view enum_name) {
  // An array (`bigint[]`; format_type writes one pair of brackets whatever
  // the dimensions): the element type, marked as an array.
  if (format_type.size() > 2 && format_type.substr(format_type.size() - 2) == "[]") {
    ast::TypeRef t = type_from_catalog(format_type.substr(0, format_type.size() - 2), enum_name);
    t.array = true;
    return t;
  }
  ast::TypeRef t;
  if (!enum_name.empty()) {
    t.kind = K::Enum;
    t.name = std::string(enum_name);
    return t;
  }
  for (const auto& [text, kind] : kPlainTypes) {
    if (format_type != text) continue;
    t.kind = kind;
    return t;
  }
  // The PostgreSQL-only types the language names (`inet`, `tsvector`, ...).
  std::string_view word_text = format_type == "time with time zone" ? "timetz" : format_type;
  const ast::TypeWord* word = ast::find_type_word(word_text);
  if (word != nullptr && word->kind == K::Postgres) {
    t.kind = K::Postgres;
    t.name = std::string(word->postgres);
    return t;
  }
  std::size_t open = format_type.find('(');
  if (open == std::string_view::npos || format_type.back() != ')') return native(format_type);
  std::string_view base = format_type.substr(0, open);
  auto mods = modifiers(format_type.substr(open + 1, format_type.size() - open - 2));
  if (!mods) return native(format_type);
  for (const auto& [text, kind] : kSizedTypes) {
    if (base != text) continue;
    if (kind != K::Numeric && mods->size() != 1) return native(format_type);
    t.kind = kind;
    t.length = (*mods)[0];
    // numeric(p,0) is numeric(p): the model holds it without a scale.
    if (mods->size() == 2 && (*mods)[1] != 0) t.scale = (*mods)[1];
    return t;
  }
  return native(format_type);
}

std::vector<std::optional<std::string>> parse_text_array(std::string_view text) {
  std::vector<std::optional<std::string>> out;
  if (text.size() < 2 || text.front() != '{') return out;
  std::size_t i = 1;
  if (text[i] == '}') return out;
  while (i < text.size()) {
    std::string value;
    bool quoted = false;
    if (text[i] == '"') {
      quoted = true;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        value += text[i];
      }
      if (i >= text.size()) return out;  // no closing quote
      ++i;
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '}') value += text[i++];
    }
    if (!quoted && value == "NULL") out.emplace_back(std::nullopt);
    else out.emplace_back(std::move(value));
    if (i >= text.size() || text[i] == '}') return out;
    ++i;  // the comma
  }
  return out;
}

ast::RefAction ref_action_of(std::string_view code) {
  if (code == "r") return ast::RefAction::Restrict;
  if (code == "c") return ast::RefAction::Cascade;
  if (code == "n") return ast::RefAction::SetNull;
  if (code == "d") return ast::RefAction::SetDefault;
  return ast::RefAction::NoAction;
}

std::string index_element_note(std::int64_t option, std::string_view opclass) {
  // indoption: bit 0 DESC, bit 1 NULLS FIRST (the default of DESC).
  bool desc = (option & 1) != 0;
  bool nulls_first = (option & 2) != 0;
  std::string out;
  auto add = [&](std::string_view part) {
    if (!out.empty()) out += ", ";
    out += part;
  };
  if (desc) add("desc");
  if (nulls_first != desc) add(nulls_first ? "nulls first" : "nulls last");
  if (!opclass.empty()) add("operator class " + std::string(opclass));
  return out;
}

}  // namespace migrac::postgres
