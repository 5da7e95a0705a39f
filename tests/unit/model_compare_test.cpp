// The schema comparison: every kind of difference with its describe() line,
// their order, and real models held against the PostgreSQL catalogs of the
// same projects (model_compare_catalogs.h): equal, and unequal once changed.
#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "compiler/dialect/normalize.h"
#include "compiler/model/compare.h"
#include "compiler/project/project.h"
#include "model_compare_catalogs.h"

using namespace migrac;
using model::Difference;
using model::DiffKind;

namespace {

// A normaliser that spells types and expressions plainly, so that these
// tests are about compare() alone.
model::Normalizer plain() {
  model::Normalizer n;
  n.type = [](const ast::TypeRef& t) {
    std::string out = t.kind == ast::TypeKind::Native
                          ? t.name
                          : "kind" + std::to_string(static_cast<int>(t.kind));
    if (t.length) out += "(" + std::to_string(*t.length) + ")";
    return out;
  };
  n.expr = [](const ast::Expr& e) {
    return e.kind == ast::ExprKind::Null ? std::string("NULL") : e.text;
  };
  return n;
}

ast::TypeRef native(const std::string& name) {
  ast::TypeRef t;
  t.kind = ast::TypeKind::Native;
  t.name = name;
  return t;
}

ast::Expr raw(const std::string& text) {
  ast::Expr e;
  e.kind = ast::ExprKind::RawSql;
  e.text = text;
  return e;
}

model::Column column(const std::string& name, const std::string& type) {
  model::Column c;
  c.name = name;
  c.type = native(type);
  return c;
}

model::Constraint key(const std::string& name, ast::ConstraintKind kind,
                      std::vector<std::string> columns) {
  model::Constraint k;
  k.name = name;
  k.kind = kind;
  k.columns = std::move(columns);
  return k;
}

model::Index index(const std::string& name, const std::string& table,
                   std::vector<std::string> elements) {
  model::Index i;
  i.name = name;
  i.table = table;
  for (const std::string& e : elements) i.elements.push_back(raw(e));
  return i;
}

// users (id, email) with a primary key and an index; orders referencing users; enum mood.
model::Schema base() {
  model::Schema s;
  model::Table users;
  users.name = "users";
  users.columns = {column("id", "bigint"), column("email", "text")};
  users.columns[0].not_null = true;
  users.columns[0].identity = true;
  users.constraints = {key("pk_users", ast::ConstraintKind::PrimaryKey, {"id"})};
  users.indexes = {index("ix_users_email", "users", {"email"})};
  s.tables["users"] = users;
  model::Table orders;
  orders.name = "orders";
  orders.columns = {column("id", "bigint"), column("user_id", "bigint"), column("status", "text")};
  orders.columns[2].default_value = raw("'new'");
  model::Constraint fk = key("fk_orders_user", ast::ConstraintKind::ForeignKey, {"user_id"});
  fk.ref_table = "users";
  fk.ref_columns = {"id"};
  fk.on_delete = ast::RefAction::Cascade;
  model::Constraint ck = key("ck_orders_status", ast::ConstraintKind::Check, {"status"});
  ck.check = raw("status <> ''");
  orders.constraints = {fk, ck};
  s.tables["orders"] = orders;
  s.enums["mood"] = model::Enum{"mood", {"sad", "ok", "happy"}};
  return s;
}

std::vector<std::string> lines(const std::vector<Difference>& diffs) {
  std::vector<std::string> out;
  for (const Difference& d : diffs) out.push_back(model::describe(d));
  return out;
}

std::vector<std::string> compare_lines(const model::Schema& expected, const model::Schema& actual) {
  return lines(model::compare(expected, actual, plain()));
}

}  // namespace

TEST_CASE("equal schemas have no differences", "[model][compare]") {
  CHECK(model::compare(base(), base(), plain()).empty());
  CHECK(model::compare(model::Schema{}, model::Schema{}, plain()).empty());
}

TEST_CASE("missing and unexpected tables", "[model][compare]") {
  model::Schema actual = base();
  actual.tables.erase("orders");
  model::Table extra;
  extra.name = "audit";
  actual.tables["audit"] = extra;
  std::vector<Difference> d = model::compare(base(), actual, plain());
  REQUIRE(d.size() == 2);
  CHECK(d[0] == Difference{DiffKind::Unexpected, "table", "audit", "", "", ""});
  CHECK(d[1] == Difference{DiffKind::Missing, "table", "orders", "", "", ""});
  CHECK(lines(d) ==
        std::vector<std::string>{"the database has table 'audit' that the model does not",
                                 "the database lacks table 'orders'"});
}

