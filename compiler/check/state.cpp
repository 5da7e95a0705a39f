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

  void operator()(const model::AddTable& c) {
    set(st_.table_at, c.table.name, sites_.created);
    erase(st_.tainted, c.table.name);  // a new table is known exactly
  }

  void operator()(const model::DropTable& c) {
    for (const model::Index& i : c.table.indexes) erase(st_.index_at, i.name);
    erase(st_.table_at, c.table.name);
    set(st_.table_gone_at, c.table.name, sites_.removed);
    erase(st_.tainted, c.table.name);
  }

  void operator()(const model::RenameTable& c) {
    set(st_.table_gone_at, c.from, sites_.removed);
    erase(st_.table_at, c.from);
    set(st_.table_at, c.to, sites_.created);
    if (auto it = st_.tainted.find(c.from); it != st_.tainted.end()) {
      Taint t = it->second;
      erase(st_.tainted, c.from);
      model::remember(undo_, st_.tainted, c.to);
      st_.tainted[c.to] = std::move(t);
    }
  }

  // A column added to a tainted table is known exactly from here.
  void operator()(const model::AddColumn& c) {
    if (Taint* t = taint(c.table)) t->exact_columns.insert(c.column.name);
  }
  void operator()(const model::DropColumn& c) {
    if (Taint* t = taint(c.table)) t->exact_columns.erase(c.column.name);
  }
  void operator()(const model::RenameColumn& c) {
    Taint* t = taint(c.table);
    if (!t || !t->exact_columns.erase(c.from)) return;
    t->exact_columns.insert(c.to);
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

  template <class Map>
  void erase(Map& notes, const std::string& name) {
    if (!notes.count(name)) return;
    model::remember(undo_, notes, name);
    notes.erase(name);
  }

  // The taint of `table`, recorded in the undo log before it is changed.
  Taint* taint(const std::string& table) {
    auto it = st_.tainted.find(table);
    if (it == st_.tainted.end()) return nullptr;
    model::remember(undo_, st_.tainted, table);
    return &st_.tainted[table];
  }

  CheckState& st_;
  const EditSites& sites_;
  UndoLog* undo_;
};

// Records the names of the tables and enums an edit touches (see Touched).
class TouchRecorder {
 public:
  TouchRecorder(const model::Schema& schema, Touched& touched) : schema_(schema), t_(touched) {}

  void operator()(const model::ChangeKind& kind) { std::visit(*this, kind); }
  void operator()(const model::AddTable& c) { t_.tables.insert(c.table.name); }
  void operator()(const model::DropTable& c) { t_.tables.insert(c.table.name); }
  void operator()(const model::RenameTable& c) {
    t_.tables.insert(c.from);
    t_.tables.insert(c.to);
    t_.renamed.insert(c.from);
  }
  void operator()(const model::RenameColumn& c) {
    t_.tables.insert(c.table);
    t_.renamed.insert(c.table + "." + c.from);
  }
  void operator()(const model::CreateIndex& c) { t_.tables.insert(c.index.table); }
  void operator()(const model::DropIndex& c) { t_.tables.insert(c.index.table); }
  void operator()(const model::CreateEnum& c) { t_.enums.insert(c.type.name); }
  void operator()(const model::DropEnum& c) { t_.enums.insert(c.type.name); }
  void operator()(const model::AddEnumValue& c) { t_.enums.insert(c.type); }
  void operator()(const model::RawSql&) {}
  void operator()(const model::SetLocal&) {}
  void operator()(const model::Backfill&) {}  // rows only
  void operator()(const model::RenameIndex& c) {
    if (auto it = schema_.index_owner.find(c.from); it != schema_.index_owner.end())
      t_.tables.insert(it->second);
  }
  // A replaced schema may touch anything: every name on either side.
  void operator()(const model::ReplaceSchema& c) {
    for (const model::Schema* s : {&schema_, &c.schema}) {
      for (const auto& [name, table] : s->tables) t_.tables.insert(name);
      for (const auto& [name, e] : s->enums) t_.enums.insert(name);
    }
  }
  // Every other edit changes the one table it names.
  template <class T>
  void operator()(const T& c) {
    t_.tables.insert(c.table);
  }

 private:
  const model::Schema& schema_;
  Touched& t_;
};

}  // namespace

void apply_edit(CheckState& state, const model::Edit& edit, const EditSites& sites, UndoLog* undo) {
  if (state.touched) std::visit(TouchRecorder(state.schema, *state.touched), edit);
  std::visit(NoteKeeper(state, sites, undo), edit);
  model::apply(state.schema, edit, undo);
}

void apply_edit(CheckState& state, const model::ChangeKind& change, const EditSites& sites,
                UndoLog* undo) {
  if (state.touched) std::visit(TouchRecorder(state.schema, *state.touched), change);
  std::visit(NoteKeeper(state, sites, undo), change);
  model::apply(state.schema, change, undo);
}

}  // namespace migrac
