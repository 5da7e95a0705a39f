// The MySQL emitter: types, ENUM and AUTO_INCREMENT, foreign keys with an
// index of their own, the online form (ALGORITHM/LOCK) of each ALTER TABLE
// and its lock facts, expressions in MySQL's spelling, settings, the plan
// without transactions, and what MySQL cannot express.

#include <catch2/catch.hpp>

#include "tests/unit/plan_test_fixtures.h"

namespace migrac {
namespace {

using namespace migrac::testing;
using TK = ast::TypeKind;

const Emitter& my() {
  static std::unique_ptr<Emitter> e = make_emitter(Dialect::Mysql);
  return *e;
}

model::Change on(model::ChangeKind kind, const model::Table& after) {
  model::Change c = change(std::move(kind));
  c.table_after = std::make_shared<model::Table>(after);
  c.enums["mood"] = model::Enum{"mood", {"ok", "sad"}};
  c.enums["mood2"] = model::Enum{"mood2", {"ok", "sad", "meh"}};
  return c;
}

std::vector<EmittedStatement> emit(const model::Change& c, Diagnostics& diags) {
  return my().emit(c, diags);
}

// The single statement of a change, requiring no diagnostics.
EmittedStatement one(const model::Change& c) {
  Diagnostics diags;
  std::vector<EmittedStatement> out = emit(c, diags);
  for (const Diagnostic& d : diags.all()) INFO(d.message);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(out.size() == 1);
  return out[0];
}

// The diagnostics of a change that MySQL cannot express (and that it emits nothing).
std::vector<Diagnostic> refused(const model::Change& c) {
  Diagnostics diags;
  CHECK(emit(c, diags).empty());
  return diags.all();
}

model::Table orders() {
  model::Table t;
  t.name = "orders";
  t.columns = {column("id", type(TK::BigInt), true, std::nullopt, true),
               column("user_id", type(TK::BigInt), true),
               column("note", type(TK::Text), false, str("a\\b")),
               column("code", type(TK::Varchar, 20)),
               column("m", type(TK::Enum, std::nullopt, std::nullopt, "mood"), true, str("ok")),
               column("at", type(TK::Timestamptz), true, call("now")),
               column("total", type(TK::Decimal)),
               column("flag", type(TK::Bool), false, boolean(false)),
               column("key", type(TK::Uuid))};
  t.constraints = {pk("pk_orders", {"id"}),
                   fk("fk_orders_user_id_users", {"user_id"}, "users", {"id"},
                      ast::RefAction::Cascade),
                   check("ck_orders_code", bin("<>", col("code"), str("")), {"code"})};
  return t;
}

TEST_CASE("mysql: create table with ENUM, AUTO_INCREMENT and a foreign key index",
          "[emit][mysql]") {
  model::Table t = orders();
  CHECK(one(on(model::AddTable{t}, t)).sql ==
        "CREATE TABLE orders (\n"
        "  id bigint NOT NULL AUTO_INCREMENT,\n"
        "  user_id bigint NOT NULL,\n"
        "  note longtext DEFAULT ('a\\\\b'),\n"
        "  code varchar(20),\n"
        "  m ENUM('ok', 'sad') NOT NULL DEFAULT 'ok',\n"
        "  at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),\n"
        "  total decimal(65,30),\n"
        "  flag tinyint(1) DEFAULT FALSE,\n"
        "  `key` char(36),\n"
        "  CONSTRAINT pk_orders PRIMARY KEY (id),\n"
        "  INDEX fk_orders_user_id_users (user_id),\n"
        "  CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id) ON "
        "DELETE CASCADE,\n"
        "  CONSTRAINT ck_orders_code CHECK (code <> '')\n"
        ")");
}

TEST_CASE("mysql: each ALTER names its online form", "[emit][mysql]") {
  model::Table t = orders();
  model::Table added = t;
  added.columns.push_back(column("qty", type(TK::Int), true, num("1")));
  EmittedStatement add = one(on(model::AddColumn{"orders", added.columns.back(), {}}, added));
  CHECK(add.sql == "ALTER TABLE orders ADD COLUMN qty int NOT NULL DEFAULT 1, ALGORITHM=INSTANT");
  CHECK(add.lock.level == "ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock)");
  CHECK_FALSE(add.lock.rewrites);

  added.columns.back().default_value = call("random");
  EmittedStatement volatile_add = one(on(model::AddColumn{"orders", added.columns.back(), {}},
                                         added));
  CHECK(volatile_add.sql ==
        "ALTER TABLE orders ADD COLUMN qty int NOT NULL DEFAULT (random()), ALGORITHM=COPY, "
        "LOCK=SHARED");
  CHECK(volatile_add.lock.rewrites);

  CHECK(one(on(model::DropColumn{"orders", column("qty", type(TK::Int))}, t)).sql ==
        "ALTER TABLE orders DROP COLUMN qty, ALGORITHM=INSTANT");
  CHECK(one(on(model::RenameColumn{"orders", "code", "ref"}, t)).sql ==
        "ALTER TABLE orders RENAME COLUMN code TO ref, ALGORITHM=INSTANT");
  CHECK(one(on(model::RenameTable{"orders", "purchases"}, t)).sql ==
        "ALTER TABLE orders RENAME TO purchases, ALGORITHM=INSTANT");
  CHECK(one(on(model::SetDefault{"orders", "code", std::nullopt, str("x")}, t)).sql ==
        "ALTER TABLE orders ALTER COLUMN code SET DEFAULT 'x', ALGORITHM=INSTANT");
  CHECK(one(on(model::SetDefault{"orders", "at", std::nullopt, call("now")}, t)).sql ==
        "ALTER TABLE orders ALTER COLUMN at SET DEFAULT (CURRENT_TIMESTAMP(6)), ALGORITHM=INSTANT");
  CHECK(one(on(model::SetDefault{"orders", "note", str("x"), std::nullopt}, t)).sql ==
        "ALTER TABLE orders ALTER COLUMN note DROP DEFAULT, ALGORITHM=INSTANT");

  model::Table required = t;
  required.columns[3].not_null = true;
  EmittedStatement set_nn = one(on(model::SetNotNull{"orders", "code"}, required));
  CHECK(set_nn.sql ==
        "ALTER TABLE orders MODIFY COLUMN code varchar(20) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE");
  CHECK(set_nn.lock.rewrites);
  CHECK(one(on(model::DropNotNull{"orders", "m"}, t)).sql ==
        "ALTER TABLE orders MODIFY COLUMN m ENUM('ok', 'sad') NOT NULL DEFAULT 'ok', "
        "ALGORITHM=INPLACE, LOCK=NONE");

  CHECK(one(on(model::CreateIndex{index("ix_orders_code", "orders", {"code"}), false, false}, t))
            .sql == "CREATE INDEX ix_orders_code ON orders (code) ALGORITHM=INPLACE LOCK=NONE");
  CHECK(
      one(on(model::DropIndex{index("ix_orders_code", "orders", {"code"}), false, false}, t)).sql ==
      "ALTER TABLE orders DROP INDEX ix_orders_code, ALGORITHM=INPLACE, LOCK=NONE");
}

TEST_CASE("mysql: type changes: widen in place, same type nothing, else copy", "[emit][mysql]") {
  model::Table t = orders();
  auto alter = [&](ast::TypeRef from, ast::TypeRef to) {
    model::Table after = t;
    after.columns[3].type = to;
    Diagnostics diags;
    std::vector<EmittedStatement> out = emit(
        on(model::AlterColumnType{"orders", "code", from, to, std::nullopt}, after), diags);
    REQUIRE_FALSE(diags.has_errors());
    return out.empty() ? std::string() : out[0].sql;
  };
  CHECK(alter(type(TK::Varchar, 20), type(TK::Varchar, 40)) ==
        "ALTER TABLE orders MODIFY COLUMN code varchar(40), ALGORITHM=INPLACE, LOCK=NONE");
  // 63 characters of 4 bytes fit a one-byte length; 64 do not: a copy.
  CHECK(alter(type(TK::Varchar, 20), type(TK::Varchar, 64)) ==
        "ALTER TABLE orders MODIFY COLUMN code varchar(64), ALGORITHM=COPY, LOCK=SHARED");
  CHECK(alter(type(TK::Varchar, 20), type(TK::Int)) ==
        "ALTER TABLE orders MODIFY COLUMN code int, ALGORITHM=COPY, LOCK=SHARED");
  CHECK(alter(type(TK::Json), type(TK::Jsonb)).empty());
  CHECK(alter(type(TK::Enum, std::nullopt, std::nullopt, "mood"),
              type(TK::Enum, std::nullopt, std::nullopt, "mood2")) ==
        "ALTER TABLE orders MODIFY COLUMN code ENUM('ok', 'sad', 'meh'), ALGORITHM=INSTANT");
}

TEST_CASE("mysql: constraints: keys in place, foreign keys and checks by copy", "[emit][mysql]") {
  model::Table t = orders();
  model::Constraint uq = unique("uq_orders_code", {"code"});
  CHECK(one(on(model::AddConstraint{"orders", uq, false}, t)).sql ==
        "ALTER TABLE orders ADD CONSTRAINT uq_orders_code UNIQUE (code), ALGORITHM=INPLACE, "
        "LOCK=NONE");
  CHECK(one(on(model::DropConstraint{"orders", uq}, t)).sql ==
        "ALTER TABLE orders DROP INDEX uq_orders_code, ALGORITHM=INPLACE, LOCK=NONE");
  const model::Constraint& key = t.constraints[1];
  EmittedStatement add_fk = one(on(model::AddConstraint{"orders", key, false}, t));
  CHECK(add_fk.sql ==
        "ALTER TABLE orders\n"
        "  ADD INDEX fk_orders_user_id_users (user_id),\n"
        "  ADD CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id) ON "
        "DELETE CASCADE,\n"
        "  ALGORITHM=COPY, LOCK=SHARED");
  CHECK(add_fk.lock.level == "ALGORITHM=COPY, LOCK=SHARED (writes wait)");
  CHECK(one(on(model::DropConstraint{"orders", key}, t)).sql ==
        "ALTER TABLE orders\n"
        "  DROP FOREIGN KEY fk_orders_user_id_users,\n"
        "  DROP INDEX fk_orders_user_id_users,\n"
        "  ALGORITHM=INPLACE, LOCK=NONE");
  CHECK(one(on(model::DropConstraint{"orders", t.constraints[2]}, t)).sql ==
        "ALTER TABLE orders DROP CONSTRAINT ck_orders_code, ALGORITHM=INPLACE, LOCK=NONE");
  // A column added with its constraints: the strongest form of its clauses.
  model::Table added = t;
  added.columns.push_back(column("buyer", type(TK::BigInt)));
  model::Constraint buyer_fk = fk("fk_orders_buyer_users", {"buyer"}, "users", {"id"});
  EmittedStatement add = one(on(model::AddColumn{"orders", added.columns.back(), {buyer_fk}},
                                added));
  CHECK(add.sql.ends_with("ALGORITHM=COPY, LOCK=SHARED"));
  // Its downgrade drops the foreign key and its index first.
  CHECK(one(on(model::DropColumn{"orders", added.columns.back(), {buyer_fk}}, t)).sql ==
        "ALTER TABLE orders\n"
        "  DROP FOREIGN KEY fk_orders_buyer_users,\n"
        "  DROP INDEX fk_orders_buyer_users,\n"
        "  DROP COLUMN buyer,\n"
        "  ALGORITHM=INPLACE, LOCK=NONE");
}

TEST_CASE("mysql: a new enum value: instant at the end, else a copy", "[emit][mysql]") {
  model::Table t = orders();
  model::Change at_end = on(model::AddEnumValue{"mood", "meh", std::nullopt, false, {t}}, t);
  at_end.enums["mood"].values = {"ok", "sad", "meh"};
  CHECK(one(at_end).sql ==
        "ALTER TABLE orders MODIFY COLUMN m ENUM('ok', 'sad', 'meh') NOT NULL DEFAULT 'ok', "
        "ALGORITHM=INSTANT");
  model::Change first = on(model::AddEnumValue{"mood", "meh", std::string("ok"), true, {t}}, t);
  first.enums["mood"].values = {"meh", "ok", "sad"};
  CHECK(one(first).sql.ends_with("ALGORITHM=COPY, LOCK=SHARED"));
  // Enums have no statement of their own.
  Diagnostics diags;
  CHECK(emit(change(model::CreateEnum{model::Enum{"mood", {"ok"}}}), diags).empty());
}

TEST_CASE("mysql: what MySQL cannot express is an error naming it", "[emit][mysql]") {
  model::Table t = orders();
  model::Table ival = t;
  ival.columns.push_back(column("wait", type(TK::Interval)));
  std::vector<Diagnostic> d = refused(on(model::AddTable{ival}, ival));
  REQUIRE(d.size() == 1);
  CHECK(d[0].kind == DiagKind::DialectUnsupportedType);
  CHECK(d[0].message ==
        "column 'wait' of type 'interval' cannot be expressed on mysql: it has no interval type");

  d = refused(on(model::CreateIndex{index("ix_orders_note", "orders", {"note"}), false, false}, t));
  REQUIRE(d.size() == 1);
  CHECK(d[0].kind == DiagKind::DialectUnsupportedIndex);
  CHECK(d[0].message ==
        "index 'ix_orders_note' on column 'note' of type 'text' cannot be built on mysql: a "
        "longtext column needs a prefix length to be indexed");

  model::Index expression = index("ix_orders_lower", "orders", {});
  expression.elements = {call("lower", {col("code")})};
  d = refused(on(model::CreateIndex{expression, false, false}, t));
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "index 'ix_orders_lower' on an expression cannot be built on mysql: MariaDB has no "
        "expression indexes");

