#pragma once
// The plan: each migration lowered to segments of statements, each statement
// with its SQL, lock, rewrite/scan facts and source. A plan is data; the
// runtime executes it and compiler/script/ formats it for review.

#include <optional>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/dialect/dialect.h"

namespace migrac {

// What a statement is for, so the runtime and the script formatter treat it
// right without reading its SQL.
enum class StatementRole {
  Ddl,       // a schema change
  Setting,   // SET [LOCAL] lock_timeout / statement_timeout, RESET (a session form in `session`)
  Recovery,  // runs only when `condition_sql` returns true (drop an INVALID index)
  Backfill,  // repeat `sql` (one batch) until it updates 0 rows; script form in `script_sql`
  Raw,       // user SQL
  ReferenceCheck,  // lists rows without their parent (table, rowid, parent): any row fails it
  History,         // a write to the history table (the runtime's, around the plan's statements)
};

// What a statement does to the object it names, so that rerunning a segment
// an interrupted run began can tell work already done from a failure.
enum class ObjectEffect {
  None,
  Creates,  // creates, adds or renames to it: "already exists" means it was done
  Drops,    // drops it: "does not exist" means it was done
};

// A SET LOCAL for the session, and its reset: outside a transaction SET LOCAL
// has no effect, so a runner or script that runs the setting there runs
// `set_sql` instead and `reset_sql` after the segment. The planner writes
// settings for the segment they are in (SET LOCAL in a transaction, SET and
// RESET outside one), so only a plan built otherwise needs this.
struct SessionSetting {
  std::string set_sql;
  std::string reset_sql;
};

// One statement of a segment.
struct PlannedStatement {
  std::string sql;
  StatementRole role = StatementRole::Ddl;
  LockFacts lock;  // lock taken, rewrite/scan
  SourceRange source;
  std::string condition_sql;  // Recovery: a query returning one boolean
  std::string script_sql;     // Backfill: a self-contained loop for scripts (DO block)
  BatchWalk walk{};           // Backfill: its batches by key ranges (when walk.keys > 0)
  ObjectEffect effect = ObjectEffect::None;
  // May change rows, or drop what rows depend on (DML, DROP TABLE/INDEX, a
  // rebuild's copy, raw SQL): a runtime that runs it with foreign keys not
  // enforced checks them before the transaction commits.
  bool changes_data = false;
  bool builds_index = false;  // Ddl: a CREATE INDEX (a runtime can show the build's progress)
  std::optional<SessionSetting>
      session;  // Setting, SET LOCAL outside a transaction: its session form
};

// Consecutive statements that run together: in one transaction or in autocommit.
struct Segment {
  bool transactional = true;
  std::vector<PlannedStatement> statements;
};

// One migration lowered for one dialect, both directions.
struct MigrationPlan {
  std::size_t migration = 0;
  std::string id;
  std::string file;  // path of the source file
  std::vector<std::string> parents;
  std::string checksum;
  // The dialect runs DDL in transactions (false on MySQL: each statement commits on its own).
  bool transactional_ddl = true;
  std::vector<Segment> up;
  std::vector<Segment> down;
  bool reversible = true;
  std::string irreversible_reason;  // e.g. "'sql' without a 'down' block"
  SourceRange irreversible_at;
  // A Flyway repeatable: no part of the graph, run after the versioned
  // migrations whenever its checksum changed, never reverted; `migration`
  // indexes Project::repeatables.
  bool repeatable = false;
};

// What plan_migration plans besides the up.
struct PlanOptions {
  bool with_down = true;
  // With with_down, false: decide whether the migration can be reverted, but
  // leave `down` empty (an upgrade script says whether, not how).
  bool lower_down = true;
};

// Lowers one checked migration for the emitter's dialect. Reports dialect errors
// (an operation the dialect cannot express) into diags.
MigrationPlan plan_migration(const ast::Migration& migration, const CheckedMigration& checked,
                             const Emitter& emitter, const SourceSet& sources,
                             const PlanOptions& options, Diagnostics& diags);

// Reports E0504 for every plan in `plans` that cannot be reverted (a downgrade
// through them is refused before anything runs). Returns whether all are reversible.
bool check_reversible(const std::vector<MigrationPlan>& plans, Diagnostics& diags);

}  // namespace migrac