TEST_CASE("missing, unexpected and changed columns", "[model][compare]") {
  model::Schema actual = base();
  model::Table& users = actual.tables["users"];
  users.columns[0].type = native("integer");
  users.columns[0].not_null = false;
  users.columns[0].identity = false;
  users.columns.erase(users.columns.begin() + 1);  // email
  users.columns.push_back(column("nick", "text"));
  model::Table& orders = actual.tables["orders"];
  orders.columns[1].default_value = raw("0");  // user_id: none in the model
  orders.columns[2].default_value.reset();     // status: 'new' in the model
  std::vector<Difference> d = model::compare(base(), actual, plain());
  CHECK(lines(d) ==
        std::vector<std::string>{
            "column 'orders.user_id' has default '0' in the database, none in the model",
            "column 'orders.status' has no default in the database, ''new'' in the model",
            "column 'users.id' has type 'integer' in the database, 'bigint' in the model",
            "column 'users.id' is not null in the model, not in the database",
            "column 'users.id' is an identity in the model, not in the database",
            "the database lacks column 'users.email'",
            "the database has column 'users.nick' that the model does not",
        });
  REQUIRE(d.size() == 7);
  CHECK(d[2] == Difference{DiffKind::Changed, "column", "users.id", "type", "bigint", "integer"});
  CHECK(d[3] == Difference{DiffKind::Changed, "column", "users.id", "not null", "true", "false"});
  CHECK(d[5].kind == DiffKind::Missing);
  CHECK(d[6].kind == DiffKind::Unexpected);
}

TEST_CASE("a flag the database has and the model lacks", "[model][compare]") {
  model::Schema actual = base();
  actual.tables["orders"].columns[2].not_null = true;
  actual.tables["orders"].columns[0].identity = true;
  actual.tables["users"].indexes[0].unique = true;
  CHECK(compare_lines(base(), actual) ==
        std::vector<std::string>{
            "column 'orders.id' is an identity in the database, not in the model",
            "column 'orders.status' is not null in the database, not in the model",
            "index 'ix_users_email' is unique in the database, not in the model",
        });
}

TEST_CASE("a NULL default is no default", "[model][compare]") {
  model::Schema expected = base();
  ast::Expr null_expr;
  null_expr.kind = ast::ExprKind::Null;
  expected.tables["users"].columns[1].default_value = null_expr;
  CHECK(model::compare(expected, base(), plain()).empty());
}

TEST_CASE("missing, unexpected and changed constraints", "[model][compare]") {
  model::Schema actual = base();
  model::Table& orders = actual.tables["orders"];
  model::Constraint& fk = orders.constraints[0];
  fk.columns = {"id"};
  fk.ref_table = "accounts";
  fk.ref_columns = {"account_id"};
  fk.on_delete = ast::RefAction::NoAction;
  fk.on_update = ast::RefAction::SetNull;
  orders.constraints[1].check = raw("status <> 'x'");
  orders.constraints.push_back(key("uq_orders_id", ast::ConstraintKind::Unique, {"id"}));
  actual.tables["users"].constraints[0].kind = ast::ConstraintKind::Unique;
  model::Schema expected = base();
  expected.tables["users"].constraints.push_back(key("uq_users_email", ast::ConstraintKind::Unique,
                                                     {"email"}));
  CHECK(
      compare_lines(expected, actual) ==
      std::vector<std::string>{
          "constraint 'orders.fk_orders_user' has columns 'id' in the database, 'user_id' in the "
          "model",
          "constraint 'orders.fk_orders_user' has referenced table 'accounts' in the database, "
          "'users' in the model",
          "constraint 'orders.fk_orders_user' has referenced columns 'account_id' in the database, "
          "'id' in the model",
          "constraint 'orders.fk_orders_user' has on delete 'no action' in the database, 'cascade' "
          "in the model",
          "constraint 'orders.fk_orders_user' has on update 'set null' in the database, 'no "
          "action' in the model",
          "constraint 'orders.ck_orders_status' has check 'status <> 'x'' in the database, "
          "'status <> ''' in the model",
          "the database has constraint 'orders.uq_orders_id' that the model does not",
          "constraint 'users.pk_users' has kind 'unique' in the database, 'primary key' in the "
          "model",
          "the database lacks constraint 'users.uq_users_email'",
      });
}