  model::Index partial = index("ix_orders_code", "orders", {"code"}, true);
  partial.where = is_null(col("note"));
  d = refused(on(model::CreateIndex{partial, false, false}, t));
  REQUIRE(d.size() == 1);
  CHECK(d[0].kind == DiagKind::DialectUnsupportedIndex);

  model::Constraint set_default = fk("fk_orders_user_id_users", {"user_id"}, "users", {"id"},
                                     ast::RefAction::SetDefault);
  d = refused(on(model::AddConstraint{"orders", set_default, false}, t));
  REQUIRE(d.size() == 1);
  CHECK(d[0].kind == DiagKind::DialectUnsupportedOperation);

  d = refused(on(model::AlterColumnType{"orders", "code", type(TK::Varchar, 20), type(TK::Int),
                                        call("length", {col("code")})},
                 t));
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "'alter column orders.code type ... using' cannot be expressed on mysql: MODIFY COLUMN "
        "converts values by MySQL's own casts only");

  d = refused(on(model::DropConstraint{"orders", t.constraints[0]}, t));
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "dropping primary key 'pk_orders' of table 'orders' cannot be expressed on mysql: its "
        "identity column 'id' must stay a key");

  model::Table loose = t;
  loose.constraints.erase(loose.constraints.begin());
  d = refused(on(model::AddTable{loose}, loose));
  REQUIRE(d.size() == 1);
  CHECK(d[0].kind == DiagKind::DialectUnsupportedIdentity);
}

