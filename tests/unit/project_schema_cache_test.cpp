// The schema cache of raw SQL migrations (compiler/project/schema_cache.h):
// keys chain over the ancestors, a current entry is the schema after its
// migration, a stale or unreadable one is a warning and the static reading.
#include <algorithm>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "compiler/project/project.h"
#include "compiler/project/schema_cache.h"
#include "temp_dir.h"

using namespace migrac;
namespace fs = std::filesystem;

namespace {

// A migrations directory: a raw migration whose DO block adds a column (the
// static reader cannot see it), a .mig indexing that column, one more raw one.
struct Dir : test::TempDir {
  Dir() : TempDir("migrac-cache") {
    write("0001_users.up.sql",
          "create table users (id bigint primary key);\n"
          "do $$ begin execute 'alter table users add column ' || 'nick text'; end $$;\n");
    write("0002_nick.mig", "after 0001_users;\n\ncreate index on users (nick);\n");
    write("0003_notes.up.sql", "-- migrac:after 0002_nick\ncreate table notes (id int);\n");
  }
  std::string folder() const { return (dir / kSchemaCacheFolder).string(); }

  Project compile() const {
    ProjectOptions o;
    o.dir = dir.string();
    return compile_project(o);
  }
};

std::size_t rev_of(const Project& p, const std::string& id) {
  return static_cast<std::size_t>(p.graph.find(id));
}

// The schema a development database gives after 0001_users.
model::Schema users_with_nick() {
  model::Schema s;
  model::Table t;
  t.name = "users";
  ast::TypeRef bigint, text;
  bigint.kind = ast::TypeKind::BigInt;
  text.kind = ast::TypeKind::Text;
  t.columns = {model::Column{"id", bigint, true, std::nullopt, false, std::nullopt},
               model::Column{"nick", text, false, std::nullopt, false, std::nullopt}};
  model::Constraint pk;
  pk.name = "users_pkey";
  pk.kind = ast::ConstraintKind::PrimaryKey;
  pk.columns = {"id"};
  t.constraints = {pk};
  s.tables.emplace("users", t);
  s.key_owner["users_pkey"] = "users";
  return s;
}

std::vector<std::string> codes(const Project& p) {
  std::vector<std::string> out;
  for (const Diagnostic& d : p.diags.all()) out.emplace_back(diag_info(d.kind).code);
  return out;
}

}  // namespace

TEST_CASE("cache keys chain over the history") {
  Dir d;
  Project p = d.compile();
  REQUIRE(p.graph.valid);
  REQUIRE(p.graph.order.size() == 3);
  std::vector<std::string> keys = schema_cache_keys(p.migrations, p.graph);
  std::size_t a = rev_of(p, "0001_users"), b = rev_of(p, "0002_nick"), c = rev_of(p, "0003_notes");
  CHECK(keys[a].rfind("v1:", 0) == 0);
  CHECK(keys[a] != keys[b]);
  CHECK(schema_cache_keys(p.migrations, p.graph) == keys);  // deterministic

  // An edited last migration changes only its own key.
  std::vector<ast::Migration> edited = p.migrations;
  edited[c].checksum = "v1:0";
  std::vector<std::string> k2 = schema_cache_keys(edited, p.graph);
  CHECK(k2[a] == keys[a]);
  CHECK(k2[b] == keys[b]);
  CHECK(k2[c] != keys[c]);

  // An edited first migration changes every key after it.
  edited = p.migrations;
  edited[a].checksum = "v1:0";
  std::vector<std::string> k3 = schema_cache_keys(edited, p.graph);
  CHECK(k3[a] != keys[a]);
  CHECK(k3[b] != keys[b]);
  CHECK(k3[c] != keys[c]);
}

TEST_CASE("cache keys chain over a migration's ancestors only") {
  Dir d;
  // 0003_notes now forks from 0001_users beside 0002_nick; 0004_merge joins them.
  d.write("0003_notes.up.sql", "-- migrac:after 0001_users\ncreate table notes (id int);\n");
  d.write("0004_merge.mig", "after 0002_nick, 0003_notes;\n\ncreate table tags (id int);\n");
  Project p = d.compile();
  REQUIRE(p.graph.valid);
  std::size_t a = rev_of(p, "0001_users"), b = rev_of(p, "0002_nick"), c = rev_of(p, "0003_notes"),
              m = rev_of(p, "0004_merge");
  std::vector<std::string> keys = schema_cache_keys(p.migrations, p.graph);

  // An edit on one branch leaves the other branch's keys as they were.
  std::vector<ast::Migration> edited = p.migrations;
  edited[b].checksum = "v1:0";
  std::vector<std::string> k2 = schema_cache_keys(edited, p.graph);
  CHECK(k2[a] == keys[a]);
  CHECK(k2[b] != keys[b]);
  CHECK(k2[c] == keys[c]);
  CHECK(k2[m] != keys[m]);  // the merge is after both

  edited = p.migrations;
  edited[c].checksum = "v1:0";
  std::vector<std::string> k3 = schema_cache_keys(edited, p.graph);
  CHECK(k3[b] == keys[b]);
  CHECK(k3[c] != keys[c]);
  CHECK(k3[m] != keys[m]);
}