TEST_CASE("the columns of a key keep their order", "[model][compare]") {
  model::Schema expected = base();
  expected.tables["users"].constraints[0].columns = {"id", "email"};
  model::Schema actual = base();
  actual.tables["users"].constraints[0].columns = {"email", "id"};
  CHECK(compare_lines(expected, actual) ==
        std::vector<std::string>{
            "constraint 'users.pk_users' has columns 'email, id' in the database, 'id, email' in "
            "the model"});
}

TEST_CASE("missing, unexpected and changed indexes", "[model][compare]") {
  model::Schema expected = base();
  model::Index partial = index("ix_orders_status", "orders", {"status"});
  partial.where = raw("status <> 'done'");
  expected.tables["orders"].indexes = {partial, index("ix_orders_user", "orders", {"user_id"})};
  model::Schema actual = base();
  model::Index changed = index("ix_orders_status", "orders", {"lower(status)", "id"});
  changed.unique = true;
  actual.tables["orders"].indexes = {changed, index("ix_orders_id", "orders", {"id"})};
  actual.tables["users"].indexes[0].where = raw("email IS NOT NULL");
  CHECK(compare_lines(expected, actual) ==
        std::vector<std::string>{
            "index 'ix_orders_status' is unique in the database, not in the model",
            "index 'ix_orders_status' has elements 'lower(status), id' in the database, 'status' "
            "in the model",
            "index 'ix_orders_status' has no predicate in the database, 'status <> 'done'' in the "
            "model",
            "the database lacks index 'ix_orders_user'",
            "the database has index 'ix_orders_id' that the model does not",
            "index 'ix_users_email' has predicate 'email IS NOT NULL' in the database, none in the "
            "model",
        });
}

TEST_CASE("an index on another table", "[model][compare]") {
  model::Schema actual = base();
  model::Index moved = actual.tables["users"].indexes[0];
  moved.table = "orders";
  actual.tables["users"].indexes.clear();
  actual.tables["orders"].indexes.push_back(moved);
  std::vector<Difference> d = model::compare(base(), actual, plain());
  REQUIRE(d.size() == 1);
  CHECK(d[0] ==
        Difference{DiffKind::Changed, "index", "ix_users_email", "table", "users", "orders"});
  CHECK(model::describe(d[0]) ==
        "index 'ix_users_email' has table 'orders' in the database, 'users' in the model");
}

TEST_CASE("the index of a key is the key's", "[model][compare]") {
  model::Schema actual = base();
  actual.tables["users"].indexes.push_back(index("pk_users", "users", {"id"}));
  CHECK(model::compare(base(), actual, plain()).empty());
  actual.tables["users"].indexes.push_back(index("ix_other", "users", {"id"}));
  CHECK(compare_lines(base(), actual) ==
        std::vector<std::string>{"the database has index 'ix_other' that the model does not"});
}

TEST_CASE("missing, unexpected and reordered enums and values", "[model][compare]") {
  model::Schema expected = base();
  expected.enums["status"] = model::Enum{"status", {"new", "paid"}};
  expected.enums["level"] = model::Enum{"level", {"low", "high"}};
  model::Schema actual = base();
  actual.enums["mood"].values = {"ok", "sad", "happy", "angry"};
  actual.enums["status"] = model::Enum{"status", {"new"}};
  actual.enums["color"] = model::Enum{"color", {"red"}};
  std::vector<Difference> d = model::compare(expected, actual, plain());
  CHECK(lines(d) == std::vector<std::string>{
                        "the database has enum 'color' that the model does not",
                        "the database lacks enum 'level'",
                        "the database has enum value 'mood.angry' that the model does not",
                        "enum 'mood' has value order 'ok, sad, happy, angry' in the database, "
                        "'sad, ok, happy' in the model",
                        "the database lacks enum value 'status.paid'",
                    });
  REQUIRE(d.size() == 5);
  CHECK(d[2] == Difference{DiffKind::Unexpected, "enum value", "mood.angry", "", "", ""});
  CHECK(d[3].property == "value order");
}

TEST_CASE("a value added at its place is no reordering", "[model][compare]") {
  model::Schema actual = base();
  actual.enums["mood"].values = {"sad", "meh", "ok", "happy"};
  CHECK(compare_lines(base(), actual) ==
        std::vector<std::string>{"the database has enum value 'mood.meh' that the model does not"});
}

TEST_CASE("enums are left out where the dialect has none", "[model][compare]") {
  model::Schema actual = base();
  actual.enums.clear();
  model::Normalizer n = plain();
  n.compare_enums = false;
  CHECK(model::compare(base(), actual, n).empty());
  CHECK(compare_lines(base(), actual) ==
        std::vector<std::string>{"the database lacks enum 'mood'"});
}

