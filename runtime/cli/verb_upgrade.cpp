// `migrac upgrade [head|+N|ID] [--sql]`: apply the pending migrations up to a
// target, resuming a partly applied one; with --sql (Alembic's offline mode)
// print the psql script instead of connecting.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "compiler/emit/script_psql.h"
#include "runtime/cli/db_verb.h"
#include "runtime/cli/verbs.h"
#include "runtime/runner/runner.h"

namespace migrac::cli {

namespace {

// The revisions `upgrade SPEC` applies, or nullopt (message printed).
std::optional<std::vector<std::size_t>> select_upgrade(const Project& project,
                                                       const history::State& state,
                                                       const std::string& spec) {
  if (auto n = history::relative_steps(spec, '+')) {
    std::vector<std::size_t> all = history::pending(project.graph, state);
    if (all.size() > *n) all.resize(*n);
    return all;
  }
  auto target = resolve_revision(project, spec);
  if (!target) return std::nullopt;
  if (target->is_base) return std::vector<std::size_t>{};
  return history::pending(project.graph, state, target->rev);
}

int upgrade_offline(const Invocation& inv, const Project& project, const Emitter& emitter,
                    const std::string& spec) {
  int code = kOk;
  auto revs = offline_range(project, spec, false, code);
  if (!revs) return code;
  auto plans = plan_or_report(project, *revs, emitter, code);
  if (!plans) return code;
  ScriptOptions options;
  options.format = ScriptFormat::Psql;
  options.history_table = inv.config.history_table;
  std::cout << render_psql_script(*plans, project.sources, options);
  return kOk;
}

}  // namespace

int verb_upgrade(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("sql", "print the psql script instead of applying (offline; [FROM:]TO)");
  opts.add(database_options(kConnectOptions | kRunOptions));
  int code = kOk;
  const char* usage = "upgrade [head|+N|ID] [--sql] [--allow-edited] [--lock-wait 60s] [--retries 5]";
  auto inv = parse_invocation("upgrade", usage, args, opts, 1, code);
  if (!inv) return code;
  auto settings = db_settings(*inv);
  if (!settings) return kUsage;
  auto emitter = emitter_or_report(*inv);
  if (!emitter) return kUsage;
  auto project = compile_or_report(*inv, code, false, false);
  if (!project) return code;
  std::string spec = inv->positional.empty() ? "head" : inv->positional[0];
  if (inv->vm.count("sql")) return upgrade_offline(*inv, *project, *emitter, spec);
  if (int c = check_single_head(*project, "upgrade"); c != kOk) return c;

  auto t0 = std::chrono::steady_clock::now();
  auto session = open_session(*inv, *settings, SessionMode::Write, code);
  if (!session) return code;
  history::State state = history::compare(project->migrations, project->graph, session->rows);
  if (int c = check_agreement(*project, state, *settings, "upgrade"); c != kOk) return c;
  auto revs = select_upgrade(*project, state, spec);
  if (!revs) return kUsage;
  for (std::size_t r : *revs) {
    if (!state.row_of[r] || !state.row_of[r]->partly_reverted()) continue;
    std::cerr << fmt::format(
        "migrac upgrade: migration '{}' is partly reverted ({} of its down segments done)\n"
        "  help: finish the downgrade first ('migrac downgrade' to a revision before it)\n",
        project->migrations[r].id, state.row_of[r]->down_done);
    return kDatabaseDisagrees;
  }
  auto plans = plan_or_report(*project, *revs, *emitter, code);
  if (!plans) return code;
  std::vector<runner::Step> steps;
  for (std::size_t i = 0; i < plans->size(); ++i) {
    const history::Row* row = state.row_of[(*revs)[i]];
    const MigrationPlan& plan = (*plans)[i];
    if (row && row->partly_applied() && row->segments_total != static_cast<int>(plan.up.size())) {
      std::cerr << fmt::format(
          "migrac upgrade: migration '{}' was partly applied with {} segments, but now plans {}\n"
          "  help: compile with the options of the interrupted run (--online, lock_timeout), or "
          "finish it by hand and 'migrac stamp {}'\n",
          plan.id, row->segments_total, plan.up.size(), plan.id);
      return kDatabaseDisagrees;
    }
    steps.push_back({&plan, row});
  }

  return run_steps(*session, *settings, *project, steps, false, t0);
}

}  // namespace migrac::cli
