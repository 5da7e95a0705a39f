// SQLite introspection's pure parts (tokens, declared types, defaults, the
// CREATE TABLE / CREATE INDEX text reader), and read_catalog itself over an
// in-memory database built by the SQLite emitter: the schema read back is
// the model the emitter wrote, names and owners included.

#include <fmt/format.h>

#include "compiler/dialect/catalog.h"
#include "compiler/dialect/sqlite/catalog_text.h"
#include "compiler/dialect/sqlite/internal.h"
#include "compiler/project/project.h"
#include "tests/unit/emit_sqlite_test_fixtures.h"

namespace migrac {
namespace {

using namespace migrac::testing;
using TK = ast::TypeKind;
using ast::ExprKind;

// --- tokens

TEST_CASE("sqlite catalog: tokens keep quotes, literals and operators", "[catalog][sqlite]") {
  std::vector<sqlite::Token> t = sqlite::tokenize(
      "\"a \"\"b\"\" c\" `x` [y z] 'it''s' X'00ff' -- comment\n 1.5e3 /* c */ <= || ->> .5 (");
  REQUIRE(t.size() == 11);
  CHECK((t[0].kind == sqlite::TokenKind::Quoted && t[0].text == "a \"b\" c"));
  CHECK((t[1].kind == sqlite::TokenKind::Quoted && t[1].text == "x"));
  CHECK((t[2].kind == sqlite::TokenKind::Quoted && t[2].text == "y z"));
  CHECK((t[3].kind == sqlite::TokenKind::String && t[3].text == "it's"));
  CHECK((t[4].kind == sqlite::TokenKind::Blob && t[4].text == "X'00ff'"));
  CHECK((t[5].kind == sqlite::TokenKind::Number && t[5].text == "1.5e3"));
  CHECK(t[6].is("<="));
  CHECK(t[7].is("||"));
  CHECK(t[8].is("->>"));
  CHECK((t[9].kind == sqlite::TokenKind::Number && t[9].text == ".5"));
  CHECK(t[10].is("("));
  CHECK(t[3].begin == 22);
  CHECK(t[3].end == 29);
}

TEST_CASE("sqlite catalog: an unterminated quote ends the text", "[catalog][sqlite]") {
  std::vector<sqlite::Token> t = sqlite::tokenize("a 'open");
  REQUIRE(t.size() == 2);
  CHECK(t[1].text == "open");
}

// --- declared types

ast::TypeRef declared(std::string_view text) { return sqlite::declared_type(text); }

TEST_CASE("sqlite catalog: declared types map back to portable types", "[catalog][sqlite]") {
  CHECK(declared("INTEGER").kind == TK::Int);
  CHECK(declared("int").kind == TK::Int);
  CHECK(declared("BIGINT").kind == TK::BigInt);
  CHECK(declared("smallint").kind == TK::SmallInt);
  CHECK(declared("BOOLEAN").kind == TK::Bool);
  CHECK(declared("REAL").kind == TK::Real);
  CHECK(declared("DOUBLE PRECISION").kind == TK::Double);
  CHECK(declared("TEXT").kind == TK::Text);
  CHECK(declared("BLOB").kind == TK::Bytes);
  CHECK(declared("timestamp with time zone").kind == TK::Timestamptz);
  CHECK(declared("DATETIME").kind == TK::Timestamp);
  CHECK(declared("UUID").kind == TK::Uuid);
  CHECK(declared("JSONB").kind == TK::Jsonb);
  ast::TypeRef v = declared("VARCHAR ( 20 )");
  CHECK(v.kind == TK::Varchar);
  CHECK(v.length == 20);
  CHECK_FALSE(v.scale);
  ast::TypeRef n = declared("numeric(10, 2)");
  CHECK(n.kind == TK::Numeric);
  CHECK(n.length == 10);
  CHECK(n.scale == 2);
  ast::TypeRef d = declared("DECIMAL(8)");
  CHECK(d.kind == TK::Decimal);
  CHECK(d.length == 8);
  CHECK(declared("CHARACTER(2)").length == 2);
  CHECK(declared("TEXT").name.empty());
}

TEST_CASE("sqlite catalog: other declared types stay native, as written", "[catalog][sqlite]") {
  for (std::string_view text :
       {"inet", "INT(11)", "VARCHAR(10, 2)", "UNSIGNED BIG INT", "NUMERIC(x)", "", "TEXT(5"}) {
    INFO(text);
    ast::TypeRef t = declared(text);
    CHECK(t.kind == TK::Native);
    CHECK(t.name == text);
  }
}

// --- defaults and expressions

TEST_CASE("sqlite catalog: defaults the emitter writes read back as the checker's expressions",
          "[catalog][sqlite]") {
  ast::Expr s = sqlite::default_value("'it''s'");
  CHECK((s.kind == ExprKind::String && s.text == "it's"));
  ast::Expr n = sqlite::default_value("-1");
  CHECK((n.kind == ExprKind::Number && n.text == "-1"));
  CHECK(sqlite::default_value("0.00").text == "0.00");
  CHECK(sqlite::default_value("NULL").kind == ExprKind::Null);
  ast::Expr b = sqlite::default_value("FALSE");
  CHECK((b.kind == ExprKind::Bool && b.text == "false"));
  ast::Expr now = sqlite::default_value("CURRENT_TIMESTAMP");
  CHECK((now.kind == ExprKind::Call && now.text == "now" && now.args.empty()));
  ast::Expr call = sqlite::default_value("LOWER('X')");
  REQUIRE(call.kind == ExprKind::Call);
  CHECK(call.text == "lower");
  REQUIRE(call.args.size() == 1);
  CHECK((call.args[0].kind == ExprKind::String && call.args[0].text == "X"));
}

TEST_CASE("sqlite catalog: other defaults are opaque sql text", "[catalog][sqlite]") {
  for (std::string_view text : {"X'00ff'", "1 + 2", "CURRENT_DATE", "abs(-1 + x)", "ident"}) {
    INFO(text);
    ast::Expr e = sqlite::default_value(text);
    CHECK(e.kind == ExprKind::RawSql);
    CHECK(e.text == text);
  }
}

TEST_CASE("sqlite catalog: index elements read as columns, calls or sql", "[catalog][sqlite]") {
  ast::Expr c = sqlite::expression("\"Display Name\"");
  CHECK((c.kind == ExprKind::Column && c.text == "Display Name"));
  ast::Expr call = sqlite::expression("coalesce(a, 'x', f(b))");
  REQUIRE(call.kind == ExprKind::Call);
  REQUIRE(call.args.size() == 3);
  CHECK(call.args[0].kind == ExprKind::Column);
  CHECK(call.args[1].kind == ExprKind::String);
  CHECK((call.args[2].kind == ExprKind::Call && call.args[2].args.size() == 1));
  ast::Expr raw = sqlite::expression("(a + b)");
  CHECK((raw.kind == ExprKind::RawSql && raw.text == "a + b"));
  ast::Expr two = sqlite::expression("(a) + (b)");
  CHECK((two.kind == ExprKind::RawSql && two.text == "(a) + (b)"));
}

// --- CREATE TABLE text

TEST_CASE("sqlite catalog: the emitter's CREATE TABLE reads back", "[catalog][sqlite]") {
  std::optional<sqlite::TableText> t = sqlite::read_create_table(
      "CREATE TABLE \"orders\" (\n"
      "  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,\n"
      "  status TEXT NOT NULL DEFAULT 'a,b' CHECK (status IN ('a,b', 'it''s')),\n"
      "  amount NUMERIC NOT NULL,\n"
      "  CONSTRAINT ck_orders_amount CHECK (amount >= (0)),\n"
      "  CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES \"Users\" (id) ON DELETE "
      "SET NULL,\n"
      "  CONSTRAINT uq_orders_pair UNIQUE (id, status)\n"
      ")");
  REQUIRE(t);
  CHECK(t->name == "orders");
  REQUIRE(t->columns.size() == 3);
  CHECK(t->columns[1].name == "status");
  REQUIRE(t->constraints.size() == 5);
  const sqlite::TextConstraint& pk = t->constraints[0];
  CHECK((pk.kind == ast::ConstraintKind::PrimaryKey && pk.name == "pk_orders"));
  CHECK(pk.autoincrement);
  CHECK(pk.column == "id");
  const sqlite::TextConstraint& e = t->constraints[1];
  CHECK((e.kind == ast::ConstraintKind::Check && e.name.empty() && e.column == "status"));
  CHECK(e.check == "status IN ('a,b', 'it''s')");
  CHECK(t->constraints[2].check == "amount >= (0)");
  CHECK(t->constraints[2].name == "ck_orders_amount");
  const sqlite::TextConstraint& fk = t->constraints[3];
  CHECK((fk.kind == ast::ConstraintKind::ForeignKey && fk.name == "fk_orders_user"));
  CHECK(fk.columns == std::vector<std::string>{"user_id"});
  CHECK(fk.ref_table == "Users");
  CHECK(fk.ref_columns == std::vector<std::string>{"id"});
  CHECK_FALSE(fk.deferrable);
  CHECK(t->constraints[4].columns == std::vector<std::string>{"id", "status"});
  CHECK_FALSE(t->without_rowid);
}

TEST_CASE("sqlite catalog: hand-written column constraints and table options",
          "[catalog][sqlite]") {
  std::optional<sqlite::TableText> t = sqlite::read_create_table(
      "create table if not exists main.t (  -- a comment (with a parenthesis\n"
      "  a int primary key desc on conflict replace,\n"
      "  b text collate nocase constraint uq_b unique constraint nn not null,\n"
      "  c references p on delete cascade deferrable initially deferred,\n"
      "  d varchar(10) default (1 + 2) check (d <> ')'),\n"
      "  e integer generated always as (a * 2) stored,\n"
      "  f as (a + 1),\n"
      "  \"g \"\"h\"\"\" blob default -5,\n"
      "  foreign key (c, d) references p (x, y) not deferrable,\n"
      "  primary key (a collate nocase, b)\n"
      ") without rowid, strict");
  REQUIRE(t);
  CHECK(t->name == "t");
  REQUIRE(t->columns.size() == 7);
  CHECK(t->columns[1].collation == "nocase");
  CHECK(t->columns[4].generated == "stored");
  CHECK(t->columns[5].generated == "virtual");
  CHECK(t->columns[6].name == "g \"h\"");
  REQUIRE(t->constraints.size() == 6);
  CHECK(t->constraints[0].kind == ast::ConstraintKind::PrimaryKey);
  CHECK(t->constraints[0].ordered);
  CHECK(t->constraints[0].conflict);
  CHECK((t->constraints[1].kind == ast::ConstraintKind::Unique &&
         t->constraints[1].name == "uq_b"));
  CHECK(t->constraints[1].columns == std::vector<std::string>{"b"});
  const sqlite::TextConstraint& c = t->constraints[2];
  CHECK((c.kind == ast::ConstraintKind::ForeignKey && c.ref_table == "p" && c.ref_columns.empty()));
  CHECK(c.deferrable);
  CHECK(t->constraints[3].check == "d <> ')'");
  CHECK(t->constraints[3].column == "d");
  CHECK(t->constraints[4].columns == std::vector<std::string>{"c", "d"});
  CHECK_FALSE(t->constraints[4].deferrable);
  CHECK(t->constraints[5].columns == std::vector<std::string>{"a", "b"});
  CHECK(t->constraints[5].ordered);
  CHECK(t->without_rowid);
  CHECK(t->strict);
}

TEST_CASE("sqlite catalog: what is not a CREATE TABLE", "[catalog][sqlite]") {
  CHECK_FALSE(sqlite::read_create_table("CREATE VIEW v AS SELECT 1"));
  CHECK_FALSE(sqlite::read_create_table("CREATE VIRTUAL TABLE f USING fts5(a)"));
  CHECK_FALSE(sqlite::read_create_table(""));
  std::optional<sqlite::TableText> as = sqlite::read_create_table(
      "CREATE TABLE c AS SELECT 1 AS x");
  REQUIRE(as);
  CHECK(as->as_select);
}

// --- CREATE INDEX text

TEST_CASE("sqlite catalog: CREATE INDEX elements and predicate", "[catalog][sqlite]") {
  std::optional<sqlite::IndexText> ix = sqlite::read_create_index(
      "CREATE UNIQUE INDEX IF NOT EXISTS \"ix a\" ON \"T\" (lower(email), (a + b) DESC, c COLLATE "
      "NOCASE ASC) WHERE a > 0 AND f(b, ')');");
  REQUIRE(ix);
  CHECK(ix->name == "ix a");
  CHECK(ix->table == "T");
  CHECK(ix->unique);
  CHECK(ix->elements == std::vector<std::string>{"lower(email)", "(a + b)", "c"});
  CHECK(ix->ordered);
  CHECK(ix->where == "a > 0 AND f(b, ')')");
  std::optional<sqlite::IndexText> plain = sqlite::read_create_index("CREATE INDEX i ON t (a)");
  REQUIRE(plain);
  CHECK_FALSE(plain->unique);
  CHECK_FALSE(plain->ordered);
  CHECK_FALSE(plain->where);
  CHECK_FALSE(sqlite::read_create_index("CREATE TABLE t (a)"));
}

TEST_CASE("sqlite catalog: the columns an expression reads", "[catalog][sqlite]") {
  std::vector<std::string> cols = {"a", "Big", "lower"};
  CHECK(sqlite::columns_in("lower(A) + big * a - 'a' + t.x", cols) ==
        std::vector<std::string>{"a", "Big"});
  CHECK(sqlite::columns_in("lower > 1", cols) == std::vector<std::string>{"lower"});
  CHECK(sqlite::columns_in("1 = 1", cols).empty());
}

TEST_CASE("sqlite catalog: the emitter's enum CHECK and what is not one", "[catalog][sqlite]") {
  CHECK(sqlite::enum_values("m IN ('ok', 'it''s')", "m") == std::vector<std::string>{"ok", "it's"});
  CHECK(sqlite::enum_values("\"M\" IN ('a')", "m") == std::vector<std::string>{"a"});
  CHECK_FALSE(sqlite::enum_values("m NOT IN ('a')", "m"));
  CHECK_FALSE(sqlite::enum_values("m IN ('a', 1)", "m"));
  CHECK_FALSE(sqlite::enum_values("m IN ('a') OR m IS NULL", "m"));
  CHECK_FALSE(sqlite::enum_values("n IN ('a')", "m"));
  CHECK_FALSE(sqlite::enum_values("m IN ()", "m"));
}

// --- read_catalog on a real database

// The rows of `sql` on `db`, NULL as nullopt.
std::vector<CatalogRow> query_rows(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
    throw CatalogError(sqlite3_errmsg(db));
  std::vector<CatalogRow> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    CatalogRow row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const unsigned char* v = sqlite3_column_text(stmt, i);
      if (v) row.emplace_back(reinterpret_cast<const char*>(v));
      else row.emplace_back(std::nullopt);
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  return rows;
}

// An in-memory database with the statements of `changes` run on it.
struct CatalogDb {
  sqlite3* db = nullptr;
  CatalogDb() { REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK); }
  ~CatalogDb() { sqlite3_close(db); }
  CatalogDb(const CatalogDb&) = delete;
  CatalogDb& operator=(const CatalogDb&) = delete;