TEST_CASE("enum columns by their values where the dialect has no enum types", "[model][compare]") {
  model::Schema expected = base();
  ast::TypeRef mood;
  mood.kind = ast::TypeKind::Enum;
  mood.name = "mood";
  expected.tables["users"].columns[1].type = mood;
  model::Schema actual = base();
  actual.enums.clear();
  actual.tables["users"].columns[1].type = native("enum(sad,ok,happy)");
  model::Normalizer n = plain();
  n.compare_enums = false;
  n.enum_type = [](const model::Enum& e) {
    std::string out = "enum(";
    for (std::size_t i = 0; i < e.values.size(); ++i) out += (i > 0 ? "," : "") + e.values[i];
    return out + ")";
  };
  CHECK(model::compare(expected, actual, n).empty());
  actual.tables["users"].columns[1].type = native("enum(sad,ok)");
  CHECK(lines(model::compare(expected, actual, n)) ==
        std::vector<std::string>{"column 'users.email' has type 'enum(sad,ok)' in the database, "
                                 "'enum(sad,ok,happy)' in the model"});
}

TEST_CASE("differences come in order: tables by name, then enums", "[model][compare]") {
  model::Schema expected = base();
  model::Schema actual = base();
  model::Table& orders = actual.tables["orders"];
  orders.indexes.push_back(index("ix_a", "orders", {"id"}));                       // index
  orders.constraints.push_back(key("uq_a", ast::ConstraintKind::Unique, {"id"}));  // constraint
  orders.columns.push_back(column("a_extra", "text"));  // unexpected column
  orders.columns[2].type = native("varchar");           // status: third column
  orders.columns[0].type = native("integer");           // id: first column
  actual.tables["users"].columns[1].type = native("citext");
  model::Table zeta;
  zeta.name = "zeta";
  actual.tables["zeta"] = zeta;
  model::Table alpha;
  alpha.name = "alpha";
  actual.tables["alpha"] = alpha;
  actual.enums["mood"].values.push_back("angry");
  std::vector<Difference> d = model::compare(expected, actual, plain());
  std::vector<std::string> objects;
  for (const Difference& x : d) objects.push_back(x.object_kind + " " + x.object);
  CHECK(objects == std::vector<std::string>{
                       "table alpha",
                       "column orders.id",
                       "column orders.status",
                       "column orders.a_extra",
                       "constraint orders.uq_a",
                       "index ix_a",
                       "column users.email",
                       "table zeta",
                       "enum value mood.angry",
                   });
  // The same differences whatever the order the actual side was built in.
  std::reverse(orders.columns.begin(), orders.columns.end());
  std::vector<Difference> again = model::compare(expected, actual, plain());
  REQUIRE(again.size() == d.size());
  CHECK(again[3].object == "orders.a_extra");
}

// --- real models against the catalogs PostgreSQL wrote for them

