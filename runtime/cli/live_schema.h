#pragma once
// What verify, diff and stamp share: a session's live schema, its comparison
// with a model in the session's dialect, and the differences as diagnostics
// at the migration (and, where known, the operation) they concern.

#include <string>
#include <vector>

#include "compiler/diag/diag.h"
#include "compiler/dialect/catalog.h"
#include "compiler/model/compare.h"
#include "compiler/project/project.h"
#include "runtime/cli/session.h"

namespace migrac::cli {

// The live schema of the session's database, without its history table.
// Fails with exit 3 when a catalog query fails.
LiveSchema read_live_schema(const Session& session, const std::string& verb);

// The differences between `model` (expected) and `live` (actual), normalised
// for the session's dialect.
std::vector<model::Difference> compare_live(const Session& session, const model::Schema& model,
                                            const model::Schema& live);

// Where a difference about `d` after migration `rev` (up, or its revert when
// `down`) is reported: the first operation (or raw statement) of the
// migration that touches the object's table, else the migration's first line.
SourceRange difference_location(const Project& project, std::size_t rev, bool down,
                                const model::Difference& d);

// The model after the migrations `revs` (graph indexes, in graph order, closed
// under parents): the history's own schema when they are the ancestors of the
// last one, else those migrations replayed alone, their heads joined (a branch
// applied without its sibling, or both branches of an unmerged fork).
model::Schema model_of(const Project& project, const std::vector<std::size_t>& revs);

// The configured revisions the history records as applied, in graph order,
// and the model they give (the migrations replayed in that order).
struct RecordedModel {
  std::vector<std::size_t> applied;  // graph indexes
  model::Schema schema;
  std::vector<std::string> notes;  // partly applied or unknown migrations, said as information
};
RecordedModel recorded_model(const Project& project, const Session& session);

// `differences` as diagnostics of kind `kind`, each message prefixed with `prefix`
// (e.g. "after 0007_x "), at difference_location().
void report_differences(Diagnostics& diags, DiagKind kind, const std::string& prefix,
                        const std::vector<model::Difference>& differences, const Project& project,
                        std::size_t rev, bool down);

}  // namespace migrac::cli
