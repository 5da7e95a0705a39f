// `migrac upgrade [head|heads|+N|ID] [--sql]`: apply the pending migrations up
// to a target (on any number of heads: the pending ancestors of the target),
// resuming a partly applied one; with --sql (Alembic's offline mode) print the
// psql (or mysql client) script instead of connecting.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "compiler/script/script.h"
#include "runtime/cli/agreement.h"
#include "runtime/cli/backup_step.h"
#include "runtime/cli/range.h"
#include "runtime/cli/session.h"
#include "runtime/cli/steps.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

int upgrade_offline(const Invocation& inv, const Project& project, const Emitter& emitter,
                    const std::string& spec) {
  no_backup_offline(inv);
  refuse_head_of_several(project, spec, "upgrade --sql");
  std::vector<MigrationPlan> plans = plan_or_fail(project, offline_range(project, spec, false),
                                                  emitter);
  // The repeatables follow the whole history; the script runs each one whose
  // last recorded checksum is not its file's.
  if (range_reaches_end(project, spec)) {
    for (MigrationPlan& p : plan_repeatables_or_fail(project, emitter))
      plans.push_back(std::move(p));
  }
  ScriptOptions options;
  options.format = offline_script_format(inv, emitter);
  options.history_table = inv.config.history_table;
  std::cout << render_script(plans, project.sources, options);
  return kOk;
}

// The steps that apply `revs`: refused (exit 4) when a partly applied one now
// plans another number of segments.
std::vector<runner::Step> upgrade_steps(const history::State& state,
                                        const std::vector<std::size_t>& revs,
                                        const std::vector<MigrationPlan>& plans) {
  std::vector<runner::Step> steps;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const history::Row* row = state.row_of[revs[i]];
    const MigrationPlan& plan = plans[i];
    if (row && row->partly_applied() && row->segments_total != static_cast<int>(plan.up.size())) {
      fail(kDatabaseDisagrees,
           "migrac upgrade: migration '{}' was partly applied with {} segments, but now plans {}\n"
           "  help: compile with the options of the interrupted run (--online, lock_timeout), or "
           "finish it by hand and 'migrac stamp {}'",
           plan.id, row->segments_total, plan.up.size(), plan.id);
    }
    steps.push_back({&plan, row});
  }
  return steps;
}

}  // namespace

int verb_upgrade(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()(
      "sql",
      "print the psql (postgres) or mysql client script instead of applying (offline; [FROM:]TO)");
  opts.add(database_options(kConnectOptions | kRunOptions)).add(backup_options());
  const char* usage =
      "upgrade [head|heads|+N|ID] [--sql] [--backup DIR] [--allow-edited] [--lock-wait 60s] "
      "[--retries 5] [--lock-deadline 5min]";
  Invocation inv = parse_invocation("upgrade", usage, args, opts, 1);
  DbSettings settings = db_settings(inv);
  std::unique_ptr<Emitter> emitter = emitter_or_fail(inv);
  Project project = compile_or_fail(inv, false, false);
  std::string spec = inv.positional.empty() ? "head" : inv.positional[0];
  if (inv.vm.count("sql")) return upgrade_offline(inv, project, *emitter, spec);

  auto t0 = std::chrono::steady_clock::now();
  Session session = open_session(inv, settings, SessionMode::Write);
  history::State state = history::compare(project.migrations, project.graph, session.rows);
  check_agreement(project, state, settings, "upgrade");
  std::vector<std::size_t> revs = select_upgrade(project, state, spec);
  for (std::size_t r : revs) {
    if (!state.row_of[r] || !state.row_of[r]->partly_reverted()) continue;
    fail(kDatabaseDisagrees,
         "migrac upgrade: migration '{}' is partly reverted ({} of its down segments done)\n"
         "  help: finish the downgrade first ('migrac downgrade' to a revision before it)",
         project.migrations[r].id, state.row_of[r]->down_done);
  }
  std::vector<MigrationPlan> plans = plan_or_fail(project, revs, *emitter);
  std::vector<runner::Step> steps = upgrade_steps(state, revs, plans);
  // After the whole history: the repeatables that never ran or changed, each
  // recorded in a new row of its own.
  std::vector<MigrationPlan> repeatables;
  if (range_reaches_end(project, spec) && !project.repeatables.empty()) {
    std::vector<MigrationPlan> all = plan_repeatables_or_fail(project, *emitter);
    for (const history::RepeatableRun& run :
         history::repeatable_runs(project.repeatables, session.rows)) {
      repeatables.push_back(all[run.repeatable]);
      repeatables.back().id = run.row_id;
    }
  }
  for (const MigrationPlan& p : repeatables) steps.push_back({&p, nullptr});
  backup_or_fail(inv, session, settings, !steps.empty());
  run_steps(session, settings, project, steps, false, t0);
  return kOk;
}

}  // namespace migrac::cli
