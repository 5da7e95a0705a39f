#include "runtime/cli/range.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "runtime/cli/verb.h"

namespace migrac::cli {

namespace {

// Fails with exit 2 when a relative target asks for more migrations than
// there are (Alembic: "Relative revision -50 didn't produce 50 migrations").
void check_count(const std::string& spec, std::size_t asked, std::size_t available, bool down) {
  if (available >= asked) return;
  std::string verb = down ? "downgrade" : "upgrade";
  std::string kind = down ? "applied" : "pending";
  std::string done = down ? "reverted" : "applied";
  std::string there = available == 0   ? "there are none"
                      : available == 1 ? "there is only 1"
                                       : fmt::format("there are only {}", available);
  std::string message = fmt::format(
      "migrac {}: relative revision '{}' needs {} {} migration{}, and {}; nothing was {}\n", verb,
      spec, asked, kind, asked == 1 ? "" : "s", there, done);
  if (available > 0) {
    message += fmt::format("  help: 'migrac {} {}{}' {} {}\n", verb, down ? '-' : '+', available,
                           down ? "reverts" : "applies", available == 1 ? "it" : "all of them");
  }
  throw VerbError{kUsage, message};
}

// The heads of the history, quoted and joined: "'0002_a', '0002_b'".
std::string head_names(const Project& project) {
  std::string names;
  for (std::size_t h : project.graph.heads) {
    names += fmt::format("{}'{}'", names.empty() ? "" : ", ", project.migrations[h].id);
  }
  return names;
}

// Whether `revs` (in graph order, oldest first) are one line: each one is a
// child of the one before it.
bool is_line(const RevisionGraph& graph, const std::vector<std::size_t>& revs) {
  for (std::size_t i = 1; i < revs.size(); ++i) {
    const std::vector<std::size_t>& parents = graph.revisions[revs[i]].parents;
    if (std::find(parents.begin(), parents.end(), revs[i - 1]) == parents.end()) return false;
  }
  return true;
}

// The ids of `revs`, quoted and joined.
std::string id_list(const Project& project, const std::vector<std::size_t>& revs) {
  std::string out;
  for (std::size_t r : revs) {
    out += fmt::format("{}'{}'", out.empty() ? "" : ", ", project.migrations[r].id);
  }
  return out;
}

// The revisions of every head that are not ancestors of `from` (all of them
// without it), in graph order: the range "[FROM:]heads".
std::vector<std::size_t> up_to_heads(const Project& project, std::optional<RevisionRef> from) {
  std::vector<bool> skip(project.graph.revisions.size(), false);
  if (from && !from->is_base) skip = project.graph.ancestors_of(from->rev);
  std::vector<std::size_t> out;
  for (std::size_t r : project.graph.order) {
    if (!skip[r]) out.push_back(r);
  }
  return out;
}

}  // namespace

void refuse_head_of_several(const Project& project, const std::string& spec,
                            const std::string& verb) {
  if (split_range(spec).to != "head" || project.graph.heads.size() <= 1) return;
  fail(kMigrationErrors,
       "migrac {}: 'head' is ambiguous: the migrations have {} heads: {}\n"
       "  help: 'migrac {} heads' applies every branch, 'migrac {} REV' the pending ancestors "
       "of one revision; 'migrac merge' writes a merge migration that joins them",
       verb, project.graph.heads.size(), head_names(project), verb, verb);
}

std::vector<std::size_t> descendants(const RevisionGraph& graph, std::size_t rev) {
  std::vector<bool> seen(graph.revisions.size(), false);
  std::vector<std::size_t> todo = graph.revisions[rev].children;
  while (!todo.empty()) {
    std::size_t r = todo.back();
    todo.pop_back();
    if (seen[r]) continue;
    seen[r] = true;
    for (std::size_t c : graph.revisions[r].children) todo.push_back(c);
  }
  std::vector<std::size_t> out;
  for (std::size_t r : graph.order) {
    if (seen[r]) out.push_back(r);
  }
  return out;
}

RangeSpec split_range(const std::string& spec) {
  auto colon = spec.find(':');
  if (colon == std::string::npos) return {"", spec};
  return {spec.substr(0, colon), spec.substr(colon + 1)};
}

bool range_is_whole(const std::string& spec, bool down) {
  RangeSpec range = split_range(spec);
  if (down) return range.to == "base" && (range.from.empty() || range.from == "head");
  return range.from.empty() && (range.to == "head" || range.to == "heads");
}

std::vector<std::size_t> select_range(const Project& project, const std::string& spec, bool down) {
  RangeSpec range = split_range(spec);
  if (!down && range.to == "heads") {
    std::optional<RevisionRef> from;
    if (!range.from.empty()) from = resolve_revision(project, range.from);
    return up_to_heads(project, from);
  }
  if (down && range.from.empty()) range.from = "head";
  RevisionRef to = resolve_revision(project, range.to);
  std::optional<RevisionRef> from;
  if (!range.from.empty()) from = resolve_revision(project, range.from);
  // The newer end and the older end of the range.
  std::optional<RevisionRef> newer = down ? from : std::optional<RevisionRef>(to);
  std::optional<RevisionRef> older = down ? std::optional<RevisionRef>(to) : from;
  if (!newer || newer->is_base) return {};
  std::vector<std::size_t> exclude;
  if (older && !older->is_base) exclude.push_back(older->rev);
  std::vector<std::size_t> revs = project.graph.range(exclude, newer->rev);
  if (down) std::reverse(revs.begin(), revs.end());
  return revs;
}

std::vector<std::size_t> offline_range(const Project& project, const std::string& spec, bool down) {
  if (spec.empty() || spec[0] == '+' || spec[0] == '-') {
    fail(kUsage,
         "migrac: a relative revision ('{}') needs a database; offline scripts take [FROM:]TO",
         spec);
  }
  return select_range(project, spec, down);
}

bool range_reaches_end(const Project& project, const std::string& spec) {
  std::string to = split_range(spec).to;
  if (to == "head" || to == "heads") return true;
  return project.graph.heads.size() == 1 &&
         project.migrations[project.graph.heads.front()].id == to;
}

std::vector<std::size_t> select_upgrade(const Project& project, const history::State& state,
                                        const std::string& spec) {
  if (auto n = history::relative_steps(spec, '+')) {
    std::vector<std::size_t> all = history::pending(project.graph, state);
    if (project.graph.heads.size() > 1 && !is_line(project.graph, all)) {
      fail(kUsage,
           "migrac upgrade: relative revision '{}' is ambiguous: the migrations have {} heads "
           "({}) and the pending migrations ({}) are not one line; nothing was applied\n"
           "  help: 'migrac upgrade REV' applies the pending ancestors of one revision, "
           "'migrac upgrade heads' every pending migration",
           spec, project.graph.heads.size(), head_names(project), id_list(project, all));
    }
    check_count(spec, *n, all.size(), false);
    all.resize(*n);
    return all;
  }
  if (spec == "heads") return history::pending(project.graph, state);
  refuse_head_of_several(project, spec, "upgrade");
  RevisionRef target = resolve_revision(project, spec);
  if (target.is_base) return {};
  return history::pending(project.graph, state, target.rev);
}

std::vector<std::size_t> select_downgrade(const Project& project, const history::State& state,
                                          const std::string& spec) {
  if (auto n = history::relative_steps(spec, '-')) {
    std::vector<std::size_t> revs = history::last_recorded(project.graph, state, *n);
    check_count(spec, *n, revs.size(), true);  // fewer than N: every recorded one
    std::vector<std::size_t> applied = history::applied_heads(project.graph, state);
    std::vector<std::size_t> oldest_first(revs.rbegin(), revs.rend());
    if (applied.size() > 1 && !is_line(project.graph, oldest_first)) {
      fail(kUsage,
           "migrac downgrade: relative revision '{}' is ambiguous: the database has {} applied "
           "heads ({}) and its {} newest migrations ({}) are not one line; nothing was reverted\n"
           "  help: 'migrac downgrade REV' reverts the applied descendants of one revision",
           spec, applied.size(), id_list(project, applied), revs.size(), id_list(project, revs));
    }
    return revs;
  }
  if (history::relative_steps(spec, '+')) {
    fail(kUsage, "migrac downgrade: '{}' is a step up\n  help: to apply, 'migrac upgrade {}'", spec,
         spec);
  }
  RevisionRef target = resolve_revision(project, spec);
  if (target.is_base) return history::to_revert(project.graph, state, std::nullopt);
  // The recorded descendants of the target, newest first; other branches stay.
  std::vector<std::size_t> revs;
  for (std::size_t r : descendants(project.graph, target.rev)) {
    if (state.recorded(r)) revs.push_back(r);
  }
  std::reverse(revs.begin(), revs.end());
  return revs;
}

}  // namespace migrac::cli
