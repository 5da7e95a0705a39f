#pragma once
// Lowering: each model::Change becomes one or more statements in the form the
// dialect and the migration's settings call for (docs/language.md "Online
// compilation"), each marked with where it must run. segments.h then cuts the
// steps into transactional and non-transactional segments.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/dialect/dialect.h"
#include "compiler/plan/plan.h"

namespace migrac {

// One lowered statement and where it runs. Adjacent steps with the same
// (transactional, group) share a segment; group 0 is the migration's main flow,
// every other group is a unit that must run alone (a concurrent index build
// with its recovery, a VALIDATE, a backfill) or one `no transaction` block.
struct Step {
  PlannedStatement statement;
  bool transactional = true;
  int group = 0;
};

// For a raw `CREATE INDEX CONCURRENTLY name ...` (raw_recovery.cpp): the
// statement that drops the index first when an earlier run left it INVALID
// (a Recovery with its condition); none for other statements, for an unnamed
// or schema-qualified index, or a dialect without INVALID indexes.
std::optional<PlannedStatement> raw_index_recovery(const ast::RawStatement& raw,
                                                   const Emitter& emitter);

// Lowers the changes of one direction of one migration.
class Lowering {
 public:
  Lowering(const Emitter& emitter, const MigrationSettings& settings, Diagnostics& diags)
      : emitter_(emitter), caps_(emitter.capabilities()), settings_(settings), diags_(diags) {}

  void add(const model::Change& change);
  void add_raw(const ast::RawStatement& raw, bool transactional);
  // The steps, with the statements placed before or after the migration
  // (Placement) in a non-transactional segment of their own at either end.
  std::vector<Step> take();

 private:
  // Where a unit of statements runs.
  enum class Place { Main, OwnTransaction, OwnOutside };
  // A unit's segment placement, fixed once for all its statements.
  struct Slot {
    bool transactional;
    int group;
  };

  Slot slot(const model::Change& change, Place place);
  bool online(const model::Change& change) const;
  // Emits `change` into `slot`; returns how many statements it added.
  std::size_t put(const model::Change& change, Slot at, StatementRole role = StatementRole::Ddl);
  // CREATE INDEX CONCURRENTLY, preceded by the recovery of an INVALID index.
  void concurrent_index(const model::Change& origin, model::Index index);
  void add_constraint(const model::Change& change, const model::AddConstraint& c);
  void set_not_null(const model::Change& change, const model::SetNotNull& c);
  void add_column(const model::Change& change, const model::AddColumn& c);
  model::Change derived(const model::Change& origin, model::ChangeKind kind) const;

  const Emitter& emitter_;
  const Capabilities& caps_;
  const MigrationSettings& settings_;
  Diagnostics& diags_;
  std::vector<Step> steps_;
  int next_group_ = 1;
  std::map<int, int> block_groups_;               // no-transaction block -> group
  std::vector<PlannedStatement> before_, after_;  // Placement::Before/AfterMigration, distinct
};

}  // namespace migrac
