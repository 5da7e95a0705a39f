// PostgreSQL's introspection (compiler/dialect/postgres/catalog*.cpp): the
// text of catalog fields as the model's values, and catalog rows as a schema
// (the queries answered by a fake that knows each one's text).
#include <catch2/catch.hpp>

#include <map>

#include "compiler/dialect/catalog.h"
#include "compiler/dialect/postgres/catalog_rows.h"

using namespace migrac;
using postgres::parse_text_array;
using postgres::type_from_catalog;

namespace {

std::string describe(const ast::TypeRef& t) {
  std::string out = std::to_string(static_cast<int>(t.kind));
  if (t.length) out += "(" + std::to_string(*t.length);
  if (t.scale) out += "," + std::to_string(*t.scale);
  if (t.length) out += ")";
  if (!t.name.empty()) out += " " + t.name;
  return out;
}

std::string kind_of(std::string_view format_type) {
  return describe(type_from_catalog(format_type, ""));
}

std::string expect(ast::TypeKind kind, std::optional<std::int64_t> length = std::nullopt,
                   std::optional<std::int64_t> scale = std::nullopt, std::string name = {}) {
  ast::TypeRef t;
  t.kind = kind;
  t.length = length;
  t.scale = scale;
  t.name = std::move(name);
  return describe(t);
}

using K = ast::TypeKind;

}  // namespace

TEST_CASE("format_type text as the model's types", "[catalog]") {
  CHECK(kind_of("smallint") == expect(K::SmallInt));
  CHECK(kind_of("integer") == expect(K::Int));
  CHECK(kind_of("bigint") == expect(K::BigInt));
  CHECK(kind_of("real") == expect(K::Real));
  CHECK(kind_of("double precision") == expect(K::Double));
  CHECK(kind_of("boolean") == expect(K::Bool));
  CHECK(kind_of("text") == expect(K::Text));
  CHECK(kind_of("bytea") == expect(K::Bytes));
  CHECK(kind_of("date") == expect(K::Date));
  CHECK(kind_of("time without time zone") == expect(K::Time));
  CHECK(kind_of("timestamp without time zone") == expect(K::Timestamp));
  CHECK(kind_of("timestamp with time zone") == expect(K::Timestamptz));
  CHECK(kind_of("interval") == expect(K::Interval));
  CHECK(kind_of("uuid") == expect(K::Uuid));
  CHECK(kind_of("json") == expect(K::Json));
  CHECK(kind_of("jsonb") == expect(K::Jsonb));
}

TEST_CASE("type modifiers: length, precision and scale", "[catalog]") {
  CHECK(kind_of("numeric") == expect(K::Numeric));
  CHECK(kind_of("numeric(10,2)") == expect(K::Numeric, 10, 2));
  // numeric(8,0) is numeric(8): no scale, as the raw reader reads numeric(8)
  CHECK(kind_of("numeric(8,0)") == expect(K::Numeric, 8));
  CHECK(kind_of("character varying") == expect(K::Varchar));
  CHECK(kind_of("character varying(255)") == expect(K::Varchar, 255));
  CHECK(kind_of("character(1)") == expect(K::Char, 1));
  // a length where the type takes none, or two where it takes one: as written
  CHECK(kind_of("character varying(3,4)") ==
        expect(K::Native, std::nullopt, std::nullopt, "character varying(3,4)"));
}

TEST_CASE("what the model cannot hold stays native text", "[catalog]") {
  for (std::string_view text :
       {"timestamp(3) with time zone", "timestamp(0) without time zone", "interval day", "bpchar",
        "\"char\"", "public.citext", "bit(8)", "numeric(x)", ""}) {
    INFO(text);
    CHECK(kind_of(text) == expect(K::Native, std::nullopt, std::nullopt, std::string(text)));
  }
}

TEST_CASE("the PostgreSQL-only types the language names are read as those types", "[catalog]") {
  for (std::string_view text :
       {"inet", "cidr", "macaddr", "citext", "money", "tsvector", "tsquery", "xml", "point"}) {
    INFO(text);
    CHECK(kind_of(text) == expect(K::Postgres, std::nullopt, std::nullopt, std::string(text)));
  }
  CHECK(kind_of("time with time zone") ==
        expect(K::Postgres, std::nullopt, std::nullopt, "timetz"));
  ast::TypeRef addresses = type_from_catalog("inet[]", "");
  CHECK(addresses.array);
  CHECK(describe(addresses) == expect(K::Postgres, std::nullopt, std::nullopt, "inet"));
}