TEST_CASE("an entry's text reads back") {
  SchemaCacheEntry e{"0001_users", "v1:abc", "postgres", users_with_nick()};
  std::string text = schema_cache_text(e);
  std::string error;
  std::optional<SchemaCacheEntry> back = parse_schema_cache(text, error);
  INFO(error);
  REQUIRE(back);
  CHECK(back->migration == "0001_users");
  CHECK(back->key == "v1:abc");
  CHECK(back->dialect == "postgres");
  CHECK(schema_cache_text(*back) == text);
  CHECK(back->schema.key_owner.at("users_pkey") == "users");

  CHECK_FALSE(parse_schema_cache("[]", error));
  CHECK(error == "not a JSON object");
  CHECK_FALSE(parse_schema_cache(R"({"format": "other 9"})", error));
  CHECK(error == "format 'other 9' is not 'migrac schema cache 1'");
}

TEST_CASE("a current entry is the schema after its raw migration; an edit makes it stale") {
  Dir d;
  Project p = d.compile();
  std::size_t a = rev_of(p, "0001_users"), c = rev_of(p, "0003_notes");
  // No cache: the static reading, which does not see the DO block's column.
  CHECK_FALSE(p.cache.folder_exists);
  CHECK(p.cache.state[a] == CacheState::Missing);
  CHECK(p.cache.state[rev_of(p, "0002_nick")] == CacheState::NotRaw);
  CHECK(p.history.final_schema.tables.at("users").column("nick") == nullptr);
  // The index on the column the model cannot know is relaxed to a warning (W0122).
  CHECK_FALSE(p.diags.has_errors());
  CHECK(std::any_of(p.diags.all().begin(), p.diags.all().end(),
                    [](const Diagnostic& x) { return x.kind == DiagKind::UnknowableName; }));

  SchemaCacheEntry e{"0001_users", p.cache.keys[a], "postgres", users_with_nick()};
  REQUIRE(write_schema_cache(d.folder(), e).empty());
  // Written atomically: the entry alone, no temporary file left.
  std::vector<std::string> files;
  for (const auto& f : fs::directory_iterator(d.folder())) files.push_back(f.path().filename());
  CHECK(files == std::vector<std::string>{"0001_users.json"});

  Project q = d.compile();
  CHECK(q.cache.folder_exists);
  CHECK(q.cache.state[a] == CacheState::Current);
  CHECK(q.cache.state[c] == CacheState::Missing);
  INFO(fmt::format("{}", fmt::join(codes(q), " ")));
  CHECK_FALSE(q.diags.has_errors());
  const model::Table& users = q.history.final_schema.tables.at("users");
  CHECK(users.column("nick") != nullptr);
  CHECK(users.index("ix_users_nick") != nullptr);
  CHECK(q.history.final_schema.tables.count("notes") == 1);  // the static reading after it

  // Editing the raw migration makes its entry stale: a warning, the static reading.
  d.write("0001_users.up.sql",
          "create table users (id bigint primary key);\n"
          "do $$ begin execute 'alter table users add column ' || 'nick varchar(20)'; end $$;\n");
  Project r = d.compile();
  CHECK(r.cache.state[a] == CacheState::Stale);
  std::vector<std::string> rc = codes(r);
  CHECK(std::count(rc.begin(), rc.end(), "W0710") == 1);
  CHECK(r.history.final_schema.tables.at("users").column("nick") == nullptr);
  const Diagnostic* w = nullptr;
  for (const Diagnostic& diag : r.diags.all())
    if (diag.kind == DiagKind::SchemaCacheStale) w = &diag;
  REQUIRE(w);
  CHECK(r.sources[w->range.file].path.find("0001_users.up.sql") != std::string::npos);
  CHECK(w->help == "`migrac check --dev-url URL` refreshes it");
}

TEST_CASE("an entry that is not one is a warning and the static reading") {
  Dir d;
  fs::create_directories(d.folder());
  std::ofstream(fs::path(d.folder()) / "0001_users.json") << "{ not json";
  Project p = d.compile();
  std::size_t a = rev_of(p, "0001_users");
  CHECK(p.cache.state[a] == CacheState::Unreadable);
  std::vector<std::string> pc = codes(p);
  CHECK(std::count(pc.begin(), pc.end(), "W0710") == 1);

  // Another migration's entry under this name is not this one's.
  SchemaCacheEntry e{"0003_notes", p.cache.keys[a], "postgres", users_with_nick()};
  std::ofstream(fs::path(d.folder()) / "0001_users.json", std::ios::trunc) << schema_cache_text(e);
  Project q = d.compile();
  CHECK(q.cache.state[a] == CacheState::Unreadable);
  CHECK(q.cache.errors.at("0001_users") == "it is the entry of '0003_notes'");
}
