// The driver of autogenerate (autogen.h): rename hints applied to a copy of
// `from`, the one comparison of that copy with `to`, its differences sorted
// by object, then the phases in the order that applies on a database with rows.
#include <fmt/format.h>

#include "compiler/autogen/ast_build.h"
#include "compiler/autogen/autogen.h"
#include "compiler/autogen/planner.h"
#include "compiler/model/apply.h"

namespace migrac::autogen {

Planner::Planner(const model::Schema& from, const model::Schema& to, const model::Normalizer& n)
    : work_(from), to_(to), n_(n) {}

void Planner::emit(ast::OperationKind op) {
  out_.up.push_back(ast::Operation{std::move(op), {}, -1});
}

void Planner::comment(std::string line) {
  out_.comments.before_up[out_.up.size()].push_back(std::move(line));
}

void Planner::unexpressible(std::string object, std::string reason) {
  out_.unexpressible.push_back(Unexpressible{std::move(object), std::move(reason)});
}

// "users.nick" -> {"users", "nick"}: the table (or, for an enum value, the
// enum) is the longest prefix that names one in either schema.
std::pair<std::string, std::string> Planner::split(const std::string& object,
                                                   bool enum_value) const {
  for (std::size_t dot = object.rfind('.'); dot != std::string::npos && dot > 0;
       dot = object.rfind('.', dot - 1)) {
    std::string owner = object.substr(0, dot);
    bool known = enum_value ? (work_.enum_type(owner) || to_.enum_type(owner))
                            : (work_.table(owner) || to_.table(owner));
    if (known) return {owner, object.substr(dot + 1)};
  }
  return {object, {}};
}

bool Planner::rename_table(const Rename& r) {
  std::string flag = fmt::format("--rename table {}={}", r.from, r.to);
  if (!work_.table(r.from)) {
    out_.errors.push_back(fmt::format("{}: the model has no table '{}'", flag, r.from));
    return false;
  }
  if (!to_.table(r.to)) {
    out_.errors.push_back(fmt::format("{}: the source has no table '{}'", flag, r.to));
    return false;
  }
  if (to_.table(r.from) || work_.table(r.to)) {
    out_.errors.push_back(fmt::format("{}: both schemas have table '{}'", flag,
                                      to_.table(r.from) ? r.from : r.to));
    return false;
  }
  emit(ast::RenameTable{ident(r.from), ident(r.to)});
  model::apply(work_, model::ChangeKind{model::RenameTable{r.from, r.to}});
  renamed_tables_.push_back(r);
  return true;
}

bool Planner::rename_column(const Rename& r) {
  std::string flag = fmt::format("--rename {}.{}={}", r.table, r.from, r.to);
  // The table by its name in `to` (after a table rename) or in `from`.
  std::string table = r.table;
  for (const Rename& other : renamed_tables_)
    if (other.from == table && !work_.table(table)) table = other.to;
  const model::Table* t = work_.table(table);
  const model::Table* target = to_.table(table);
  if (!t || !target) {
    out_.errors.push_back(fmt::format("{}: {} has no table '{}'", flag,
                                      t ? "the source" : "the model", r.table));
    return false;
  }
  if (!t->column(r.from)) {
    out_.errors.push_back(fmt::format("{}: the model has no column '{}.{}'", flag, table, r.from));
    return false;
  }
  if (!target->column(r.to)) {
    out_.errors.push_back(fmt::format("{}: the source has no column '{}.{}'", flag, table, r.to));
    return false;
  }
  if (target->column(r.from) || t->column(r.to)) {
    std::string both = target->column(r.from) ? r.from : r.to;
    out_.errors.push_back(fmt::format("{}: both schemas have column '{}.{}'", flag, table, both));
    return false;
  }
  emit(ast::RenameColumn{ident(table), ident(r.from), ident(r.to)});
  model::apply(work_, model::ChangeKind{model::RenameColumn{table, r.from, r.to}});
  return true;
}

bool Planner::renames(const Hints& hints) {
  // Tables first, so that a column hint may name the table by its new name.
  for (const Rename& r : hints.renames)
    if (r.table.empty()) rename_table(r);
  for (const Rename& r : hints.renames)
    if (!r.table.empty()) rename_column(r);
  if (out_.errors.empty()) return true;
  out_.up.clear();
  out_.comments = {};
  return false;
}

void Planner::sort(const std::vector<model::Difference>& diffs) {
  using model::DiffKind;
  for (const model::Difference& d : diffs) {
    bool added = d.kind == DiffKind::Unexpected;
    bool dropped = d.kind == DiffKind::Missing;
    if (d.object_kind == "table") {
      (added ? new_tables_ : dropped_tables_).push_back(d.object);
    } else if (d.object_kind == "column") {
      auto [table, column] = split(d.object, false);
      TableDiffs& t = tables_[table];
      if (added) t.added_columns.push_back(column);
      else if (dropped) t.dropped_columns.push_back(column);
      else t.changed_columns[column].push_back(d.property);
    } else if (d.object_kind == "constraint") {
      auto [table, name] = split(d.object, false);
      TableDiffs& t = tables_[table];
      if (added) t.added_constraints.push_back(name);
      else if (dropped) t.dropped_constraints.push_back(name);
      else if (t.changed_constraints.empty() || t.changed_constraints.back() != name)
        t.changed_constraints.push_back(name);
    } else if (d.object_kind == "index") {
      std::vector<std::string>& list = added ? added_indexes_
                                             : (dropped ? dropped_indexes_ : changed_indexes_);
      if (list.empty() || list.back() != d.object) list.push_back(d.object);
    } else if (d.object_kind == "enum") {
      if (added) new_enums_.push_back(d.object);
      else if (dropped) dropped_enums_.push_back(d.object);
      else enums_[d.object].order_changed = true;
    } else if (d.object_kind == "enum value") {
      auto [type, value] = split(d.object, true);
      EnumDiffs& e = enums_[type];
      if (added) e.added_values.push_back(value);
      else e.removed_values.push_back(value);
    }
  }
}

// A dropped and an added column of the same type in one table, or a dropped
// and a new table with the same columns, may be a rename: say so, and which
// hint makes it one.
void Planner::note_possible_renames() {
  for (const auto& [table, d] : tables_) {
    const model::Table* before = work_.table(table);
    const model::Table* after = to_.table(table);
    for (const std::string& gone : d.dropped_columns) {
      for (const std::string& added : d.added_columns) {
        if (n_.type(before->column(gone)->type) != n_.type(after->column(added)->type)) continue;
        std::string line = fmt::format(" may be a rename of '{}' to '{}': pass --rename {}.{}={}",
                                       gone, added, table, gone, added);
        rename_notes_[table + "." + gone].push_back(line);
        rename_notes_[table + "." + added].push_back(line);
      }
    }
  }
  for (const std::string& gone : dropped_tables_) {
    for (const std::string& added : new_tables_) {
      const model::Table* a = work_.table(gone);
      const model::Table* b = to_.table(added);
      if (a->columns.size() != b->columns.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < a->columns.size() && same; ++i)
        same = a->columns[i].name == b->columns[i].name &&
               n_.type(a->columns[i].type) == n_.type(b->columns[i].type);
      if (!same) continue;
      std::string line = fmt::format(
          " may be a rename of table '{}' to '{}': pass --rename table {}={}", gone, added, gone,
          added);
      rename_notes_[gone].push_back(line);
      rename_notes_[added].push_back(line);
    }
  }
}

void Planner::run() {
  sort(model::compare(work_, to_, n_));
  if (!n_.compare_enums) {
    // The dialect shows no enums, but a source that has them (a .sql or .mig
    // file) may add values that its columns use: those are written, nothing
    // else about enums is.
    model::Normalizer with_enums = n_;
    with_enums.compare_enums = true;
    for (const model::Difference& d : model::compare(work_, to_, with_enums)) {
      if (d.object_kind != "enum value" || d.kind != model::DiffKind::Unexpected) continue;
      auto [type, value] = split(d.object, true);
      enums_[type].added_values.push_back(value);
    }
  }
  for (const auto& [name, t] : work_.tables) {
    std::set<std::string>& taken = taken_[name];
    for (const model::Constraint& c : t.constraints) taken.insert(c.name);
  }
  note_possible_renames();
  create_enums();
  add_enum_values();
  create_tables();
  alter_tables();
  alter_indexes();
  add_foreign_keys();
  drop_all();
}

Generated generate(const model::Schema& from, const model::Schema& to, const Hints& hints,
                   const model::Normalizer& normalizer) {
  Planner planner(from, to, normalizer);
  if (planner.renames(hints)) planner.run();
  return planner.take();
}

}  // namespace migrac::autogen