TEST_CASE("a column of the schema's enum is an enum type", "[catalog]") {
  CHECK(describe(type_from_catalog("mood", "mood")) ==
        expect(K::Enum, std::nullopt, std::nullopt, "mood"));
  CHECK(describe(type_from_catalog("\"Mood\"", "Mood")) ==
        expect(K::Enum, std::nullopt, std::nullopt, "Mood"));
  // an array of it has no enum name from the catalog: an array of a native type
  ast::TypeRef moods = type_from_catalog("mood[]", "");
  CHECK(moods.array);
  CHECK(describe(moods) == expect(K::Native, std::nullopt, std::nullopt, "mood"));
}

TEST_CASE("an array is its element type, marked as an array", "[catalog]") {
  ast::TypeRef ints = type_from_catalog("integer[]", "");
  CHECK(ints.array);
  CHECK(describe(ints) == expect(K::Int));
  ast::TypeRef names = type_from_catalog("character varying(4)[]", "");
  CHECK(names.array);
  CHECK(describe(names) == expect(K::Varchar, 4));
  ast::TypeRef prices = type_from_catalog("numeric(10,2)[]", "");
  CHECK(prices.array);
  CHECK(describe(prices) == expect(K::Numeric, 10, 2));
  CHECK_FALSE(type_from_catalog("integer", "").array);
}

TEST_CASE("arrays as PostgreSQL prints them", "[catalog]") {
  using V = std::vector<std::optional<std::string>>;
  CHECK(parse_text_array("{}") == V{});
  CHECK(parse_text_array("{a}") == V{"a"});
  CHECK(parse_text_array("{region,code}") == V{"region", "code"});
  CHECK(parse_text_array("{NULL,b}") == V{std::nullopt, "b"});
  const std::string quoted = "{\"NULL\",\"a b\",\"x,y\",\"q\\\"t\",\"b\\\\s\"}";
  CHECK(parse_text_array(quoted) == V{"NULL", "a b", "x,y", "q\"t", "b\\s"});
  const std::string expr = "{\"lower(email::text)\",NULL}";
  CHECK(parse_text_array(expr) == V{"lower(email::text)", std::nullopt});
  CHECK(parse_text_array("{0,3}") == V{"0", "3"});
  // not an array, or cut short: what could be read
  CHECK(parse_text_array("") == V{});
  CHECK(parse_text_array("abc") == V{});
  const std::string cut = "{a,\"b";
  CHECK(parse_text_array(cut) == V{"a"});
}

TEST_CASE("foreign key actions and index element notes", "[catalog]") {
  CHECK(postgres::ref_action_of("a") == ast::RefAction::NoAction);
  CHECK(postgres::ref_action_of("r") == ast::RefAction::Restrict);
  CHECK(postgres::ref_action_of("c") == ast::RefAction::Cascade);
  CHECK(postgres::ref_action_of("n") == ast::RefAction::SetNull);
  CHECK(postgres::ref_action_of("d") == ast::RefAction::SetDefault);
  CHECK(postgres::index_element_note(0, "") == "");
  CHECK(postgres::index_element_note(3, "") == "desc");  // DESC is NULLS FIRST by default
  CHECK(postgres::index_element_note(1, "") == "desc, nulls last");
  CHECK(postgres::index_element_note(2, "") == "nulls first");
  CHECK(postgres::index_element_note(0, "text_pattern_ops") == "operator class text_pattern_ops");
}

TEST_CASE("string literals for the catalog queries", "[catalog]") {
  CHECK(postgres::sql_string("public") == "E'public'");
  CHECK(postgres::sql_string("it's a \\ b") == "E'it''s a \\\\ b'");
}

namespace {

std::optional<std::string> n() { return std::nullopt; }

// A catalog that answers each query of read_catalog by its exact text.
struct FakeCatalog {
  postgres::CatalogScope scope{"2200", "99"};
  std::vector<CatalogRow> tables, columns, constraints, indexes, enums, unmodeled;
  std::vector<std::string> asked;

  std::vector<CatalogRow> operator()(std::string_view sql) {
    asked.emplace_back(sql);
    if (sql == postgres::scope_query("", "", "migrac_history")) return {{"2200", "public", "99"}};
    if (sql == postgres::tables_query(scope)) return tables;
    if (sql == postgres::columns_query(scope)) return columns;
    if (sql == postgres::constraints_query(scope)) return constraints;
    if (sql == postgres::indexes_query(scope)) return indexes;
    if (sql == postgres::enums_query(scope)) return enums;
    if (sql == postgres::unmodeled_query(scope)) return unmodeled;
    throw CatalogError("unexpected query");
  }
};

LiveSchema read(FakeCatalog& fake) {
  CatalogQuery query = [&fake](std::string_view sql) { return fake(sql); };
  return postgres::read_catalog(query, CatalogOptions{});
}

}  // namespace

