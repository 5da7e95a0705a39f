// Autogenerate of changes to existing tables: columns added (nullable, not
// null with a default, not null without one by a backfill placeholder),
// dropped, retyped, defaults and not null set and dropped, constraints and
// indexes added, dropped and changed, and what the language cannot express.
#include <catch2/catch.hpp>

#include "autogen_test_support.h"

using namespace migrac;
using test::position;
using test::RoundTrip;

namespace {

const char* kShop = R"(
create table users (
  id          bigint identity primary key,
  email       varchar(255) not null unique,
  name        varchar(100),
  age         int,
  status      text not null default 'new',
  created_at  timestamptz not null default now()
);
create table orders (
  id       bigint identity primary key,
  user_id  bigint not null,
  total    decimal(10, 2),
  note     text
);
create index on orders (user_id);
)";

std::string shop_with(const std::string& more) { return std::string(kShop) + more; }

}  // namespace

TEST_CASE("columns added nullable, not null with a default, and not null by a placeholder",
          "[autogen]") {
  RoundTrip r(shop_with("create table counters (name text primary key);"), shop_with(R"(
add column users.phone varchar(20);
add column users.active bool not null default true;
add column users.nick text not null;
add column orders.placed date not null;
create table counters (name text primary key);
add column counters.seq bigint identity;
)"));
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{
                       "add column counters.seq",
                       "add column orders.placed",
                       "backfill orders",
                       "alter column orders.placed set not null",
                       "add column users.phone",
                       "add column users.active",
                       "add column users.nick",
                       "backfill users",
                       "alter column users.nick set not null",
                   });
  const auto& active = r.op<ast::AddColumn>("add column users.active");
  CHECK(active.column.not_null == std::optional<bool>(true));
  CHECK(active.column.default_value);
  CHECK_FALSE(r.op<ast::AddColumn>("add column users.nick").column.not_null);
  const auto& fill = r.op<ast::Backfill>("backfill users");
  REQUIRE(fill.assignments.size() == 1);
  CHECK(fill.assignments[0].column.name == "nick");
  CHECK(fill.assignments[0].value.kind == ast::ExprKind::String);
  CHECK(fill.assignments[0].value.text.empty());
  CHECK(r.op<ast::Backfill>("backfill orders").assignments[0].value.text == "1970-01-01");
  CHECK(r.generated.placeholders == std::vector<std::string>{"orders.placed", "users.nick"});
  std::size_t backfill = position(r.lines, "backfill users");
  REQUIRE(r.generated.comments.before_up.count(backfill) == 1);
  CHECK(r.generated.comments.before_up.at(backfill) ==
        std::vector<std::string>{
            " replace the placeholder '' with the value existing rows get in 'users.nick'"});
}

TEST_CASE("a column dropped, retyped, with defaults and not null set and dropped", "[autogen]") {
  RoundTrip r(kShop, R"(
create table users (
  id          bigint identity primary key,
  email       varchar(255) not null unique,
  name        text not null,
  age         bigint default 18,
  status      text,
  created_at  timestamptz not null
);
create table orders (
  id       bigint identity primary key,
  user_id  bigint not null,
  total    decimal(12, 2)
);
create index on orders (user_id);
)");
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{
                       "alter column orders.total type",
                       "alter column users.name type",
                       "alter column users.age type",
                       "alter column users.age set default",
                       "alter column users.status drop default",
                       "alter column users.created_at drop default",
                       "backfill users",
                       "alter column users.name set not null",
                       "alter column users.status drop not null",
                       "drop column orders.note",
                   });
  CHECK(r.op<ast::AlterColumnType>("alter column orders.total type").type.length == 12);
  CHECK(r.generated.placeholders == std::vector<std::string>{"users.name"});
}

TEST_CASE("a default that may not convert goes before its column's type changes", "[autogen]") {
  RoundTrip r(shop_with(""), R"(
create table users (
  id          bigint identity primary key,
  email       varchar(255) not null unique,
  name        varchar(100),
  age         int,
  status      int not null default 0,
  created_at  timestamptz not null default now()
);
create table orders (
  id       bigint identity primary key,
  user_id  bigint not null,
  total    decimal(10, 2),
  note     int
);
create index on orders (user_id);
)");
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{
                       "alter column orders.note type",
                       "alter column users.status drop default",
                       "alter column users.status type",
                       "alter column users.status set default",
                   });
}

