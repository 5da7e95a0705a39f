// Which revisions a verb's target selects: "[FROM:]TO" ranges of the files,
// and "+N" / "-N" on a database, refused (exit 2, nothing selected) when
// fewer than N can be done.
#include <catch2/catch.hpp>

#include "runtime/cli/range.h"
#include "runtime/cli/verb_error.h"

using namespace migrac;

namespace {

ast::Migration mig(std::string id, std::vector<std::string> parents) {
  ast::Migration m;
  m.id = std::move(id);
  m.checksum = "v1:" + m.id;
  for (std::string& p : parents) m.parents.push_back(ast::Ident{std::move(p), false, {}});
  return m;
}

history::Row row(const std::string& id) {
  history::Row r;
  r.id = id;
  r.checksum = "v1:" + id;
  r.segments_done = r.segments_total = 1;
  return r;
}

// 0001_a -> 0002_b -> 0003_c -> 0004_d, the first `applied` of them recorded.
struct Linear {
  Project project;
  std::vector<history::Row> rows;
  history::State state;

  explicit Linear(std::size_t applied) {
    project.migrations = {mig("0001_a", {}), mig("0002_b", {"0001_a"}), mig("0003_c", {"0002_b"}),
                          mig("0004_d", {"0003_c"})};
    project.graph = build_graph(project.migrations, project.diags);
    for (std::size_t i = 0; i < applied; ++i) rows.push_back(row(project.migrations[i].id));
    state = history::compare(project.migrations, project.graph, rows);
  }
  std::vector<std::string> ids(const std::vector<std::size_t>& revs) const {
    std::vector<std::string> out;
    for (std::size_t r : revs) out.push_back(project.migrations[r].id);
    return out;
  }
};

using Ids = std::vector<std::string>;

// The VerbError `f` throws (exit code and message); fails the test when it returns.
template <typename F>
cli::VerbError error_of(F f) {
  try {
    f();
  } catch (const cli::VerbError& e) {
    return e;
  }
  FAIL("no VerbError");
  return {};
}

}  // namespace

TEST_CASE("ranges: [FROM:]TO split at the colon", "[runtime][range]") {
  CHECK(cli::split_range("0002").from.empty());
  CHECK(cli::split_range("0002").to == "0002");
  CHECK(cli::split_range("0001:0003").from == "0001");
  CHECK(cli::split_range("0001:0003").to == "0003");
  CHECK(cli::split_range(":head").from.empty());
  CHECK(cli::split_range(":head").to == "head");
}

TEST_CASE("ranges: the revisions of an offline script", "[runtime][range]") {
  Linear g(0);
  REQUIRE(g.project.graph.valid);
  CHECK(g.ids(cli::select_range(g.project, "head", false)) ==
        Ids{"0001_a", "0002_b", "0003_c", "0004_d"});
  CHECK(g.ids(cli::select_range(g.project, "0002:0004", false)) == Ids{"0003_c", "0004_d"});
  CHECK(g.ids(cli::select_range(g.project, "base:0002_b", false)) == Ids{"0001_a", "0002_b"});
  CHECK(cli::select_range(g.project, "base", false).empty());
  // Down: from FROM (default head) to TO, newest first.
  CHECK(g.ids(cli::select_range(g.project, "0002", true)) == Ids{"0004_d", "0003_c"});
  CHECK(g.ids(cli::select_range(g.project, "0003:0001", true)) == Ids{"0003_c", "0002_b"});
  CHECK(g.ids(cli::select_range(g.project, "base", true)) ==
        Ids{"0004_d", "0003_c", "0002_b", "0001_a"});

  cli::VerbError unknown = error_of([&] { cli::select_range(g.project, "0009", false); });
  CHECK(unknown.exit_code == cli::kUsage);
  CHECK(unknown.message.rfind("migrac: unknown revision '0009'\n", 0) == 0);
  cli::VerbError ambiguous = error_of([&] { cli::select_range(g.project, "000", false); });
  CHECK(ambiguous.exit_code == cli::kUsage);
  CHECK(ambiguous.message ==
        "migrac: revision '000' is ambiguous: it starts 4 ids:\n  0001_a\n  0002_b\n  0003_c\n  "
        "0004_d\n");
  cli::VerbError relative = error_of([&] { cli::offline_range(g.project, "+2", false); });
  CHECK(relative.exit_code == cli::kUsage);
  CHECK(relative.message ==
        "migrac: a relative revision ('+2') needs a database; offline scripts take [FROM:]TO\n");
}

