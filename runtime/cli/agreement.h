#pragma once
// The checks that stop a database verb before it changes anything: the
// database agrees with the files, the files have one head, every migration
// to revert can be reverted.

#include <string>
#include <vector>

#include "compiler/plan/plan.h"
#include "compiler/project/project.h"
#include "runtime/cli/db_options.h"
#include "runtime/history/state.h"

namespace migrac::cli {

// Fails with exit 4 when the database has ids the files do not know, or an
// edited migration (unless allow_edited, which is then said on stderr); the
// message names every one of them.
void check_agreement(const Project& project, const history::State& state,
                     const DbSettings& settings, const std::string& verb);

// Fails with exit 1 before reverting an irreversible migration, naming it and why.
void check_reversible(const Project& project, const std::vector<MigrationPlan>& plans);

}  // namespace migrac::cli
