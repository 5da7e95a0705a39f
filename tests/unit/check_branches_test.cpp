// The schema of a revision is the replay of its ancestors only: branches,
// second roots, merges (their joins and conflicts), final_schema with several
// heads, schema_after per migration and stop_at on a branch.
#include <catch2/catch.hpp>

#include <algorithm>

#include "compiler/check/check.h"
#include "compiler/syntax/parse.h"

using namespace migrac;

namespace {

// A history of .mig texts (id, text), checked.
struct History {
  SourceSet sources;
  Diagnostics diags;
  std::vector<ast::Migration> migrations;
  RevisionGraph graph;
  CheckedHistory checked;

  History(const std::vector<std::pair<std::string, std::string>>& files, bool keep = false,
          std::optional<std::string> stop = std::nullopt) {
    for (const auto& [id, text] : files) {
      MigrationFile f;
      f.id = id;
      f.file = sources.add(id + ".mig", text);
      migrations.push_back(parse_mig(sources, f, diags));
    }
    graph = build_graph(migrations, diags);
    REQUIRE(graph.valid);
    CheckOptions options;
    options.keep_schemas = keep;
    std::optional<std::size_t> stop_at;
    if (stop) stop_at = static_cast<std::size_t>(graph.find(*stop));
    checked = check_history(migrations, graph, sources, options, diags, stop_at);
  }

  // "E0101 unknown table 'b'" lines, in report order.
  std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.all())
      if (d.severity == Severity::Error)
        out.push_back(std::string(diag_info(d.kind).code) + " " + d.message);
    return out;
  }

  // The schema after migration `id` (keep_schemas).
  const model::Schema& after(const std::string& id) const {
    long rev = graph.find(id);
    return checked.schema_after.at(static_cast<std::size_t>(checked.position.at(rev)));
  }
};

std::vector<std::string> columns(const model::Schema& s, const std::string& table) {
  std::vector<std::string> out;
  for (const model::Column& c : s.tables.at(table).columns) out.push_back(c.name);
  return out;
}

}  // namespace

TEST_CASE("a branch does not see its sibling's tables", "[check][branches]") {
  History h({{"0001_a", "create table a (id bigint primary key);"},
             {"0002_b", "after 0001_a;\ncreate table b (id bigint primary key);"},
             {"0002_c", "after 0001_a;\nadd column b.note text;"}});
  REQUIRE(h.errors() == std::vector<std::string>{"E0101 unknown table 'b'"});
  const Diagnostic& d = h.diags.all().front();
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].message ==
        "table 'b' is created here, in '0002_b', which this migration is not after");
}

TEST_CASE("a second root starts from the empty schema", "[check][branches]") {
  History h({{"0001_a", "create table a (id bigint primary key);"},
             {"0002_b", "after 0001_a;\nadd column a.x text;"},
             {"0003_root", "add column a.note text;"}});
  CHECK(h.errors() == std::vector<std::string>{"E0101 unknown table 'a'"});
}

TEST_CASE("schema_after holds each migration's ancestors only", "[check][branches]") {
  History h({{"0001_base", "create table users (id bigint primary key);"},
             {"0002_a", "after 0001_base;\nadd column users.a text;"},
             {"0002_b", "after 0001_base;\nadd column users.b text;"},
             {"0003_b", "after 0002_b;\nadd column users.c text;"},
             {"0004_merge", "after 0002_a, 0003_b;\nadd column users.d text;"}},
            true);
  REQUIRE(h.errors().empty());
  CHECK(columns(h.after("0002_a"), "users") == std::vector<std::string>{"id", "a"});
  CHECK(columns(h.after("0002_b"), "users") == std::vector<std::string>{"id", "b"});
  CHECK(columns(h.after("0003_b"), "users") == std::vector<std::string>{"id", "b", "c"});
  // The merge: the left side's columns, then the right side's additions.
  CHECK(columns(h.after("0004_merge"), "users") ==
        std::vector<std::string>{"id", "a", "b", "c", "d"});
  CHECK(columns(h.checked.final_schema, "users") ==
        std::vector<std::string>{"id", "a", "b", "c", "d"});
}

TEST_CASE("final_schema with several heads is their join; stop_at is one branch",
          "[check][branches]") {
  std::vector<std::pair<std::string, std::string>> files{
      {"0001_base", "create table users (id bigint primary key);"},
      {"0002_a", "after 0001_base;\ncreate table a (id bigint primary key);"},
      {"0002_b",
       "after 0001_base;\ncreate table b (id bigint primary key);\n"
       "add column users.nick text;"}};
  History all(files);
  REQUIRE(all.errors().empty());
  CHECK(all.checked.final_schema.tables.size() == 3);
  CHECK(columns(all.checked.final_schema, "users") == std::vector<std::string>{"id", "nick"});
  // 0002_b comes after 0002_a in order, but its schema has no table 'a'.
  History b(files, false, "0002_b");
  CHECK(b.checked.final_schema.tables.count("a") == 0);
  CHECK(b.checked.final_schema.tables.count("b") == 1);
  History a(files, false, "0002_a");
  CHECK(a.checked.final_schema.tables.count("b") == 0);
  CHECK(columns(a.checked.final_schema, "users") == std::vector<std::string>{"id"});
}

