// plan_join: which states a join reads and the migrations of each side (see
// join.h). Each step walks the ancestors of one parent: O(revisions) per
// parent of a merge, before the replay.
#include <algorithm>

#include "compiler/check/join.h"

namespace migrac {

namespace {

// `rev` and its ancestors, among the revisions with `in` set.
std::vector<bool> ancestors_in(const RevisionGraph& graph, std::size_t rev,
                               const std::vector<bool>& in) {
  std::vector<bool> seen(graph.revisions.size(), false);
  std::vector<std::size_t> stack{rev};
  seen[rev] = true;
  while (!stack.empty()) {
    std::size_t cur = stack.back();
    stack.pop_back();
    for (std::size_t p : graph.revisions[cur].parents) {
      if (seen[p] || !in[p]) continue;
      seen[p] = true;
      stack.push_back(p);
    }
  }
  return seen;
}

// The revisions with `pick` set, in replay order.
std::vector<std::size_t> in_order(const std::vector<bool>& pick,
                                  const std::vector<long>& position) {
  std::vector<std::size_t> out;
  for (std::size_t r = 0; r < pick.size(); ++r)
    if (pick[r]) out.push_back(r);
  std::sort(out.begin(), out.end(),
            [&](std::size_t a, std::size_t b) { return position[a] < position[b]; });
  return out;
}

// The revisions of `set` that have no child in `set`: the latest common
// ancestors, in replay order.
std::vector<std::size_t> latest(const RevisionGraph& graph, const std::vector<bool>& set,
                                const std::vector<long>& position) {
  std::vector<bool> pick(set.size(), false);
  for (std::size_t r = 0; r < set.size(); ++r) {
    if (!set[r]) continue;
    const std::vector<std::size_t>& children = graph.revisions[r].children;
    pick[r] = std::none_of(children.begin(), children.end(), [&](std::size_t c) { return set[c]; });
  }
  return in_order(pick, position);
}

}  // namespace

void plan_reads(const JoinPlan& plan, std::vector<std::size_t>& out) {
  out.push_back(plan.first);
  for (const JoinPlan::Step& step : plan.steps) {
    out.push_back(step.parent);
    if (step.base_rev >= 0) out.push_back(static_cast<std::size_t>(step.base_rev));
    if (step.base_join) plan_reads(*step.base_join, out);
  }
}

JoinPlan plan_join(const RevisionGraph& graph, const std::vector<std::size_t>& parents,
                   const std::vector<bool>& in, const std::vector<long>& position) {
  JoinPlan plan;
  plan.first = parents.front();
  std::vector<bool> joined = ancestors_in(graph, plan.first, in);
  for (std::size_t k = 1; k < parents.size(); ++k) {
    std::vector<bool> mine = ancestors_in(graph, parents[k], in);
    std::vector<bool> common(joined.size()), left(joined.size()), right(joined.size());
    for (std::size_t r = 0; r < joined.size(); ++r) {
      common[r] = joined[r] && mine[r];
      left[r] = joined[r] && !mine[r];
      right[r] = mine[r] && !joined[r];
    }
    JoinPlan::Step step;
    step.parent = parents[k];
    std::vector<std::size_t> bases = latest(graph, common, position);
    if (bases.size() == 1) step.base_rev = static_cast<long>(bases.front());
    else if (bases.size() > 1)
      step.base_join = std::make_unique<JoinPlan>(plan_join(graph, bases, in, position));
    step.left = in_order(left, position);
    step.right = in_order(right, position);
    plan.steps.push_back(std::move(step));
    for (std::size_t r = 0; r < joined.size(); ++r) joined[r] = joined[r] || mine[r];
  }
  return plan;
}

}  // namespace migrac