TEST_CASE("ranges: upgrade +N applies N, or refuses when fewer are pending", "[runtime][range]") {
  Linear g(1);
  CHECK(g.ids(cli::select_upgrade(g.project, g.state, "+2")) == Ids{"0002_b", "0003_c"});
  CHECK(g.ids(cli::select_upgrade(g.project, g.state, "+3")) == Ids{"0002_b", "0003_c", "0004_d"});
  CHECK(cli::select_upgrade(g.project, g.state, "+0").empty());
  CHECK(g.ids(cli::select_upgrade(g.project, g.state, "0003")) == Ids{"0002_b", "0003_c"});
  CHECK(cli::select_upgrade(g.project, g.state, "base").empty());

  cli::VerbError more = error_of([&] { cli::select_upgrade(g.project, g.state, "+5"); });
  CHECK(more.exit_code == cli::kUsage);
  CHECK(more.message ==
        "migrac upgrade: relative revision '+5' needs 5 pending migrations, and there are only 3; "
        "nothing was applied\n"
        "  help: 'migrac upgrade +3' applies all of them\n");

  Linear at_head(4);
  CHECK(error_of([&] { cli::select_upgrade(at_head.project, at_head.state, "+1"); }).message ==
        "migrac upgrade: relative revision '+1' needs 1 pending migration, and there are none; "
        "nothing was applied\n");
  Linear one_left(3);
  CHECK(error_of([&] { cli::select_upgrade(one_left.project, one_left.state, "+2"); }).message ==
        "migrac upgrade: relative revision '+2' needs 2 pending migrations, and there is only 1; "
        "nothing was applied\n"
        "  help: 'migrac upgrade +1' applies it\n");
}

TEST_CASE("ranges: downgrade -N reverts N, or refuses when fewer are applied", "[runtime][range]") {
  Linear g(3);
  CHECK(g.ids(cli::select_downgrade(g.project, g.state, "-2")) == Ids{"0003_c", "0002_b"});
  CHECK(g.ids(cli::select_downgrade(g.project, g.state, "-3")) ==
        Ids{"0003_c", "0002_b", "0001_a"});
  CHECK(g.ids(cli::select_downgrade(g.project, g.state, "0001")) == Ids{"0003_c", "0002_b"});
  CHECK(g.ids(cli::select_downgrade(g.project, g.state, "base")) ==
        Ids{"0003_c", "0002_b", "0001_a"});

  cli::VerbError more = error_of([&] { cli::select_downgrade(g.project, g.state, "-50"); });
  CHECK(more.exit_code == cli::kUsage);
  CHECK(more.message ==
        "migrac downgrade: relative revision '-50' needs 50 applied migrations, and there are only "
        "3; nothing was "
        "reverted\n"
        "  help: 'migrac downgrade -3' reverts all of them\n");
  Linear empty(0);
  CHECK(error_of([&] { cli::select_downgrade(empty.project, empty.state, "-1"); }).message ==
        "migrac downgrade: relative revision '-1' needs 1 applied migration, and there are none; "
        "nothing was reverted\n");
}

namespace {

// 0001 -> 0002_a and 0001 -> 0002_b (two heads), with `merge` 0003_m after
// both; the revisions named in `applied` recorded.
struct Branches : Linear {
  Branches(bool merge, const std::vector<std::string>& applied) : Linear(0) {
    project = Project{};
    project.migrations = {mig("0001", {}), mig("0002_a", {"0001"}), mig("0002_b", {"0001"})};
    if (merge) project.migrations.push_back(mig("0003_m", {"0002_a", "0002_b"}));
    project.graph = build_graph(project.migrations, project.diags);
    rows.clear();
    for (const std::string& id : applied) rows.push_back(row(id));
    state = history::compare(project.migrations, project.graph, rows);
  }
};

}  // namespace

