// plan_migration: one checked migration lowered for one dialect, up and down.

#include "compiler/plan/plan.h"

#include <fmt/format.h>

#include "compiler/plan/lower.h"
#include "compiler/plan/reverse.h"
#include "compiler/plan/segments.h"

namespace migrac {

namespace {

std::vector<Segment> lower_all(const std::vector<model::Change>& changes,
                               const MigrationSettings& settings, const Emitter& emitter,
                               Diagnostics& diags) {
  Lowering lowering(emitter, settings, diags);
  for (const model::Change& c : changes) lowering.add(c);
  return build_segments(lowering.take(), settings, emitter, diags);
}

std::vector<Segment> lower_raw(const std::vector<ast::RawStatement>& statements, bool transactional,
                               const MigrationSettings& settings, const Emitter& emitter,
                               Diagnostics& diags) {
  Lowering lowering(emitter, settings, diags);
  for (const ast::RawStatement& s : statements) lowering.add_raw(s, transactional);
  return build_segments(lowering.take(), settings, emitter, diags);
}

void mark_irreversible(MigrationPlan& plan, std::string reason, SourceRange at) {
  plan.reversible = false;
  plan.irreversible_reason = std::move(reason);
  plan.irreversible_at = at;
  plan.down.clear();
}

// A raw .up.sql migration: its statements as written, in one segment.
void plan_raw(MigrationPlan& plan, const ast::Migration& migration, const CheckedMigration& checked,
              const Emitter& emitter, const PlanOptions& options, Diagnostics& diags) {
  bool transactional = checked.settings.transactional && !migration.no_transaction;
  plan.up = lower_raw(migration.raw_up, transactional, checked.settings, emitter, diags);
  if (!options.with_down) return;
  if (migration.down_file < 0) {
    mark_irreversible(plan, "raw SQL migration without a .down.sql file", migration.id_range);
    return;
  }
  if (options.lower_down)
    plan.down = lower_raw(migration.raw_down, transactional, checked.settings, emitter, diags);
}

}  // namespace

MigrationPlan plan_migration(const ast::Migration& migration, const CheckedMigration& checked,
                             const Emitter& emitter, const SourceSet& sources,
                             const PlanOptions& options, Diagnostics& diags) {
  MigrationPlan plan;
  plan.migration = checked.migration;
  plan.id = migration.id;
  if (migration.file >= 0 && static_cast<std::size_t>(migration.file) < sources.files.size()) {
    plan.file = sources[migration.file].path;
  }
  for (const ast::Ident& p : migration.parents) plan.parents.push_back(p.name);
  plan.checksum = migration.checksum;
  plan.transactional_ddl = emitter.capabilities().transactional_ddl;

  if (checked.has_raw_sql || migration.format == MigrationFormat::RawSql) {
    plan_raw(plan, migration, checked, emitter, options, diags);
    return plan;
  }
  plan.up = lower_all(checked.up, checked.settings, emitter, diags);
  if (!options.with_down) return plan;
  if (checked.explicit_down) {
    if (options.lower_down)
      plan.down = lower_all(*checked.explicit_down, checked.settings, emitter, diags);
    return plan;
  }
  if (!options.lower_down) {
    if (auto why = irreversible_change(checked.up, emitter))
      mark_irreversible(plan, why->reason, why->at);
    return plan;
  }
  Reverse reverse = reverse_changes(checked.up, emitter);
  if (reverse.irreversible) {
    mark_irreversible(plan, reverse.irreversible->reason, reverse.irreversible->at);
    return plan;
  }
  plan.down = lower_all(reverse.changes, checked.settings, emitter, diags);
  return plan;
}

bool check_reversible(const std::vector<MigrationPlan>& plans, Diagnostics& diags) {
  bool all = true;
  for (const MigrationPlan& p : plans) {
    if (p.reversible) continue;
    all = false;
    diags.report(DiagKind::IrreversibleDowngrade, p.irreversible_at,
                 fmt::format("migration '{}' cannot be reverted: {}", p.id,
                             p.irreversible_reason.empty() ? "it has no reverse"
                                                           : p.irreversible_reason),
                 "write a 'down { }' block that undoes it, or downgrade to a later revision");
  }
  return all;
}

}  // namespace migrac
