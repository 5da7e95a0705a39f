// Autogenerate with every dialect's normaliser on one set of changes of
// every kind, on a thousand tables, and on a target as a catalog gives it.
#include <catch2/catch.hpp>

#include <algorithm>

#include "autogen_test_support.h"
#include "compiler/dialect/catalog.h"

using namespace migrac;
using test::position;
using test::RoundTrip;

namespace {

const char* kBefore = R"(
create enum mood ('sad', 'ok');
create table users (
  id          bigint identity primary key,
  email       varchar(255) not null unique,
  full_name   varchar(100),
  age         int,
  status      text not null default 'new',
  mood        mood
);
create table orders (
  id       bigint identity primary key,
  user_id  bigint not null references users (id),
  total    decimal(10, 2) check (total >= 0),
  note     text
);
create table audit (id int primary key, user_id bigint references users (id));
create index on orders (user_id);
create index ix_orders_open on orders (user_id) where total is null;
)";

const char* kAfter = R"(
create enum mood ('sad', 'ok', 'glad');
create enum tier ('free', 'paid');
create table users (
  id            bigint identity primary key,
  email         varchar(255) not null unique,
  display_name  varchar(200) not null default '',
  age           bigint not null,
  status        text default 'active',
  mood          mood,
  tier          tier not null default 'free',
  joined        date not null
);
create table orders (
  id       bigint identity primary key,
  user_id  bigint not null,
  total    decimal(10, 2),
  placed   timestamptz not null default now(),
  check (total > 0)
);
create table items (
  id        bigint identity primary key,
  order_id  bigint not null references orders (id) on delete cascade,
  sku       varchar(40) not null unique
);
create index on orders (user_id);
)";

}  // namespace

TEST_CASE("changes of every kind compare clean with every dialect's normaliser", "[autogen]") {
  autogen::Hints hints;
  hints.renames.push_back(autogen::Rename{"users", "full_name", "display_name"});
  for (Dialect d : {Dialect::Postgres, Dialect::Sqlite, Dialect::Mysql}) {
    INFO(dialect_name(d));
    // MariaDB has no expression indexes.
    std::string to = std::string(kAfter) + (d == Dialect::Mysql
                                                ? "create index on items (sku);"
                                                : "create index on items (lower(sku));");
    RoundTrip r(kBefore, to, hints, d);
    r.require_clean();
    CHECK(r.lines.front() == "rename column users.full_name to display_name");
    CHECK(position(r.lines, "create enum tier") < position(r.lines, "add column users.tier"));
    CHECK(position(r.lines, "create table items") <
          position(r.lines, "drop constraint fk_orders_user_id_users on orders"));
    // The dropped table takes its own foreign key along.
    CHECK(std::find(r.lines.begin(), r.lines.end(),
                    "drop constraint fk_audit_user_id_users on audit") == r.lines.end());
    CHECK(r.lines.back() == "drop table audit");
    CHECK(r.generated.placeholders ==
          std::vector<std::string>{"users.joined", "users.display_name", "users.age"});
    // The null rows of a column that becomes not null get a placeholder first.
    std::size_t fill = position(r.lines, "backfill users");
    CHECK(std::holds_alternative<ast::Backfill>(r.generated.up[fill].op));
    const auto& age = std::get<ast::Backfill>(
        r.generated.up[position(r.lines, "alter column users.age set not null") - 1].op);
    CHECK(age.assignments[0].column.name == "age");
    REQUIRE(age.where);
    CHECK(age.where->kind == ast::ExprKind::IsNull);
  }
}

