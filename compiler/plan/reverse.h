#pragma once
// Derived downgrades: the reverse of each model::Change, from the previous
// state the checker recorded in it (docs/language.md "Downgrades").

#include <optional>
#include <string>
#include <vector>

#include "compiler/dialect/dialect.h"
#include "compiler/model/change.h"

namespace migrac {

// Why a change cannot be undone, and where it was written.
struct Irreversible {
  std::string reason;  // e.g. "'sql' without a 'down' block"
  SourceRange at;
};

// The changes that undo `change` (in the order to run them; empty when there
// is nothing to undo, such as a backfill), or the reason it cannot be undone.
// Each reverse keeps the origin's source, block and table_is_new, so it is
// lowered in the same careful forms as an up change; table_after becomes the
// table before `change`, where it is known.
struct Reverse {
  std::vector<model::Change> changes;
  std::optional<Irreversible> irreversible;
};
Reverse reverse_change(const model::Change& change, const Emitter& emitter);

// The reverse of a whole list: each change's reverse, last change first. Stops
// at nothing: `irreversible` names the first irreversible change in `changes`.
Reverse reverse_changes(const std::vector<model::Change>& changes, const Emitter& emitter);

// What reverse_changes says is irreversible, without building the reverse.
std::optional<Irreversible> irreversible_change(const std::vector<model::Change>& changes,
                                                const Emitter& emitter);

// The table as it was before `change`, given the table after it.
model::Table table_before(const model::Table& after, const model::Change& change);

}  // namespace migrac
