// The schema model as JSON (compiler/model/serialize.h): parse(print(s)) == s
// for schemas with every kind of object and expression, the text is stable
// and sorted, and what is not a schema is refused with a reason.
#include <catch2/catch.hpp>

#include "compiler/model/apply.h"
#include "compiler/model/serialize.h"

using namespace migrac;

namespace {

// Field-by-field equality of the model (source ranges aside: a schema read
// back points at no file). Written out here so that a field the serialiser
// forgets is a failing test, not an equal default.
bool same(const ast::TypeRef& a, const ast::TypeRef& b) {
  return a.kind == b.kind && a.length == b.length && a.scale == b.scale && a.name == b.name;
}
bool same(const ast::Expr& a, const ast::Expr& b) {
  if (a.kind != b.kind || a.text != b.text || a.negated != b.negated || a.has_else != b.has_else)
    return false;
  if (a.type.has_value() != b.type.has_value() || (a.type && !same(*a.type, *b.type))) return false;
  if (a.args.size() != b.args.size()) return false;
  for (std::size_t i = 0; i < a.args.size(); ++i)
    if (!same(a.args[i], b.args[i])) return false;
  return true;
}
bool same(const Boxed<ast::Expr>& a, const Boxed<ast::Expr>& b) {
  return a.has_value() == b.has_value() && (!a || same(*a, *b));
}
bool same(const model::Table& a, const model::Table& b) {
  if (a.name != b.name || a.columns.size() != b.columns.size() ||
      a.constraints.size() != b.constraints.size() || a.indexes.size() != b.indexes.size())
    return false;
  for (std::size_t i = 0; i < a.columns.size(); ++i) {
    const model::Column &x = a.columns[i], &y = b.columns[i];
    if (x.name != y.name || !same(x.type, y.type) || x.not_null != y.not_null ||
        !same(x.default_value, y.default_value) || x.identity != y.identity)
      return false;
  }
  for (std::size_t i = 0; i < a.constraints.size(); ++i) {
    const model::Constraint &x = a.constraints[i], &y = b.constraints[i];
    if (x.name != y.name || x.kind != y.kind || x.columns != y.columns ||
        x.ref_table != y.ref_table || x.ref_columns != y.ref_columns ||
        x.on_delete != y.on_delete || x.on_update != y.on_update || !same(x.check, y.check))
      return false;
  }
  for (std::size_t i = 0; i < a.indexes.size(); ++i) {
    const model::Index &x = a.indexes[i], &y = b.indexes[i];
    if (x.name != y.name || x.table != y.table || x.unique != y.unique || x.columns != y.columns ||
        !same(x.where, y.where) || x.elements.size() != y.elements.size())
      return false;
    for (std::size_t k = 0; k < x.elements.size(); ++k)
      if (!same(x.elements[k], y.elements[k])) return false;
  }
  return true;
}
bool same(const model::Schema& a, const model::Schema& b) {
  if (a.tables.size() != b.tables.size() || a.enums.size() != b.enums.size()) return false;
  for (const auto& [name, t] : a.tables) {
    auto it = b.tables.find(name);
    if (it == b.tables.end() || !same(t, it->second)) return false;
  }
  for (const auto& [name, e] : a.enums) {
    auto it = b.enums.find(name);
    if (it == b.enums.end() || it->second.name != e.name || it->second.values != e.values)
      return false;
  }
  return a.index_owner == b.index_owner && a.key_owner == b.key_owner;
}

ast::Expr ex(ast::ExprKind kind, std::string text = {}, std::vector<ast::Expr> args = {}) {
  ast::Expr e;
  e.kind = kind;
  e.text = std::move(text);
  e.args = std::move(args);
  return e;
}

ast::TypeRef ty(ast::TypeKind kind, std::optional<std::int64_t> length = {},
                std::optional<std::int64_t> scale = {}, std::string name = {}) {
  ast::TypeRef t;
  t.kind = kind;
  t.length = length;
  t.scale = scale;
  t.name = std::move(name);
  return t;
}

model::Column col(std::string name, ast::TypeRef type, bool not_null = false,
                  std::optional<ast::Expr> value = std::nullopt, bool identity = false) {
  return model::Column{std::move(name),  std::move(type), not_null,
                       std::move(value), identity,        std::nullopt};
}

model::Constraint key(std::string name, ast::ConstraintKind kind, std::vector<std::string> cols) {
  model::Constraint k;
  k.name = std::move(name);
  k.kind = kind;
  k.columns = std::move(cols);
  return k;
}

model::Index make_index(std::string name, bool unique, std::vector<ast::Expr> elements,
                        std::vector<std::string> cols) {
  model::Index i;
  i.name = std::move(name);
  i.table = "users";
  i.unique = unique;
  i.elements = std::move(elements);
  i.columns = std::move(cols);
  return i;
}

// Every kind of object and expression the model holds, built through
// model::apply (so the name maps are apply's own).
model::Schema every_kind() {
  using K = ast::ExprKind;
  model::Schema s;
  model::apply(s, model::Edit{model::CreateEnum{model::Enum{"mood", {"sad", "ok", "happy"}}}});
  model::apply(s, model::Edit{model::CreateEnum{model::Enum{"empty", {}}}});

  model::Table users;
  users.name = "users";
  const ast::TypeKind kinds[] = {ast::TypeKind::SmallInt,  ast::TypeKind::Int,
                                 ast::TypeKind::BigInt,    ast::TypeKind::Real,
                                 ast::TypeKind::Double,    ast::TypeKind::Bool,
                                 ast::TypeKind::Text,      ast::TypeKind::Bytes,
                                 ast::TypeKind::Date,      ast::TypeKind::Time,
                                 ast::TypeKind::Timestamp, ast::TypeKind::Timestamptz,
                                 ast::TypeKind::Interval,  ast::TypeKind::Uuid,
                                 ast::TypeKind::Json,      ast::TypeKind::Jsonb};
  int n = 0;
  for (ast::TypeKind k : kinds) users.columns.push_back(col("c" + std::to_string(n++), ty(k)));
  users.columns.push_back(col("id", ty(ast::TypeKind::BigInt), true, std::nullopt, true));
  users.columns.push_back(col("name", ty(ast::TypeKind::Varchar, 80), true,
                              ex(K::String, "it's \"x\"")));
  users.columns.push_back(col("code", ty(ast::TypeKind::Char, 3)));
  users.columns.push_back(col("price", ty(ast::TypeKind::Decimal, 12, 2), false,
                              ex(K::Number, "-3.14")));
  users.columns.push_back(col("ratio", ty(ast::TypeKind::Numeric, 5), false, ex(K::Null)));
  users.columns.push_back(col("feeling", ty(ast::TypeKind::Enum, {}, {}, "mood"), true,
                              ex(K::String, "ok")));
  users.columns.push_back(col("spot", ty(ast::TypeKind::Native, {}, {}, "point[]"), false,
                              ex(K::RawSql, "'(0,0)'::point\n-- a comment, é\t$$")));
  users.columns.push_back(col("active", ty(ast::TypeKind::Bool), true, ex(K::Bool, "true")));
  users.columns.push_back(col("seen", ty(ast::TypeKind::Timestamptz), false, ex(K::Call, "now")));
  ast::Expr cast = ex(K::Cast, "", {ex(K::String, "{}")});
  cast.type = ty(ast::TypeKind::Jsonb);
  users.columns.push_back(col("meta", ty(ast::TypeKind::Jsonb), false, cast));
  users.constraints.push_back(key("users_pkey", ast::ConstraintKind::PrimaryKey, {"id"}));
  users.constraints.push_back(key("uq_users_name_code", ast::ConstraintKind::Unique,
                                  {"name", "code"}));
  ast::Expr is_not_null = ex(K::IsNull, "", {ex(K::Column, "name")});
  is_not_null.negated = true;
  ast::Expr not_like = ex(K::Like, "", {ex(K::Column, "name"), ex(K::String, "x%")});
  not_like.negated = true;
  ast::Expr in = ex(K::In, "", {ex(K::Column, "code"), ex(K::String, "a"), ex(K::String, "b")});
  ast::Expr between = ex(K::Between, "",
                         {ex(K::Column, "price"), ex(K::Number, "0"),
                          ex(K::Binary, "*", {ex(K::Number, "2"), ex(K::Number, "5")})});
  between.negated = true;
  ast::Expr case_e = ex(K::Case, "",
                        {ex(K::Binary, ">", {ex(K::Column, "price"), ex(K::Number, "1")}),
                         ex(K::Bool, "true"), ex(K::Bool, "false")});
  case_e.has_else = true;
  ast::Expr check = ex(
      K::Binary, "and",
      {ex(K::Binary, "or", {is_not_null, not_like}),
       ex(K::Unary, "not", {ex(K::Paren, "", {ex(K::Binary, "and", {in, between})})}), case_e});
  model::Constraint ck = key("ck_users_name", ast::ConstraintKind::Check,
                             {"name", "code", "price"});
  ck.check = check;
  users.constraints.push_back(ck);
  model::apply(s, model::Edit{model::AddTable{users}});

  model::Table orders;
  orders.name = "Order Items";  // a quoted name, kept exactly
  orders.columns.push_back(col("id", ty(ast::TypeKind::Int), true));
  orders.columns.push_back(col("user_id", ty(ast::TypeKind::BigInt)));
  orders.constraints.push_back(key("pk_order_items", ast::ConstraintKind::PrimaryKey, {"id"}));
  model::Constraint fk = key("fk_order_items_user_id_users", ast::ConstraintKind::ForeignKey,
                             {"user_id"});
  fk.ref_table = "users";
  fk.ref_columns = {"id"};
  fk.on_delete = ast::RefAction::Cascade;
  fk.on_update = ast::RefAction::SetNull;
  orders.constraints.push_back(fk);
  model::Constraint fk2 = fk;
  fk2.name = "fk2";
  fk2.on_delete = ast::RefAction::Restrict;
  fk2.on_update = ast::RefAction::SetDefault;
  orders.constraints.push_back(fk2);
  model::apply(s, model::Edit{model::AddTable{orders}});

  model::Index plain = make_index("ix_users_name", false, {ex(K::Column, "name")}, {"name"});
  model::apply(s, model::Edit{model::CreateIndex{plain}});
  model::Index expr = make_index(
      "ux_users_lower_name", true,
      {ex(K::Call, "lower", {ex(K::Column, "name")}), ex(K::Column, "code")}, {"name", "code"});
  expr.where = is_not_null;
  model::apply(s, model::Edit{model::CreateIndex{expr}});
  return s;
}

}  // namespace

