// `migrac downgrade -N|base|ID [--sql]`: revert applied migrations, newest
// first, after checking that every one of them can be reverted; with --sql
// print the psql (or mysql client) script of [FROM:]TO instead.
#include <algorithm>
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

int downgrade_offline(const Invocation& inv, const Project& project, const Emitter& emitter,
                      const std::string& spec) {
  no_backup_offline(inv);
  std::vector<MigrationPlan> plans = plan_or_fail(project, offline_range(project, spec, true),
                                                  emitter);
  check_reversible(project, plans);
  ScriptOptions options;
  options.format = offline_script_format(inv, emitter);
  options.down = true;
  options.history_table = inv.config.history_table;
  std::cout << render_script(plans, project.sources, options);
  return kOk;
}

// The steps that revert `revs`: refused (exit 4) when one of them is partly
// applied or recorded more down segments than it now plans.
std::vector<runner::Step> downgrade_steps(const history::State& state,
                                          const std::vector<std::size_t>& revs,
                                          const std::vector<MigrationPlan>& plans) {
  std::vector<runner::Step> steps;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const history::Row* row = state.row_of[revs[i]];
    const MigrationPlan& plan = plans[i];
    if (row->down_done > static_cast<int>(plan.down.size())) {
      fail(kDatabaseDisagrees,
           "migrac downgrade: migration '{}' recorded {} down segments done, but plans {}", plan.id,
           row->down_done, plan.down.size());
    }
    steps.push_back({&plan, row});
  }
  return steps;
}

}  // namespace

int verb_downgrade(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()(
      "sql",
      "print the psql (postgres) or mysql client script instead of reverting (offline; [FROM:]TO)");
  opts.add(database_options(kConnectOptions | kRunOptions)).add(backup_options());
  const char* usage =
      "downgrade -N|base|ID [--sql] [--backup DIR] [--allow-edited] [--lock-wait 60s] "
      "[--retries 5] [--lock-deadline 5min]";
  // "-1" looks like an option to the parser: take it out first.
  Args rest;
  std::optional<std::string> relative;
  for (const std::string& a : args) {
    if (!relative && history::relative_steps(a, '-')) relative = a;
    else rest.push_back(a);
  }
  Invocation inv = parse_invocation("downgrade", usage, rest, opts, relative ? 0 : 1);
  if (relative) inv.positional.push_back(*relative);
  if (inv.positional.empty()) usage_error(inv, "missing the target (-1, base or a revision)");
  DbSettings settings = db_settings(inv);
  std::unique_ptr<Emitter> emitter = emitter_or_fail(inv);
  Project project = compile_or_fail(inv, false, false);
  std::string spec = inv.positional[0];
  if (inv.vm.count("sql")) return downgrade_offline(inv, project, *emitter, spec);

  auto t0 = std::chrono::steady_clock::now();
  Session session = open_session(inv, settings, SessionMode::Write);
  history::State state = history::compare(project.migrations, project.graph, session.rows);
  check_agreement(project, state, settings, "downgrade");
  std::vector<std::size_t> revs = select_downgrade(project, state, spec);
  for (std::size_t r : revs) {
    const history::Row* row = state.row_of[r];
    if (!row->partly_applied()) continue;
    fail(kDatabaseDisagrees,
         "migrac downgrade: migration '{}' is partly applied ({} of {} segments)\n"
         "  help: finish it first with 'migrac upgrade {}', then downgrade",
         row->id, row->segments_done, row->segments_total, row->id);
  }
  std::vector<MigrationPlan> plans = plan_or_fail(project, revs, *emitter);
  // Every migration on the way must be reversible before anything runs.
  check_reversible(project, plans);
  backup_or_fail(inv, session, settings, !revs.empty());
  run_steps(session, settings, project, downgrade_steps(state, revs, plans), true, t0);
  // Flyway repeatables have no reverse: what they created stays as it last ran.
  bool ran = std::any_of(session.rows.begin(), session.rows.end(), [](const history::Row& row) {
    return parse_repeatable_row(row.id).has_value();
  });
  if (ran && !revs.empty() && !settings.quiet) {
    std::cerr << "migrac downgrade: note: repeatable migrations are not reverted; their objects "
                 "stay as they last ran\n";
  }
  return kOk;
}

}  // namespace migrac::cli
