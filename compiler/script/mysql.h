#pragma once
// The script for the mysql (or mariadb) client (`upgrade --sql` and
// `downgrade --sql` on MySQL, `migrac sql --format mysql`): a file that
// `mysql DATABASE < FILE` applies with nothing else. It takes the runtime's
// run lock (GET_LOCK), creates the history table if missing, and stops with
// an error naming both revisions, before it changes anything, unless the
// database is exactly at the revision it starts from: none of its migrations
// recorded, every parent it does not apply itself recorded whole (a
// downgrade: all of its migrations recorded whole, nothing else depending on
// them). The migration statements are written plainly, one after another;
// each DDL statement commits on its own, so each is recorded in the history
// table before and after it exactly as the runtime records it
// (compiler/dialect/mysql/history.h). A run that stops part-way (a failing
// statement, a kill) leaves a state `migrac upgrade` (`migrac downgrade`)
// resumes at the next statement; the script itself then refuses to run
// again. A rerun of a finished script stops at its check, saying "migrac:
// nothing to do", and changes nothing.

#include <string>
#include <vector>

#include "compiler/plan/plan.h"
#include "compiler/script/script.h"
#include "compiler/source/source.h"

namespace migrac {

// The mysql-client script for `plans`, in the order given (options.down:
// their down segments, newest first). options.history_table names the
// history table. Callers use render_script (script.h), which dispatches here
// on ScriptOptions::format.
std::string render_mysql_script(const std::vector<const MigrationPlan*>& plans,
                                const SourceSet& sources, const ScriptOptions& options);

}  // namespace migrac
