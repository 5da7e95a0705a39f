#include "runtime/history/state.h"

#include <algorithm>
#include <map>

namespace migrac::history {

State compare(const std::vector<ast::Migration>& migrations, const RevisionGraph& graph,
              const std::vector<Row>& rows) {
  State s;
  s.row_of.assign(migrations.size(), nullptr);
  for (const Row& row : rows) {
    long rev = graph.find(row.id);
    if (rev < 0 && parse_repeatable_row(row.id)) continue;
    if (rev < 0) {
      s.unknown.push_back(&row);
      continue;
    }
    auto r = static_cast<std::size_t>(rev);
    s.row_of[r] = &row;
    if (row.checksum != migrations[r].checksum) s.edited.push_back(r);
  }
  for (std::size_t r : graph.order) {
    if (!s.row_of[r]) continue;
    if (s.row_of[r]->partly_applied()) s.partly_applied.push_back(r);
    if (s.row_of[r]->partly_reverted()) s.partly_reverted.push_back(r);
  }
  std::sort(s.edited.begin(), s.edited.end());
  return s;
}

std::vector<RepeatableRun> repeatable_runs(const std::vector<ast::Migration>& repeatables,
                                           const std::vector<Row>& rows) {
  std::map<std::string, std::pair<int, const Row*>> last;  // repeatable id -> its newest row
  for (const Row& row : rows) {
    std::optional<RepeatableRow> r = parse_repeatable_row(row.id);
    if (!r) continue;
    auto& entry = last[r->id];
    if (r->n > entry.first) entry = {r->n, &row};
  }
  std::vector<RepeatableRun> out;
  for (std::size_t i = 0; i < repeatables.size(); ++i) {
    const ast::Migration& m = repeatables[i];
    auto it = last.find(m.id);
    if (it == last.end()) {
      out.push_back({i, repeatable_row_id(m.id, 1), ""});
      continue;
    }
    const Row* row = it->second.second;
    if (row->checksum == m.checksum && row->complete()) continue;
    out.push_back({i, repeatable_row_id(m.id, it->second.first + 1), row->checksum});
  }
  return out;
}

std::vector<std::size_t> applied_heads(const RevisionGraph& graph, const State& state) {
  std::vector<std::size_t> out;
  for (std::size_t r : graph.order) {
    if (!state.recorded(r)) continue;
    const auto& children = graph.revisions[r].children;
    bool leaf = std::none_of(children.begin(), children.end(),
                             [&](std::size_t ch) { return state.recorded(ch); });
    if (leaf) out.push_back(r);
  }
  return out;
}

std::vector<std::size_t> pending(const RevisionGraph& graph, const State& state,
                                 std::optional<std::size_t> target) {
  std::vector<bool> wanted;
  if (target) wanted = graph.ancestors_of(*target);
  std::vector<std::size_t> out;
  for (std::size_t r : graph.order) {
    if (target && !wanted[r]) continue;
    if (!state.complete(r)) out.push_back(r);
  }
  return out;
}

std::vector<std::size_t> to_revert(const RevisionGraph& graph, const State& state,
                                   std::optional<std::size_t> target) {
  std::vector<bool> keep;
  if (target) keep = graph.ancestors_of(*target);
  std::vector<std::size_t> out;
  for (auto it = graph.order.rbegin(); it != graph.order.rend(); ++it) {
    if (!state.recorded(*it)) continue;
    if (target && keep[*it]) continue;
    out.push_back(*it);
  }
  return out;
}

std::vector<std::size_t> last_recorded(const RevisionGraph& graph, const State& state,
                                       std::size_t n) {
  std::vector<std::size_t> out;
  for (auto it = graph.order.rbegin(); it != graph.order.rend() && out.size() < n; ++it) {
    if (state.recorded(*it)) out.push_back(*it);
  }
  return out;
}

std::optional<std::size_t> relative_steps(const std::string& spec, char sign) {
  if (spec.size() < 2 || spec[0] != sign) return std::nullopt;
  std::size_t n = 0;
  for (std::size_t i = 1; i < spec.size(); ++i) {
    if (spec[i] < '0' || spec[i] > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(spec[i] - '0');
    if (n > 1000000) return std::nullopt;
  }
  return n;
}

}  // namespace migrac::history
