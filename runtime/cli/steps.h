#pragma once
// Planning and running what a database verb selected: the emitter of the
// runtime's dialect, the plans, and one run of steps with progress output.

#include <chrono>
#include <memory>
#include <vector>

#include "compiler/dialect/dialect.h"
#include "compiler/plan/plan.h"
#include "compiler/project/project.h"
#include "compiler/script/script.h"
#include "runtime/cli/db_options.h"
#include "runtime/cli/session.h"
#include "runtime/runner/runner.h"

namespace migrac::cli {

// The emitter of the runtime's dialect: sqlite for a sqlite: URL, mysql for a
// mysql:// URL, else the configured one, which must be postgres (any with
// --sql); fails with exit 2 otherwise.
std::unique_ptr<Emitter> emitter_or_fail(const Invocation& inv);
// `upgrade --sql` / `downgrade --sql`: the psql script on postgres, the
// mysql client's on mysql; refused (exit 2) on sqlite.
ScriptFormat offline_script_format(const Invocation& inv, const Emitter& emitter);

// Plans `revs`; fails with exit 1 and the plan's errors.
std::vector<MigrationPlan> plan_or_fail(const Project& project,
                                        const std::vector<std::size_t>& revs,
                                        const Emitter& emitter);

// Plans every Flyway repeatable (plan_repeatables); fails with exit 1 as plan_or_fail.
std::vector<MigrationPlan> plan_repeatables_or_fail(const Project& project, const Emitter& emitter);

// Runs `steps` (upgrade, or downgrade when `down`) in the session with
// progress output and a summary timed from `started`, after creating the
// history table if missing. Fails with exit 3 when a step failed (the
// progress output has said why).
void run_steps(Session& session, const DbSettings& settings, const Project& project,
               const std::vector<runner::Step>& steps, bool down,
               std::chrono::steady_clock::time_point started);

}  // namespace migrac::cli
