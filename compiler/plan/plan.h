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

// What a statement is for, so the runtime and the script formatter treat it right.
enum class StatementRole {
  Ddl,       // a schema change
  Setting,   // SET LOCAL lock_timeout / statement_timeout
  Recovery,  // runs only when `condition_sql` returns true (drop an INVALID index)
  Backfill,  // repeat `sql` (one batch) until it updates 0 rows; script form in `script_sql`
  Raw,       // user SQL
};

// One statement of a segment.
struct PlannedStatement {
  std::string sql;
  StatementRole role = StatementRole::Ddl;
  LockFacts lock;                 // lock taken, rewrite/scan
  SourceRange source;
  std::string condition_sql;      // Recovery: a query returning one boolean
  std::string script_sql;         // Backfill: a self-contained loop for scripts (DO block)
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
};

struct PlanOptions {
  bool with_down = true;
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
