// The checker on parsed .mig histories: every name check, with its code,
// message and help line.
#include <catch2/catch.hpp>

#include "compiler/check/check.h"
#include "compiler/syntax/parse.h"

using namespace migrac;

namespace {

// Parses each (id, text) as a .mig file (parents from the text), builds the
// graph and checks it.
struct Checked {
  SourceSet sources;
  std::vector<ast::Migration> migrations;
  Diagnostics diags;
  RevisionGraph graph;
  CheckedHistory history;

  explicit Checked(std::initializer_list<std::pair<std::string, std::string>> files) {
    for (const auto& [id, text] : files) {
      MigrationFile f;
      f.id = id;
      f.file = sources.add(id + ".mig", text);
      migrations.push_back(parse_mig(sources, f, diags));
    }
    graph = build_graph(migrations, diags);
    history = check_history(migrations, graph, sources, CheckOptions{}, diags);
  }
  // "E0102 message | help" per diagnostic.
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.all()) {
      std::string s = std::string(diag_info(d.kind).code) + " " + d.message;
      if (!d.help.empty()) s += " | " + d.help;
      out.push_back(s);
    }
    return out;
  }
  // The text a diagnostic points at.
  std::string at(std::size_t i) const {
    const Diagnostic& d = diags.all().at(i);
    return sources[d.range.file].text.substr(d.range.begin.offset,
                                             d.range.end.offset - d.range.begin.offset);
  }
  const model::Table& table(const std::string& n) const {
    return history.final_schema.tables.at(n);
  }
};

const char* kUsers = R"(
create table users (
  id          bigint identity primary key,
  email       varchar(255) not null unique,
  username    varchar(100) not null,
  created_at  timestamptz not null default now()
);
)";

