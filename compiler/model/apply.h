#pragma once
// The one writer of the schema model: apply() changes a Schema by one edit,
// keeping its name maps (index_owner, key_owner) in step. The checker applies
// the Changes it resolves from .mig operations with it, and the raw DDL path
// applies what the PostgreSQL reader (pgsql/ddl.h) makes of raw SQL with it,
// so both evolve the schema the same way.
//
// apply() does not check: the edit is assumed valid for the schema (the
// checker reports what is not before it applies; raw SQL is the user's to
// answer for). What cannot be applied (an unknown table) is passed over.

#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/model/change.h"
#include "compiler/model/schema.h"

namespace migrac::model {

// Renames that raw SQL can make and no .mig operation can. They are not
// Change kinds, as the planner never emits them; the schema follows them all
// the same.
struct RenameIndex {
  std::string from, to;
};
struct RenameConstraint {
  std::string table, from, to;
};

// The whole schema replaced: after a raw SQL migration whose schema the
// schema cache holds (compiler/project/schema_cache.h), as a development
// database gave it. One edit rather than the differences as Changes: the
// entry is the truth, whatever the differences are (a column's position, a
// constraint's order), and the replacement cannot miss one.
struct ReplaceSchema {
  Schema schema;
};

// One edit of the schema: a change, one of the renames only raw SQL makes, or
// a replacement.
using Edit = std::variant<ChangeKind, RenameIndex, RenameConstraint, ReplaceSchema>;

// Steps that restore what was changed, run last to first (see roll_back).
using UndoLog = std::vector<std::function<void()>>;

// Runs an undo log (last step first) and empties it.
void roll_back(UndoLog& undo);

// Records in `undo` (if given) how to restore entry `key` of `map` as it is now.
template <class Map>
void remember(UndoLog* undo, Map& map, const std::string& key) {
  if (!undo) return;
  auto it = map.find(key);
  if (it == map.end()) undo->push_back([&map, key] { map.erase(key); });
  else undo->push_back([&map, key, old = it->second] { map.insert_or_assign(key, old); });
}

// The same for a table: the snapshot is kept (shared, not copied), so the
// edit that follows clones the table and the undo puts the snapshot back.
inline void remember(UndoLog* undo, TableMap& map, const std::string& key) {
  if (!undo) return;
  TableMap::Ptr old = map.share(key);
  if (!old) undo->push_back([&map, key] { map.erase(key); });
  else undo->push_back([&map, key, old = std::move(old)] { map.put(key, old); });
}

// Applies `edit` to `schema`. With an undo log, every entry of the schema it
// changes is recorded there first, so that the edit can be rolled back.
// The planner's own forms (ValidateConstraint, AddConstraintUsingIndex) and
// the changes that leave the schema as it is (Backfill, RawSql, SetLocal)
// change nothing.
void apply(Schema& schema, const Edit& edit, UndoLog* undo = nullptr);
// The same for a change's kind (without copying it into an Edit).
void apply(Schema& schema, const ChangeKind& change, UndoLog* undo = nullptr);

}  // namespace migrac::model