TEST_CASE("mysql: a plain partial index is built over every row, with a warning", "[emit][mysql]") {
  model::Table t = orders();
  model::Index partial = index("ix_orders_code", "orders", {"code"});
  partial.where = is_null(col("code"), true);
  Diagnostics diags;
  std::vector<EmittedStatement> out = emit(on(model::CreateIndex{partial, false, false}, t), diags);
  REQUIRE(out.size() == 1);
  CHECK(out[0].sql == "CREATE INDEX ix_orders_code ON orders (code) ALGORITHM=INPLACE LOCK=NONE");
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].kind == DiagKind::DialectPartialIndexWidened);
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("mysql: expressions in MySQL's spelling", "[emit][mysql]") {
  model::Backfill b;
  b.table = "users";
  ast::Expr cast = expr(ast::ExprKind::Cast, {}, {col("age")});
  cast.type = type(TK::BigInt);
  b.assignments = {ast::Assignment{ast::Ident{"name", false, {}},
                                   bin("||", col("name"), str("'s"))},
                   ast::Assignment{ast::Ident{"age", false, {}}, cast}};
  b.where = is_null(col("age"), true);
  b.batch = 100;
  Diagnostics diags;
  std::vector<EmittedStatement> out = emit(change(b), diags);
  REQUIRE(out.size() == 1);
  CHECK(out[0].sql ==
        "UPDATE users SET name = concat(name, '''s'), age = CAST(age AS SIGNED) WHERE age IS NOT "
        "NULL AND (NOT (name <=> concat(name, '''s')) OR NOT (age <=> CAST(age AS SIGNED))) LIMIT "
        "100");
  CHECK(out[0].script_sql.starts_with("-- the mysql client cannot repeat a batch"));
  CHECK(out[0].walk.keys == 0);  // no key: the LIMIT batch, repeated
  b.key_columns = {"id"};
  out = emit(change(b), diags);
  std::string rest =
      "age IS NOT NULL AND (NOT (name <=> concat(name, '''s')) OR NOT (age <=> CAST(age AS "
      "SIGNED)))";
  CHECK(out[0].walk.keys == 1);
  CHECK(out[0].walk.next_bound ==
        "SELECT migrac_k1 FROM (SELECT id AS migrac_k1 FROM users WHERE id > $1 ORDER BY id LIMIT "
        "100) migrac_batch ORDER BY migrac_k1 DESC LIMIT 1");
  CHECK(out[0].walk.first_update ==
        "UPDATE users SET name = concat(name, '''s'), age = CAST(age AS SIGNED) WHERE id <= $1 "
        "AND " +
            rest);
  CHECK(out[0].walk.next_update ==
        "UPDATE users SET name = concat(name, '''s'), age = CAST(age AS SIGNED) WHERE id > $1 AND "
        "id <= $2 AND " +
            rest);
  CHECK(my().quote("order") == "`order`");
  CHECK(my().quote("Order`s") == "`Order``s`");
}

