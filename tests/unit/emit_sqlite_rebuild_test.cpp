// SQLite's table rebuild: its statements and where the plan places them
// (foreign keys off before the migration's transaction, back on after), and
// on a real in-memory database that it keeps every row, leaves the children
// of a cascading foreign key alone and keeps views valid.

#include "tests/unit/emit_sqlite_test_fixtures.h"

namespace migrac {
namespace {

using namespace migrac::testing;
using TK = ast::TypeKind;

// users (id identity pk, email varchar not null, name text, ix on email)
// and orders (id identity pk, user_id -> users on delete cascade, qty text).
struct Shop {
  model::Table users = users_table();
  model::Table orders;

  Shop() {
    users.indexes = {index("ix_users_email", "users", {"email"})};
    orders.name = "orders";
    orders.columns = {column("id", type(TK::BigInt), true, std::nullopt, true),
                      column("user_id", type(TK::BigInt), true), column("qty", type(TK::Text)),
                      column("m", type(TK::Enum, std::nullopt, std::nullopt, "mood"))};
    orders.constraints = {pk("pk_orders", {"id"}), fk("fk_orders_user_id_users", {"user_id"},
                                                      "users", {"id"}, ast::RefAction::Cascade)};
  }

  void create(MemoryDb& db) const {
    db.exec(sqlite_sql(table_change(model::AddTable{users}, users))[0]);
    db.exec(sqlite_sql(change(model::CreateIndex{users.indexes[0], false, false}))[0]);
    db.exec(sqlite_sql(table_change(model::AddTable{orders}, orders))[0]);
    db.exec("INSERT INTO users (email, name) VALUES ('a@x', 'ann'), ('b@x', 'bob')");
    db.exec(
        "INSERT INTO orders (user_id, qty, m) VALUES (1, '3', 'ok'), (2, '4', 'sad'), (2, 'x', "
        "NULL)");
    db.exec("CREATE VIEW user_names AS SELECT name FROM users");
  }
};

TEST_CASE("sqlite: the rebuild's statements and placements", "[emit][sqlite][rebuild]") {
  Shop shop;
  model::Table after = shop.users;
  after.columns[2].not_null = true;
  Diagnostics diags;
  std::vector<EmittedStatement> out = sqlite_emit(
      table_change(model::SetNotNull{"users", "name"}, after), diags);
  REQUIRE_FALSE(diags.has_errors());
  std::vector<std::string> sql;
  for (const EmittedStatement& e : out) sql.push_back(e.sql);
  CHECK(sql ==
        std::vector<std::string>{
            "-- foreign keys off for the table rebuild (no effect inside a transaction)\n"
            "PRAGMA foreign_keys = OFF",
            "-- rebuild of table 'users': sqlite cannot set not null on column 'name' in place\n"
            "CREATE TABLE migrac_new_users (\n"
            "  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,\n"
            "  email TEXT NOT NULL,\n"
            "  name TEXT NOT NULL\n"
            ")",
            "INSERT INTO migrac_new_users (id, email, name) SELECT id, email, name FROM users",
            "DROP TABLE users",
            "-- the rename leaves views that name the table valid\n"
            "PRAGMA legacy_alter_table = ON",
            "ALTER TABLE migrac_new_users RENAME TO users",
            "PRAGMA legacy_alter_table = OFF",
            "CREATE INDEX ix_users_email ON users (email)",
            "-- every row must still find its parent: migrac stops on any row listed\n"
            "PRAGMA foreign_key_check",
            "-- foreign keys back on after the table rebuild\nPRAGMA foreign_keys = ON",
        });
  CHECK(out.front().placement == Placement::BeforeMigration);
  CHECK(out.back().placement == Placement::AfterMigration);
  CHECK(out[2].lock.rewrites);
  CHECK(out[2].lock.level == "WRITE (the whole database)");
}

TEST_CASE("sqlite: a rebuild of a parent keeps its rows and its children's",
          "[emit][sqlite][rebuild]") {
  Shop shop;
  MemoryDb db;
  shop.create(db);
  model::Table after = shop.users;
  after.columns[1].default_value = str("none");
  Diagnostics diags;
  db.apply(sqlite_emit(
      table_change(model::SetDefault{"users", "email", std::nullopt, str("none")}, after), diags));
  REQUIRE_FALSE(diags.has_errors());
  CHECK(db.exec("SELECT id, email, name FROM users") == "1|a@x|ann, 2|b@x|bob");
  CHECK(db.exec("SELECT count(*) FROM orders") == "3");         // ON DELETE CASCADE did not fire
  CHECK(db.exec("SELECT name FROM user_names") == "ann, bob");  // the view survived the rename
  CHECK(db.exec("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'users' AND "
                "sql IS NOT NULL") == "ix_users_email");
  db.exec("INSERT INTO users (name) VALUES ('cy')");
  CHECK(db.exec("SELECT email FROM users WHERE name = 'cy'") == "none");
  CHECK(db.exec("PRAGMA foreign_keys") == "1");
}

TEST_CASE("sqlite: alter type with using converts every row", "[emit][sqlite][rebuild]") {
  Shop shop;
  MemoryDb db;
  shop.create(db);
  db.exec("DELETE FROM orders WHERE qty = 'x'");
  model::Table after = shop.orders;
  after.columns[2].type = type(TK::Int);
  ast::Expr cast = expr(ast::ExprKind::Cast, {}, {col("qty")});
  cast.type = type(TK::Int);
  Diagnostics diags;
  std::vector<EmittedStatement> out = sqlite_emit(
      table_change(model::AlterColumnType{"orders", "qty", type(TK::Text), type(TK::Int), cast},
                   after),
      diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(out[2].sql ==
        "INSERT INTO migrac_new_orders (id, user_id, qty, m) SELECT id, user_id, CAST(qty AS "
        "INTEGER), m FROM orders");
  db.apply(out);
  CHECK(db.exec("SELECT id, typeof(qty), qty, m FROM orders") == "1|integer|3|ok, 2|integer|4|sad");
}

TEST_CASE("sqlite: a constraint the rows break fails the rebuild", "[emit][sqlite][rebuild]") {
  Shop shop;
  MemoryDb db;
  shop.create(db);
  model::Table after = shop.orders;
  after.constraints.push_back(unique("uq_orders_user_id", {"user_id"}));
  Diagnostics diags;
  std::vector<EmittedStatement> out = sqlite_emit(
      table_change(model::AddConstraint{"orders", after.constraints.back(), false}, after), diags);
  REQUIRE(out.size() > 3);
  db.exec("PRAGMA foreign_keys = OFF");
  db.exec("BEGIN");
  db.exec(out[1].sql);
  CHECK_FALSE(db.try_exec(out[2].sql));  // UNIQUE constraint failed: user 2 has two orders
  db.exec("ROLLBACK");
  CHECK(db.exec("SELECT count(*) FROM orders") == "3");
}

TEST_CASE("sqlite: a new enum value rebuilds every table that uses the enum",
          "[emit][sqlite][rebuild]") {
  Shop shop;
  MemoryDb db;
  shop.create(db);
  model::AddEnumValue add{"mood", "meh", std::nullopt, false, {shop.orders}};
  model::Change c = change(add);
  c.enums["mood"] = model::Enum{"mood", {"ok", "sad", "meh"}};
  Diagnostics diags;
  std::vector<EmittedStatement> out = sqlite_emit(c, diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(out[1].sql.find("m TEXT CHECK (m IN ('ok', 'sad', 'meh'))") != std::string::npos);
  db.apply(out);
  db.exec("INSERT INTO orders (user_id, m) VALUES (1, 'meh')");
  CHECK(db.exec("SELECT count(*) FROM orders") == "4");
}

TEST_CASE("sqlite: a dropped column with constraints is a rebuild", "[emit][sqlite][rebuild]") {
  Shop shop;
  MemoryDb db;
  model::Table before = shop.users;
  before.columns.push_back(column("code", type(TK::Varchar, 10)));
  before.constraints.push_back(unique("uq_users_code", {"code"}));
  db.exec(sqlite_sql(table_change(model::AddTable{before}, before))[0]);
  db.exec("INSERT INTO users (email, code) VALUES ('a@x', 'A')");
  model::DropColumn drop{"users", before.columns.back(), {before.constraints.back()}};
  Diagnostics diags;
  std::vector<EmittedStatement> out = sqlite_emit(table_change(drop, shop.users), diags);
  REQUIRE(out.size() > 1);
  db.apply(out);
  CHECK(db.exec("SELECT * FROM users") == "1|a@x|NULL");
}

TEST_CASE("sqlite: the plan runs foreign keys off before and on after its transaction",
          "[emit][sqlite][rebuild]") {
  Shop shop;
  model::Table after = shop.users;
  after.columns[2].not_null = true;
  model::Table after2 = after;
  after2.columns[2].default_value = str("x");
  PlanInput in = plan_input(
      {table_change(model::SetNotNull{"users", "name"}, after),
       table_change(model::CreateIndex{index("ix_users_name", "users", {"name"}), false, false},
                    after),
       table_change(model::SetDefault{"users", "name", std::nullopt, str("x")}, after2)});
  Diagnostics diags;
  MigrationPlan plan = plan_migration(in.migration, in.checked, sqlite_emitter(), in.files,
                                      PlanOptions{}, diags);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(plan.up.size() == 3);
  CHECK_FALSE(plan.up[0].transactional);
  CHECK(plan.up[0].statements.size() == 1);  // once, for both rebuilds
  CHECK(plan.up[0].statements[0].sql.ends_with("PRAGMA foreign_keys = OFF"));
  CHECK(plan.up[1].transactional);
  CHECK_FALSE(plan.up[2].transactional);
  CHECK(plan.up[2].statements.size() == 1);
  CHECK(plan.up[2].statements[0].sql.ends_with("PRAGMA foreign_keys = ON"));
  // The downgrade is rebuilt the same way.
  REQUIRE(plan.down.size() == 3);
  CHECK(plan.down[0].statements[0].sql.ends_with("PRAGMA foreign_keys = OFF"));
}

}  // namespace
}  // namespace migrac
