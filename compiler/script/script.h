#pragma once
// Formats plans as reviewable SQL scripts: a header per migration (id, file,
// parents), each segment boundary marked (inside or outside a transaction),
// and beside each statement a comment with its lock, rewrite/scan and file:line.

#include <ostream>
#include <string>
#include <vector>

#include "compiler/dialect/dialect.h"
#include "compiler/plan/plan.h"

namespace migrac {

enum class ScriptFormat { Plain, Psql, Mysql };

struct ScriptOptions {
  ScriptFormat format = ScriptFormat::Plain;
  bool down = false;  // render the down segments, migrations in the order given
  Dialect dialect = Dialect::Postgres;
  std::string history_table = "migrac_history";  // psql, mysql: the table they record into
};

// The whole script for these plans (already in the order to run).
std::string render_script(const std::vector<MigrationPlan>& plans, const SourceSet& sources,
                          const ScriptOptions& options);

// render_script's text, written to `out` piece by piece (a long history's
// script is never held whole); whether every write succeeded. In the plain
// format, `rendered` (when given) may hold migrations' parts made ahead by
// render_plain_migration: a non-empty rendered[i] is written (and moved
// from) for plans[i], whose segments are then not read.
bool write_script(std::ostream& out, const std::vector<MigrationPlan>& plans,
                  const SourceSet& sources, const ScriptOptions& options,
                  std::vector<std::string>* rendered = nullptr);

// One migration's part of the plain script, as write_script writes it (never
// empty): made as soon as the migration is planned, its plan can then drop
// its segments.
std::string render_plain_migration(const MigrationPlan& plan, const SourceSet& sources, bool down);

// One migration's script (used by `sql --out DIR`).
std::string render_migration_script(const MigrationPlan& plan, const SourceSet& sources,
                                    const ScriptOptions& options);

}  // namespace migrac
