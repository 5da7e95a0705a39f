// The revision graph: order, heads, roots, ranges, and its errors.
#include <catch2/catch.hpp>

#include "compiler/graph/graph.h"

using namespace migrac;

namespace {

// A migration named `id` after `parents`; each `after` id gets a distinct range.
ast::Migration mig(const std::string& id, std::vector<std::string> parents = {}) {
  ast::Migration m;
  m.id = id;
  m.id_range.file = 0;
  std::uint32_t offset = 0;
  for (const std::string& p : parents) {
    ast::Ident ident{p, false, {}};
    ident.range.file = 0;
    ident.range.begin.offset = offset;
    ident.range.end.offset = offset + static_cast<std::uint32_t>(p.size());
    offset += 100;
    m.parents.push_back(ident);
  }
  return m;
}

std::vector<std::string> ids(const std::vector<ast::Migration>& ms,
                             const std::vector<std::size_t>& revs) {
  std::vector<std::string> out;
  for (std::size_t r : revs) out.push_back(ms[r].id);
  return out;
}

std::vector<std::string> codes(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.all()) out.emplace_back(diag_info(x.kind).code);
  return out;
}

}  // namespace

TEST_CASE("a chain is ordered parent first", "[graph]") {
  std::vector<ast::Migration> ms{mig("0001_init"), mig("0002_b", {"0001_init"}),
                                 mig("0003_c", {"0002_b"})};
  Diagnostics d;
  RevisionGraph g = build_graph(ms, d);
  CHECK(d.all().empty());
  CHECK(g.valid);
  CHECK(ids(ms, g.order) == std::vector<std::string>{"0001_init", "0002_b", "0003_c"});
  CHECK(ids(ms, g.heads) == std::vector<std::string>{"0003_c"});
  CHECK(ids(ms, g.roots) == std::vector<std::string>{"0001_init"});
  CHECK(g.find("0002_b") == 1);
  CHECK(g.find("nope") == -1);
  CHECK(require_single_head(g, ms, d));
}

TEST_CASE("branches are ordered by id, deterministically, and merge", "[graph]") {
  // Given out of order: the graph does not depend on the vector order for ties.
  std::vector<ast::Migration> ms{mig("a"), mig("c", {"a"}), mig("b", {"a"}), mig("d", {"c", "b"}),
                                 mig("b2", {"b"})};
  Diagnostics d;
  RevisionGraph g = build_graph(ms, d);
  CHECK(d.all().empty());
  CHECK(ids(ms, g.order) == std::vector<std::string>{"a", "b", "b2", "c", "d"});
  CHECK(ids(ms, g.heads) == std::vector<std::string>{"b2", "d"});
  CHECK(ids(ms, g.revisions[3].parents) == std::vector<std::string>{"c", "b"});
}

TEST_CASE("more than one head needs a merge", "[graph]") {
  std::vector<ast::Migration> ms{mig("0001"), mig("0002_tags", {"0001"}),
                                 mig("0002_slug", {"0001"})};
  Diagnostics d;
  RevisionGraph g = build_graph(ms, d);
  REQUIRE(g.valid);
  CHECK_FALSE(require_single_head(g, ms, d));
  REQUIRE(d.all().size() == 1);
  const Diagnostic& x = d.all()[0];
  CHECK(diag_info(x.kind).code == "E0305");
  CHECK(x.message == "more than one head: '0002_slug', '0002_tags'");
  CHECK(x.help ==
        "write a merge migration: 'after 0002_slug, 0002_tags;' "
        "(migrac merge 0002_slug 0002_tags)");
  CHECK(x.notes.size() == 1);
}

TEST_CASE("several roots are allowed", "[graph]") {
  std::vector<ast::Migration> ms{mig("a"), mig("b"), mig("c", {"a", "b"})};
  Diagnostics d;
  RevisionGraph g = build_graph(ms, d);
  CHECK(d.all().empty());
  CHECK(g.valid);
  CHECK(ids(ms, g.roots) == std::vector<std::string>{"a", "b"});
  CHECK(require_single_head(g, ms, d));
}