TEST_CASE("catalog rows as the schema model", "[catalog]") {
  FakeCatalog fake;
  fake.tables = {{"10", "users"}, {"11", "orders"}};
  // table oid, name, format_type, enum, not null, identity, generated, default, serial, collation
  fake.columns = {
      {"10", "id", "integer", n(), "t", "", "", "nextval('users_id_seq'::regclass)", "t", n()},
      {"10", "email", "character varying(255)", n(), "t", "", "", n(), "f", n()},
      {"10", "name", "text", n(), "f", "", "", "'x'::text", "f", "C"},
      {"11", "id", "bigint", n(), "t", "a", "", n(), "f", n()},
      {"11", "user_id", "integer", n(), "f", "", "", n(), "f", n()},
      {"11", "state", "mood", "mood", "f", "", "", "'ok'::mood", "f", n()},
      {"11", "total", "numeric(10,2)", n(), "f", "", "s", "price * 2", "f", n()},
  };
  // table oid, name, contype, deferrable, deferred, validated, columns, target, in schema,
  // target schema, target columns, on delete, on update, match, check
  fake.constraints = {
      {"10", "users_pkey", "p", "f", "f", "t", "{id}", n(), n(), n(), "{}", " ", " ", " ", n()},
      {"10", "users_email_key", "u", "f", "f", "t", "{email}", n(), n(), n(), "{}", " ", " ", " ",
       n()},
      {"11", "orders_total_check", "c", "f", "f", "f", "{total}", n(), n(), n(), "{}", " ", " ",
       " ", "total > 0::numeric"},
      {"11", "orders_user_fk", "f", "t", "f", "t", "{user_id}", "users", "t", "public", "{id}", "c",
       "a", "s", n()},
      {"11", "orders_far_fk", "f", "f", "f", "t", "{user_id}", "far", "f", "other", "{id}", "a",
       "a", "s", n()},
  };
  // name, table oid, unique, valid, method, keys, nulls not distinct, predicate, names,
  // definitions, options, operator classes, columns read
  fake.indexes = {
      {"ix_users_lower", "10", "t", "t", "btree", "2", "f", "name IS NOT NULL", "{NULL,email,name}",
       "{\"lower(email::text)\",NULL,NULL}", "{0,3}", "{NULL,NULL}", "{email,name}"},
      {"ix_orders_state", "11", "f", "t", "gin", "1", "f", n(), "{state}", "{NULL}", "{0}",
       "{NULL}", "{state}"},
      {"ix_broken", "11", "f", "f", "btree", "1", "f", n(), "{state}", "{NULL}", "{0}", "{NULL}",
       "{state}"},
  };
  fake.enums = {{"mood", "sad"}, {"mood", "ok"}, {"empty", n()}};
  fake.unmodeled = {{"view", "active", n()}, {"table", "users", "unlogged"}};

  LiveSchema live = read(fake);
  const model::Schema& s = live.schema;
  REQUIRE(s.tables.size() == 2);
  REQUIRE(s.enums.size() == 2);
  CHECK(s.enums.at("mood").values == std::vector<std::string>{"sad", "ok"});
  CHECK(s.enums.at("empty").values.empty());

  const model::Table& users = s.tables.at("users");
  REQUIRE(users.columns.size() == 3);
  // serial: an identity without its nextval default
  CHECK(users.columns[0].identity);
  CHECK(users.columns[0].not_null);
  CHECK_FALSE(users.columns[0].default_value);
  CHECK(users.columns[1].type.kind == K::Varchar);
  CHECK(users.columns[1].type.length == 255);
  REQUIRE(users.columns[2].default_value);
  CHECK(users.columns[2].default_value->kind == ast::ExprKind::RawSql);
  CHECK(users.columns[2].default_value->text == "'x'::text");

  const model::Table& orders = s.tables.at("orders");
  REQUIRE(orders.columns.size() == 4);
  CHECK(orders.columns[0].identity);
  CHECK(orders.columns[2].type.kind == K::Enum);
  CHECK(orders.columns[2].type.name == "mood");
  // a stored generated column holds its expression, not as a default
  CHECK(orders.columns[3].name == "total");
  CHECK_FALSE(orders.columns[3].default_value);
  REQUIRE(orders.columns[3].generated);
  CHECK(orders.columns[3].generated->text == "price * 2");

  REQUIRE(orders.constraints.size() == 2);  // the far foreign key is left out, and listed
  const model::Constraint& check = orders.constraints[0];
  CHECK(check.kind == ast::ConstraintKind::Check);
  CHECK(check.columns == std::vector<std::string>{"total"});
  REQUIRE(check.check);
  CHECK(check.check->text == "total > 0::numeric");
  const model::Constraint& fk = orders.constraints[1];
  CHECK(fk.kind == ast::ConstraintKind::ForeignKey);
  CHECK(fk.ref_table == "users");
  CHECK(fk.ref_columns == std::vector<std::string>{"id"});
  CHECK(fk.on_delete == ast::RefAction::Cascade);
  CHECK(fk.on_update == ast::RefAction::NoAction);

  REQUIRE(users.indexes.size() == 1);
  const model::Index& ix = users.indexes[0];
  CHECK(ix.unique);
  REQUIRE(ix.elements.size() == 2);  // the third name is an INCLUDE column
  CHECK(ix.elements[0].kind == ast::ExprKind::RawSql);
  CHECK(ix.elements[0].text == "lower(email::text)");
  CHECK(ix.elements[1].kind == ast::ExprKind::Column);
  CHECK(ix.elements[1].text == "email");
  CHECK(ix.columns == std::vector<std::string>{"email", "name"});
  REQUIRE(ix.where);
  CHECK(ix.where->text == "name IS NOT NULL");
  REQUIRE(orders.indexes.size() == 1);  // the invalid one is listed, not modeled

  // the name maps, as model::apply fills them
  CHECK(s.key_owner ==
        std::map<std::string, std::string>{{"users_email_key", "users"}, {"users_pkey", "users"}});
  CHECK(s.index_owner == std::map<std::string, std::string>{{"ix_orders_state", "orders"},
                                                            {"ix_users_lower", "users"}});

  std::vector<std::string> listed;
  for (const UnmodeledObject& o : live.unmodeled)
    listed.push_back(o.kind + " " + o.name + (o.note.empty() ? "" : " (" + o.note + ")"));
  CHECK(listed == std::vector<std::string>{
                      "column orders.id (generated always as identity)",
                      "column users.name (collate C)",
                      "constraint orders.orders_far_fk (foreign key to another schema's table "
                      "other.far)",
                      "constraint orders.orders_total_check (not valid)",
                      "constraint orders.orders_user_fk (deferrable)",
                      "index ix_broken (invalid, left by a failed concurrent build)",
                      "index ix_orders_state (method gin)",
                      "index ix_users_lower (desc on email; include (name))",
                      "table users (unlogged)",
                      "view active",
                  });
}

