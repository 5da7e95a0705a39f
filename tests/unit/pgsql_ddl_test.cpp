// The PostgreSQL raw-DDL reader (compiler/pgsql/ddl.h): raw statements read
// as the model's edits, PostgreSQL's names for unnamed objects, and trees
// it does not follow passed over.
#include <catch2/catch.hpp>

#include <variant>

#include "compiler/pgsql/ddl.h"
#include "compiler/pgsql/names.h"

using namespace migrac;

namespace {

// What one edit is, as text.
struct Describe {
  std::string operator()(const model::ChangeKind& k) const { return std::visit(*this, k); }
  std::string operator()(const model::AddTable& c) const { return "add table " + c.table.name; }
  std::string operator()(const model::DropTable& c) const { return "drop table " + c.table.name; }
  std::string operator()(const model::RenameTable& c) const {
    return "rename table " + c.from + " " + c.to;
  }
  std::string operator()(const model::AddColumn& c) const {
    std::string out = "add column " + c.table + "." + c.column.name;
    for (const model::Constraint& k : c.constraints) out += " +" + k.name;
    return out;
  }
  std::string operator()(const model::DropColumn& c) const {
    return "drop column " + c.table + "." + c.column.name;
  }
  std::string operator()(const model::RenameColumn& c) const {
    return "rename column " + c.table + "." + c.from + " " + c.to;
  }
  std::string operator()(const model::AlterColumnType& c) const {
    return "alter type " + c.table + "." + c.column;
  }
  std::string operator()(const model::SetNotNull& c) const {
    return "set not null " + c.table + "." + c.column;
  }
  std::string operator()(const model::DropNotNull& c) const {
    return "drop not null " + c.table + "." + c.column;
  }
  std::string operator()(const model::SetDefault& c) const {
    return "default " + c.table + "." + c.column + " " + (c.to ? c.to->text : "none");
  }
  std::string operator()(const model::AddConstraint& c) const {
    return "add constraint " + c.table + " " + c.constraint.name;
  }
  std::string operator()(const model::DropConstraint& c) const {
    return "drop constraint " + c.table + " " + c.constraint.name;
  }
  std::string operator()(const model::CreateIndex& c) const {
    return "create index " + c.index.name + " on " + c.index.table;
  }
  std::string operator()(const model::DropIndex& c) const { return "drop index " + c.index.name; }
  std::string operator()(const model::CreateEnum& c) const { return "create enum " + c.type.name; }
  std::string operator()(const model::AddEnumValue& c) const {
    return "add value " + c.type + " " + c.value +
           (c.neighbor ? (c.before ? " before " : " after ") + *c.neighbor : "");
  }
  std::string operator()(const model::DropEnum& c) const { return "drop enum " + c.type.name; }
  std::string operator()(const model::RenameIndex& c) const {
    return "rename index " + c.from + " " + c.to;
  }
  std::string operator()(const model::RenameConstraint& c) const {
    return "rename constraint " + c.table + " " + c.from + " " + c.to;
  }
  template <class T>
  std::string operator()(const T&) const {
    return "other";
  }
};

// Reads `sql` on `schema`, applying each edit; returns the edits as text.
std::vector<std::string> read(model::Schema& schema, const std::string& sql) {
  std::vector<std::string> out;
  pgsql::read_ddl(sql, schema, [&](const model::Edit& e) {
    out.push_back(std::visit(Describe{}, e));
    model::apply(schema, e);
  });
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("ddl: statements read as the checker's changes", "[pgsql][ddl]") {
  model::Schema s;
  CHECK(read(s,
             "CREATE TABLE users (id bigserial PRIMARY KEY, email text UNIQUE, "
             "n int DEFAULT 0 NOT NULL CHECK (n >= 0))") == V{"add table users"});
  const model::Table& users = s.tables.at("users");
  REQUIRE(users.constraints.size() == 3);
  CHECK(users.constraints[0].name == "users_pkey");
  CHECK(users.constraints[1].name == "users_email_key");
  CHECK(users.constraints[2].name == "users_n_check");
  CHECK(users.column("n")->default_value->text == "0");
  CHECK(users.column("n")->not_null);
  CHECK(s.key_owner.at("users_email_key") == "users");
  CHECK(read(s,
             "ALTER TABLE users ADD COLUMN a int UNIQUE, ADD COLUMN b int UNIQUE, "
             "ALTER COLUMN a SET DEFAULT 1 + 2, ALTER COLUMN n DROP DEFAULT, "
             "ALTER COLUMN a SET NOT NULL, ALTER COLUMN b TYPE bigint, DROP COLUMN b, "
             "ADD CONSTRAINT a_pos CHECK (a > 0), DROP CONSTRAINT users_n_check") ==
        V{"add column users.a +users_a_key", "add column users.b +users_b_key",
          "default users.a 1 + 2", "default users.n none", "set not null users.a",
          "alter type users.b", "drop column users.b", "add constraint users a_pos",
          "drop constraint users users_n_check"});
  CHECK(read(s,
             "CREATE INDEX ON users (lower(email)) WHERE n > 0; CREATE INDEX ON users "
             "(lower(email))") ==
        V{"create index users_lower_idx on users", "create index users_lower_idx1 on users"});
  CHECK(read(s,
             "ALTER INDEX users_lower_idx1 RENAME TO ix_two; "
             "ALTER TABLE users RENAME CONSTRAINT a_pos TO a_positive; "
             "ALTER TABLE users RENAME COLUMN a TO aa; ALTER TABLE users RENAME TO people") ==
        V{"rename index users_lower_idx1 ix_two", "rename constraint users a_pos a_positive",
          "rename column users.a aa", "rename table users people"});
  CHECK(
      read(
          s,
          "CREATE TYPE mood AS ENUM ('a', 'c'); ALTER TYPE mood ADD VALUE 'b' BEFORE 'c'; "
          "ALTER TYPE mood ADD VALUE 'd' AFTER 'c'; ALTER TYPE mood ADD VALUE IF NOT EXISTS 'a'") ==
      V{"create enum mood", "add value mood b before c", "add value mood d after c"});
  CHECK(s.enums.at("mood").values == V{"a", "b", "c", "d"});
  CHECK(read(s, "DROP INDEX ix_two; DROP TABLE people; DROP TYPE mood") ==
        V{"drop index ix_two", "drop table people", "drop enum mood"});
  CHECK(s.tables.empty());
  CHECK(s.index_owner.empty());
  CHECK(s.key_owner.empty());
  CHECK(s.enums.empty());
}

TEST_CASE("ddl: what it does not follow is passed over", "[pgsql][ddl]") {
  model::Schema s;
  CHECK(read(s, "CREATE TABLE t (id int)").size() == 1);
  // Unknown tables, columns and objects; other statements; broken SQL.
  CHECK(read(s,
             "ALTER TABLE nope ADD COLUMN x int; ALTER TABLE t DROP COLUMN nope; "
             "ALTER TABLE t RENAME COLUMN nope TO x; ALTER TABLE t RENAME TO t; "
             "DROP TABLE IF EXISTS nope; DROP INDEX IF EXISTS nope; DROP TYPE IF EXISTS nope; "
             "CREATE INDEX ON nope (x); ALTER TYPE nope ADD VALUE 'x'; "
             "CREATE VIEW v AS SELECT 1; INSERT INTO t VALUES (1); "
             "ALTER TABLE t DROP CONSTRAINT nope; ALTER TABLE t ADD COLUMN id int")
            .empty());
  CHECK(read(s, "CREATE TABLE (").empty());
  CHECK(read(s, "").empty());
  CHECK(s.tables.at("t").columns.size() == 1);
}

TEST_CASE("ddl: PostgreSQL's names for unnamed objects", "[pgsql][ddl]") {
  model::Table t;
  t.name = "orders";
  CHECK(pgsql::primary_key_name("orders") == "orders_pkey");
  CHECK(pgsql::constraint_name(t, {"user_id"}, "fkey") == "orders_user_id_fkey");
  CHECK(pgsql::constraint_name(t, {}, "check") == "orders_check");
  t.constraints.push_back(model::Constraint{
      "orders_a_b_key", ast::ConstraintKind::Unique, {}, {}, {}, {}, {}, {}});
  CHECK(pgsql::constraint_name(t, {"a", "b"}, "key") == "orders_a_b_key1");
  model::Schema s;
  s.index_owner["orders_total_idx"] = "orders";
  CHECK(pgsql::index_name(s, "orders", {"total"}) == "orders_total_idx1");
  CHECK(pgsql::index_name(s, "orders", {"lower", "note"}) == "orders_lower_note_idx");
}
