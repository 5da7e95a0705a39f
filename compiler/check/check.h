#pragma once
// The checker: replays the history in topological order, each migration on
// the schema of its own ancestors (a branch does not see its sibling's
// tables, a second root starts from the empty schema, a merge joins its
// parents' schemas and reports their conflicts), checks every name at each
// point, and resolves every operation into Changes.

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diag.h"
#include "compiler/graph/graph.h"
#include "compiler/model/change.h"
#include "compiler/model/schema.h"

namespace migrac::pgsql {
class ParseCache;
}  // namespace migrac::pgsql

namespace migrac {

// The effective settings of one migration (docs/language.md "Settings").
struct MigrationSettings {
  std::int64_t lock_timeout_ms = 5000;
  std::int64_t statement_timeout_ms = 0;  // 0: none
  bool online = true;
  bool transactional = true;  // `set transaction = none` (or raw -- migrac:no-transaction) -> false
};

struct CheckedMigration;

// Options that apply to every migration of a run (migrac.ini, command line);
// a migration's own `set` overrides them.
struct CheckOptions {
  MigrationSettings defaults;
  std::optional<bool> force_online;  // --no-online sets false, overriding migrations
  bool keep_schemas = false;         // fill CheckedHistory::schema_after (verify, diff, stamp)
  // The schema after raw SQL migrations, by id, from current schema cache
  // entries (compiler/project/schema_cache.h): it replaces the static reading.
  const std::map<std::string, model::Schema>* raw_schemas = nullptr;
  // Migration index -> whether to keep the model before it in
  // CheckedHistory::before (the linter reads it for raw SQL migrations).
  const std::vector<bool>* keep_before = nullptr;
  // Called on the checking thread with each migration as soon as it is
  // checked, in CheckedHistory::checked order; the reference stays valid
  // while the history lives (`checked` never moves its elements). It may
  // take the migration's changes (compiler/project/plan_ahead.h): the
  // checker does not read them again.
  std::function<void(CheckedMigration&)> on_checked;
  // Raw SQL texts parsed ahead (raw_sql_followed tells which): the checker
  // takes their trees from here instead of parsing them.
  pgsql::ParseCache* parsed_ahead = nullptr;
};

// The schema model just before one migration, and how far raw SQL the model
// could not follow leaves it uncertain.
struct ModelBefore {
  model::Schema schema;
  std::set<std::string> uncertain_tables;  // changed by raw SQL in ways the model cannot know
  bool opaque = false;  // raw SQL touched unknown objects: the model may lack some
};

// One migration, checked and resolved.
struct CheckedMigration {
  std::size_t migration = 0;  // index into the migrations vector
  MigrationSettings settings;
  std::vector<model::Change> up;
  // The `down { }` block resolved against the schema after `up`, if written.
  std::optional<std::vector<model::Change>> explicit_down;
  bool has_raw_sql = false;  // a raw .up.sql migration: `up` is empty, raw statements are used
};

// The whole history, checked. `checked` follows graph.order.
struct CheckedHistory {
  std::vector<CheckedMigration> checked;
  std::vector<long> position;  // migration index -> index in `checked`, or -1 if not checked
  // The schema after every replayed migration: that of the one head, or the
  // join of all heads (as a merge of them, in id order, would make it; where
  // heads conflict the first head's object is kept, and nothing is
  // reported: the heads are not merged). With stop_at: the schema at stop_at
  // (its ancestors only).
  model::Schema final_schema;
  // With CheckOptions::keep_schemas: the schema after each checked migration
  // (follows `checked`), which is the replay of its ancestors only. On a
  // linear history the schema before one is the entry before it (or the
  // empty schema); with branches, that holds only where the previous entry
  // is its parent.
  std::vector<model::Schema> schema_after;
  // With CheckOptions::keep_before: migration index -> the model before it.
  std::map<std::size_t, ModelBefore> before;
  // The Flyway repeatables, checked after the whole history in their order
  // (check_repeatables); `migration` indexes the repeatables.
  std::vector<CheckedMigration> repeatables;
};

// Checks the migrations in graph.order, each on its ancestors' schema. Stops
// replaying after `stop_at` if given (for `schema --at`). Reports every
// problem found. `graph.order` may be a part of the history closed under
// parents (the applied migrations of a database): only its revisions are
// replayed, and the parents outside it are passed over.
CheckedHistory check_history(const std::vector<ast::Migration>& migrations,
                             const RevisionGraph& graph, const SourceSet& sources,
                             const CheckOptions& options, Diagnostics& diags,
                             std::optional<std::size_t> stop_at = std::nullopt);

// Reads the raw SQL of each repeatable (in order) on `history.final_schema`,
// after every versioned migration, and leaves their effect there. A
// repeatable runs in one transaction, with its history row: one that says
// otherwise is an error (E0129).
void check_repeatables(const std::vector<ast::Migration>& repeatables, const SourceSet& sources,
                       const CheckOptions& options, CheckedHistory& history, Diagnostics& diags);

// The raw SQL texts the checker follows for one migration (a raw
// migration's statements, the PostgreSQL body of each `sql` operation), for
// parsing them ahead into CheckOptions::parsed_ahead.
std::vector<std::string_view> raw_sql_followed(const ast::Migration& migration);

// Deterministic default names (docs/language.md): pk_<t>, uq_<t>_<cols>,
// fk_<t>_<cols>_<reft>, ck_<t>_<cols or n>, ix_<t>_<cols>, shortened with a hash
// suffix past `max_length` bytes.
std::string default_name(const std::string& prefix, const std::string& table,
                         const std::vector<std::string>& parts, std::size_t max_length = 63);

}  // namespace migrac
