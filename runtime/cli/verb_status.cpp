// `migrac status`: the database against the files: applied, pending, partly
// applied or reverted, edited after they were applied, unknown to the files.
// Exit 4 when the database disagrees with the files (edited or unknown).
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/diag/colour.h"
#include "compiler/diag/json_text.h"
#include "runtime/cli/session.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

int verb_status(const Args& args) {
  Invocation inv = parse_invocation("status", "status [--format text|json]", args,
                                    database_options(kConnectOptions), 0);
  std::unique_ptr<ReadView> view = open_read_view(inv);
  const DbSettings* settings = &view->settings;
  const Project* project = &view->project;
  const Session* session = &view->session;
  const history::State& state = view->state;
  const auto& migrations = project->migrations;

  std::size_t applied = 0;
  for (std::size_t r = 0; r < migrations.size(); ++r) applied += state.complete(r) ? 1 : 0;
  std::vector<std::size_t> pending;
  for (std::size_t r : history::pending(project->graph, state)) {
    if (!state.recorded(r)) pending.push_back(r);
  }
  // Flyway repeatables that never ran or changed since they last ran.
  std::vector<history::RepeatableRun> due = history::repeatable_runs(project->repeatables,
                                                                     session->rows);
  bool disagrees = !state.edited.empty() || !state.unknown.empty();
  bool up_to_date = pending.empty() && due.empty() && state.partly_applied.empty() &&
                    state.partly_reverted.empty() && !disagrees;
  std::string summary = up_to_date  ? "up to date"
                        : disagrees ? "the database disagrees with the files"
                                    : fmt::format("{} pending", pending.size() + due.size() +
                                                                    state.partly_applied.size() +
                                                                    state.partly_reverted.size());

  if (settings->format == runner::OutputFormat::Json) {
    nlohmann::json j;
    j["database"] = session->db->describe();
    j["history_table"] = session->table.display();
    j["migrations"] = migrations.size();
    j["applied"] = applied;
    j["up_to_date"] = up_to_date;
    j["pending"] = nlohmann::json::array();
    for (std::size_t r : pending) j["pending"].push_back(migrations[r].id);
    j["repeatables_pending"] = nlohmann::json::array();
    for (const history::RepeatableRun& run : due) {
      j["repeatables_pending"].push_back({{"id", project->repeatables[run.repeatable].id},
                                          {"recorded_checksum", run.last_checksum},
                                          {"file_checksum",
                                           project->repeatables[run.repeatable].checksum}});
    }
    j["partly_applied"] = nlohmann::json::array();
    for (std::size_t r : state.partly_applied) {
      const history::Row& row = *state.row_of[r];
      j["partly_applied"].push_back(
          {{"id", row.id}, {"segments_done", row.segments_done}, {"segments", row.segments_total}});
    }
    j["partly_reverted"] = nlohmann::json::array();
    for (std::size_t r : state.partly_reverted) j["partly_reverted"].push_back(migrations[r].id);
    j["edited"] = nlohmann::json::array();
    for (std::size_t r : state.edited) {
      j["edited"].push_back({{"id", migrations[r].id},
                             {"file_checksum", migrations[r].checksum},
                             {"recorded_checksum", state.row_of[r]->checksum}});
    }
    j["unknown"] = nlohmann::json::array();
    for (const history::Row* row : state.unknown)
      j["unknown"].push_back({{"id", row->id}, {"applied_at", row->applied_at}});
    std::cout << json_text(std::move(j));
    return disagrees ? kDatabaseDisagrees : kOk;
  }

  std::string out;
  out += session_line(*session) + "\n";
  out += fmt::format("applied: {} of {} migrations\n", applied, migrations.size());
  auto section = [&](const char* title, std::size_t n) {
    out += fmt::format("{}: {}\n", title, n);
  };
  if (!state.partly_applied.empty()) {
    section("partly applied", state.partly_applied.size());
    for (std::size_t r : state.partly_applied) {
      const history::Row& row = *state.row_of[r];
      out += fmt::format("  {} ({} of {} segments done; 'migrac upgrade' resumes it)\n", row.id,
                         row.segments_done, row.segments_total);
    }
  }
  if (!state.partly_reverted.empty()) {
    section("partly reverted", state.partly_reverted.size());
    for (std::size_t r : state.partly_reverted) {
      out += fmt::format("  {} ({} down segments done; 'migrac downgrade' resumes it)\n",
                         migrations[r].id, state.row_of[r]->down_done);
    }
  }
  if (!pending.empty()) {
    section("pending", pending.size());
    for (std::size_t r : pending) out += fmt::format("  {}\n", migrations[r].id);
  }
  if (!due.empty()) {
    section("repeatables pending", due.size());
    for (const history::RepeatableRun& run : due) {
      out += fmt::format("  {} ({})\n", project->repeatables[run.repeatable].id,
                         run.last_checksum.empty() ? "never ran" : "changed since it last ran");
    }
  }
  if (!state.edited.empty()) {
    section("edited after they were applied", state.edited.size());
    for (std::size_t r : state.edited) {
      const ast::Migration& m = migrations[r];
      out += fmt::format("  {}: {} has {}, the database recorded {}\n", m.id,
                         m.file >= 0 ? project->sources[m.file].path : m.id, m.checksum,
                         state.row_of[r]->checksum);
    }
  }
  if (!state.unknown.empty()) {
    section("applied but unknown to the files", state.unknown.size());
    for (const history::Row* row : state.unknown) {
      out += fmt::format("  {} (applied {} by {})\n", row->id, row->applied_at, row->applied_by);
    }
  }
  std::string_view colour = up_to_date ? sgr::kGreen : disagrees ? sgr::kRed : sgr::kYellow;
  out += fmt::format("status: {}\n", paint(summary, colour, colour_choice().out));
  std::cout << out;
  return disagrees ? kDatabaseDisagrees : kOk;
}

}  // namespace migrac::cli
