// Builds the revision DAG from `after` clauses: parents and children, a
// deterministic topological order (Kahn's algorithm, ties broken by id),
// heads and roots, and the graph errors (unknown or repeated parent,
// duplicate id, cycle).
//
// More than one root is allowed, as in Alembic (independent bases that a
// merge migration later joins); only commands that need one head ask for it
// (require_single_head).
#include "compiler/graph/graph.h"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>
#include <queue>

namespace migrac {

namespace {

// Orders revision indexes by migration id.
struct ById {
  const std::vector<ast::Migration>* migrations;
  bool operator()(std::size_t a, std::size_t b) const {
    return (*migrations)[a].id < (*migrations)[b].id;
  }
};

// Where to report about a whole migration: its id range, or the start of its
// file when the reader left no range.
SourceRange whole(const ast::Migration& m) {
  if (m.id_range.valid()) return m.id_range;
  SourceRange r;
  r.file = m.file;
  r.begin = SourcePos{1, 1, 0};
  r.end = r.begin;
  return r;
}

// Sorts a list of revisions by migration id.
void sort_by_id(std::vector<std::size_t>& revs, const std::vector<ast::Migration>& migrations) {
  std::sort(revs.begin(), revs.end(), ById{&migrations});
}

// Links every migration to its parents; reports unknown and repeated parents.
void link_parents(RevisionGraph& g, const std::vector<ast::Migration>& migrations,
                  const std::vector<bool>& excluded, Diagnostics& diags) {
  std::vector<std::string> ids;  // for suggestions, made at the first unknown parent
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (excluded[i]) continue;
    const std::vector<ast::Ident>& parents = migrations[i].parents;
    for (std::size_t k = 0; k < parents.size(); ++k) {
      const ast::Ident& parent = parents[k];
      // A migration has one parent or a few: a scan finds a repeated one.
      bool repeated = std::any_of(parents.begin(), parents.begin() + static_cast<long>(k),
                                  [&](const ast::Ident& p) { return p.name == parent.name; });
      if (repeated) {
        diags.report(DiagKind::DuplicateParent, parent.range,
                     fmt::format("migration '{}' lists '{}' twice in 'after'", migrations[i].id,
                                 parent.name),
                     "remove the repeated id");
        g.valid = false;
        continue;
      }
      auto it = g.by_id.find(parent.name);
      if (it == g.by_id.end()) {
        if (ids.empty()) {
          for (std::size_t m = 0; m < migrations.size(); ++m)
            if (!excluded[m]) ids.push_back(migrations[m].id);
        }
        diags.report(DiagKind::UnknownParent, parent.range,
                     fmt::format("unknown migration '{}' in 'after' of '{}'", parent.name,
                                 migrations[i].id),
                     did_you_mean(parent.name, ids));
        g.valid = false;
        continue;
      }
      g.revisions[i].parents.push_back(it->second);
      g.revisions[it->second].children.push_back(i);
    }
  }
}

// The `after` ident of `from` that names `to`.
SourceRange after_range(const ast::Migration& from, const std::string& to) {
  for (const ast::Ident& p : from.parents)
    if (p.name == to) return p.range;
  return whole(from);
}

// Reports each cycle among the revisions Kahn's algorithm could not order.
// Every such revision has an unordered parent, so walking parents from one
// always reaches a cycle.
void report_cycles(RevisionGraph& g, const std::vector<ast::Migration>& migrations,
                   const std::vector<bool>& unordered, Diagnostics& diags) {
  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < unordered.size(); ++i)
    if (unordered[i]) pending.push_back(i);
  sort_by_id(pending, migrations);
  std::vector<int> state(migrations.size(), 0);  // 0 new, 1 on the current walk, 2 done
  for (std::size_t start : pending) {
    if (state[start] != 0) continue;
    std::vector<std::size_t> walk;
    std::size_t cur = start;
    while (state[cur] == 0) {
      state[cur] = 1;
      walk.push_back(cur);
      // The unordered parent with the smallest id, for a deterministic walk.
      std::optional<std::size_t> next;
      for (std::size_t p : g.revisions[cur].parents)
        if (unordered[p] && (!next || migrations[p].id < migrations[*next].id)) next = p;
      if (!next) break;  // cannot happen; guards against a malformed graph
      cur = *next;
    }
    if (state[cur] == 1) {
      auto begin = std::find(walk.begin(), walk.end(), cur);
      std::vector<std::size_t> cycle(begin, walk.end());
      // Start the cycle at its smallest id, so the message does not depend on the walk.
      auto smallest = std::min_element(cycle.begin(), cycle.end(), ById{&migrations});
      std::rotate(cycle.begin(), smallest, cycle.end());
      std::string text;
      for (std::size_t r : cycle) text += fmt::format("'{}' after ", migrations[r].id);
      text += fmt::format("'{}'", migrations[cycle.front()].id);
      const std::string& next_id = migrations[cycle.size() > 1 ? cycle[1] : cycle[0]].id;
      Diagnostic& d = diags.report(DiagKind::MigrationCycle,
                                   after_range(migrations[cycle.front()], next_id),
                                   fmt::format("the 'after' clauses form a cycle: {}", text),
                                   "remove one of these 'after' ids");
      for (std::size_t k = 1; k < cycle.size(); ++k) {
        const std::string& to = migrations[cycle[(k + 1) % cycle.size()]].id;
        d.note(after_range(migrations[cycle[k]], to),
               fmt::format("'{}' is after '{}' here", migrations[cycle[k]].id, to));
      }
    }
    for (std::size_t r : walk) state[r] = 2;
  }
  g.valid = false;
}

}  // namespace

