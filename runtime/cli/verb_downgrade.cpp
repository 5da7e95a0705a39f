// `migrac downgrade -N|base|ID [--sql]`: revert applied migrations, newest
// first, after checking that every one of them can be reverted; with --sql
// print the psql script of [FROM:]TO instead.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "compiler/emit/script_psql.h"
#include "runtime/cli/db_verb.h"
#include "runtime/cli/verbs.h"
#include "runtime/runner/runner.h"

namespace migrac::cli {

namespace {

// The revisions `downgrade SPEC` reverts, newest first, or nullopt (message printed).
std::optional<std::vector<std::size_t>> select_downgrade(const Project& project,
                                                         const history::State& state,
                                                         const std::string& spec) {
  if (auto n = history::relative_steps(spec, '-')) return history::last_recorded(project.graph, state, *n);
  auto target = resolve_revision(project, spec);
  if (!target) return std::nullopt;
  if (target->is_base) return history::to_revert(project.graph, state, std::nullopt);
  return history::to_revert(project.graph, state, target->rev);
}

int downgrade_offline(const Invocation& inv, const Project& project, const Emitter& emitter,
                      const std::string& spec) {
  int code = kOk;
  auto revs = offline_range(project, spec, true, code);
  if (!revs) return code;
  auto plans = plan_or_report(project, *revs, emitter, code);
  if (!plans) return code;
  if (int c = check_reversible(project, *plans); c != kOk) return c;
  ScriptOptions options;
  options.format = ScriptFormat::Psql;
  options.down = true;
  options.history_table = inv.config.history_table;
  std::cout << render_psql_script(*plans, project.sources, options);
  return kOk;
}

}  // namespace

int verb_downgrade(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("sql", "print the psql script instead of reverting (offline; [FROM:]TO)");
  opts.add(database_options(kConnectOptions | kRunOptions));
  int code = kOk;
  const char* usage = "downgrade -N|base|ID [--sql] [--allow-edited] [--lock-wait 60s] [--retries 5]";
  // "-1" looks like an option to the parser: take it out first.
  Args rest;
  std::optional<std::string> relative;
  for (const std::string& a : args) {
    if (!relative && history::relative_steps(a, '-')) relative = a;
    else rest.push_back(a);
  }
  auto inv = parse_invocation("downgrade", usage, rest, opts, relative ? 0 : 1, code);
  if (!inv) return code;
  if (relative) inv->positional.push_back(*relative);
  if (inv->positional.empty()) {
    std::cerr << fmt::format("migrac downgrade: missing the target (-1, base or a revision)\nusage: migrac {}\n", usage);
    return kUsage;
  }
  auto settings = db_settings(*inv);
  if (!settings) return kUsage;
  auto emitter = emitter_or_report(*inv);
  if (!emitter) return kUsage;
  auto project = compile_or_report(*inv, code, false, false);
  if (!project) return code;
  std::string spec = inv->positional[0];
  if (inv->vm.count("sql")) return downgrade_offline(*inv, *project, *emitter, spec);
  if (int c = check_single_head(*project, "downgrade"); c != kOk) return c;

  auto t0 = std::chrono::steady_clock::now();
  auto session = open_session(*inv, *settings, SessionMode::Write, code);
  if (!session) return code;
  history::State state = history::compare(project->migrations, project->graph, session->rows);
  if (int c = check_agreement(*project, state, *settings, "downgrade"); c != kOk) return c;
  auto revs = select_downgrade(*project, state, spec);
  if (!revs) return kUsage;
  for (std::size_t r : *revs) {
    const history::Row* row = state.row_of[r];
    if (!row->partly_applied()) continue;
    std::cerr << fmt::format(
        "migrac downgrade: migration '{}' is partly applied ({} of {} segments)\n"
        "  help: finish it first with 'migrac upgrade {}', then downgrade\n",
        row->id, row->segments_done, row->segments_total, row->id);
    return kDatabaseDisagrees;
  }
  auto plans = plan_or_report(*project, *revs, *emitter, code);
  if (!plans) return code;
  // Every migration on the way must be reversible before anything runs.
  if (int c = check_reversible(*project, *plans); c != kOk) return c;
  std::vector<runner::Step> steps;
  for (std::size_t i = 0; i < plans->size(); ++i) {
    const history::Row* row = state.row_of[(*revs)[i]];
    const MigrationPlan& plan = (*plans)[i];
    if (row->down_done > static_cast<int>(plan.down.size())) {
      std::cerr << fmt::format("migrac downgrade: migration '{}' recorded {} down segments done, but plans {}\n",
                               plan.id, row->down_done, plan.down.size());
      return kDatabaseDisagrees;
    }
    steps.push_back({&plan, row});
  }

  return run_steps(*session, *settings, *project, steps, true, t0);
}

}  // namespace migrac::cli
