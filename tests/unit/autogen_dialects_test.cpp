// Autogenerate with every dialect's normaliser on one set of changes of
// every kind, and its speed on a thousand tables.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>

#include "autogen_test_support.h"

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

TEST_CASE("a thousand tables generate in well under a second", "[autogen]") {
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
  auto start = std::chrono::steady_clock::now();
  autogen::Generated g = autogen::generate(before, after, {}, n);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(g.up.size() == 1000);
  CHECK(seconds < 0.5);
  // Every new table comes after the one it references.
  REQUIRE(std::holds_alternative<ast::CreateTable>(g.up.front().op));
  CHECK(std::get<ast::CreateTable>(g.up.front().op).table.name == "t9500");
  CHECK(std::get<ast::CreateTable>(g.up[499].op).table.name == "t9001");
}
