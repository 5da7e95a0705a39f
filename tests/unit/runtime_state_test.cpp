// The database against the files, on a hand-built DAG: recorded, edited and
// unknown ids; what upgrade and downgrade targets select.
#include <catch2/catch.hpp>

#include "runtime/history/state.h"

using namespace migrac;

namespace {

ast::Migration mig(std::string id, std::vector<std::string> parents) {
  ast::Migration m;
  m.id = std::move(id);
  m.checksum = "v1:" + m.id;
  for (std::string& p : parents) m.parents.push_back(ast::Ident{std::move(p), false, {}});
  return m;
}

history::Row row(std::string id, int done = 1, int total = 1) {
  history::Row r;
  r.id = std::move(id);
  r.checksum = "v1:" + r.id;
  r.segments_done = done;
  r.segments_total = total;
  return r;
}

// a -> b -> (c1, c2) -> d
struct Dag {
  std::vector<ast::Migration> migrations{mig("a", {}), mig("b", {"a"}), mig("c1", {"b"}),
                                         mig("c2", {"b"}), mig("d", {"c1", "c2"})};
  Diagnostics diags;
  RevisionGraph graph = build_graph(migrations, diags);

  std::vector<std::string> ids(const std::vector<std::size_t>& revs) const {
    std::vector<std::string> out;
    for (std::size_t r : revs) out.push_back(migrations[r].id);
    return out;
  }
  std::size_t rev(const std::string& id) const { return static_cast<std::size_t>(graph.find(id)); }
};

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("comparing rows with the files", "[runtime][state]") {
  Dag g;
  REQUIRE(g.graph.valid);
  std::vector<history::Row> rows{row("a"), row("b"), row("c2", 1, 2), row("gone")};
  rows[1].checksum = "v1:edited";
  history::State s = history::compare(g.migrations, g.graph, rows);
  CHECK(g.ids(s.edited) == Ids{"b"});
  CHECK(g.ids(s.partly_applied) == Ids{"c2"});
  REQUIRE(s.unknown.size() == 1);
  CHECK(s.unknown[0]->id == "gone");
  CHECK(s.complete(g.rev("a")));
  CHECK_FALSE(s.complete(g.rev("c2")));
  CHECK(s.recorded(g.rev("c2")));
  CHECK(g.ids(history::applied_heads(g.graph, s)) == Ids{"c2"});
}

TEST_CASE("what an upgrade applies", "[runtime][state]") {
  Dag g;
  std::vector<history::Row> rows{row("a"), row("b"), row("c2")};
  history::State s = history::compare(g.migrations, g.graph, rows);
  CHECK(g.ids(history::pending(g.graph, s)) == Ids{"c1", "d"});
  CHECK(g.ids(history::pending(g.graph, s, g.rev("c1"))) == Ids{"c1"});
  CHECK(g.ids(history::pending(g.graph, s, g.rev("c2"))).empty());
  CHECK(g.ids(history::applied_heads(g.graph, s)) == Ids{"c2"});
}

TEST_CASE("what a downgrade reverts", "[runtime][state]") {
  Dag g;
  std::vector<history::Row> rows{row("a"), row("b"), row("c1"), row("c2"), row("d")};
  history::State s = history::compare(g.migrations, g.graph, rows);
  CHECK(g.ids(history::to_revert(g.graph, s, std::nullopt)) == Ids{"d", "c2", "c1", "b", "a"});
  CHECK(g.ids(history::to_revert(g.graph, s, g.rev("c1"))) == Ids{"d", "c2"});
  CHECK(g.ids(history::to_revert(g.graph, s, g.rev("d"))).empty());
  CHECK(g.ids(history::last_recorded(g.graph, s, 2)) == Ids{"d", "c2"});
  CHECK(g.ids(history::last_recorded(g.graph, s, 9)).size() == 5);
}

TEST_CASE("relative steps", "[runtime][state]") {
  CHECK(history::relative_steps("+2", '+') == 2u);
  CHECK(history::relative_steps("-1", '-') == 1u);
  CHECK_FALSE(history::relative_steps("-1", '+'));
  CHECK_FALSE(history::relative_steps("+", '+'));
  CHECK_FALSE(history::relative_steps("+2x", '+'));
  CHECK_FALSE(history::relative_steps("head", '+'));
}

TEST_CASE("repeatables: one row per run, due when never run or changed", "[runtime][state]") {
  CHECK(repeatable_row_id("R__views", 3) == "R__views#3");
  std::optional<RepeatableRow> parsed = parse_repeatable_row("R__views#12");
  REQUIRE(parsed);
  CHECK(parsed->id == "R__views");
  CHECK(parsed->n == 12);
  CHECK_FALSE(parse_repeatable_row("0001_init").has_value());
  CHECK_FALSE(parse_repeatable_row("R__views#").has_value());
  CHECK_FALSE(parse_repeatable_row("R__views#0").has_value());
  CHECK_FALSE(parse_repeatable_row("R__views#x1").has_value());

  Dag g;
  std::vector<ast::Migration> reps{mig("R__fns", {}), mig("R__views", {}), mig("R__new", {})};
  std::vector<history::Row> rows{row("a"), row("R__fns#1"), row("R__views#1"), row("R__views#2")};
  rows[1].checksum = reps[0].checksum;  // R__fns ran as it is
  rows[3].checksum = "v1:older";        // R__views last ran with an older text
  rows[2].checksum = reps[1].checksum;  // (its first run was the text of today)
  history::State s = history::compare(g.migrations, g.graph, rows);
  CHECK(s.unknown.empty());
  std::vector<history::RepeatableRun> due = history::repeatable_runs(reps, rows);
  REQUIRE(due.size() == 2);
  CHECK(due[0].repeatable == 1);
  CHECK(due[0].row_id == "R__views#3");
  CHECK(due[0].last_checksum == "v1:older");
  CHECK(due[1].repeatable == 2);
  CHECK(due[1].row_id == "R__new#1");
  CHECK(due[1].last_checksum.empty());
}
