// Type keys (normalize_key.h): a type as its dialect's emitter writes it,
// synonyms folded. PostgreSQL and SQLite type names are read by PostgreSQL's
// parser (which folds the SQL standard's spellings: `character varying` is
// varchar, `double precision` float8); MySQL's column types are folded as text.

#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/dialect/normalize_key.h"
#include "compiler/dialect/sql_builder.h"
#include "compiler/pgsql/parse.h"

namespace migrac {

namespace {

using pgsql::Node;

std::string quoted_name(std::string_view name) {
  bool plain = !name.empty();
  for (std::size_t i = 0; plain && i < name.size(); ++i) {
    char c = name[i];
    plain = c == '_' || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9');
  }
  if (plain) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// PostgreSQL's internal type names in the spelling its emitter writes.
std::string postgres_spelling(std::string_view internal) {
  static const std::pair<std::string_view, std::string_view> kNames[] = {
      {"int2", "smallint"},
      {"int4", "integer"},
      {"int8", "bigint"},
      {"float4", "real"},
      {"float8", "double precision"},
      {"bool", "boolean"},
      {"bpchar", "char"},
      {"char", "\"char\""},  // the one-byte internal type
  };
  for (const auto& [from, to] : kNames) {
    if (internal == from) return std::string(to);
  }
  return quoted_name(internal);
}

// A type name (PostgreSQL's internal one, or a name SQLite users write) as
// the portable type SQLite's emitter maps it from.
std::optional<ast::TypeKind> sqlite_kind(std::string_view name) {
  using K = ast::TypeKind;
  static const std::pair<std::string_view, K> kNames[] = {
      {"int2", K::SmallInt},
      {"int4", K::Int},
      {"int8", K::BigInt},
      {"int", K::Int},
      {"integer", K::Int},
      {"tinyint", K::SmallInt},
      {"mediumint", K::Int},
      {"bigint", K::BigInt},
      {"smallint", K::SmallInt},
      {"bool", K::Bool},
      {"boolean", K::Bool},
      {"float4", K::Real},
      {"float8", K::Double},
      {"real", K::Real},
      {"double", K::Double},
      {"float", K::Double},
      {"numeric", K::Numeric},
      {"decimal", K::Decimal},
      {"text", K::Text},
      {"varchar", K::Varchar},
      {"nvarchar", K::Varchar},
      {"bpchar", K::Char},
      {"char", K::Char},
      {"nchar", K::Char},
      {"clob", K::Text},
      {"date", K::Date},
      {"datetime", K::Timestamp},
      {"timestamp", K::Timestamp},
      {"timestamptz", K::Timestamptz},
      {"time", K::Time},
      {"timetz", K::Time},
      {"interval", K::Interval},
      {"uuid", K::Uuid},
      {"json", K::Json},
      {"jsonb", K::Jsonb},
      {"bytea", K::Bytes},
      {"blob", K::Bytes},
  };
  for (const auto& [from, kind] : kNames) {
    if (name == from) return kind;
  }
  return std::nullopt;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string sqlite_key(const ast::TypeRef& type) {
  const SqlBuilder& sql = sql_builder(Dialect::Sqlite);
  if (type.kind != ast::TypeKind::Native) return sql.type(type);
  std::optional<TypeName> parsed = parse_type_name(type.name);
  if (parsed && parsed->array_dims == 0) {
    if (std::optional<ast::TypeKind> kind = sqlite_kind(parsed->name)) {
      ast::TypeRef portable;
      portable.kind = *kind;
      return sql.type(portable);
    }
  }
  return upper(collapse_text(type.name));
}

// `text` with no blank next to a parenthesis or after a comma.
std::string tight(std::string text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ') {
      char prev = out.empty() ? '\0' : out.back();
      char next = i + 1 < text.size() ? text[i + 1] : '\0';
      if (prev == '(' || prev == ',' || next == '(' || next == ')' || next == ',') continue;
    }
    out += c;
  }
  return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// MySQL's column type text with its synonyms folded: `integer` and `int(11)`
// are `int`, `bool` is `tinyint(1)`, `numeric` is `decimal`, `json` is
// `longtext` (MariaDB's JSON is an alias of LONGTEXT with a check).
std::string mysql_key(std::string text) {
  std::string folded = tight(collapse_text(text));
  // ENUM('a','b') and SET(...): the values keep their case.
  for (std::string_view list : {"enum(", "set("}) {
    if (!starts_with(folded, list)) continue;
    std::size_t open = text.find('(');
    std::string values;
    char quote = '\0';
    for (char c : text.substr(open)) {
      if (quote == '\0' && c == ' ') continue;
      if (c == '\'') quote = quote == '\0' ? c : '\0';
      values += c;
    }
    return std::string(list.substr(0, list.size() - 1)) + values;
  }
  text = folded;
  static const std::pair<std::string_view, std::string_view> kSynonyms[] = {
      {"character varying", "varchar"},
      {"double precision", "double"},
      {"integer", "int"},
      {"int4", "int"},
      {"int8", "bigint"},
      {"int2", "smallint"},
      {"int1", "tinyint"},
      {"float4", "float"},
      {"float8", "double"},
      {"real", "double"},
      {"numeric", "decimal"},
      {"dec", "decimal"},
      {"fixed", "decimal"},
      {"character", "char"},
      {"boolean", "tinyint(1)"},
      {"bool", "tinyint(1)"},
      {"json", "longtext"},
  };
  for (const auto& [from, to] : kSynonyms) {
    if (!starts_with(text, from)) continue;
    char next = text.size() > from.size() ? text[from.size()] : '\0';
    if (next != '\0' && next != '(' && next != ' ') continue;
    text = std::string(to) + text.substr(from.size());
    break;
  }
  // Display widths of integer types mean nothing (MariaDB shows `int(11)`),
  // except tinyint(1), MySQL's boolean.
  for (std::string_view integer : {"bigint", "mediumint", "smallint", "tinyint", "int"}) {
    if (!starts_with(text, std::string(integer) + "(")) continue;
    std::size_t close = text.find(')');
    if (close == std::string::npos) break;
    if (integer == "tinyint" && text.substr(0, close + 1) == "tinyint(1)") break;
    text = std::string(integer) + text.substr(close + 1);
    break;
  }
  if (text == "decimal" || starts_with(text, "decimal ")) text.insert(7, "(10,0)");
  if (starts_with(text, "decimal(") && text.find(',') == std::string::npos) {
    text.insert(text.find(')'), ",0");
  }
  if (text == "char") text = "char(1)";
  return text;
}

}  // namespace

std::string mysql_enum_key(const model::Enum& e) {
  const SqlBuilder& sql = sql_builder(Dialect::Mysql);
  std::string out = "enum(";
  for (std::size_t i = 0; i < e.values.size(); ++i) {
    if (i > 0) out += ",";
    out += sql.string_literal(e.values[i]);
  }
  return out + ")";
}

std::optional<TypeName> parse_type_name(std::string_view text) {
  std::string sql = "SELECT NULL::" + std::string(text);
  pgsql::ParsedSql parsed = pgsql::parse(sql);
  if (parsed.error || parsed.statements.size() != 1) return std::nullopt;
  const pgsql::Statement& s = parsed.statements[0];
  Node targets = s.body["targetList"];
  if (s.kind != "SelectStmt" || targets.size() != 1 || s.body.has("fromClause")) {
    return std::nullopt;
  }
  Node cast = targets.at(0).as("ResTarget")["val"].as("TypeCast");
  if (cast.missing() || cast["arg"].kind() != "A_Const") return std::nullopt;
  Node t = cast["typeName"];
  TypeName out;
  out.name = pgsql::last_name(t["names"]);
  if (out.name.empty() || t.flag("setof") || t.has("pct_type")) return std::nullopt;
  for (Node m : t["typmods"]) {
    Node c = m.as("A_Const");
    if (c.has("ival")) {
      out.mods.push_back(std::to_string(c["ival"].integer("ival", 0)));
    } else if (c.has("sval")) {
      out.mods.push_back("'" + std::string(c["sval"].str("sval")) + "'");
    } else {
      return std::nullopt;
    }
  }
  out.array_dims = static_cast<int>(t["arrayBounds"].size());
  return out;
}

std::string type_name_key(const TypeName& t) {
  std::string out = postgres_spelling(t.name);
  std::vector<std::string> mods = t.mods;
  if (t.name == "numeric" && mods.size() == 1) mods.push_back("0");  // numeric(p) is numeric(p,0)
  if (!mods.empty()) {
    out += "(";
    for (std::size_t i = 0; i < mods.size(); ++i) {
      if (i > 0) out += ",";
      out += mods[i];
    }
    out += ")";
  }
  for (int i = 0; i < t.array_dims; ++i) out += "[]";
  return out;
}

std::string type_key(Dialect dialect, const ast::TypeRef& type) {
  switch (dialect) {
    case Dialect::Postgres: {
      std::string text = type.kind == ast::TypeKind::Native ? type.name
                                                            : sql_builder(dialect).type(type);
      std::optional<TypeName> parsed = parse_type_name(text);
      return parsed ? type_name_key(*parsed) : collapse_text(text);
    }
    case Dialect::Sqlite: return sqlite_key(type);
    case Dialect::Mysql: {
      if (type.kind == ast::TypeKind::Native) return mysql_key(type.name);
      // An enum column is ENUM(...) of its values, which the type does not carry.
      if (type.kind == ast::TypeKind::Enum) return "enum";
      return mysql_key(sql_builder(dialect).type(type));
    }
  }
  return collapse_text(type.name);
}

}  // namespace migrac