const char* kArticles = R"(
create table articles (
  id     bigint identity primary key,
  title  text not null,
  slug   varchar(200)
);
)";

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a valid history checks clean", "[check][names]") {
  Checked c({{"0001_users", kUsers}, {"0002_orders", R"(after 0001_users;
create enum order_status ('pending', 'paid');
create table orders (
  id       bigint identity primary key,
  user_id  bigint not null references users on delete cascade,
  status   order_status not null default 'pending',
  total    decimal(10,2) not null check (total >= 0),
  constraint uq_orders_user unique (user_id, id)
);
create index on orders (user_id) where status = 'pending';
alter enum order_status add value 'refunded' after 'paid';
backfill orders set total = 0 where total is null batch 500;
)"}});
  CHECK(c.lines().empty());
  const model::Table& orders = c.table("orders");
  std::vector<std::string> names;
  for (const model::Constraint& k : orders.constraints) names.push_back(k.name);
  CHECK(names ==
        Lines{"pk_orders", "ck_orders_total", "uq_orders_user", "fk_orders_user_id_users"});
  CHECK(orders.indexes.at(0).name == "ix_orders_user_id");
  CHECK(orders.indexes.at(0).columns == Lines{"user_id", "status"});
  CHECK(c.history.final_schema.enums.at("order_status").values ==
        Lines{"pending", "paid", "refunded"});
  const auto& up = c.history.checked.at(1).up;
  const auto& backfill = std::get<model::Backfill>(up.back().kind);
  CHECK(backfill.batch == 500);
  CHECK(backfill.key_columns == Lines{"id"});
}

TEST_CASE("unknown names are reported at the name, with the nearest name", "[check][names]") {
  Checked c({{"0001_articles", kArticles}, {"0002", R"(after 0001_articles;
create index on articles (titel);
add column article.body text;
drop index ix_articles_slug;
drop constraint uq_articles_slg on articles;
alter enum article_state add value 'x';
drop enum article_state;
)"}});
  CHECK(c.lines() == Lines{
                         "E0102 unknown column 'titel' in table 'articles' | did you mean 'title'?",
                         "E0101 unknown table 'article' | did you mean 'articles'?",
                         "E0103 unknown index 'ix_articles_slug'",
                         "E0104 unknown constraint 'uq_articles_slg' on table 'articles'",
                         "E0105 unknown enum 'article_state'",
                         "E0105 unknown enum 'article_state'",
                     });
  CHECK(c.at(0) == "titel");
  CHECK(c.at(1) == "article");
}

TEST_CASE("duplicates of every kind", "[check][names]") {
  Checked c({{"0001_users", kUsers}, {"0002", R"(after 0001_users;
create table users (id int);
add column users.email text;
rename column users.username to email;
create index on users (created_at);
create index on users (created_at);
add constraint uq_users_email on users unique (email);
create enum mood ('happy', 'sad', 'happy');
create enum mood ('x');
alter enum mood add value 'sad';
create index users on users (username);
)"}});
  CHECK(c.lines() ==
        Lines{
            "E0107 table 'users' already exists",
            "E0108 column 'email' already exists in table 'users'",
            "E0108 column 'email' already exists in table 'users'",
            "E0109 index 'ix_users_created_at' already exists on table 'users' | give this index a "
            "name: 'create index <name> on users ...'",
            "E0110 constraint 'uq_users_email' already exists on table 'users'",
            "E0112 value 'happy' appears twice in enum 'mood'",
            "E0111 enum 'mood' already exists",
            "E0112 enum 'mood' already has value 'sad'",
            "E0114 name 'users' of the index is already used by table 'users'",
        });
  CHECK(c.diags.all()[0].notes.size() == 1);
}

TEST_CASE("unknown types suggest a portable type or an enum", "[check][names]") {
  Checked c({{"0001", R"(
create enum order_status ('a');
create table t (a integr, b boolean, c order_stats, d int);
)"}});
  CHECK(c.lines() ==
        Lines{
            "E0106 unknown type 'integr' | did you mean 'int'?; 'native \"integr\"' "
            "passes a type of the database through as written",
            "E0106 unknown type 'order_stats' | did you mean 'order_status'?; "
            "'native \"order_stats\"' passes a type of the database through as written",
        });
  CHECK(c.at(0) == "integr");
  CHECK(c.table("t").columns.size() == 4);  // the table exists despite the errors
}

TEST_CASE("foreign key checks", "[check][names]") {
  Checked c({{"0001_users", kUsers}, {"0002", R"(after 0001_users;
create table events (name text);
create table orders (
  id        bigint identity primary key,
  a         bigint references users (username),
  b         int references users,
  c         bigint references events,
  d         bigint references userz,
  e         bigint,
  foreign key (a, e) references users (id)
);
)"}});
  CHECK(c.lines() ==
        Lines{
            "E0401 columns (username) of table 'users' are not its primary key or a unique key | "
            "add a unique constraint first: 'add constraint on users unique (username);'",
            "E0402 foreign key column 'orders.b' has type 'int' but 'users.id' has type 'bigint' "
            "| declare 'b' as bigint",
            "E0404 table 'events' has no primary key for the foreign key to reference | name the "
            "referenced columns: 'references events (...)'",
            "E0101 unknown table 'userz' | did you mean 'users'?",
            "E0403 foreign key has 2 columns but references 1 column of table 'users' | list as "
            "many referenced columns as foreign key columns",
        });
  CHECK(c.at(0) == "username");
  CHECK(c.at(1) == "b");
}

TEST_CASE("a self reference and a unique index as a foreign key target", "[check][names]") {
  Checked c({{"0001", R"(
create table nodes (
  id      bigint identity primary key,
  code    text not null,
  parent  bigint references nodes
);
create unique index ix_nodes_code on nodes (code);
create table links (code text references nodes (code));
)"}});
  CHECK(c.lines().empty());
  CHECK(c.table("nodes").constraints.at(1).ref_table == "nodes");
}

TEST_CASE("drops of what is still used", "[check][names]") {
  Checked c({{"0001_users", kUsers}, {"0002", R"(after 0001_users;
create enum mood ('a', 'b');
create table orders (
  id       bigint identity primary key,
  user_id  bigint references users,
  mood     mood,
  note     text check (length(note) < 100)
);
create index ix_orders_mood on orders (mood) where note is not null;
drop table users;
drop column users.id;
drop column orders.mood;
drop column orders.note;
drop enum mood;
drop constraint pk_users on users;
alter column users.id drop not null;
)"}});
  CHECK(c.lines() ==
        Lines{
            "E0406 table 'users' is still referenced by foreign key 'fk_orders_user_id_users' of "
            "table 'orders' | drop those constraints (or their tables) first",
            "E0405 column 'users.id' is still used by constraint 'pk_users', foreign key "
            "'fk_orders_user_id_users' of table 'orders' | drop them first",
            "E0405 column 'orders.mood' is still used by index 'ix_orders_mood' | drop it first",
            "E0405 column 'orders.note' is still used by index 'ix_orders_mood', constraint "
            "'ck_orders_note' | drop them first",
            "E0407 enum 'mood' is still used by column 'orders.mood' | drop those columns or "
            "change their type first",
            "E0414 constraint 'pk_users' is still referenced by foreign key "
            "'fk_orders_user_id_users' of table 'orders' | drop those foreign keys first",
            "E0413 column 'users.id' is in primary key 'pk_users' and cannot drop not null",
        });
}

TEST_CASE("expressions: defaults, checks, index where, backfill", "[check][names]") {
  Checked c({{"0001_articles", kArticles}, {"0002", R"(after 0001_articles;
alter column articles.slug set default lower(title);
add constraint on articles check (length(titl) > 0);
create index on articles (slug) where deleted_at is null;
backfill articles set slg = lower(titel) where slug is null;
backfill articles set slug = title, slug = title batch 10;
)"}});
  CHECK(c.lines() ==
        Lines{
            "E0408 default of column 'articles.slug' refers to column 'title' | a default is a "
            "constant or a function call such as now(); use 'backfill' to copy values from other "
            "columns",
            "E0102 unknown column 'titl' in table 'articles' | did you mean 'title'?",
            "E0102 unknown column 'deleted_at' in table 'articles'",
            "E0102 unknown column 'slg' in table 'articles' | did you mean 'slug'?",
            "E0102 unknown column 'titel' in table 'articles' | did you mean 'title'?",
            "E0115 column 'slug' is assigned twice",

        });
}

TEST_CASE("identity, primary keys and dialects", "[check][names]") {
  Checked c({{"0001", R"(
create table a (id text identity, b int);
create table b (id bigint identity default 1);
create table c (id int primary key, k int, primary key (k));
create table d (x int, y int, primary key (x, x));
sql postgresql $$ SELECT 1 $$ sqlite $$ SELECT 1 $$;
)"}});
  CHECK(c.lines() ==
        Lines{
            "E0409 identity column 'a.id' has type 'text' | an identity column is smallint, int "
            "or bigint",
            "E0412 identity column 'b.id' also has a default | an identity column takes its "
            "values from its sequence; remove the default",
            "E0410 table 'c' already has primary key 'pk_c' | a table has one primary key; use a "
            "unique constraint for other keys",
            "E0115 column 'x' appears twice in the primary key",
            "E0411 unknown dialect 'postgresql' for a sql body | did you mean 'postgres'?",

        });
}

TEST_CASE("a down block is checked against the schema after up", "[check][names]") {
  Checked c({{"0001_users", kUsers},
             {"0002", R"(after 0001_users;
add column users.bio text;
down {
  drop column users.boi;
  drop column users.bio;
}
)"},
             {"0003", "after 0002;\nadd column users.motto text;\n"}});
  CHECK(c.lines() == Lines{"E0102 unknown column 'boi' in table 'users' | did you mean 'bio'?"});
  REQUIRE(c.history.checked.at(1).explicit_down);
  CHECK(c.history.checked.at(1).explicit_down->size() == 1);
  CHECK(c.table("users").column("bio"));  // the down block does not change the replay
}

namespace {

// Everything the schema holds, as text, to compare two schemas.
std::string dump(const model::Schema& s) {
  std::string out;
  for (const auto& [name, t] : s.tables) {
    out += "table " + name + "\n";
    for (const model::Column& c : t.columns)
      out += "  col " + c.name + " " + std::to_string(static_cast<int>(c.type.kind)) +
             (c.not_null ? " nn" : "") + (c.default_value ? " def" : "") + "\n";
    for (const model::Constraint& k : t.constraints) {
      out += "  con " + k.name + " " + k.ref_table;
      for (const std::string& c : k.columns) out += " " + c;
      for (const std::string& c : k.ref_columns) out += " >" + c;
      out += "\n";
    }
    for (const model::Index& i : t.indexes) out += "  ix " + i.name + " " + i.table + "\n";
  }
  for (const auto& [name, e] : s.enums) {
    out += "enum " + name;
    for (const std::string& v : e.values) out += " " + v;
    out += "\n";
  }
  for (const auto& [name, table] : s.index_owner) out += "owner " + name + " " + table + "\n";
  for (const auto& [name, table] : s.key_owner) out += "key " + name + " " + table + "\n";
  return out;
}

}  // namespace

TEST_CASE("a down block leaves the replay as it was", "[check][names]") {
  std::string base = R"(
create enum mood ('a', 'b');
create table users (id bigint identity primary key, email text unique, m mood default 'a');
create table orders (id bigint primary key, user_id bigint references users);
create index ix_orders_user on orders (user_id);
)";
  std::string down = R"(
down {
  drop index ix_orders_user;
  drop constraint fk_orders_user_id_users on orders;
  rename column users.id to uid;
  rename table users to people;
  alter column people.email type varchar(10);
  alter column people.email set not null;
  alter column people.m drop default;
  add column people.x int unique;
  drop column people.m;
  drop enum mood;
  create enum mood ('z');
  alter enum mood add value 'y' before 'z';
  create table users (id int);
  create index ix_orders_user on users (id);
  drop constraint uq_users_email on people;
  drop table orders;
}
)";
  Checked with({{"0001", base + down}, {"0002", "after 0001;\nadd column users.more text;\n"}});
  Checked without({{"0001", base}, {"0002", "after 0001;\nadd column users.more text;\n"}});
  CHECK(with.lines().empty());
  CHECK(without.lines().empty());
  CHECK(dump(with.history.final_schema) == dump(without.history.final_schema));
  CHECK(with.history.checked.at(0).explicit_down->size() == 16);
}
