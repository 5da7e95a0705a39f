// The text of MySQL's information_schema fields as the model's values
// (catalog_rows.h): the inverse of what the emitter writes (types.cpp).

#include <cctype>
#include <cstdint>
#include <string>

#include "compiler/dialect/mysql/catalog_rows.h"

namespace migrac::mysql {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The numbers of "name(a)" or "name(a,b)" after `name`; false when the rest
// is anything else.
bool type_mods(std::string_view rest, std::optional<std::int64_t>& a,
               std::optional<std::int64_t>& b) {
  if (rest.empty()) return true;
  if (rest.front() != '(' || rest.back() != ')') return false;
  std::string_view inner = rest.substr(1, rest.size() - 2);
  std::size_t comma = inner.find(',');
  auto number = [](std::string_view s, std::optional<std::int64_t>& out) {
    if (s.empty()) return false;
    std::int64_t v = 0;
    for (char c : s) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
      v = v * 10 + (c - '0');
    }
    out = v;
    return true;
  };
  if (comma == std::string_view::npos) return number(inner, a);
  return number(inner.substr(0, comma), a) && number(inner.substr(comma + 1), b);
}

ast::TypeRef portable(ast::TypeKind kind, std::optional<std::int64_t> length = std::nullopt,
                      std::optional<std::int64_t> scale = std::nullopt) {
  ast::TypeRef t;
  t.kind = kind;
  t.length = length;
  t.scale = scale;
  return t;
}

bool is_numeric_type(const ast::TypeRef& t) {
  switch (t.kind) {
    case ast::TypeKind::SmallInt:
    case ast::TypeKind::Int:
    case ast::TypeKind::BigInt:
    case ast::TypeKind::Real:
    case ast::TypeKind::Double:
    case ast::TypeKind::Decimal:
    case ast::TypeKind::Numeric:
    case ast::TypeKind::Bool: return true;
    case ast::TypeKind::Native: {
      std::string name = lower(t.name);
      for (std::string_view n : {"tinyint", "smallint", "mediumint", "int", "bigint", "decimal",
                                 "float", "double", "bit"})
        if (starts_with(name, n)) return true;
      return false;
    }
    default: return false;
  }
}

}  // namespace

ast::TypeRef type_from_catalog(std::string_view column_type) {
  std::string text = lower(column_type);
  ast::TypeRef native;
  native.kind = ast::TypeKind::Native;
  native.name = std::string(column_type);
  if (text == "tinyint(1)") return portable(ast::TypeKind::Bool);
  std::size_t open = text.find('(');
  std::string name = text.substr(0, open);
  std::string rest = open == std::string::npos ? std::string() : text.substr(open);
  std::optional<std::int64_t> a;
  std::optional<std::int64_t> b;
  if (!type_mods(rest, a, b)) return native;  // unsigned, zerofill, enum(...), set(...)
  // Integer display widths (MariaDB's int(11)) mean nothing.
  if (name == "smallint") return portable(ast::TypeKind::SmallInt);
  if (name == "int") return portable(ast::TypeKind::Int);
  if (name == "bigint") return portable(ast::TypeKind::BigInt);
  if (!rest.empty() && name != "decimal" && name != "varchar" && name != "char" && name != "time" &&
      name != "datetime") {
    return native;
  }
  if (name == "float") return portable(ast::TypeKind::Real);
  if (name == "double") return portable(ast::TypeKind::Double);
  if (name == "decimal") {
    if (a == 65 && b == 30) return portable(ast::TypeKind::Decimal);
    return portable(ast::TypeKind::Decimal, a, b ? b : std::optional<std::int64_t>(0));
  }
  if (name == "longtext") return portable(ast::TypeKind::Text);
  if (name == "varchar" && a) return portable(ast::TypeKind::Varchar, a);
  if (name == "char" && a) return portable(ast::TypeKind::Char, a);
  if (name == "longblob") return portable(ast::TypeKind::Bytes);
  if (name == "date") return portable(ast::TypeKind::Date);
  if (name == "time" && a == 6) return portable(ast::TypeKind::Time);
  if (name == "datetime" && a == 6) return portable(ast::TypeKind::Timestamp);
  if (name == "json") return portable(ast::TypeKind::Json);
  return native;
}

ast::RefAction ref_action_of(std::string_view rule, bool mariadb) {
  if (rule == "CASCADE") return ast::RefAction::Cascade;
  if (rule == "SET NULL") return ast::RefAction::SetNull;
  if (rule == "SET DEFAULT") return ast::RefAction::SetDefault;
  // MariaDB prints a rule that was not written as RESTRICT (InnoDB's NO
  // ACTION is RESTRICT); MySQL prints NO ACTION for it.
  if (rule == "RESTRICT" && !mariadb) return ast::RefAction::Restrict;
  return ast::RefAction::NoAction;
}

std::optional<std::string> default_text(std::string_view column_default, std::string_view extra,
                                        const ast::TypeRef& type, bool mariadb) {
  if (mariadb) {
    if (column_default == "NULL") return std::nullopt;
    return std::string(column_default);
  }
  if (lower(extra).find("default_generated") != std::string::npos)
    return std::string(column_default);
  if (is_numeric_type(type)) return std::string(column_default);
  return sql_string(column_default);
}

bool is_json_check(std::string_view clause, std::string_view column) {
  std::string want = "json_valid(`" + std::string(column) + "`)";
  return lower(clause) == lower(want);
}

}  // namespace migrac::mysql
