// The SQLite emitter outside rebuilds: types, identity, enums as CHECK, the
// ALTER TABLE forms SQLite has, backfill batches by rowid, raw SQL bodies,
// and what SQLite cannot express. Every statement also runs on a real
// in-memory SQLite database.

#include "tests/unit/emit_sqlite_test_fixtures.h"

namespace migrac {
namespace {

using namespace migrac::testing;
using TK = ast::TypeKind;

model::Table all_types() {
  model::Table t;
  t.name = "all_types";
  t.columns = {
      column("id", type(TK::BigInt), true, std::nullopt, true),
      column("a", type(TK::SmallInt), true, num("-1")),
      column("b", type(TK::Int)),
      column("c", type(TK::Real)),
      column("d", type(TK::Double)),
      column("e", type(TK::Decimal, 10, 2)),
      column("g", type(TK::Bool), true, boolean(true)),
      column("h", type(TK::Text), false, str("it's")),
      column("i", type(TK::Varchar, 255)),
      column("k", type(TK::Bytes)),
      column("o", type(TK::Timestamptz), true, call("now")),
      column("p", type(TK::Interval)),
      column("q", type(TK::Uuid), false, call("lower", {str("X")})),
      column("r", type(TK::Jsonb)),
      column("m", type(TK::Enum, std::nullopt, std::nullopt, "mood"), true, str("ok")),
      column("order", type(TK::Int)),
  };
  t.constraints = {pk("pk_all_types", {"id"}), unique("uq_all_types_i", {"i"}),
                   check("ck_all_types_a", bin(">", col("a"), num("-5")), {"a"})};
  return t;
}

TEST_CASE("sqlite: create table with every kind of type, identity and enum", "[emit][sqlite]") {
  model::Table t = all_types();
  std::vector<std::string> sql = sqlite_sql(table_change(model::AddTable{t}, t));
  REQUIRE(sql.size() == 1);
  CHECK(sql[0] ==
        "CREATE TABLE all_types (\n"
        "  id INTEGER NOT NULL CONSTRAINT pk_all_types PRIMARY KEY AUTOINCREMENT,\n"
        "  a INTEGER NOT NULL DEFAULT -1,\n"
        "  b INTEGER,\n"
        "  c REAL,\n"
        "  d REAL,\n"
        "  e NUMERIC,\n"
        "  g INTEGER NOT NULL DEFAULT TRUE,\n"
        "  h TEXT DEFAULT 'it''s',\n"
        "  i TEXT,\n"
        "  k BLOB,\n"
        "  o TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
        "  p TEXT,\n"
        "  q TEXT DEFAULT (lower('X')),\n"
        "  r TEXT,\n"
        "  m TEXT NOT NULL DEFAULT 'ok' CHECK (m IN ('ok', 'sad')),\n"
        "  \"order\" INTEGER,\n"
        "  CONSTRAINT uq_all_types_i UNIQUE (i),\n"
        "  CONSTRAINT ck_all_types_a CHECK (a > -5)\n"
        ")");
  MemoryDb db;
  db.exec(sql[0]);
  db.exec("INSERT INTO all_types (i) VALUES ('x')");
  CHECK(db.exec("SELECT id, a, g, h, m, q FROM all_types") == "1|-1|1|it's|ok|x");
  CHECK_FALSE(db.try_exec("INSERT INTO all_types (m) VALUES ('angry')"));
}

TEST_CASE("sqlite: an identity column must be the single-column primary key", "[emit][sqlite]") {
  model::Table t;
  t.name = "lines";
  t.columns = {column("order_id", type(TK::BigInt), true),
               column("line", type(TK::BigInt), true, std::nullopt, true)};
  t.constraints = {pk("pk_lines", {"order_id", "line"})};
  Diagnostics diags;
  CHECK(sqlite_emit(table_change(model::AddTable{t}, t), diags).empty());
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].kind == DiagKind::DialectUnsupportedIdentity);
  CHECK(diags.all()[0].message ==
        "identity column 'lines.line' cannot be expressed on sqlite: it is not the table's "
        "single-column primary key");
}

