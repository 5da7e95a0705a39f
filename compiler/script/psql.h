#pragma once
// The psql format of a script (`migrac sql --format psql`, `upgrade --sql`,
// `downgrade --sql`): a file that `psql -v ON_ERROR_STOP=1 -f` applies with
// nothing else. It takes the runtime's advisory lock, creates the history
// table if missing, stops with a message unless the database is at the
// revision the script starts from, records every migration and every
// non-transactional segment exactly as the runtime does (the same statements,
// compiler/dialect/postgres/history.h), and guards each segment with psql's \if on the
// history table so that a re-run after a failure resumes where it stopped.

#include <string>
#include <vector>

#include "compiler/plan/plan.h"
#include "compiler/script/script.h"
#include "compiler/source/source.h"

namespace migrac {

// The psql script for `plans`, in the order given (options.down: their down
// segments). options.history_table names the history table. Callers use
// render_script (script.h), which dispatches here on ScriptOptions::format.
std::string render_psql_script(const std::vector<const MigrationPlan*>& plans,
                               const SourceSet& sources, const ScriptOptions& options);

}  // namespace migrac