TEST_CASE("a merge joins changes to the same table, index names and enums", "[check][branches]") {
  History h({{"0001_base",
              "create table users (id bigint primary key, nick text, bio text);\n"
              "create enum mood ('ok');"},
             {"0002_a",
              "after 0001_base;\ndrop column users.bio;\n"
              "alter enum mood add value 'sad';\ncreate index on users (nick);"},
             {"0002_b",
              "after 0001_base;\nalter column users.nick set not null;\n"
              "alter enum mood add value 'glad';"},
             {"0003_merge", "after 0002_a, 0002_b;\ncreate index on users (nick, id);"}},
            true);
  REQUIRE(h.errors().empty());
  const model::Schema& s = h.after("0003_merge");
  const model::Table& users = s.tables.at("users");
  CHECK(columns(s, "users") == std::vector<std::string>{"id", "nick"});
  CHECK(users.column("nick")->not_null);
  CHECK(s.enums.at("mood").values == std::vector<std::string>{"ok", "sad", "glad"});
  CHECK(s.index_owner.at("ix_users_nick") == "users");
  CHECK(s.index_owner.at("ix_users_nick_id") == "users");
}

TEST_CASE("merge conflicts name a migration of each side", "[check][branches]") {
  History h({{"0001_base",
              "create table users (id bigint primary key, nick text);\n"
              "create table t (id bigint primary key);\n"
              "create table u (id bigint primary key);"},
             {"0002_a",
              "after 0001_base;\ncreate index ix_same on t (id);\n"
              "rename table u to v;"},
             {"0002_b",
              "after 0001_base;\ncreate index ix_same on users (nick);\n"
              "add column u.x text;"},
             {"0003_merge", "after 0002_a, 0002_b;"}});
  std::vector<std::string> e = h.errors();
  std::sort(e.begin(), e.end());
  CHECK(e == std::vector<std::string>{
                 "E0420 index 'ix_same' is created by both '0002_a' (on table 't') and '0002_b' "
                 "(on table 'users')",
                 "E0422 table 'u' is renamed by '0002_a' while '0002_b' changes it"});
}

TEST_CASE("a criss-cross merge and a merge of two roots", "[check][branches]") {
  History h({{"0001_a", "create table a (id bigint primary key);"},
             {"0001_r", "create table r (id bigint primary key);"},
             {"0002_x", "after 0001_a;\nadd column a.x text;"},
             {"0002_y", "after 0001_a;\nadd column a.y text;"},
             {"0003_p", "after 0002_x, 0002_y;\nadd column a.p text;"},
             {"0003_q", "after 0002_y, 0002_x;\ncreate table q (id bigint primary key);"},
             {"0004_m",
              "after 0003_p, 0003_q, 0001_r;\nadd column r.m text;\n"
              "add column q.m text;"}},
            true);
  REQUIRE(h.errors().empty());
  const model::Schema& s = h.after("0004_m");
  CHECK(columns(s, "a") == std::vector<std::string>{"id", "x", "y", "p"});
  CHECK(columns(s, "r") == std::vector<std::string>{"id", "m"});
  CHECK(columns(s, "q") == std::vector<std::string>{"id", "m"});
}

TEST_CASE("two-parent merges: criss-cross, two roots, a parent behind the other",
          "[check][branches]") {
  History h({{"0001_a", "create table a (id bigint primary key);"},
             {"0001_r", "create table r (id bigint primary key);"},
             {"0002_x", "after 0001_a;\nadd column a.x text;"},
             {"0002_y", "after 0001_a;\nadd column a.y text;"},
             {"0003_p", "after 0002_x, 0002_y;\nadd column a.p text;"},
             {"0003_q", "after 0002_y, 0002_x;\ncreate table q (id bigint primary key);"},
             {"0004_m", "after 0003_p, 0003_q;\nadd column q.m text;"},
             {"0005_r", "after 0004_m, 0001_r;\nadd column r.n text;"},
             {"0006_behind", "after 0005_r, 0002_x;\nadd column a.z text;"}},
            true);
  REQUIRE(h.errors().empty());
  const model::Schema& m = h.after("0004_m");
  CHECK(columns(m, "a") == std::vector<std::string>{"id", "x", "y", "p"});
  CHECK(columns(m, "q") == std::vector<std::string>{"id", "m"});
  CHECK(m.tables.count("r") == 0);
  const model::Schema& r = h.after("0005_r");
  CHECK(columns(r, "r") == std::vector<std::string>{"id", "n"});
  const model::Schema& behind = h.after("0006_behind");
  CHECK(columns(behind, "a") == std::vector<std::string>{"id", "x", "y", "p", "z"});
  CHECK(columns(behind, "q") == std::vector<std::string>{"id", "m"});
}