TEST_CASE("sqlite: ALTER TABLE forms for what SQLite alters in place", "[emit][sqlite]") {
  model::Table t = users_table();
  MemoryDb db;
  db.exec(sqlite_sql(table_change(model::AddTable{t}, t))[0]);

  model::Table after = t;
  after.columns.push_back(column("age", type(TK::Int), true, num("0")));
  std::vector<std::string> add = sqlite_sql(
      table_change(model::AddColumn{"users", after.columns.back(), {}}, after));
  CHECK(add ==
        std::vector<std::string>{"ALTER TABLE users ADD COLUMN age INTEGER NOT NULL DEFAULT 0"});
  db.exec(add[0]);

  CHECK(sqlite_sql(table_change(model::RenameColumn{"users", "age", "years"}, after)) ==
        std::vector<std::string>{"ALTER TABLE users RENAME COLUMN age TO years"});
  db.exec("ALTER TABLE users RENAME COLUMN age TO years");
  CHECK(sqlite_sql(table_change(model::DropColumn{"users", column("years", type(TK::Int))}, t)) ==
        std::vector<std::string>{"ALTER TABLE users DROP COLUMN years"});
  db.exec("ALTER TABLE users DROP COLUMN years");
  CHECK(sqlite_sql(change(model::RenameTable{"users", "accounts"})) ==
        std::vector<std::string>{"ALTER TABLE users RENAME TO accounts"});

  model::Index ix = index("ix_users_email", "users", {"email"}, true);
  ix.where = is_null(col("name"), true);
  std::vector<std::string> create = sqlite_sql(change(model::CreateIndex{ix, false, false}));
  CHECK(create ==
        std::vector<std::string>{
            "CREATE UNIQUE INDEX ix_users_email ON users (email) WHERE name IS NOT NULL"});
  db.exec(create[0]);
  CHECK(sqlite_sql(change(model::DropIndex{ix, false, true})) ==
        std::vector<std::string>{"DROP INDEX IF EXISTS ix_users_email"});
  // Enums have no statement of their own.
  CHECK(sqlite_sql(change(model::CreateEnum{model::Enum{"mood", {"ok"}}})).empty());
  CHECK(sqlite_sql(change(model::DropEnum{model::Enum{"mood", {"ok"}}})).empty());
}

TEST_CASE("sqlite: a type change within one storage class runs nothing", "[emit][sqlite]") {
  model::Table t = users_table();
  CHECK(sqlite_sql(table_change(
                       model::AlterColumnType{
                           "users", "email", type(TK::Varchar, 255), type(TK::Text), {}},
                       t))
            .empty());
  CHECK(sqlite_sql(
            table_change(model::AlterColumnType{"users", "name", type(TK::Text), type(TK::Int), {}},
                         t))
            .size() > 1);  // a rebuild
}

TEST_CASE("sqlite: add column that ALTER TABLE cannot add is a rebuild", "[emit][sqlite]") {
  model::Table after = users_table();
  after.columns.push_back(column("seen", type(TK::Timestamptz), false, call("now")));
  std::vector<std::string> sql = sqlite_sql(
      table_change(model::AddColumn{"users", after.columns.back(), {}}, after));
  REQUIRE(sql.size() > 1);
  CHECK(sql[1].starts_with(
      "-- rebuild of table 'users': sqlite cannot add column 'seen' with a non-constant default "
      "in place\nCREATE TABLE migrac_new_users ("));
  // The new column is not copied: it takes its default.
  CHECK(sql[2] ==
        "INSERT INTO migrac_new_users (id, email, name) SELECT id, email, name FROM users");
}

