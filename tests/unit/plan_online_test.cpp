// Online compilation (docs/language.md): every change to an existing table in the
// form that holds the weakest lock, and its plain counterpart for a table
// created in the same migration or with `online` off.

#include <catch2/catch.hpp>

#include "tests/unit/plan_test_fixtures.h"

namespace migrac {
namespace {

using namespace migrac::testing;
using TK = ast::TypeKind;
using Strings = std::vector<std::string>;

MigrationSettings offline() {
  MigrationSettings s;
  s.online = false;
  return s;
}

TEST_CASE("create index: concurrently with recovery, or plain", "[plan][online]") {
  model::Index ix = index("ix_users_email", "users", {"email"});
  MigrationPlan online = pg_plan({change(model::CreateIndex{ix, false, false})});
  CHECK(segment_sql(online.up) ==
        Strings{"no-tx\n"
                "SET lock_timeout = '5s'\n"
                "DROP INDEX CONCURRENTLY IF EXISTS ix_users_email\n"
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email ON users (email)\n"
                "RESET lock_timeout"});
  const PlannedStatement& recovery = online.up[0].statements[1];
  CHECK(recovery.role == StatementRole::Recovery);
  CHECK(recovery.condition_sql ==
        "SELECT EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('ix_users_email') "
        "AND NOT indisvalid)");
  CHECK(online.up[0].statements[0].role == StatementRole::Setting);
  CHECK(online.up[0].statements[2].role == StatementRole::Ddl);
  CHECK(online.up[0].statements[2].lock.level == "SHARE UPDATE EXCLUSIVE");
  CHECK(online.up[0].statements[2].source.begin.line == 3);

  Strings plain = {
      "tx\nSET LOCAL lock_timeout = '5s'\nCREATE INDEX ix_users_email ON users (email)"};
  CHECK(segment_sql(pg_plan({change(model::CreateIndex{ix, false, false}, 3, true)}).up) == plain);
  CHECK(segment_sql(pg_plan({change(model::CreateIndex{ix, false, false})}, offline()).up) ==
        plain);
}

TEST_CASE("drop index: concurrently, or plain", "[plan][online]") {
  model::Index ix = index("ix_users_email", "users", {"email"});
  CHECK(segment_sql(pg_plan({change(model::DropIndex{ix, false, false})}).up) ==
        Strings{"no-tx\nSET lock_timeout = '5s'\nDROP INDEX CONCURRENTLY IF EXISTS "
                "ix_users_email\nRESET lock_timeout"});
  CHECK(segment_sql(pg_plan({change(model::DropIndex{ix, false, false})}, offline()).up) ==
        Strings{"tx\nSET LOCAL lock_timeout = '5s'\nDROP INDEX ix_users_email"});
}

TEST_CASE("add foreign key / check: NOT VALID, then VALIDATE in its own transaction",
          "[plan][online]") {
  model::Constraint f = fk("fk_orders_user_id_users", {"user_id"}, "users", {"id"});
  MigrationPlan online = pg_plan({change(model::AddConstraint{"orders", f, false})});
  CHECK(segment_sql(online.up) ==
        Strings{"tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE orders ADD CONSTRAINT "
                "fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID",
                "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE orders VALIDATE CONSTRAINT "
                "fk_orders_user_id_users"});
  CHECK_FALSE(online.up[0].statements[1].lock.scans);
  CHECK(online.up[1].statements[1].lock.level == "SHARE UPDATE EXCLUSIVE");

  model::Constraint ck = check("ck_users_name", bin(">", call("length", {col("name")}), num("2")));
  CHECK(segment_sql(pg_plan({change(model::AddConstraint{"users", ck, false})}).up) ==
        Strings{"tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE users ADD CONSTRAINT ck_users_name "
                "CHECK (length(name) > 2) NOT VALID",
                "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE users VALIDATE CONSTRAINT "
                "ck_users_name"});

  Strings plain = {
      "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE users ADD CONSTRAINT "
      "ck_users_name CHECK (length(name) > 2)"};
  CHECK(segment_sql(pg_plan({change(model::AddConstraint{"users", ck, false}, 3, true)}).up) ==
        plain);
  CHECK(segment_sql(pg_plan({change(model::AddConstraint{"users", ck, false})}, offline()).up) ==
        plain);
}

TEST_CASE("add unique / primary key: unique index concurrently, then USING INDEX",
          "[plan][online]") {
  model::Constraint uq = unique("uq_articles_slug", {"slug"});
  MigrationPlan online = pg_plan({change(model::AddConstraint{"articles", uq, false})});
  CHECK(segment_sql(online.up) ==
        Strings{"no-tx\nSET lock_timeout = '5s'\nDROP INDEX CONCURRENTLY IF EXISTS "
                "uq_articles_slug\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_articles_slug "
                "ON articles (slug)\nRESET lock_timeout",
                "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE articles ADD CONSTRAINT "
                "uq_articles_slug UNIQUE USING INDEX uq_articles_slug"});
  CHECK(online.up[0].statements[1].role == StatementRole::Recovery);

  model::Constraint key = pk("pk_tags", {"article_id", "name"});
  CHECK(segment_sql(pg_plan({change(model::AddConstraint{"tags", key, false})}).up) ==
        Strings{
            "no-tx\nSET lock_timeout = '5s'\nDROP INDEX CONCURRENTLY IF EXISTS pk_tags\n"
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS pk_tags ON tags (article_id, name)\n"
            "RESET lock_timeout",
            "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE tags ADD CONSTRAINT pk_tags PRIMARY "
            "KEY USING INDEX pk_tags"});

  CHECK(segment_sql(pg_plan({change(model::AddConstraint{"articles", uq, false})}, offline()).up) ==
        Strings{"tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE articles ADD CONSTRAINT "
                "uq_articles_slug UNIQUE (slug)"});
}

TEST_CASE("set not null: check NOT VALID, validate, set, drop the check", "[plan][online]") {
  MigrationPlan online = pg_plan({change(model::SetNotNull{"users", "name"})});
  CHECK(segment_sql(online.up) ==
        Strings{"tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE users ADD CONSTRAINT "
                "ck_users_name_not_null CHECK (name IS NOT NULL) NOT VALID",
                "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE users VALIDATE CONSTRAINT "
                "ck_users_name_not_null",
                "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE users ALTER COLUMN name SET NOT "
                "NULL\nALTER TABLE users DROP CONSTRAINT ck_users_name_not_null"});
  // SET NOT NULL trusts the validated check: no scan.
  const PlannedStatement& set = online.up[2].statements[1];
  CHECK(set.lock.level == "ACCESS EXCLUSIVE");
  CHECK_FALSE(set.lock.scans);

  Strings plain = {
      "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE users ALTER COLUMN name SET NOT NULL"};
  CHECK(segment_sql(pg_plan({change(model::SetNotNull{"users", "name"}, 3, true)}).up) == plain);
  CHECK(segment_sql(pg_plan({change(model::SetNotNull{"users", "name"})}, offline()).up) == plain);
  CHECK(pg_plan({change(model::SetNotNull{"users", "name"})}, offline())
            .up[0]
            .statements[1]
            .lock.scans);
}

TEST_CASE("the temporary not-null check name fits 63 bytes", "[plan][online]") {
  std::string table(40, 't');
  std::string col_name(40, 'c');
  MigrationPlan plan = pg_plan({change(model::SetNotNull{table, col_name})});
  const std::string& add = plan.up[0].statements[1].sql;
  std::string prefix = "ALTER TABLE " + table + " ADD CONSTRAINT ";
  REQUIRE(add.starts_with(prefix));
  std::string name = add.substr(prefix.size(), add.find(' ', prefix.size()) - prefix.size());
  CHECK(name.size() <= 63);
  CHECK(name == default_name("ck", table, {col_name, "not_null"}, 63));
  CHECK(name.starts_with("ck_ttt"));
}

TEST_CASE("add column with constraints on an existing table", "[plan][online]") {
  model::Change add = change(model::AddColumn{
      "orders",
      column("user_id", type(TK::BigInt)),
      {fk("fk_orders_user_id_users", {"user_id"}, "users", {"id"}),
       unique("uq_orders_user_id", {"user_id"})}});
  CHECK(segment_sql(pg_plan({add}).up) ==
        Strings{"tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE orders ADD COLUMN user_id bigint\n"
                "ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) "
                "REFERENCES users (id) NOT VALID",
                "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE orders VALIDATE CONSTRAINT "
                "fk_orders_user_id_users",
                "no-tx\nSET lock_timeout = '5s'\nDROP INDEX CONCURRENTLY IF EXISTS "
                "uq_orders_user_id\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "
                "uq_orders_user_id ON orders (user_id)\nRESET lock_timeout",
                "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE orders ADD CONSTRAINT "
                "uq_orders_user_id UNIQUE USING INDEX uq_orders_user_id"});
  CHECK(segment_sql(pg_plan({add}, offline()).up) ==
        Strings{"tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE orders\n"
                "  ADD COLUMN user_id bigint,\n"
                "  ADD CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users "
                "(id),\n"
                "  ADD CONSTRAINT uq_orders_user_id UNIQUE (user_id)"});
  // A plain column needs nothing more.
  CHECK(segment_sql(
            pg_plan({change(model::AddColumn{"users", column("bio", type(TK::Text)), {}})}).up) ==
        Strings{"tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE users ADD COLUMN bio text"});
}

TEST_CASE("a table created in the same migration gets plain forms throughout", "[plan][online]") {
  model::Table t;
  t.name = "tags";
  t.columns = {column("id", type(TK::BigInt), true, std::nullopt, true),
               column("name", type(TK::Text), true)};
  t.constraints = {pk("pk_tags", {"id"})};
  MigrationPlan plan = pg_plan({
      change(model::AddTable{t}, 2),
      change(model::CreateIndex{index("ix_tags_name", "tags", {"name"}), false, false}, 8, true),
      change(model::AddConstraint{"tags", check("ck_tags_name", bin("<>", col("name"), str(""))),
                                  false},
             9, true),
  });
  CHECK(segment_sql(plan.up) ==
        Strings{"tx\n"
                "SET LOCAL lock_timeout = '5s'\n"
                "CREATE TABLE tags (\n"
                "  id bigint NOT NULL GENERATED BY DEFAULT AS IDENTITY,\n"
                "  name text NOT NULL,\n"
                "  CONSTRAINT pk_tags PRIMARY KEY (id)\n"
                ")\n"
                "CREATE INDEX ix_tags_name ON tags (name)\n"
                "ALTER TABLE tags ADD CONSTRAINT ck_tags_name CHECK (name <> '')"});
  // The lock_timeout setting opens the segment.
  REQUIRE(plan.up.size() == 1);
  CHECK(plan.up[0].statements[0].sql == "SET LOCAL lock_timeout = '5s'");
  CHECK(plan.up[0].statements[1].sql.starts_with("CREATE TABLE tags"));
  CHECK(plan.up[0].statements[2].sql == "CREATE INDEX ix_tags_name ON tags (name)");
  CHECK(plan.up[0].statements[3].sql ==
        "ALTER TABLE tags ADD CONSTRAINT ck_tags_name CHECK (name <> '')");
}

TEST_CASE("enum add value commits in a transaction of its own", "[plan][online]") {
  MigrationPlan plan = pg_plan({
      change(model::AddEnumValue{"order_status", "refunded", std::string("shipped"), false}, 2),
      change(model::SetDefault{"orders", "status", str("pending"), str("refunded")}, 3),
  });
  CHECK(segment_sql(plan.up) ==
        Strings{"tx\nSET LOCAL lock_timeout = '5s'\nALTER TYPE order_status ADD VALUE IF NOT "
                "EXISTS 'refunded' "
                "AFTER 'shipped'",
                "tx\nSET LOCAL lock_timeout = '5s'\nALTER TABLE orders ALTER COLUMN status SET "
                "DEFAULT 'refunded'"});
}

}  // namespace
}  // namespace migrac