namespace {

ast::RefAction action(const std::string& code) {
  if (code == "c") return ast::RefAction::Cascade;
  if (code == "n") return ast::RefAction::SetNull;
  if (code == "d") return ast::RefAction::SetDefault;
  if (code == "r") return ast::RefAction::Restrict;
  return ast::RefAction::NoAction;
}

std::vector<std::string> strings(const nlohmann::json& j) {
  std::vector<std::string> out;
  if (j.is_array()) {
    for (const auto& s : j) out.push_back(s.get<std::string>());
  }
  return out;
}

// The catalog rows as the model, as a catalog reader gives it: types as
// format_type's text, expressions as pg_get_expr's.
model::Schema from_catalog(const char* text) {
  nlohmann::json j = nlohmann::json::parse(text);
  model::Schema s;
  for (const auto& c : j["columns"]) {
    model::Table& t = s.tables[c["table"].get<std::string>()];
    t.name = c["table"].get<std::string>();
    model::Column col = column(c["column"].get<std::string>(), c["type"].get<std::string>());
    col.not_null = c["not_null"].get<bool>();
    col.identity = c.value("identity", "") != "";
    if (c.contains("default")) col.default_value = raw(c["default"].get<std::string>());
    t.columns.push_back(col);
  }
  for (const auto& k : j["constraints"]) {
    std::string type = k["type"].get<std::string>();
    ast::ConstraintKind kind = type == "p"   ? ast::ConstraintKind::PrimaryKey
                               : type == "u" ? ast::ConstraintKind::Unique
                               : type == "f" ? ast::ConstraintKind::ForeignKey
                                             : ast::ConstraintKind::Check;
    model::Constraint m = key(k["name"].get<std::string>(), kind, strings(k["columns"]));
    if (k.contains("ref_table")) m.ref_table = k["ref_table"].get<std::string>();
    m.ref_columns = strings(k.value("ref_columns", nlohmann::json()));
    if (k.contains("on_delete")) m.on_delete = action(k["on_delete"].get<std::string>());
    if (k.contains("on_update")) m.on_update = action(k["on_update"].get<std::string>());
    if (k.contains("expr")) m.check = raw(k["expr"].get<std::string>());
    s.tables[k["table"].get<std::string>()].constraints.push_back(m);
  }
  for (const auto& i : j["indexes"]) {
    std::string table = i["table"].get<std::string>();
    model::Index x = index(i["name"].get<std::string>(), table, strings(i["elements"]));
    x.unique = i["unique"].get<bool>();
    if (i.contains("pred")) x.where = raw(i["pred"].get<std::string>());
    s.tables[table].indexes.push_back(x);
  }
  for (const auto& e : j["enums"]) {
    std::string name = e["name"].get<std::string>();
    s.enums[name] = model::Enum{name, strings(e["values"])};
  }
  return s;
}

model::Schema model_at_head(const std::string& dir) {
  ProjectOptions options;
  options.dir = std::string(MIGRAC_SOURCE_DIR) + "/" + dir;
  options.threads = 1;
  Project p = compile_project(options);
  INFO(dir);
  REQUIRE_FALSE(p.diags.has_errors());
  return p.history.final_schema;
}

}  // namespace

TEST_CASE("models equal PostgreSQL's catalogs of the same projects", "[model][compare]") {
  model::Normalizer pg = normalizer(Dialect::Postgres);
  for (const test::DumpedCatalog& c : test::kDumpedCatalogs) {
    INFO(c.dir);
    model::Schema expected = model_at_head(c.dir);
    model::Schema actual = from_catalog(c.json);
    CHECK(lines(model::compare(expected, actual, pg)).empty());
    CHECK_FALSE(actual.tables.empty());
  }
}

TEST_CASE("a changed catalog differs from the model", "[model][compare]") {
  model::Normalizer pg = normalizer(Dialect::Postgres);
  model::Schema expected = model_at_head("tests/golden/cases/create_table_all_types");
  model::Schema actual = from_catalog(test::kDumpedCatalogs[1].json);
  model::Table& t = actual.tables.at("all_types");
  t.column("a_var")->type = native("character varying(41)");
  t.column("a_tstz")->default_value = raw("CURRENT_TIMESTAMP");
  t.column("a_small")->default_value = raw("'-1'::integer");
  for (model::Constraint& k : t.constraints) {
    if (k.name == "ck_all_types_range")
      k.check = raw("((a_small >= '-10'::integer) AND (a_small < 10))");
  }
  CHECK(lines(model::compare(expected, actual, pg)) ==
        std::vector<std::string>{
            "column 'all_types.a_small' has default '-1' in the database, '0' in the model",
            "column 'all_types.a_var' has type 'varchar(41)' in the database, 'varchar(40)' in "
            "the model",
            "column 'all_types.a_tstz' has default 'CURRENT_TIMESTAMP' in the database, 'now()' "
            "in the model",
            "constraint 'all_types.ck_all_types_range' has check 'a_small >= -10 AND a_small < 10' "
            "in the database, 'a_small >= -10 AND a_small <= 10 OR a_small IS NULL' in the model",
        });
}

TEST_CASE("models' columns equal SQLite's of the same projects", "[model][compare]") {
  model::Normalizer lite = normalizer(Dialect::Sqlite);
  for (const test::DumpedCatalog& c : test::kDumpedSqliteColumns) {
    INFO(c.dir);
    model::Schema expected = model_at_head(c.dir);
    // What pragma table_info does not give: constraints, indexes, identity.
    expected.tables.edit_each([](model::Table& table) {
      table.constraints.clear();
      table.indexes.clear();
      for (model::Column& col : table.columns) col.identity = false;
    });
    model::Schema actual = from_catalog(c.json);
    CHECK(lines(model::compare(expected, actual, lite)).empty());
    CHECK_FALSE(actual.tables.empty());
    // The same columns are not PostgreSQL's.
    CHECK_FALSE(model::compare(expected, actual, normalizer(Dialect::Postgres)).empty());
  }
}