TEST_CASE("ranges: upgrade on several heads applies the ancestors of its target",
          "[runtime][range]") {
  Branches g(false, {});
  REQUIRE(g.project.graph.valid);
  REQUIRE(g.project.graph.heads.size() == 2);
  CHECK(g.ids(cli::select_upgrade(g.project, g.state, "0002_b")) == Ids{"0001", "0002_b"});
  CHECK(g.ids(cli::select_upgrade(g.project, g.state, "0002_a")) == Ids{"0001", "0002_a"});
  CHECK(g.ids(cli::select_upgrade(g.project, g.state, "heads")) == Ids{"0001", "0002_a", "0002_b"});

  cli::VerbError head = error_of([&] { cli::select_upgrade(g.project, g.state, "head"); });
  CHECK(head.exit_code == cli::kMigrationErrors);
  CHECK(head.message ==
        "migrac upgrade: 'head' is ambiguous: the migrations have 2 heads: '0002_a', '0002_b'\n"
        "  help: 'migrac upgrade heads' applies every branch, 'migrac upgrade REV' the pending "
        "ancestors of one revision; 'migrac merge' writes a merge migration that joins them\n");

  cli::VerbError plus = error_of([&] { cli::select_upgrade(g.project, g.state, "+1"); });
  CHECK(plus.exit_code == cli::kUsage);
  CHECK(plus.message ==
        "migrac upgrade: relative revision '+1' is ambiguous: the migrations have 2 heads "
        "('0002_a', '0002_b') and the pending migrations ('0001', '0002_a', '0002_b') are not one "
        "line; nothing was applied\n"
        "  help: 'migrac upgrade REV' applies the pending ancestors of one revision, 'migrac "
        "upgrade heads' every pending migration\n");

  // One branch applied: what is pending is one line, so +N goes on.
  Branches one(false, {"0001", "0002_a"});
  CHECK(one.ids(cli::select_upgrade(one.project, one.state, "+1")) == Ids{"0002_b"});
  CHECK(one.ids(cli::select_upgrade(one.project, one.state, "heads")) == Ids{"0002_b"});
  CHECK(one.ids(cli::select_upgrade(one.project, one.state, "0002_a")).empty());

  // With the merge there is one head again.
  Branches merged(true, {"0001", "0002_b"});
  CHECK(merged.ids(cli::select_upgrade(merged.project, merged.state, "head")) ==
        Ids{"0002_a", "0003_m"});
}

TEST_CASE("ranges: downgrade on branches reverts the descendants of its target",
          "[runtime][range]") {
  Branches both(false, {"0001", "0002_a", "0002_b"});
  CHECK(both.ids(cli::select_downgrade(both.project, both.state, "0001")) ==
        Ids{"0002_b", "0002_a"});
  CHECK(both.ids(cli::select_downgrade(both.project, both.state, "0002_a")).empty());
  CHECK(both.ids(cli::select_downgrade(both.project, both.state, "base")) ==
        Ids{"0002_b", "0002_a", "0001"});
  // -1 is one line; -2 takes from two branches and is refused.
  CHECK(both.ids(cli::select_downgrade(both.project, both.state, "-1")) == Ids{"0002_b"});
  cli::VerbError minus = error_of([&] { cli::select_downgrade(both.project, both.state, "-2"); });
  CHECK(minus.exit_code == cli::kUsage);
  CHECK(minus.message ==
        "migrac downgrade: relative revision '-2' is ambiguous: the database has 2 applied heads "
        "('0002_a', '0002_b') and its 2 newest migrations ('0002_b', '0002_a') are not one line; "
        "nothing was reverted\n"
        "  help: 'migrac downgrade REV' reverts the applied descendants of one revision\n");

  // All applied with the merge: downgrading one branch's id reverts the merge
  // only, and the other branch's record stays.
  Branches merged(true, {"0001", "0002_a", "0002_b", "0003_m"});
  CHECK(merged.ids(cli::select_downgrade(merged.project, merged.state, "0002_a")) == Ids{"0003_m"});
  CHECK(merged.ids(cli::select_downgrade(merged.project, merged.state, "0001")) ==
        Ids{"0003_m", "0002_b", "0002_a"});
  CHECK(merged.ids(cli::select_downgrade(merged.project, merged.state, "-2")) ==
        Ids{"0003_m", "0002_b"});
}

TEST_CASE("ranges: an offline script up to every head", "[runtime][range]") {
  Branches g(false, {});
  CHECK(g.ids(cli::select_range(g.project, "heads", false)) == Ids{"0001", "0002_a", "0002_b"});
  CHECK(g.ids(cli::select_range(g.project, "0002_a:heads", false)) == Ids{"0002_b"});
  CHECK(g.ids(cli::select_range(g.project, "0001:0002_b", false)) == Ids{"0002_b"});
  CHECK(error_of([&] {
          cli::refuse_head_of_several(g.project, "0001:head", "upgrade --sql");
        }).exit_code == cli::kMigrationErrors);
  Branches merged(true, {});
  cli::refuse_head_of_several(merged.project, "head", "upgrade");  // one head: no error
}
