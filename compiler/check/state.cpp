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
