#pragma once
// Branches (private to compiler/check): the schema at a revision is the
// replay of its ancestors only. A revision with one parent continues its
// parent's state; a root starts from the empty schema; a merge joins its
// parents' states (join_states). The plan of a join (plan_join) is worked out
// from the graph before the replay, so that the checker knows how many times
// each revision's state is read and can move it to its last reader instead
// of copying it (check.cpp).
//
// The join rule: the joined state is the common ancestors' state (the base)
// plus each side's changes. A side's changes are the tables and enums its
// migrations touched (Touched); a name only one side touched is taken from
// that side, a name both touched is merged element by element (columns,
// constraints, indexes, enum values) against the base. A conflict is an
// element both sides created, both changed differently, or one dropped while
// the other changed or uses it; each is an error at the merge migration
// naming a migration of each side.

#include <memory>
#include <vector>

#include "compiler/check/checker.h"
#include "compiler/graph/graph.h"

namespace migrac {

// How several states are joined: `first`'s state, then each step's parent
// joined into what is joined so far.
struct JoinPlan {
  // One parent joined into what is joined so far.
  struct Step {
    std::size_t parent = 0;
    // The base: the state of `base_rev`, or the join `base_join` of several
    // common ancestors none of which is an ancestor of another (a
    // criss-cross), or (both empty) the empty schema: no common ancestor.
    long base_rev = -1;
    std::unique_ptr<JoinPlan> base_join;
    // The migrations of each side since the base, in replay order: those of
    // what is joined so far (left) and of `parent` (right).
    std::vector<std::size_t> left, right;
  };
  std::size_t first = 0;
  std::vector<Step> steps;
};

// The revisions a join plan reads the state of, once per read.
void plan_reads(const JoinPlan& plan, std::vector<std::size_t>& out);

// Plans the join of `parents` (in order, at least one). Only revisions with
// `in` set take part (the replayed ones); `position` is each revision's
// place in the replay order.
JoinPlan plan_join(const RevisionGraph& graph, const std::vector<std::size_t>& parents,
                   const std::vector<bool>& in, const std::vector<long>& position);

// What a join reports with: the migrations (for their ids), what each
// migration touched (by migration index), and where conflicts are reported
// (the merge migration's `after` clause); no diagnostics: joined silently.
struct JoinContext {
  const std::vector<ast::Migration>& migrations;
  const std::vector<Touched>& touched;
  Diagnostics* diags = nullptr;
  SourceRange at;
};

// Joins `other` into `into` over `base`, as the step's sides say; reports
// conflicts to ctx.diags.
void join_states(CheckState& into, const CheckState& base, const CheckState& other,
                 const JoinPlan::Step& step, const JoinContext& ctx);

}  // namespace migrac
