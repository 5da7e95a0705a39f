// plan_join: which states a join reads and the migrations of each side (see
// join.h). A merge of two parents walks back from both, latest first, only
// until the walk is down to one common ancestor: O(what the sides changed)
// for the usual branch. Other merges walk the ancestors of each parent:
// O(revisions) per parent, before the replay.
#include <algorithm>
#include <queue>
#include <utility>

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

// The step of a merge of `left` and `right` by one walk back from both in
// replay order (latest first), marking each revision with the sides it is an
// ancestor of. The walk stops when no revision still to visit is on one side
// only and one revision is left to visit: everything before it is common and
// behind it. The sides are the revisions marked with one side; the bases are
// the common ones without a common child, as plan_join's general walk finds
// them.
JoinPlan::Step walk_two(const RevisionGraph& graph, std::size_t left, std::size_t right,
                        const std::vector<bool>& in, const std::vector<long>& position) {
  constexpr unsigned char kLeft = 1, kRight = 2, kBoth = 3;
  std::vector<unsigned char> marks(graph.revisions.size(), 0);
  std::priority_queue<std::pair<long, std::size_t>> queue;  // latest first
  std::size_t one_side = 0;  // queued revisions marked with one side only
  auto mark = [&](std::size_t rev, unsigned char side) {
    unsigned char old = marks[rev];
    unsigned char now = old | side;
    if (now == old) return;
    marks[rev] = now;
    if (old == 0) {
      queue.emplace(position[rev], rev);
      if (now != kBoth) ++one_side;
    } else if (now == kBoth) {
      --one_side;
    }
  };
  mark(left, kLeft);
  mark(right, kRight);
  std::vector<std::size_t> visited;  // latest first
  while (!queue.empty()) {
    if (one_side == 0 && queue.size() == 1) {
      visited.push_back(queue.top().second);  // the last common one: its ancestors are behind it
      break;
    }
    std::size_t rev = queue.top().second;
    queue.pop();
    if (marks[rev] != kBoth) --one_side;
    visited.push_back(rev);
    for (std::size_t p : graph.revisions[rev].parents)
      if (in[p]) mark(p, marks[rev]);
  }
  JoinPlan::Step step;
  step.parent = right;
  std::vector<std::size_t> bases;
  for (auto it = visited.rbegin(); it != visited.rend(); ++it) {  // replay order
    std::size_t rev = *it;
    if (marks[rev] == kLeft) step.left.push_back(rev);
    if (marks[rev] == kRight) step.right.push_back(rev);
    if (marks[rev] != kBoth) continue;
    const std::vector<std::size_t>& children = graph.revisions[rev].children;
    if (std::none_of(children.begin(), children.end(),
                     [&](std::size_t c) { return in[c] && marks[c] == kBoth; }))
      bases.push_back(rev);
  }
  if (bases.size() == 1) step.base_rev = static_cast<long>(bases.front());
  else if (bases.size() > 1)
    step.base_join = std::make_unique<JoinPlan>(plan_join(graph, bases, in, position));
  return step;
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
  if (parents.size() == 2) {
    plan.steps.push_back(walk_two(graph, parents[0], parents[1], in, position));
    return plan;
  }
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
