// apply_edit: the one way the check state changes (see checker.h). The
// schema changes by model::apply; the notes of where names were created and
// dropped follow the same edit here.
#include <variant>

#include "compiler/check/checker.h"

namespace migrac {

namespace {

// Updates the notes of one edit; `undo` may be null.
class NoteKeeper {
 public:
  NoteKeeper(CheckState& st, const EditSites& sites, UndoLog* undo)
      : st_(st), sites_(sites), undo_(undo) {}

  void operator()(const model::ChangeKind& kind) { std::visit(*this, kind); }

  void operator()(const model::AddTable& c) { set(st_.table_at, c.table.name, sites_.created); }

  void operator()(const model::DropTable& c) {
    for (const model::Index& i : c.table.indexes) erase(st_.index_at, i.name);
    erase(st_.table_at, c.table.name);
    set(st_.table_gone_at, c.table.name, sites_.removed);
  }

  void operator()(const model::RenameTable& c) {
    set(st_.table_gone_at, c.from, sites_.removed);
    erase(st_.table_at, c.from);
    set(st_.table_at, c.to, sites_.created);
  }

  void operator()(const model::CreateIndex& c) { set(st_.index_at, c.index.name, sites_.created); }
  void operator()(const model::DropIndex& c) { erase(st_.index_at, c.index.name); }

  void operator()(const model::RenameIndex& c) {
    erase(st_.index_at, c.from);
    set(st_.index_at, c.to, sites_.created);
  }

  void operator()(const model::CreateEnum& c) { set(st_.enum_at, c.type.name, sites_.created); }
  void operator()(const model::DropEnum& c) { erase(st_.enum_at, c.type.name); }

  // A replaced schema (a schema cache entry): what it adds was created at the
  // migration, what it removes was dropped there.
  void operator()(const model::ReplaceSchema& c) {
    const model::Schema& old = st_.schema;
    for (const auto& [name, t] : old.tables) {
      if (c.schema.tables.count(name)) continue;
      erase(st_.table_at, name);
      set(st_.table_gone_at, name, sites_.removed);
    }
    for (const auto& [name, t] : c.schema.tables)
      if (!old.tables.count(name)) set(st_.table_at, name, sites_.created);
    for (const auto& [name, owner] : old.index_owner)
      if (!c.schema.index_owner.count(name)) erase(st_.index_at, name);
    for (const auto& [name, owner] : c.schema.index_owner)
      if (!old.index_owner.count(name)) set(st_.index_at, name, sites_.created);
    for (const auto& [name, e] : old.enums)
      if (!c.schema.enums.count(name)) erase(st_.enum_at, name);
    for (const auto& [name, e] : c.schema.enums)
      if (!old.enums.count(name)) set(st_.enum_at, name, sites_.created);
  }

  // Every other edit keeps its names.
  template <class T>
  void operator()(const T&) {}

 private:
  using Notes = std::unordered_map<std::string, SourceRange>;

  void set(Notes& notes, const std::string& name, const SourceRange& at) {
    model::remember(undo_, notes, name);
    notes[name] = at;
  }

  void erase(Notes& notes, const std::string& name) {
    model::remember(undo_, notes, name);
    notes.erase(name);
  }

  CheckState& st_;
  const EditSites& sites_;
  UndoLog* undo_;
};

}  // namespace

void apply_edit(CheckState& state, const model::Edit& edit, const EditSites& sites, UndoLog* undo) {
  std::visit(NoteKeeper(state, sites, undo), edit);
  model::apply(state.schema, edit, undo);
}

void apply_edit(CheckState& state, const model::ChangeKind& change, const EditSites& sites,
                UndoLog* undo) {
  std::visit(NoteKeeper(state, sites, undo), change);
  model::apply(state.schema, change, undo);
}

}  // namespace migrac