TEST_CASE("mysql: each statement its own segment, lock_wait_timeout for each", "[emit][mysql]") {
  CHECK_FALSE(my().capabilities().transactional_ddl);
  model::Table t = orders();
  PlanInput in = plan_input(
      {on(model::CreateIndex{index("ix_orders_code", "orders", {"code"}), false, false}, t),
       on(model::SetDefault{"orders", "code", std::nullopt, str("x")}, t)});
  in.checked.settings.lock_timeout_ms = 2500;
  Diagnostics diags;
  MigrationPlan plan = plan_migration(in.migration, in.checked, my(), in.files, PlanOptions{},
                                      diags);
  REQUIRE_FALSE(diags.has_errors());
  // Each DDL statement commits on its own: the history table records each
  // one, so a rerun after a crash never repeats a recorded statement.
  CHECK(segment_sql(plan.up) ==
        std::vector<std::string>{
            "no-tx\nSET SESSION lock_wait_timeout = 3\nSET SESSION innodb_lock_wait_timeout = "
            "3\nCREATE INDEX ix_orders_code ON orders (code) ALGORITHM=INPLACE LOCK=NONE\nSET "
            "SESSION lock_wait_timeout = DEFAULT\nSET SESSION innodb_lock_wait_timeout = DEFAULT",
            "no-tx\nSET SESSION lock_wait_timeout = 3\nSET SESSION innodb_lock_wait_timeout = "
            "3\nALTER TABLE orders ALTER COLUMN code SET DEFAULT 'x', ALGORITHM=INSTANT\nSET "
            "SESSION lock_wait_timeout = DEFAULT\nSET SESSION innodb_lock_wait_timeout = DEFAULT",
        });
}

