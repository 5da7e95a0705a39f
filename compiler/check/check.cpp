// check_history: replays the migrations in topological order into one schema
// model, resolving each into Changes, with its effective settings.
//
// Cost: the schema is never copied. Lookups are by name (maps); only the
// tables a Change carries (table_after, previous states) are copied. A
// `down { }` block is checked on the schema after its `up` and then rolled
// back with an undo log (copies of the few tables it touches).
#include "compiler/check/check.h"

#include "compiler/check/checker.h"

namespace migrac {

namespace {

// CheckOptions.defaults, then the migration's own `set`s; --no-online wins.
MigrationSettings resolve_settings(const ast::Migration& m, const CheckOptions& options) {
  MigrationSettings s = options.defaults;
  for (const ast::Setting& set : m.settings) {
    switch (set.kind) {
      case ast::SettingKind::LockTimeout: s.lock_timeout_ms = set.duration_ms; break;
      case ast::SettingKind::StatementTimeout: s.statement_timeout_ms = set.duration_ms; break;
      case ast::SettingKind::Online: s.online = set.flag; break;
      case ast::SettingKind::Transaction: s.transactional = set.word != "none"; break;
      case ast::SettingKind::Unknown: break;  // reported by the syntax phase
    }
  }
  if (options.force_online) s.online = *options.force_online;
  if (m.no_transaction) s.transactional = false;
  return s;
}

// The schema after raw migration `id` from a current schema cache entry, or null.
const model::Schema* cached_schema(const CheckOptions& options, const std::string& id) {
  if (!options.raw_schemas) return nullptr;
  auto it = options.raw_schemas->find(id);
  return it == options.raw_schemas->end() ? nullptr : &it->second;
}

}  // namespace

CheckedHistory check_history(const std::vector<ast::Migration>& migrations,
                             const RevisionGraph& graph, const SourceSet& sources,
                             const CheckOptions& options, Diagnostics& diags,
                             std::optional<std::size_t> stop_at) {
  CheckedHistory history;
  history.position.assign(migrations.size(), -1);
  history.checked.reserve(graph.order.size());
  CheckState state;
  Checker checker(state, diags, nullptr, &sources);
  for (std::size_t rev : graph.order) {
    const ast::Migration& m = migrations[rev];
    CheckedMigration cm;
    cm.migration = rev;
    cm.settings = resolve_settings(m, options);
    if (m.format == MigrationFormat::RawSql) {
      cm.has_raw_sql = true;
      check_raw_transaction(m, cm.settings.transactional, diags);
      if (const model::Schema* cached = cached_schema(options, m.id))
        apply_edit(state, model::Edit{model::ReplaceSchema{*cached}},
                   EditSites{m.id_range, m.id_range}, nullptr);
      else apply_raw_ddl(m, state, sources, diags);
    } else {
      checker.begin_migration(m.down.has_value());
      for (const ast::Operation& op : m.up) checker.check(op, cm.up);
      if (m.down) {
        // Checked on the state after `up`, then rolled back.
        UndoLog undo;
        Checker down_checker(state, diags, &undo, &sources);
        down_checker.begin_migration(true);
        std::vector<model::Change> down;
        for (const ast::Operation& op : *m.down) down_checker.check(op, down);
        roll_back(undo);
        cm.explicit_down = std::move(down);
      }
    }
    history.position[rev] = static_cast<long>(history.checked.size());
    history.checked.push_back(std::move(cm));
    if (options.keep_schemas) history.schema_after.push_back(state.schema);
    if (stop_at && rev == *stop_at) break;
  }
  history.final_schema = std::move(state.schema);
  return history;
}

}  // namespace migrac
