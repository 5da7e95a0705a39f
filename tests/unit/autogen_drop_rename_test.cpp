// Autogenerate of drops (in reverse dependency order), of renames given as
// hints (and the errors of hints that name what is not there), of the notes
// on drop+add pairs that may be renames, and of the dialect flags of the
// normaliser (what SQLite and MySQL cannot show is not dropped).
#include <catch2/catch.hpp>

#include "autogen_test_support.h"

using namespace migrac;
using test::position;
using test::RoundTrip;

namespace {

const char* kBlog = R"(
create enum mood ('sad', 'ok');
create table users (
  id         bigint identity primary key,
  full_name  varchar(100) not null,
  bio        text,
  mood       mood
);
create table posts (
  id         bigint identity primary key,
  author_id  bigint not null references users (id),
  title      text not null
);
create table comments (
  id       bigint identity primary key,
  post_id  bigint not null references posts (id),
  body     text
);
create index on posts (title);
)";

const char* kUsersOnly = R"(
create enum mood ('sad', 'ok');
create table users (
  id         bigint identity primary key,
  full_name  varchar(100) not null,
  bio        text,
  mood       mood
);
)";

}  // namespace

TEST_CASE("a dropped table goes after the dropped tables that reference it", "[autogen]") {
  RoundTrip r(kBlog, "create table users (id bigint identity primary key);");
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{
                       "drop column users.full_name",
                       "drop column users.bio",
                       "drop column users.mood",
                       "drop table comments",
                       "drop table posts",
                       "drop enum mood",
                   });
}

TEST_CASE("foreign keys into a dropped table are dropped before it", "[autogen]") {
  std::string from = std::string(kUsersOnly) + R"(
create table teams (id int primary key, lead_id bigint references users (id));
add column users.team_id int references teams (id);
)";
  RoundTrip r(from, std::string(kUsersOnly) + "add column users.team_id int;");
  r.require_clean();
  std::size_t fk = position(r.lines, "drop constraint fk_users_team_id_teams on users");
  CHECK(fk < position(r.lines, "drop table teams"));
  CHECK(r.lines.size() == 2);
}

TEST_CASE("dropped tables that reference each other drop a foreign key first", "[autogen]") {
  std::string from = std::string(kUsersOnly) + R"(
create table a (id int primary key, b_id int);
create table b (id int primary key, a_id int references a (id));
add constraint on a foreign key (b_id) references b (id);
)";
  RoundTrip r(from, kUsersOnly);
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{"drop constraint fk_b_a_id_a on b", "drop table a",
                                            "drop table b"});
}

TEST_CASE("a column rename hint, with the rest of the column's changes", "[autogen]") {
  std::string to = R"(
create enum mood ('sad', 'ok');
create table users (
  id            bigint identity primary key,
  display_name  text not null,
  bio           text,
  mood          mood
);
)";
  autogen::Hints hints;
  hints.renames.push_back(autogen::Rename{"users", "full_name", "display_name"});
  RoundTrip r(kUsersOnly, to, hints);
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{"rename column users.full_name to display_name",
                                            "alter column users.display_name type"});
  CHECK(r.generated.comments.before_up.empty());
}

TEST_CASE("a table rename hint keeps the table's names and writes what else changed", "[autogen]") {
  std::string to = std::string(kBlog) + R"(
rename table comments to remarks;
add column remarks.score int;
)";
  autogen::Hints hints;
  hints.renames.push_back(autogen::Rename{"", "comments", "remarks"});
  hints.renames.push_back(autogen::Rename{"comments", "body", "text"});
  RoundTrip r(kBlog, to + "rename column remarks.body to text;", hints);
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{"rename table comments to remarks",
                                            "rename column remarks.body to text",
                                            "add column remarks.score"});
}