TEST_CASE("an unknown parent is reported with the nearest id", "[graph]") {
  std::vector<ast::Migration> ms{mig("0001_initial_schema"), mig("0002_x", {"0001_initial_shema"})};
  Diagnostics d;
  RevisionGraph g = build_graph(ms, d);
  CHECK_FALSE(g.valid);
  REQUIRE(d.all().size() == 1);
  CHECK(codes(d) == std::vector<std::string>{"E0301"});
  CHECK(d.all()[0].message == "unknown migration '0001_initial_shema' in 'after' of '0002_x'");
  CHECK(d.all()[0].help == "did you mean '0001_initial_schema'?");
}

TEST_CASE("a parent listed twice is reported", "[graph]") {
  std::vector<ast::Migration> ms{mig("a"), mig("b", {"a", "a"})};
  Diagnostics d;
  RevisionGraph g = build_graph(ms, d);
  CHECK_FALSE(g.valid);
  CHECK(codes(d) == std::vector<std::string>{"E0304"});
  CHECK(d.all()[0].range.begin.offset == 100);  // the second 'a'
  CHECK(ids(ms, g.order) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("two files with one id are reported", "[graph]") {
  std::vector<ast::Migration> ms{mig("0001"), mig("0002", {"0001"}), mig("0002", {"0001"})};
  ms[2].format = MigrationFormat::RawSql;
  Diagnostics d;
  RevisionGraph g = build_graph(ms, d);
  CHECK_FALSE(g.valid);
  CHECK(codes(d) == std::vector<std::string>{"E0302"});
  CHECK(d.all()[0].message == "migration id '0002' is used by two files");
  CHECK(d.all()[0].notes.size() == 1);
  CHECK(ids(ms, g.order) == std::vector<std::string>{"0001", "0002"});
}

TEST_CASE("a cycle names its migrations", "[graph]") {
  std::vector<ast::Migration> ms{mig("a"), mig("b", {"a", "d"}), mig("c", {"b"}), mig("d", {"c"}),
                                 mig("e", {"d"})};
  Diagnostics d;
  RevisionGraph g = build_graph(ms, d);
  CHECK_FALSE(g.valid);
  REQUIRE(d.all().size() == 1);
  CHECK(codes(d) == std::vector<std::string>{"E0303"});
  CHECK(d.all()[0].message ==
        "the 'after' clauses form a cycle: 'b' after 'd' after 'c' after 'b'");
  CHECK(d.all()[0].notes.size() == 2);
  CHECK(ids(ms, g.order) == std::vector<std::string>{"a"});
}

TEST_CASE("a migration after itself is a cycle", "[graph]") {
  std::vector<ast::Migration> ms{mig("a", {"a"})};
  Diagnostics d;
  build_graph(ms, d);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].message == "the 'after' clauses form a cycle: 'a' after 'a'");
}

TEST_CASE("ancestors and ranges", "[graph]") {
  std::vector<ast::Migration> ms{mig("a"), mig("b", {"a"}), mig("c", {"a"}), mig("d", {"b", "c"}),
                                 mig("e", {"d"})};
  Diagnostics d;
  RevisionGraph g = build_graph(ms, d);
  std::vector<bool> anc = g.ancestors_of(3);
  CHECK(anc == std::vector<bool>{true, true, true, true, false});
  CHECK(ids(ms, g.range({}, 4)) == std::vector<std::string>{"a", "b", "c", "d", "e"});
  CHECK(ids(ms, g.range({1}, 4)) == std::vector<std::string>{"c", "d", "e"});
  CHECK(ids(ms, g.range({1, 2}, 3)) == std::vector<std::string>{"d"});
  CHECK(g.range({4}, 3).empty());
}

TEST_CASE("ten thousand migrations build quickly", "[graph]") {
  std::vector<ast::Migration> ms;
  for (int i = 0; i < 10000; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "%05d_m", i);
    ms.push_back(i == 0 ? mig(id) : mig(id, {ms.back().id}));
  }
  Diagnostics d;
  RevisionGraph g = build_graph(ms, d);
  CHECK(g.order.size() == 10000);
  CHECK(g.heads.size() == 1);
}