  void exec(const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    INFO(sql);
    INFO((error ? error : ""));
    sqlite3_free(error);
    REQUIRE(rc == SQLITE_OK);
  }
  LiveSchema read(CatalogOptions options = {}) {
    return read_catalog(
        Dialect::Sqlite, [this](std::string_view sql) { return query_rows(db, sql); }, options);
  }
};

// The schema as the SQLite emitter writes it: one text to compare whole.
std::string emitted(const model::Schema& s) {
  std::string out;
  for (const auto& [name, t] : s.tables) {
    model::Change c = change(model::AddTable{t});
    c.enums = s.enums;
    for (const std::string& sql : sqlite_sql(c)) out += sql + ";\n";
    for (const model::Index& ix : t.indexes)
      for (const std::string& sql : sqlite_sql(change(model::CreateIndex{ix, false, false})))
        out += sql + ";\n";
  }
  return out;
}

TEST_CASE("sqlite catalog: a schema the emitter wrote reads back as the same model",
          "[catalog][sqlite]") {
  model::Schema s;
  s.enums["mood"] = model::Enum{"mood", {"ok", "sad"}};
  model::Table users;
  users.name = "users";
  users.columns = {column("id", type(TK::BigInt), true, std::nullopt, true),
                   column("email", type(TK::Varchar, 255), true),
                   column("score", type(TK::Decimal, 10, 2), false, num("-1.5")),
                   column("m", type(TK::Enum, std::nullopt, std::nullopt, "mood"), true, str("ok")),
                   column("seen", type(TK::Timestamptz), true, call("now")),
                   column("addr", type(TK::Native, std::nullopt, std::nullopt, "inet"))};
  users.constraints = {pk("pk_users", {"id"}), unique("uq_users_email", {"email"}),
                       check("ck_users_score", bin(">", col("score"), num("0")), {"score"})};
  model::Table orders;
  orders.name = "orders";
  orders.columns = {column("id", type(TK::Int), true), column("user_id", type(TK::BigInt)),
                    column("m", type(TK::Enum, std::nullopt, std::nullopt, "mood"))};
  model::Constraint to_users = fk("fk_orders_user", {"user_id"}, "users", {"id"});
  to_users.on_delete = ast::RefAction::Cascade;
  to_users.on_update = ast::RefAction::SetNull;
  orders.constraints = {pk("pk_orders", {"id"}), to_users};
  orders.indexes = {index("ix_orders_user_id", "orders", {"user_id"})};
  model::Index lower_email = index("ix_users_lower", "users", {"email"});
  lower_email.elements = {call("lower", {col("email")})};
  lower_email.unique = true;
  lower_email.where = bin(">", col("score"), num("0"));
  lower_email.columns = {"email", "score"};
  users.indexes = {lower_email};
  s.tables = {{"users", users}, {"orders", orders}};

  CatalogDb db;
  std::string written = emitted(s);
  db.exec(written);
  db.exec("CREATE TABLE migrac_history (id text PRIMARY KEY)");
  db.exec("CREATE VIEW v AS SELECT 1");
  db.exec("CREATE TRIGGER tr AFTER INSERT ON orders BEGIN SELECT 1; END");
  LiveSchema live = db.read();
  CHECK(emitted(live.schema) == written);

  const model::Table* u = live.schema.table("users");
  REQUIRE(u);
  CHECK(u->columns[0].identity);
  CHECK(u->columns[0].type.kind == TK::Int);
  CHECK(u->columns[1].type.kind == TK::Text);  // varchar(255) is written TEXT
  CHECK(u->columns[2].type.kind == TK::Numeric);
  CHECK(u->columns[4].default_value->kind == ExprKind::Call);
  REQUIRE(u->column("m"));
  CHECK(u->column("m")->type.kind == TK::Enum);
  CHECK(u->constraint("ck_users_score")->columns == std::vector<std::string>{"score"});
  CHECK(u->constraint("ck_users_score")->check->text == "score > 0");
  REQUIRE(u->indexes.size() == 1);
  CHECK(u->indexes[0].columns == std::vector<std::string>{"email", "score"});
  const model::Constraint* k = live.schema.table("orders")->constraint("fk_orders_user");
  REQUIRE(k);
  CHECK(k->on_delete == ast::RefAction::Cascade);
  CHECK(k->on_update == ast::RefAction::SetNull);
  CHECK(k->ref_columns == std::vector<std::string>{"id"});

  // One enum for the two columns of the same values, named after the first.
  REQUIRE(live.schema.enums.size() == 1);
  CHECK(live.schema.enums.begin()->first == "orders_m");
  CHECK(live.schema.enums.begin()->second.values == std::vector<std::string>{"ok", "sad"});
  CHECK(u->column("m")->type.name == "orders_m");

  // The name maps, as model::apply keeps them; no autoindex is an index.
  CHECK(live.schema.index_owner ==
        std::map<std::string, std::string>{{"ix_orders_user_id", "orders"},
                                           {"ix_users_lower", "users"}});
  CHECK(live.schema.key_owner == std::map<std::string, std::string>{{"pk_orders", "orders"},
                                                                    {"pk_users", "users"},
                                                                    {"uq_users_email", "users"}});
  CHECK(live.schema.tables.size() == 2);  // no history table, no sqlite_sequence
  CHECK(live.unmodeled ==
        std::vector<UnmodeledObject>{{"trigger", "orders.tr", ""}, {"view", "v", ""}});
}

TEST_CASE("sqlite catalog: unnamed constraints get the checker's names", "[catalog][sqlite]") {
  CatalogDb db;
  db.exec(
      "CREATE TABLE p (id INTEGER PRIMARY KEY, a TEXT UNIQUE, CHECK (a <> ''), CHECK (a <> 'x'), "
      "CHECK (1 = 1));"
      "CREATE TABLE c (pid INTEGER REFERENCES p, x TEXT, FOREIGN KEY (x) REFERENCES p (a));");
  LiveSchema live = db.read();
  const model::Table* p = live.schema.table("p");
  REQUIRE(p);
  std::vector<std::string> names;
  for (const model::Constraint& k : p->constraints) names.push_back(k.name);
  CHECK(names == std::vector<std::string>{"pk_p", "uq_p_a", "ck_p_a", "ck_p_a_2", "ck_p_1"});
  CHECK(p->column("id")->not_null);
  CHECK_FALSE(p->column("id")->identity);  // INTEGER PRIMARY KEY without AUTOINCREMENT
  const model::Table* c = live.schema.table("c");
  REQUIRE(c);
  REQUIRE(c->constraints.size() == 2);
  CHECK(c->constraints[0].name == "fk_c_pid_p");
  CHECK(c->constraints[0].ref_columns == std::vector<std::string>{"id"});  // p's primary key
  CHECK(c->constraints[1].name == "fk_c_x_p");
  CHECK(c->constraints[1].ref_columns == std::vector<std::string>{"a"});
}

TEST_CASE("sqlite catalog: the history table of another name is left out", "[catalog][sqlite]") {
  CatalogDb db;
  db.exec(
      "CREATE TABLE ops_history (id text); CREATE INDEX ix_ops ON ops_history (id);"
      "CREATE TABLE t (a int)");
  CatalogOptions options;
  options.history_name = "ops_history";
  LiveSchema live = db.read(options);
  CHECK(live.schema.tables.size() == 1);
  CHECK(live.schema.index_owner.empty());
  CHECK(live.unmodeled.empty());
  CHECK(db.read().schema.tables.size() == 2);
}

TEST_CASE("sqlite catalog: a failing query is a CatalogError", "[catalog][sqlite]") {
  CatalogQuery failing = [](std::string_view) -> std::vector<CatalogRow> {
    throw CatalogError("no such table: sqlite_schema");
  };
  CHECK_THROWS_AS(read_catalog(Dialect::Sqlite, failing, {}), CatalogError);
}

// The model field by field, one line per object, with what SQLite cannot
// keep spelled as SQLite keeps it: a type as the emitter writes it (bigint
// and int are INTEGER), an enum column's type as its values (SQLite keeps
// no enum names), expressions as the emitter writes them.
std::string summary(const model::Schema& s) {
  const SqlBuilder& sql = sqlite::builder();
  auto list = [](const std::vector<std::string>& v) {
    return fmt::format("{}", fmt::join(v, ","));
  };
  std::string out;
  for (const auto& [name, t] : s.tables) {
    out += fmt::format("table {}\n", name);
    for (const model::Column& c : t.columns) {
      std::string type = sql.type(c.type);
      if (c.type.kind == TK::Enum) type = "enum " + list(s.enums.at(c.type.name).values);
      out += fmt::format("  column {} {} not_null={} identity={} default={}\n", c.name, type,
                         c.not_null, c.identity,
                         c.default_value ? sqlite::default_expr(*c.default_value) : "-");
    }
    for (const model::Constraint& k : t.constraints)
      out += fmt::format(
          "  constraint {} kind={} columns={} ref={}({}) on_delete={} on_update={} "
          "check={}\n",
          k.name, static_cast<int>(k.kind), list(k.columns), k.ref_table, list(k.ref_columns),
          ref_action_sql(k.on_delete), ref_action_sql(k.on_update),
          k.check ? sql.expr(*k.check) : "-");
    for (const model::Index& i : t.indexes) {
      std::string elements;
      for (const ast::Expr& e : i.elements) elements += sql.index_element(e) + ";";
      out += fmt::format("  index {} on {} unique={} elements={} columns={} where={}\n", i.name,
                         i.table, i.unique, elements, list(i.columns),
                         i.where ? sql.expr(*i.where) : "-");
    }
  }
  for (const auto& [index, table] : s.index_owner)
    out += fmt::format("index_owner {} {}\n", index, table);
  for (const auto& [key, table] : s.key_owner) out += fmt::format("key_owner {} {}\n", key, table);
  return out;
}

TEST_CASE("sqlite catalog: the example project's head model, applied and read back",
          "[catalog][sqlite]") {
  ProjectOptions options;
  options.dir = std::string(MIGRAC_SOURCE_DIR) + "/migrations";
  Project project = compile_project(options);
  REQUIRE_FALSE(project.diags.has_errors());
  const model::Schema& files = project.history.final_schema;
  REQUIRE(files.tables.size() == 6);
  CatalogDb db;
  db.exec(emitted(files));
  LiveSchema live = db.read();
  CHECK(summary(live.schema) == summary(files));
  CHECK(live.unmodeled.empty());
  // The one enum keeps its values, not its name.
  REQUIRE(live.schema.enums.size() == 1);
  CHECK(live.schema.enums.begin()->second.values == files.enums.at("order_status").values);
  CHECK(live.schema.enums.begin()->first == "order_status_history_old_status");
}

TEST_CASE("sqlite catalog: golden cases' head models, applied and read back", "[catalog][sqlite]") {
  for (std::string_view name :
       {"create_table_all_types", "create_table_foreign_keys", "add_column_inline_constraints",
        "enum_add_value", "unique_partial_expression_index", "quoted_identifiers", "long_names",
        "column_default", "drop_constraint", "rename_table", "raw_rename_column_then_rebuild",
        "check_constraint_online", "partial_index_widened", "primary_key_online"}) {
    INFO(name);
    ProjectOptions options;
    options.dir = fmt::format("{}/tests/golden/cases/{}", MIGRAC_SOURCE_DIR, name);
    Project project = compile_project(options);
    REQUIRE_FALSE(project.diags.has_errors());
    const model::Schema& files = project.history.final_schema;
    REQUIRE_FALSE(files.tables.empty());
    CatalogDb db;
    db.exec(emitted(files));
    CHECK(summary(db.read().schema) == summary(files));
  }
}

}  // namespace
}  // namespace migrac