long RevisionGraph::find(const std::string& id) const {
  auto it = by_id.find(id);
  return it == by_id.end() ? -1 : static_cast<long>(it->second);
}

std::vector<bool> RevisionGraph::ancestors_of(std::size_t rev) const {
  std::vector<bool> seen(revisions.size(), false);
  std::vector<std::size_t> stack{rev};
  seen[rev] = true;
  while (!stack.empty()) {
    std::size_t cur = stack.back();
    stack.pop_back();
    for (std::size_t p : revisions[cur].parents) {
      if (seen[p]) continue;
      seen[p] = true;
      stack.push_back(p);
    }
  }
  return seen;
}

std::vector<std::size_t> RevisionGraph::range(const std::vector<std::size_t>& from,
                                              std::size_t to) const {
  std::vector<bool> wanted = ancestors_of(to);
  for (std::size_t f : from) {
    std::vector<bool> done = ancestors_of(f);
    for (std::size_t i = 0; i < done.size(); ++i)
      if (done[i]) wanted[i] = false;
  }
  std::vector<std::size_t> out;
  for (std::size_t r : order)
    if (wanted[r]) out.push_back(r);
  return out;
}

RevisionGraph build_graph(const std::vector<ast::Migration>& migrations, Diagnostics& diags) {
  RevisionGraph g;
  g.valid = true;
  g.revisions.resize(migrations.size());
  std::vector<bool> excluded(migrations.size(), false);  // second files of a duplicate id
  g.by_id.reserve(migrations.size());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    g.revisions[i].migration = i;
    auto [it, inserted] = g.by_id.emplace(migrations[i].id, i);
    if (inserted) continue;
    excluded[i] = true;
    g.valid = false;
    Diagnostic& d = diags.report(
        DiagKind::DuplicateMigrationId, whole(migrations[i]),
        fmt::format("migration id '{}' is used by two files", migrations[i].id),
        "rename one of the files; a migration is either '<id>.mig' or '<id>.up.sql'");
    d.note(whole(migrations[it->second]), "the other file is here");
  }
  link_parents(g, migrations, excluded, diags);

  // Kahn's algorithm; the ready set is a min-heap on id, by each revision's
  // place in id order (the loader's migrations are in that order already).
  std::vector<std::size_t> by_id_order(migrations.size());
  std::iota(by_id_order.begin(), by_id_order.end(), std::size_t{0});
  if (!std::is_sorted(by_id_order.begin(), by_id_order.end(), ById{&migrations}))
    std::sort(by_id_order.begin(), by_id_order.end(), ById{&migrations});
  std::vector<std::size_t> rank(migrations.size());
  for (std::size_t k = 0; k < by_id_order.size(); ++k) rank[by_id_order[k]] = k;
  auto later = [&](std::size_t a, std::size_t b) { return rank[a] > rank[b]; };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> ready(later);
  std::vector<std::size_t> missing(migrations.size());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (excluded[i]) continue;
    missing[i] = g.revisions[i].parents.size();
    if (missing[i] == 0) ready.push(i);
  }
  g.order.reserve(migrations.size());
  while (!ready.empty()) {
    std::size_t cur = ready.top();
    ready.pop();
    g.order.push_back(cur);
    for (std::size_t c : g.revisions[cur].children)
      if (--missing[c] == 0) ready.push(c);
  }
  std::vector<bool> unordered(migrations.size(), false);
  bool any_unordered = false;
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (excluded[i] || missing[i] == 0) continue;
    unordered[i] = true;
    any_unordered = true;
  }
  if (any_unordered) report_cycles(g, migrations, unordered, diags);

  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (excluded[i]) continue;
    if (g.revisions[i].children.empty()) g.heads.push_back(i);
    if (g.revisions[i].parents.empty()) g.roots.push_back(i);
  }
  sort_by_id(g.heads, migrations);
  sort_by_id(g.roots, migrations);
  return g;
}

// Reports at the id of the last head (usually the newest), with a note at
// every other head. No migrations (no head) is not reported here: loading
// already says so. Returns true when there is exactly one head.
bool require_single_head(const RevisionGraph& graph, const std::vector<ast::Migration>& migrations,
                         Diagnostics& diags) {
  if (graph.heads.size() <= 1) return graph.heads.size() == 1;
  std::string names, list;
  for (std::size_t k = 0; k < graph.heads.size(); ++k) {
    const std::string& id = migrations[graph.heads[k]].id;
    names += fmt::format("{}'{}'", k ? ", " : "", id);
    list += fmt::format("{}{}", k ? ", " : "", id);
  }
  std::string args;
  for (std::size_t k = 0; k < graph.heads.size(); ++k)
    args += fmt::format("{}{}", k ? " " : "", migrations[graph.heads[k]].id);
  Diagnostic& d = diags.report(DiagKind::MultipleHeads, whole(migrations[graph.heads.back()]),
                               fmt::format("more than one head: {}", names),
                               fmt::format("write a merge migration: 'after {};' (migrac merge {})",
                                           list, args));
  for (std::size_t k = 0; k + 1 < graph.heads.size(); ++k)
    d.note(whole(migrations[graph.heads[k]]),
           fmt::format("head '{}' is here", migrations[graph.heads[k]].id));
  return false;
}

}  // namespace migrac
