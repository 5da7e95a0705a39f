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

TEST_CASE("ddl: column types as the language names them", "[pgsql][ddl]") {
  model::Schema s;
  read(s,
       "CREATE TYPE mood AS ENUM ('a'); CREATE TABLE t (ip inet, tags text[], "
       "ids int[], moods mood[], at timetz, doc tsvector, r int4range, rs int4range[])");
  const model::Table& t = s.tables.at("t");
  using K = ast::TypeKind;
  CHECK(t.column("ip")->type.kind == K::Postgres);
  CHECK(t.column("ip")->type.name == "inet");
  CHECK_FALSE(t.column("ip")->type.array);
  CHECK(t.column("tags")->type.kind == K::Text);
  CHECK(t.column("tags")->type.array);
  CHECK(t.column("ids")->type.kind == K::Int);
  CHECK(t.column("ids")->type.array);
  CHECK(t.column("moods")->type.kind == K::Enum);
  CHECK(t.column("moods")->type.array);
  CHECK(t.column("at")->type.kind == K::Postgres);
  CHECK(t.column("at")->type.name == "timetz");
  CHECK(t.column("doc")->type.name == "tsvector");
  // what the language does not name stays native text, brackets and all
  CHECK(t.column("r")->type.kind == K::Native);
  CHECK(t.column("r")->type.name == "int4range");
  CHECK(t.column("rs")->type.kind == K::Native);
  CHECK(t.column("rs")->type.name == "int4range[]");
  CHECK_FALSE(t.column("rs")->type.array);
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

namespace {

// Reads `sql` on `schema` like read(), and returns its notes as text:
// "<kind> <what>[ <context>][ (<object>)][ tables][ opaque] @begin".
std::vector<std::string> notes(model::Schema& schema, const std::string& sql,
                               std::vector<std::string>* edits = nullptr) {
  std::vector<std::string> out;
  pgsql::read_ddl(
      sql, schema,
      [&](const model::Edit& e) {
        if (edits) edits->push_back(std::visit(Describe{}, e));
        model::apply(schema, e);
      },
      [&](const pgsql::Unfollowed& n) {
        const char* kind = n.kind == pgsql::UnfollowedKind::Guessed     ? "guessed"
                           : n.kind == pgsql::UnfollowedKind::Unmodeled ? "unmodeled"
                                                                        : "unfollowed";
        std::string s = std::string(kind) + " " + n.what;
        if (!n.context.empty()) s += " " + n.context;
        if (!n.object.empty()) s += " (" + n.object + ")";
        for (const std::string& t : n.tables) s += " " + t;
        if (!n.type.empty()) s += " type=" + n.type;
        if (n.opaque) s += " opaque";
        s += " @" + std::to_string(n.begin);
        out.push_back(s);
      });
  return out;
}

}  // namespace

TEST_CASE("ddl: DO blocks are read with PL/pgSQL's parser", "[pgsql][ddl][do]") {
  model::Schema s;
  read(s, "CREATE TABLE t (id int)");
  std::vector<std::string> edits;
  // The two idempotent idioms: no note, the edits land.
  const std::string idioms = R"(DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
    CREATE TYPE mood AS ENUM ('a', 'b');
  END IF;
  BEGIN
    ALTER TABLE t ADD COLUMN c int;
  EXCEPTION WHEN duplicate_column THEN NULL;
  END;
  EXECUTE 'ALTER TABLE t ADD COLUMN d text';
END $$)";
  CHECK(notes(s, idioms, &edits).empty());
  CHECK(edits == V{"create enum mood", "add column t.c", "add column t.d"});
  CHECK(s.enums.at("mood").values == V{"a", "b"});
  // A built string is opaque; its position is the EXECUTE's text.
  const std::string built =
      "DO $$ BEGIN EXECUTE format('ALTER TABLE %I ADD COLUMN x int', 't'); END $$";
  edits.clear();
  CHECK(notes(s, built, &edits) ==
        V{"unfollowed EXECUTE of a built string opaque @" + std::to_string(built.find("format("))});
  CHECK(edits.empty());
  // A guess: a condition that is not about existence, a loop; other
  // branches and handlers are not followed.
  const std::string guessed = R"(DO $$
DECLARE n int;
BEGIN
  IF (SELECT count(*) FROM t) > 0 THEN
    ALTER TABLE t ADD COLUMN e int;
  ELSE
    ALTER TABLE t ADD COLUMN f int;
  END IF;
  FOR n IN 1..2 LOOP ALTER TABLE t ADD COLUMN g int; END LOOP;
EXCEPTION WHEN others THEN DROP TABLE t;
END $$)";
  edits.clear();
  CHECK(notes(s, guessed, &edits) ==
        V{"guessed ALTER TABLE t @" + std::to_string(guessed.find("ALTER TABLE t ADD COLUMN e")),
          "unfollowed ALTER TABLE in an ELSE branch of a DO block t @" +
              std::to_string(guessed.find("ALTER TABLE t ADD COLUMN f")),
          "guessed ALTER TABLE t @" + std::to_string(guessed.find("ALTER TABLE t ADD COLUMN g")),
          "unfollowed DROP TABLE in an EXCEPTION handler of a DO block t @" +
              std::to_string(guessed.find("DROP TABLE t"))});
  CHECK(edits == V{"add column t.e", "add column t.g"});
  // A body PL/pgSQL cannot read, another language.
  CHECK(notes(s, "DO $$ BEGIN FOR r IN SELECT 1 LOOP END LOOP; END $$")
            .at(0)
            .find("unfollowed DO whose body PL/pgSQL cannot read") == 0);
  CHECK(notes(s, "DO LANGUAGE plperl $$ 1 $$") == V{"unfollowed DO in LANGUAGE plperl opaque @0"});
}

