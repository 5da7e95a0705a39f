// PostgreSQL's types as the model's portable ones (see ddl_reader.h).

#include <utility>

#include "compiler/ast/type_names.h"
#include "compiler/pgsql/ddl_reader.h"

namespace migrac::pgsql {

ast::TypeRef DdlReader::type_of(Node type_name, bool& identity) const {
  return portable_type(type_name, schema_, identity);
}

ast::TypeRef portable_type(Node type_name, const model::Schema& schema, bool& identity) {
  ast::TypeRef t;
  std::vector<std::string> n = string_list(type_name["names"]);
  std::string base = n.empty() ? "text" : n.back();
  std::vector<std::int64_t> mods;
  for (Node m : type_name["typmods"]) {
    Node value = m["A_Const"];
    if (value.has("ival")) mods.push_back(value["ival"].integer("ival", 0));
  }
  using K = ast::TypeKind;
  static const std::vector<std::pair<std::string, K>> kMap{{"int2", K::SmallInt},
                                                           {"int4", K::Int},
                                                           {"int8", K::BigInt},
                                                           {"float4", K::Real},
                                                           {"float8", K::Double},
                                                           {"numeric", K::Numeric},
                                                           {"bool", K::Bool},
                                                           {"text", K::Text},
                                                           {"varchar", K::Varchar},
                                                           {"bpchar", K::Char},
                                                           {"bytea", K::Bytes},
                                                           {"date", K::Date},
                                                           {"time", K::Time},
                                                           {"timestamp", K::Timestamp},
                                                           {"timestamptz", K::Timestamptz},
                                                           {"interval", K::Interval},
                                                           {"uuid", K::Uuid},
                                                           {"json", K::Json},
                                                           {"jsonb", K::Jsonb},
                                                           {"smallserial", K::SmallInt},
                                                           {"serial", K::Int},
                                                           {"bigserial", K::BigInt}};
  // `T[]`: the element type, marked as an array (the model holds arrays).
  t.array = type_name.has("arrayBounds");
  for (const auto& [pg, kind] : kMap) {
    if (base != pg) continue;
    t.kind = kind;
    if (base.find("serial") != std::string::npos && !t.array) identity = true;
    if (!mods.empty()) t.length = mods[0];
    if (mods.size() > 1) t.scale = mods[1];
    return t;
  }
  if (schema.enum_type(base)) {
    t.kind = K::Enum;
    t.name = base;
    return t;
  }
  // The PostgreSQL-only types the language names (`inet`, `tsvector`, ...).
  const ast::TypeWord* word = ast::find_type_word(base);
  if (word != nullptr && word->kind == K::Postgres && mods.empty()) {
    t.kind = K::Postgres;
    t.name = std::string(word->postgres);
    return t;
  }
  t.kind = K::Native;
  t.name = base + (t.array ? "[]" : "");
  t.array = false;
  return t;
}

}  // namespace migrac::pgsql
