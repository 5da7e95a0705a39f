// Autogenerate of what is new: enums, enum values at their place, tables with
// every column feature, foreign keys after their targets, a cycle of foreign
// keys between new tables, and names written only where they are not derived.
#include <catch2/catch.hpp>

#include "autogen_test_support.h"

using namespace migrac;
using test::position;
using test::RoundTrip;

namespace {

const char* kUsers = R"(
create table users (
  id     bigint identity primary key,
  email  varchar(255) not null unique
);
)";

}  // namespace

TEST_CASE("a new table with every column feature, after the enum it uses", "[autogen]") {
  std::string to = std::string(kUsers) + R"(
create enum mood ('sad', 'ok', 'happy');
create table people (
  id        bigint identity primary key,
  user_id   bigint not null references users (id) on delete cascade,
  name      varchar(100) not null default 'anonymous',
  nick      text,
  mood      mood not null default 'ok',
  score     decimal(10, 2) check (score > 0),
  born      date,
  constraint uq_people_handle unique (nick),
  unique (name, born),
  check (score < 1000)
);
create index on people (lower(name));
create unique index ix_people_active on people (user_id) where nick is not null;
)";
  RoundTrip r(kUsers, to);
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{"create enum mood", "create table people",
                                            "create index on people",
                                            "create unique index ix_people_active on people"});
  const auto& create = r.op<ast::CreateTable>("create table people");
  REQUIRE(create.columns.size() == 7);
  const ast::ColumnDef& id = create.columns[0];
  CHECK(id.identity);
  CHECK(id.primary_key);
  CHECK_FALSE(id.not_null);  // implied by identity and the key
  const ast::ColumnDef& name = create.columns[2];
  CHECK(name.not_null == std::optional<bool>(true));
  REQUIRE(name.default_value);
  CHECK(name.default_value->text == "anonymous");
  CHECK(create.columns[4].type.kind == ast::TypeKind::Enum);
  CHECK(create.columns[5].type.length == 10);
  CHECK(create.columns[5].type.scale == 2);
  // Derived names are left out, the other one is written; the foreign key comes last.
  REQUIRE(create.constraints.size() == 5);
  CHECK(create.constraints[0].kind == ast::ConstraintKind::Check);
  CHECK_FALSE(create.constraints[0].name);
  CHECK(create.constraints[1].name->name == "uq_people_handle");
  CHECK_FALSE(create.constraints[2].name);
  CHECK_FALSE(create.constraints[3].name);  // ck_people_score_2, derived
  const ast::TableConstraint& fk = create.constraints[4];
  CHECK(fk.kind == ast::ConstraintKind::ForeignKey);
  CHECK_FALSE(fk.name);
  CHECK(fk.ref->table.name == "users");
  CHECK(fk.ref->on_delete == ast::RefAction::Cascade);
  CHECK_FALSE(fk.ref->on_update);
  CHECK_FALSE(r.op<ast::CreateIndex>("create index on people").name);
}

TEST_CASE("a composite or named primary key is a table constraint", "[autogen]") {
  RoundTrip r(kUsers, std::string(kUsers) + R"(
create table pairs (a int, b int, primary key (a, b));
create table named (id int, constraint named_key primary key (id));
)");
  r.require_clean();
  const auto& pairs = r.op<ast::CreateTable>("create table pairs");
  CHECK_FALSE(pairs.columns[0].primary_key);
  REQUIRE(pairs.constraints.size() == 1);
  CHECK(pairs.constraints[0].kind == ast::ConstraintKind::PrimaryKey);
  CHECK_FALSE(pairs.constraints[0].name);
  const auto& named = r.op<ast::CreateTable>("create table named");
  REQUIRE(named.constraints.size() == 1);
  CHECK(named.constraints[0].name->name == "named_key");
}

TEST_CASE("enum values are added at their place in the target's order", "[autogen]") {
  RoundTrip r("create enum mood ('sad', 'happy');",
              "create enum mood ('meh', 'sad', 'ok', 'happy', 'ecstatic');");
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{
                       "alter enum mood add value 'meh' before 'sad'",
                       "alter enum mood add value 'ok' after 'sad'",
                       "alter enum mood add value 'ecstatic' after 'happy'",
                   });
  CHECK(r.generated.unexpressible.empty());
}

TEST_CASE("a new enum and its values come before the tables that use them", "[autogen]") {
  RoundTrip r(std::string(kUsers) + "create enum mood ('sad');", std::string(kUsers) + R"(
create enum mood ('sad', 'glad');
create enum tier ('free', 'paid');
add column users.tier tier not null default 'free';
add column users.mood mood default 'glad';
)");
  r.require_clean();
  std::size_t tier = position(r.lines, "create enum tier");
  std::size_t glad = position(r.lines, "alter enum mood add value 'glad' after 'sad'");
  CHECK(tier < position(r.lines, "add column users.tier"));
  CHECK(glad < position(r.lines, "add column users.mood"));
}

TEST_CASE("new tables come after the new tables they reference", "[autogen]") {
  // a_items references b_orders, which references c_customers: names sort
  // the other way, so the order is the references'.
  RoundTrip r("create table seed (id int primary key);", R"(
create table seed (id int primary key);
create table c_customers (id int primary key);
create table b_orders (id int primary key, customer_id int references c_customers (id));
create table a_items (id int primary key, order_id int references b_orders (id),
                      seed_id int references seed (id));
)");
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{"create table c_customers", "create table b_orders",
                                            "create table a_items"});
  // Every foreign key inline (the primary key is the column's): its target is there before it.
  CHECK(r.op<ast::CreateTable>("create table a_items").constraints.size() == 2);
}

TEST_CASE("a cycle of foreign keys between new tables closes with add constraint", "[autogen]") {
  RoundTrip r("create table seed (id int primary key);", R"(
create table seed (id int primary key);
create table authors (id int primary key, best_book_id int);
create table books (id int primary key, author_id int not null references authors (id));
add constraint on authors foreign key (best_book_id) references books (id) on delete set null;
create table nodes (id int primary key, parent_id int references nodes (id));
)");
  r.require_clean();
  std::size_t authors = position(r.lines, "create table authors");
  std::size_t books = position(r.lines, "create table books");
  std::size_t closing = position(r.lines, "add constraint on authors");
  CHECK(authors < books);
  CHECK(books < closing);
  // The table's own key can be referenced inline.
  const auto& nodes = r.op<ast::CreateTable>("create table nodes");
  REQUIRE(nodes.constraints.size() == 1);
  CHECK(nodes.constraints[0].ref->table.name == "nodes");
  CHECK(r.lines.size() == 4);
  const auto& add = r.op<ast::AddConstraint>("add constraint on authors");
  CHECK(add.constraint.ref->on_delete == ast::RefAction::SetNull);
}

TEST_CASE("a foreign key of a new table waits for a new key of an existing one", "[autogen]") {
  RoundTrip r(kUsers, std::string(kUsers) + R"(
add column users.code text;
add constraint on users unique (code);
create table invites (id int primary key, code text references users (code));
)");
  r.require_clean();
  CHECK(position(r.lines, "add constraint on users") <
        position(r.lines, "add constraint on invites"));
}