TEST_CASE("mysql: row changes run in a transaction, DDL beside them on its own", "[emit][mysql]") {
  model::Table t = orders();
  auto raw = [&](std::string text) {
    return on(model::RawSql{{ast::SqlBody{std::nullopt, std::move(text), {}}}}, t);
  };
  PlanInput in = plan_input({raw("CREATE TABLE a (id int)"), raw("INSERT INTO a VALUES (1)"),
                             raw("  -- two rows\n update a SET id = 2"), raw("DROP TABLE b")});
  Diagnostics diags;
  MigrationPlan plan = plan_migration(in.migration, in.checked, my(), in.files, PlanOptions{},
                                      diags);
  REQUIRE_FALSE(diags.has_errors());
  std::vector<std::string> want{
      "no-tx\nSET SESSION lock_wait_timeout = 5\nSET SESSION innodb_lock_wait_timeout = "
      "5\nCREATE TABLE a (id int)\nSET SESSION lock_wait_timeout = DEFAULT\nSET SESSION "
      "innodb_lock_wait_timeout = DEFAULT",
      // In a transaction too, a MySQL setting is for the session: reset after it.
      "tx\nSET SESSION lock_wait_timeout = 5\nSET SESSION innodb_lock_wait_timeout = 5\nINSERT "
      "INTO a VALUES (1)\n-- two rows\n update a SET id = 2\nSET SESSION lock_wait_timeout = "
      "DEFAULT\nSET SESSION innodb_lock_wait_timeout = DEFAULT",
      "no-tx\nSET SESSION lock_wait_timeout = 5\nSET SESSION innodb_lock_wait_timeout = "
      "5\nDROP TABLE b\nSET SESSION lock_wait_timeout = DEFAULT\nSET SESSION "
      "innodb_lock_wait_timeout = DEFAULT",
  };
  CHECK(segment_sql(plan.up) == want);
}

}  // namespace
}  // namespace migrac
