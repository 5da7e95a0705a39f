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

}  // namespace

RangeSpec split_range(const std::string& spec) {
  auto colon = spec.find(':');
  if (colon == std::string::npos) return {"", spec};
  return {spec.substr(0, colon), spec.substr(colon + 1)};
}

std::vector<std::size_t> select_range(const Project& project, const std::string& spec, bool down) {
  RangeSpec range = split_range(spec);
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

std::vector<std::size_t> select_upgrade(const Project& project, const history::State& state,
                                        const std::string& spec) {
  if (auto n = history::relative_steps(spec, '+')) {
    std::vector<std::size_t> all = history::pending(project.graph, state);
    check_count(spec, *n, all.size(), false);
    all.resize(*n);
    return all;
  }
  RevisionRef target = resolve_revision(project, spec);
  if (target.is_base) return {};
  return history::pending(project.graph, state, target.rev);
}

std::vector<std::size_t> select_downgrade(const Project& project, const history::State& state,
                                          const std::string& spec) {
  if (auto n = history::relative_steps(spec, '-')) {
    std::vector<std::size_t> revs = history::last_recorded(project.graph, state, *n);
    check_count(spec, *n, revs.size(), true);  // fewer than N: every recorded one
    return revs;
  }
  RevisionRef target = resolve_revision(project, spec);
  if (target.is_base) return history::to_revert(project.graph, state, std::nullopt);
  return history::to_revert(project.graph, state, target.rev);
}

}  // namespace migrac::cli
