// The schema model as JSON and back (see serialize.h): one writer and one
// reader per model type, each naming its fields once.
#include "compiler/model/serialize.h"

#include <array>
#include <stdexcept>
#include <utility>

namespace migrac::model {

namespace {

using Json = nlohmann::json;

// The spelling of each value of an enum class, in its declaration order.
template <class E, std::size_t N>
using Names = std::array<std::pair<E, const char*>, N>;

constexpr Names<ast::TypeKind, 23> kTypeNames{{
    {ast::TypeKind::SmallInt, "smallint"},   {ast::TypeKind::Int, "int"},
    {ast::TypeKind::BigInt, "bigint"},       {ast::TypeKind::Real, "real"},
    {ast::TypeKind::Double, "double"},       {ast::TypeKind::Decimal, "decimal"},
    {ast::TypeKind::Numeric, "numeric"},     {ast::TypeKind::Bool, "bool"},
    {ast::TypeKind::Text, "text"},           {ast::TypeKind::Varchar, "varchar"},
    {ast::TypeKind::Char, "char"},           {ast::TypeKind::Bytes, "bytes"},
    {ast::TypeKind::Date, "date"},           {ast::TypeKind::Time, "time"},
    {ast::TypeKind::Timestamp, "timestamp"}, {ast::TypeKind::Timestamptz, "timestamptz"},
    {ast::TypeKind::Interval, "interval"},   {ast::TypeKind::Uuid, "uuid"},
    {ast::TypeKind::Json, "json"},           {ast::TypeKind::Jsonb, "jsonb"},
    {ast::TypeKind::Postgres, "postgres"},   {ast::TypeKind::Enum, "enum"},
    {ast::TypeKind::Native, "native"},
}};

constexpr Names<ast::ExprKind, 16> kExprNames{{
    {ast::ExprKind::String, "string"},
    {ast::ExprKind::Number, "number"},
    {ast::ExprKind::Bool, "bool"},
    {ast::ExprKind::Null, "null"},
    {ast::ExprKind::Column, "column"},
    {ast::ExprKind::Call, "call"},
    {ast::ExprKind::Unary, "unary"},
    {ast::ExprKind::Binary, "binary"},
    {ast::ExprKind::IsNull, "is null"},
    {ast::ExprKind::Like, "like"},
    {ast::ExprKind::In, "in"},
    {ast::ExprKind::Between, "between"},
    {ast::ExprKind::Case, "case"},
    {ast::ExprKind::Cast, "cast"},
    {ast::ExprKind::Paren, "paren"},
    {ast::ExprKind::RawSql, "sql"},
}};

constexpr Names<ast::ConstraintKind, 4> kConstraintNames{{
    {ast::ConstraintKind::PrimaryKey, "primary key"},
    {ast::ConstraintKind::Unique, "unique"},
    {ast::ConstraintKind::ForeignKey, "foreign key"},
    {ast::ConstraintKind::Check, "check"},
}};

constexpr Names<ast::RefAction, 5> kActionNames{{
    {ast::RefAction::NoAction, "no action"},
    {ast::RefAction::Restrict, "restrict"},
    {ast::RefAction::Cascade, "cascade"},
    {ast::RefAction::SetNull, "set null"},
    {ast::RefAction::SetDefault, "set default"},
}};

template <class E, std::size_t N>
const char* name_of(const Names<E, N>& names, E value) {
  for (const auto& [v, n] : names)
    if (v == value) return n;
  return "?";
}

template <class E, std::size_t N>
E value_of(const Names<E, N>& names, const std::string& text, const char* what) {
  for (const auto& [v, n] : names)
    if (text == n) return v;
  throw std::runtime_error("unknown " + std::string(what) + " '" + text + "'");
}

// --- writing: fields at their default are left out

Json type_json(const ast::TypeRef& t) {
  Json j{{"kind", name_of(kTypeNames, t.kind)}};
  if (t.length) j["length"] = *t.length;
  if (t.scale) j["scale"] = *t.scale;
  if (!t.name.empty()) j["name"] = t.name;
  if (t.array) j["array"] = true;
  return j;
}

Json expr_json(const ast::Expr& e) {
  Json j{{"kind", name_of(kExprNames, e.kind)}};
  if (!e.text.empty()) j["text"] = e.text;
  if (!e.args.empty()) {
    Json args = Json::array();
    for (const ast::Expr& a : e.args) args.push_back(expr_json(a));
    j["args"] = std::move(args);
  }
  if (e.negated) j["negated"] = true;
  if (e.has_else) j["has_else"] = true;
  if (e.type) j["type"] = type_json(*e.type);
  return j;
}

Json names_json(const std::vector<std::string>& names) {
  Json j = Json::array();
  for (const std::string& n : names) j.push_back(n);
  return j;
}

Json column_json(const Column& c) {
  Json j{{"name", c.name}, {"type", type_json(c.type)}};
  if (c.not_null) j["not_null"] = true;
  if (c.default_value) j["default"] = expr_json(*c.default_value);
  if (c.identity) j["identity"] = true;
  if (c.generated) j["generated"] = expr_json(*c.generated);
  return j;
}

Json constraint_json(const Constraint& c) {
  Json j{{"name", c.name}, {"kind", name_of(kConstraintNames, c.kind)}};
  if (!c.columns.empty()) j["columns"] = names_json(c.columns);
  if (!c.ref_table.empty()) j["ref_table"] = c.ref_table;
  if (!c.ref_columns.empty()) j["ref_columns"] = names_json(c.ref_columns);
  if (c.on_delete != ast::RefAction::NoAction) j["on_delete"] = name_of(kActionNames, c.on_delete);
  if (c.on_update != ast::RefAction::NoAction) j["on_update"] = name_of(kActionNames, c.on_update);
  if (c.check) j["check"] = expr_json(*c.check);
  return j;
}

Json index_json(const Index& i) {
  Json j{{"name", i.name}, {"table", i.table}};
  if (i.unique) j["unique"] = true;
  Json elements = Json::array();
  for (const ast::Expr& e : i.elements) elements.push_back(expr_json(e));
  j["elements"] = std::move(elements);
  if (!i.columns.empty()) j["columns"] = names_json(i.columns);
  if (i.where) j["where"] = expr_json(*i.where);
  return j;
}

Json table_json(const Table& t) {
  Json columns = Json::array(), constraints = Json::array(), indexes = Json::array();
  for (const Column& c : t.columns) columns.push_back(column_json(c));
  for (const Constraint& c : t.constraints) constraints.push_back(constraint_json(c));
  for (const Index& i : t.indexes) indexes.push_back(index_json(i));
  return Json{{"name", t.name},
              {"columns", std::move(columns)},
              {"constraints", std::move(constraints)},
              {"indexes", std::move(indexes)}};
}

// --- reading: every field checked for its JSON type

const Json& field(const Json& j, const char* key, const char* what) {
  if (!j.is_object()) throw std::runtime_error(std::string(what) + " is not an object");
  auto it = j.find(key);
  if (it == j.end()) throw std::runtime_error(std::string(what) + " has no '" + key + "'");
  return *it;
}

std::string text_of(const Json& j, const char* key, const char* what, bool required = true) {
  if (!required && (!j.is_object() || !j.contains(key))) return "";
  const Json& v = field(j, key, what);
  if (!v.is_string())
    throw std::runtime_error(std::string(what) + "'s '" + key + "' is not a string");
  return v.get<std::string>();
}

bool flag_of(const Json& j, const char* key, const char* what) {
  if (!j.contains(key)) return false;
  const Json& v = j.at(key);
  if (!v.is_boolean())
    throw std::runtime_error(std::string(what) + "'s '" + key + "' is not true or false");
  return v.get<bool>();
}

std::optional<std::int64_t> number_of(const Json& j, const char* key, const char* what) {
  if (!j.contains(key)) return std::nullopt;
  const Json& v = j.at(key);
  if (!v.is_number_integer())
    throw std::runtime_error(std::string(what) + "'s '" + key + "' is not an integer");
  return v.get<std::int64_t>();
}

const Json& list_of(const Json& j, const char* key, const char* what, bool required) {
  static const Json empty = Json::array();
  if (!required && !j.contains(key)) return empty;
  const Json& v = field(j, key, what);
  if (!v.is_array()) throw std::runtime_error(std::string(what) + "'s '" + key + "' is not a list");
  return v;
}

std::vector<std::string> names_of(const Json& j, const char* key, const char* what) {
  std::vector<std::string> out;
  for (const Json& v : list_of(j, key, what, false)) {
    if (!v.is_string())
      throw std::runtime_error(std::string(what) + "'s '" + key + "' holds a non-string");
    out.push_back(v.get<std::string>());
  }
  return out;
}

ast::TypeRef type_of(const Json& j) {
  ast::TypeRef t;
  t.kind = value_of(kTypeNames, text_of(j, "kind", "a type"), "type kind");
  t.length = number_of(j, "length", "a type");
  t.scale = number_of(j, "scale", "a type");
  t.name = text_of(j, "name", "a type", false);
  t.array = flag_of(j, "array", "a type");
  return t;
}

ast::Expr expr_of(const Json& j) {
  ast::Expr e;
  e.kind = value_of(kExprNames, text_of(j, "kind", "an expression"), "expression kind");
  e.text = text_of(j, "text", "an expression", false);
  for (const Json& a : list_of(j, "args", "an expression", false)) e.args.push_back(expr_of(a));
  e.negated = flag_of(j, "negated", "an expression");
  e.has_else = flag_of(j, "has_else", "an expression");
  if (j.contains("type")) e.type = type_of(j.at("type"));
  return e;
}

Column column_of(const Json& j) {
  Column c;
  c.name = text_of(j, "name", "a column");
  c.type = type_of(field(j, "type", "a column"));
  c.not_null = flag_of(j, "not_null", "a column");
  if (j.contains("default")) c.default_value = expr_of(j.at("default"));
  c.identity = flag_of(j, "identity", "a column");
  if (j.contains("generated")) c.generated = expr_of(j.at("generated"));
  return c;
}

Constraint constraint_of(const Json& j) {
  Constraint c;
  c.name = text_of(j, "name", "a constraint");
  c.kind = value_of(kConstraintNames, text_of(j, "kind", "a constraint"), "constraint kind");
  c.columns = names_of(j, "columns", "a constraint");
  c.ref_table = text_of(j, "ref_table", "a constraint", false);
  c.ref_columns = names_of(j, "ref_columns", "a constraint");
  if (j.contains("on_delete"))
    c.on_delete = value_of(kActionNames, text_of(j, "on_delete", "a constraint"), "action");
  if (j.contains("on_update"))
    c.on_update = value_of(kActionNames, text_of(j, "on_update", "a constraint"), "action");
  if (j.contains("check")) c.check = expr_of(j.at("check"));
  return c;
}

Index index_of(const Json& j) {
  Index i;
  i.name = text_of(j, "name", "an index");
  i.table = text_of(j, "table", "an index");
  i.unique = flag_of(j, "unique", "an index");
  for (const Json& e : list_of(j, "elements", "an index", true)) i.elements.push_back(expr_of(e));
  i.columns = names_of(j, "columns", "an index");
  if (j.contains("where")) i.where = expr_of(j.at("where"));
  return i;
}

Table table_of(const Json& j) {
  Table t;
  t.name = text_of(j, "name", "a table");
  for (const Json& c : list_of(j, "columns", "a table", true)) t.columns.push_back(column_of(c));
  for (const Json& c : list_of(j, "constraints", "a table", true))
    t.constraints.push_back(constraint_of(c));
  for (const Json& i : list_of(j, "indexes", "a table", true)) t.indexes.push_back(index_of(i));
  return t;
}

}  // namespace

Json schema_to_json(const Schema& schema) {
  Json tables = Json::array(), enums = Json::array();
  for (const auto& [name, t] : schema.tables) tables.push_back(table_json(t));
  for (const auto& [name, e] : schema.enums)
    enums.push_back(Json{{"name", e.name}, {"values", names_json(e.values)}});
  return Json{{"tables", std::move(tables)}, {"enums", std::move(enums)}};
}

Schema schema_from_json(const Json& json) {
  Schema s;
  for (const Json& j : list_of(json, "tables", "the schema", true)) {
    Table t = table_of(j);
    std::string name = t.name;
    if (!s.tables.emplace(name, std::move(t)).second)
      throw std::runtime_error("table '" + name + "' is listed twice");
  }
  for (const Json& j : list_of(json, "enums", "the schema", true)) {
    Enum e{text_of(j, "name", "an enum"), names_of(j, "values", "an enum")};
    std::string name = e.name;
    if (!s.enums.emplace(name, std::move(e)).second)
      throw std::runtime_error("enum '" + name + "' is listed twice");
  }
  rebuild_name_maps(s);
  return s;
}

std::string print_schema(const Schema& schema) {
  // Invalid UTF-8 in a name (a quoted identifier of a damaged file) is
  // printed as U+FFFD: the only place where the text is not exact.
  return schema_to_json(schema).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<Schema> parse_schema(std::string_view text, std::string& error) {
  try {
    return schema_from_json(Json::parse(text));
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

void rebuild_name_maps(Schema& schema) {
  schema.index_owner.clear();
  schema.key_owner.clear();
  for (const auto& [name, t] : schema.tables) {
    for (const Index& i : t.indexes) schema.index_owner[i.name] = name;
    for (const Constraint& c : t.constraints) {
      if (c.kind == ast::ConstraintKind::PrimaryKey || c.kind == ast::ConstraintKind::Unique)
        schema.key_owner[c.name] = name;
    }
  }
}

bool same_object(const Column& a, const Column& b) { return column_json(a) == column_json(b); }
bool same_object(const Constraint& a, const Constraint& b) {
  return constraint_json(a) == constraint_json(b);
}
bool same_object(const Index& a, const Index& b) { return index_json(a) == index_json(b); }
bool same_object(const Table& a, const Table& b) { return table_json(a) == table_json(b); }
bool same_object(const Enum& a, const Enum& b) { return a.name == b.name && a.values == b.values; }

}  // namespace migrac::model
