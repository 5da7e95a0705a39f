// `migrac current`: the revisions the database is at (applied migrations with
// no applied child), as Alembic prints them.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/diag/json_text.h"
#include "runtime/cli/session.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

int verb_current(const Args& args) {
  Invocation inv = parse_invocation("current", "current [--format text|json]", args,
                                    database_options(kConnectOptions), 0);
  std::unique_ptr<ReadView> view = open_read_view(inv);
  const DbSettings* settings = &view->settings;
  const Project* project = &view->project;
  const history::State& state = view->state;

  nlohmann::json out = nlohmann::json::array();
  for (std::size_t r : history::applied_heads(project->graph, state)) {
    const history::Row& row = *state.row_of[r];
    bool head = project->graph.revisions[r].children.empty();
    std::string st = row.partly_applied()    ? "partly applied"
                     : row.partly_reverted() ? "partly reverted"
                                             : "applied";
    out.push_back({{"id", row.id}, {"head", head}, {"state", st}});
    if (settings->format == runner::OutputFormat::Json) continue;
    std::string marks = head ? " (head)" : "";
    if (row.partly_applied())
      marks += fmt::format(" (partly applied: {} of {} segments)", row.segments_done,
                           row.segments_total);
    if (row.partly_reverted()) marks += " (partly reverted)";
    std::cout << row.id << marks << "\n";
  }
  for (const history::Row* row : state.unknown) {
    out.push_back({{"id", row->id}, {"head", false}, {"state", "unknown to the files"}});
    if (settings->format == runner::OutputFormat::Text)
      std::cout << row->id << " (unknown to the files)\n";
  }
  if (settings->format == runner::OutputFormat::Json) {
    std::cout << json_text(nlohmann::json{{"current", out}});
  } else if (out.empty()) {
    std::cout << "(no migration applied)\n";
  }
  return kOk;
}

}  // namespace migrac::cli