TEST_CASE("ddl: statements it does not follow get a note", "[pgsql][ddl]") {
  model::Schema s;
  read(s, "CREATE TABLE t (id int, a text); CREATE TABLE u (id int)");
  // Quiet: data, grants, comments, settings, ALTER TABLE parts the model does not hold.
  CHECK(notes(s,
              "INSERT INTO t VALUES (1); UPDATE t SET a = ''; DELETE FROM t; SELECT 1; "
              "GRANT SELECT ON t TO PUBLIC; COMMENT ON TABLE t IS 'x'; SET search_path = x; "
              "COPY t FROM stdin; ALTER TABLE t ENABLE TRIGGER ALL, SET (fillfactor = 50); "
              "ALTER SEQUENCE s RESTART; DROP VIEW IF EXISTS v")
            .empty());
  std::vector<std::string> edits;
  const std::string unmodeled =
      "CREATE VIEW v AS SELECT * FROM t JOIN u USING (id); "
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN END $$; "
      "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f(); "
      "CREATE TYPE addr AS (street text); CREATE DOMAIN email AS text; "
      "CREATE EXTENSION citext; CREATE MATERIALIZED VIEW mv AS SELECT 1";
  auto at = [](const std::string& text, const char* part) {
    return " @" + std::to_string(text.find(part));
  };
  CHECK(notes(s, unmodeled, &edits) ==
        V{"unmodeled CREATE VIEW (view 'v') t u" + at(unmodeled, "CREATE VIEW"),
          "unmodeled CREATE FUNCTION (function 'f')" + at(unmodeled, "CREATE FUNCTION"),
          "unmodeled CREATE TRIGGER (trigger 'trg') t" + at(unmodeled, "CREATE TRIGGER"),
          "unmodeled CREATE TYPE ... AS (...) (type 'addr') type=addr" +
              at(unmodeled, "CREATE TYPE"),
          "unmodeled CREATE DOMAIN (domain 'email') type=email" + at(unmodeled, "CREATE DOMAIN"),
          "unmodeled CREATE EXTENSION (extension 'citext') type=*" +
              at(unmodeled, "CREATE EXTENSION"),
          "unmodeled CREATE MATERIALIZED VIEW (materialized view 'mv')" +
              at(unmodeled, "CREATE MATERIALIZED")});
  CHECK(edits.empty());
  // Tables changed in ways the model cannot know.
  const std::string lost =
      "ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY; "
      "ALTER TABLE t ALTER COLUMN nope TYPE int; CREATE TABLE c AS SELECT * FROM t; "
      "CREATE TABLE l (LIKE t, x int); ALTER TABLE u SET SCHEMA other; "
      "ALTER TABLE nope ADD COLUMN x int";
  CHECK(notes(s, lost, &edits) ==
        V{"unfollowed ALTER TABLE ... ADD GENERATED AS IDENTITY t @0",
          "unfollowed ALTER TABLE ... ALTER COLUMN TYPE of column 'nope' t" +
              at(lost, "ALTER TABLE t ALTER COLUMN nope"),
          "unfollowed CREATE TABLE ... AS (the columns of table 'c') c" +
              at(lost, "CREATE TABLE c"),
          "unfollowed CREATE TABLE ... (LIKE ...) (the columns of table 'l') l" +
              at(lost, "CREATE TABLE l"),
          "unfollowed ALTER ... SET SCHEMA u" + at(lost, "ALTER TABLE u"),
          "unfollowed ALTER TABLE ... ADD COLUMN nope" + at(lost, "ALTER TABLE nope")});
  CHECK(edits == V{"add table c", "add table l"});
  CHECK(s.tables.at("l").columns.size() == 1);
}

TEST_CASE("ddl: CASCADE drops what depends on the object", "[pgsql][ddl]") {
  model::Schema s;
  read(s,
       "CREATE TYPE mood AS ENUM ('a'); CREATE TABLE t (id int PRIMARY KEY, m mood); "
       "CREATE TABLE u (id int, t_id int REFERENCES t)");
  CHECK(read(s, "DROP TYPE mood CASCADE; DROP TABLE t CASCADE") ==
        V{"drop column t.m", "drop enum mood", "drop constraint u u_t_id_fkey", "drop table t"});
  CHECK(s.tables.at("u").constraints.empty());
}