TEST_CASE("a hint that names what is not there is an error, and nothing is generated",
          "[autogen]") {
  model::Schema from = test::schema_of(kUsersOnly);
  model::Schema to = test::schema_of(std::string(kUsersOnly) + "add column users.nick text;");
  model::Normalizer n = normalizer(Dialect::Postgres);
  autogen::Hints hints;
  hints.renames = {{"users", "nickname", "nick"},
                   {"users", "bio", "biography"},
                   {"people", "a", "b"},
                   {"", "accounts", "users"},
                   {"users", "bio", "nick"}};
  autogen::Generated g = autogen::generate(from, to, hints, n);
  CHECK(g.errors == std::vector<std::string>{
                        "--rename table accounts=users: the model has no table 'accounts'",
                        "--rename users.nickname=nick: the model has no column 'users.nickname'",
                        "--rename users.bio=biography: the source has no column 'users.biography'",
                        "--rename people.a=b: the model has no table 'people'",
                        "--rename users.bio=nick: both schemas have column 'users.bio'",
                    });
  CHECK(g.up.empty());
}

TEST_CASE("a drop and an add of the same type without a hint say they may be a rename",
          "[autogen]") {
  std::string to = R"(
create enum mood ('sad', 'ok');
create table users (
  id            bigint identity primary key,
  display_name  varchar(100) not null default '',
  bio           text,
  mood          mood
);
)";
  RoundTrip r(kUsersOnly, to);
  r.require_clean();
  CHECK(r.lines ==
        std::vector<std::string>{"add column users.display_name", "drop column users.full_name"});
  std::vector<std::string> note{
      " may be a rename of 'full_name' to 'display_name': pass --rename "
      "users.full_name=display_name"};
  CHECK(r.generated.comments.before_up.at(0) == note);
  CHECK(r.generated.comments.before_up.at(1) == note);
}

TEST_CASE("a primary key column drops not null after its key", "[autogen]") {
  RoundTrip r("create table t (a int, b int, primary key (a, b));",
              "create table t (a int, b int not null, constraint pk_t unique (b));");
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{"drop constraint pk_t on t", "add constraint pk_t on t",
                                            "alter column t.a drop not null"});
}

TEST_CASE("without enums in the dialect, enums are neither dropped nor compared", "[autogen]") {
  std::string from = R"(
create enum mood ('sad', 'ok');
create table users (id bigint identity primary key, mood mood);
)";
  std::string to = R"(
create enum mood ('sad', 'ok', 'glad');
create table users (id bigint identity primary key, mood mood);
create enum tier ('free');
create table plans (id int primary key, tier tier not null);
)";
  RoundTrip sqlite(from, to, {}, Dialect::Sqlite);
  sqlite.require_clean();
  // The enum a new column uses is made all the same, and a value the source
  // adds is added; nothing is dropped.
  CHECK(sqlite.lines == std::vector<std::string>{"create enum tier",
                                                 "alter enum mood add value 'glad' after 'ok'",
                                                 "create table plans"});
  RoundTrip postgres(from, "create table users (id bigint identity primary key, mood text);");
  postgres.require_clean();
  CHECK(postgres.lines.back() == "drop enum mood");
  RoundTrip dropped(from, "create table users (id bigint identity primary key, mood text);", {},
                    Dialect::Sqlite);
  CHECK(std::find(dropped.lines.begin(), dropped.lines.end(), "drop enum mood") ==
        dropped.lines.end());
}

TEST_CASE("where the primary key's name is not kept, it is not written", "[autogen]") {
  RoundTrip r("create table seed (id int primary key);", R"(
create table seed (id int primary key);
create table t (a int, b int, constraint whatever primary key (a, b));
)",
              {}, Dialect::Mysql);
  r.require_clean();
  const auto& t = r.op<ast::CreateTable>("create table t");
  REQUIRE(t.constraints.size() == 1);
  CHECK_FALSE(t.constraints[0].name);
}

TEST_CASE("a dropped and a new table with the same columns say they may be a rename", "[autogen]") {
  RoundTrip r(std::string(kUsersOnly) + "create table people (id int primary key, name text);",
              std::string(kUsersOnly) + "create table persons (id int primary key, name text);");
  r.require_clean();
  CHECK(r.lines == std::vector<std::string>{"create table persons", "drop table people"});
  std::vector<std::string> note{
      " may be a rename of table 'people' to 'persons': pass --rename table people=persons"};
  CHECK(r.generated.comments.before_up.at(0) == note);
  CHECK(r.generated.comments.before_up.at(1) == note);
}