TEST_CASE("sqlite: backfill in batches by rowid, one statement for scripts", "[emit][sqlite]") {
  model::Backfill b;
  b.table = "articles";
  b.assignments = {ast::Assignment{ast::Ident{"slug", false, {}}, call("lower", {col("title")})}};
  b.where = is_null(col("slug"));
  b.batch = 500;
  Diagnostics diags;
  std::vector<EmittedStatement> out = sqlite_emit(change(b), diags);
  REQUIRE(out.size() == 1);
  CHECK(out[0].sql ==
        "UPDATE articles SET slug = lower(title) WHERE rowid IN (SELECT rowid FROM articles WHERE "
        "slug IS NULL AND slug IS NOT lower(title) LIMIT 500)");
  CHECK(out[0].script_sql ==
        "-- the sqlite3 shell cannot repeat a batch: every row in one statement\n"
        "UPDATE articles SET slug = lower(title) WHERE slug IS NULL AND slug IS NOT lower(title)");
  // The runtime walks the rowid (no key given), one range per batch.
  CHECK(out[0].walk.keys == 1);
  CHECK(out[0].walk.first_bound ==
        "SELECT migrac_k1 FROM (SELECT rowid AS migrac_k1 FROM articles ORDER BY rowid LIMIT 500) "
        "migrac_batch ORDER BY migrac_k1 DESC LIMIT 1");
  CHECK(out[0].walk.next_bound ==
        "SELECT migrac_k1 FROM (SELECT rowid AS migrac_k1 FROM articles WHERE rowid > $1 ORDER BY "
        "rowid LIMIT 500) migrac_batch ORDER BY migrac_k1 DESC LIMIT 1");
  CHECK(out[0].walk.first_update ==
        "UPDATE articles SET slug = lower(title) WHERE rowid <= $1 AND slug IS NULL AND slug IS "
        "NOT lower(title)");
  CHECK(out[0].walk.next_update ==
        "UPDATE articles SET slug = lower(title) WHERE rowid > $1 AND rowid <= $2 AND slug IS NULL "
        "AND slug IS NOT lower(title)");
  b.key_columns = {"code"};
  CHECK(sqlite_emit(change(b), diags)[0].walk.next_update ==
        "UPDATE articles SET slug = lower(title) WHERE code > $1 AND code <= $2 AND slug IS NULL "
        "AND slug IS NOT lower(title)");
  MemoryDb db;
  db.exec("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, slug TEXT)");
  db.exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200) "
      "INSERT INTO articles (title) SELECT 'T' || i FROM n");
  int batches = 0;
  for (; batches < 10; ++batches) {
    db.exec(out[0].sql);
    if (db.exec("SELECT changes()") == "0") break;
  }
  CHECK(batches == 3);
  CHECK(db.exec("SELECT count(*) FROM articles WHERE slug = lower(title)") == "1200");
}

TEST_CASE("sqlite: raw SQL takes the sqlite body, else the plain one", "[emit][sqlite]") {
  auto body = [](std::optional<std::string> dialect, std::string text) {
    ast::SqlBody b;
    if (dialect) b.dialect = ast::Ident{*dialect, false, {}};
    b.text = std::move(text);
    return b;
  };
  CHECK(sqlite_sql(change(model::RawSql{
            {body("postgres", "VACUUM users"), body("sqlite", " ANALYZE users; ")}})) ==
        std::vector<std::string>{"ANALYZE users"});
  CHECK(sqlite_sql(change(model::RawSql{{body(std::nullopt, "SELECT 1")}})) ==
        std::vector<std::string>{"SELECT 1"});
  Diagnostics diags;
  CHECK(sqlite_emit(change(model::RawSql{{body("postgres", "SELECT 1")}}), diags).empty());
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].kind == DiagKind::SqlNoBodyForDialect);
}

TEST_CASE("sqlite: capabilities and quoting", "[emit][sqlite]") {
  const Capabilities& caps = sqlite_emitter().capabilities();
  CHECK(caps.transactional_ddl);
  CHECK_FALSE(caps.concurrent_index);
  CHECK_FALSE(caps.lock_timeout);
  CHECK(caps.partial_index);
  CHECK(sqlite_emitter().quote("Order Items") == "\"Order Items\"");
  CHECK(sqlite_emitter().quote("Users") == "Users");
  CHECK(sqlite_emitter().quote("key") == "\"key\"");
  CHECK(sqlite_emitter().invalid_index_condition("ix").empty());
}

}  // namespace
}  // namespace migrac