TEST_CASE("a thousand tables come out in the order of their references", "[autogen]") {
  // From 500 tables to 1000, each referencing the one before (declared in
  // reverse, so that names do not give the order), the first 500 with one
  // more column.
  auto table = [](int i, bool extra) {
    std::string name = "t" + std::to_string(10000 - i);
    std::string prev = "t" + std::to_string(10000 - i + 1);
    std::string out = "create table " + name + " (id bigint identity primary key, label text";
    if (i > 0) out += ", prev_id bigint references " + prev + " (id)";
    if (extra) out += ", added int not null default 0";
    return out + ");\n";
  };
  std::string from, to;
  for (int i = 0; i < 500; ++i) from += table(i, false);
  for (int i = 0; i < 1000; ++i) to += table(i, i < 500);
  model::Schema before = test::schema_of(from);
  model::Schema after = test::schema_of(to);
  model::Normalizer n = normalizer(Dialect::Postgres);
  // (The time is a benchmark's, not a test's: about 0.1 s in a release build.)
  autogen::Generated g = autogen::generate(before, after, {}, n);
  CHECK(g.up.size() == 1000);
  // Every new table comes after the one it references.
  REQUIRE(std::holds_alternative<ast::CreateTable>(g.up.front().op));
  CHECK(std::get<ast::CreateTable>(g.up.front().op).table.name == "t9500");
  CHECK(std::get<ast::CreateTable>(g.up[499].op).table.name == "t9001");
}

TEST_CASE("a schema as a catalog gives it: native types and expressions as sql", "[autogen]") {
  // The model at head, and a database where someone changed it by hand, as
  // PostgreSQL's catalog reads back (format_type, pg_get_expr).
  std::string from = R"(
create table users (id bigint identity primary key, email varchar(255) not null, age int);
)";
  model::Schema to = test::schema_of(from);
  model::Table& users = to.tables.at("users");
  ast::TypeRef inet;
  inet.kind = ast::TypeKind::Native;
  inet.name = "inet";
  model::Column handle{"handle", inet, true, raw_sql("'127.0.0.1'::inet"), false, std::nullopt};
  users.columns.push_back(handle);
  model::Constraint ck;
  ck.name = "users_age_check";
  ck.kind = ast::ConstraintKind::Check;
  ck.check = raw_sql("(age > 0)");
  users.constraints.push_back(ck);
  model::Index lower{
      "users_lower_idx",           "users", true, {raw_sql("lower((email)::text)")}, {},
      raw_sql("(age IS NOT NULL)")};
  users.indexes.push_back(lower);
  model::Table notes;
  notes.name = "notes";
  ast::TypeRef bigint;  // the reader's portable types where PostgreSQL's have one
  bigint.kind = ast::TypeKind::BigInt;
  notes.columns.push_back(model::Column{"id", bigint, true, std::nullopt, true, std::nullopt});
  notes.columns.push_back(model::Column{"user_id", bigint, true, std::nullopt, false,
                                        std::nullopt});
  model::Constraint pk;
  pk.name = "notes_pkey";
  pk.kind = ast::ConstraintKind::PrimaryKey;
  pk.columns = {"id"};
  model::Constraint fk;
  fk.name = "notes_user_id_fkey";
  fk.kind = ast::ConstraintKind::ForeignKey;
  fk.columns = {"user_id"};
  fk.ref_table = "users";
  fk.ref_columns = {"id"};
  notes.constraints = {pk, fk};
  to.tables["notes"] = notes;

  model::Normalizer n = normalizer(Dialect::Postgres);
  test::History h(from);
  model::Schema before = h.check();
  autogen::Generated g = autogen::generate(before, to, {}, n);
  CHECK(test::lines_of(g) == std::vector<std::string>{
                                 "create table notes",
                                 "add column users.handle",
                                 "add constraint users_age_check on users",
                                 "create unique index users_lower_idx on users",
                             });
  h.add("0002_sync", g.up);
  const model::Schema& after = h.check();
  CHECK(h.errors() == std::vector<std::string>{});
  std::vector<std::string> differences;
  for (const model::Difference& d : model::compare(after, to, n))
    differences.push_back(model::describe(d));
  CHECK(differences == std::vector<std::string>{});
  // The catalog's names are not the derived ones: they are written.
  const auto& create = std::get<ast::CreateTable>(g.up[0].op);
  REQUIRE(create.constraints.size() == 2);
  CHECK(create.constraints[0].name->name == "notes_pkey");
  CHECK(create.constraints[1].name->name == "notes_user_id_fkey");
}
