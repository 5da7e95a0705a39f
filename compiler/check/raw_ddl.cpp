// Follows the simple DDL of raw .up.sql migrations in the check state, so
// that later .mig migrations can use what they created. PostgreSQL's reader
// (pgsql/ddl.h) turns each statement into the edits the checker makes for
// the same .mig operations; they apply through apply_edit, as the checker's
// own, so both paths change the state alike. The notes of where a name was
// created or dropped point at the raw statement.
#include "compiler/check/checker.h"
#include "compiler/pgsql/ddl.h"

namespace migrac {

void apply_raw_ddl(const ast::Migration& migration, CheckState& state) {
  for (const ast::RawStatement& statement : migration.raw_up) {
    EditSites sites{statement.range, statement.range};
    pgsql::read_ddl(statement.text, state.schema,
                    [&](const model::Edit& edit) { apply_edit(state, edit, sites, nullptr); });
  }
}

}  // namespace migrac