TEST_CASE("a schema that is not there, and a failing query", "[catalog]") {
  CatalogQuery none = [](std::string_view) { return std::vector<CatalogRow>{}; };
  CatalogOptions options;
  options.schema = "nowhere";
  CHECK_THROWS_WITH(postgres::read_catalog(none, options), "schema 'nowhere' does not exist");
  CHECK_THROWS_WITH(postgres::read_catalog(none, CatalogOptions{}),
                    Catch::Contains("no current schema"));
  CatalogQuery failing = [](std::string_view) -> std::vector<CatalogRow> {
    throw CatalogError("permission denied for table pg_class");
  };
  CHECK_THROWS_WITH(postgres::read_catalog(failing, CatalogOptions{}),
                    "permission denied for table pg_class");
}

TEST_CASE("the queries name the schema and the history table they were given", "[catalog]") {
  std::string q = postgres::scope_query("app's", "ops", "hist");
  CHECK(q.find("n.nspname = E'app''s'") != std::string::npos);
  CHECK(q.find("hn.nspname = E'ops'") != std::string::npos);
  CHECK(q.find("c.relname = E'hist'") != std::string::npos);
  std::string current = postgres::scope_query("", "", "migrac_history");
  CHECK(current.find("n.nspname = current_schema()") != std::string::npos);
  CHECK(current.find("hn.nspname = n.nspname") != std::string::npos);
  postgres::CatalogScope scope{"2200", "4711"};
  for (const std::string& sql : {postgres::tables_query(scope), postgres::columns_query(scope),
                                 postgres::constraints_query(scope), postgres::indexes_query(scope),
                                 postgres::unmodeled_query(scope)}) {
    CHECK(sql.find("relnamespace = 2200 AND c.oid <> 4711") != std::string::npos);
  }
}