TEST_CASE("unique, foreign key and check constraints added and dropped", "[autogen]") {
  std::string from = shop_with(R"(
add constraint on orders check (total >= 0);
add constraint on users unique (name);
)");
  RoundTrip r(from, shop_with(R"(
add constraint on orders foreign key (user_id) references users (id) on delete cascade;
add constraint on users unique (name, age);
add constraint ck_users_grown_up on users check (age >= 18);
)"));
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{
                       "add constraint on users",
                       "add constraint ck_users_grown_up on users",
                       "add constraint on orders",
                       "drop constraint ck_orders_total on orders",
                       "drop constraint uq_users_name on users",
                   });
  const auto& fk = r.op<ast::AddConstraint>("add constraint on orders");
  CHECK(fk.constraint.kind == ast::ConstraintKind::ForeignKey);
  CHECK(fk.constraint.ref->on_delete == ast::RefAction::Cascade);
}

TEST_CASE("a changed constraint is dropped and added again under its name", "[autogen]") {
  RoundTrip r(shop_with("add constraint on orders check (total >= 0);"),
              shop_with("add constraint ck_orders_total on orders check (total > 0);"));
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{"drop constraint ck_orders_total on orders",
                                            "add constraint on orders"});
}

TEST_CASE("a changed key takes the foreign keys that reference it along", "[autogen]") {
  std::string from = shop_with(R"(
add constraint uq_users_key on users unique (email);
create table mails (address varchar(255) references users (email));
add constraint uq_users_name_key on users unique (name);
create table names (name varchar(100) references users (name));
)");
  SECTION("a foreign key that stays comes back after the key") {
    RoundTrip r(from, shop_with(R"(
add constraint uq_users_key on users unique (email, name);
create table mails (address varchar(255) references users (email));
create table names (name varchar(100));
add constraint uq_users_name_key on users unique (name);
)"));
    r.require_clean();
    CHECK(r.lines == std::vector<std::string>{
                         "drop constraint fk_mails_address_users on mails",
                         "drop constraint uq_users_key on users",
                         "add constraint uq_users_key on users",
                         "add constraint on mails",
                         "drop constraint fk_names_name_users on names",
                     });
  }
  SECTION("a dropped key goes after the foreign keys into it") {
    RoundTrip r(from, shop_with(R"(
add constraint uq_users_key on users unique (email);
create table mails (address varchar(255) references users (email));
create table names (name varchar(100));
)"));
    r.require_clean();
    CHECK(position(r.lines, "drop constraint fk_names_name_users on names") <
          position(r.lines, "drop constraint uq_users_name_key on users"));
  }
}

TEST_CASE("partial and expression indexes added, dropped and changed", "[autogen]") {
  std::string from = shop_with(R"(
create index ix_orders_open on orders (user_id) where total is null;
create index on users (lower(email));
create index ix_users_age on users (age);
)");
  RoundTrip r(from, shop_with(R"(
create index ix_orders_open on orders (user_id) where total is not null;
create unique index on users (lower(name)) where age > 18;
create index ix_users_name_email on users (name, (email || '@'));
create index ix_users_mail on users (email, name);
)"));
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{
                       "drop index ix_orders_open",
                       "create index ix_orders_open on orders",
                       "create unique index on users",
                       "create index on users",
                       "create index ix_users_mail on users",
                       "drop index ix_users_email",
                       "drop index ix_users_age",
                   });
  const auto& partial = r.op<ast::CreateIndex>("create unique index on users");
  CHECK(partial.where);
  REQUIRE(partial.elements.size() == 1);
  CHECK(partial.elements[0].kind == ast::ExprKind::Call);
}

TEST_CASE("what the language cannot express is listed, not skipped", "[autogen]") {
  RoundTrip r(shop_with("create enum mood ('sad', 'ok', 'happy');"), R"(
create table users (
  id          bigint primary key,
  email       varchar(255) not null unique,
  name        varchar(100),
  age         int identity,
  status      text not null default 'new',
  created_at  timestamptz not null default now()
);
create table orders (
  id       bigint identity primary key,
  user_id  bigint not null,
  total    decimal(10, 2),
  note     text
);
create index on orders (user_id);
create enum mood ('happy', 'sad');
)");
  std::vector<std::string> objects;
  for (const autogen::Unexpressible& u : r.generated.unexpressible)
    objects.push_back(u.object + ": " + u.reason);
  CHECK(objects == std::vector<std::string>{
                       "mood.ok: the language has no operation that removes an enum value",
                       "mood: the language has no operation that reorders enum values",
                       "users.id: the language has no operation that removes an identity",
                       "users.age: the language has no operation that makes a column an identity",
                   });
  CHECK(r.check_errors.empty());
  // What could be generated was: age is not null now (an identity is), its
  // null rows filled first.
  CHECK(r.lines ==
        std::vector<std::string>{"backfill users", "alter column users.age set not null"});
  CHECK(r.generated.comments.before_up.at(0) ==
        std::vector<std::string>{
            " replace the placeholder 0 with the value the null rows get in 'users.age'"});
}