TEST_CASE("a schema with every kind of object reads back exactly") {
  model::Schema s = every_kind();
  REQUIRE(s.index_owner.size() == 2);
  REQUIRE(s.key_owner.size() == 3);
  std::string text = model::print_schema(s);
  std::string error;
  std::optional<model::Schema> back = model::parse_schema(text, error);
  INFO(error);
  REQUIRE(back);
  CHECK(same(*back, s));
  CHECK(model::print_schema(*back) == text);
}

TEST_CASE("the equality of the round trip sees a changed leaf") {
  model::Schema s = every_kind();
  std::string error;
  model::Schema changed = *model::parse_schema(model::print_schema(s), error);
  REQUIRE(same(changed, s));
  // A leaf deep in a check expression.
  model::Constraint& ck = changed.tables.at("users").constraints[2];
  ck.check->args[1].args[0].args[0].args[1].negated = false;
  CHECK_FALSE(same(changed, s));
  CHECK(model::print_schema(changed) != model::print_schema(s));
}

TEST_CASE("the printed schema is sorted, indented and leaves defaults out") {
  model::Schema s;
  model::Table b, a;
  b.name = "b";
  b.columns.push_back(col("x", ty(ast::TypeKind::Varchar, 10), true));
  a.name = "a";
  a.columns.push_back(col("y", ty(ast::TypeKind::Int)));
  model::apply(s, model::Edit{model::AddTable{b}});
  model::apply(s, model::Edit{model::AddTable{a}});
  CHECK(model::print_schema(s) == R"({
  "enums": [],
  "tables": [
    {
      "columns": [
        {
          "name": "y",
          "type": {
            "kind": "int"
          }
        }
      ],
      "constraints": [],
      "indexes": [],
      "name": "a"
    },
    {
      "columns": [
        {
          "name": "x",
          "not_null": true,
          "type": {
            "kind": "varchar",
            "length": 10
          }
        }
      ],
      "constraints": [],
      "indexes": [],
      "name": "b"
    }
  ]
}
)");
}

TEST_CASE("text that is not a schema is refused with the reason") {
  std::string error;
  CHECK_FALSE(model::parse_schema("{", error));
  CHECK_FALSE(error.empty());
  CHECK_FALSE(model::parse_schema(R"({"tables": []})", error));
  CHECK(error == "the schema has no 'enums'");
  CHECK_FALSE(model::parse_schema(
      R"({"enums": [], "tables": [{"name": "t", "columns": [{"name": "c", "type": {"kind": "blob"}}], "constraints": [], "indexes": []}]})",
      error));
  CHECK(error == "unknown type kind 'blob'");
  CHECK_FALSE(model::parse_schema(
      R"({"enums": [], "tables": [{"name": "t", "columns": [], "constraints": [], "indexes": []}, {"name": "t", "columns": [], "constraints": [], "indexes": []}]})",
      error));
  CHECK(error == "table 't' is listed twice");
  CHECK_FALSE(model::parse_schema(
      R"({"enums": [], "tables": [{"name": "t", "columns": [{"name": "c", "type": {"kind": "int"}, "not_null": 1}], "constraints": [], "indexes": []}]})",
      error));
  CHECK(error == "a column's 'not_null' is not true or false");
}
