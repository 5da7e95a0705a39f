// What comes first: new enums, new enum values (at their place in `to`'s
// order), and new tables, each after the new tables its foreign keys
// reference; a foreign key whose target comes later, or that closes a cycle,
// is added once every table is there.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/autogen/ast_build.h"
#include "compiler/autogen/planner.h"

namespace migrac::autogen {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// A primary key or unique constraint that owns an index of its name.
bool key_index(const model::Table& t, const std::string& name) {
  const model::Constraint* c = t.constraint(name);
  return c &&
         (c->kind == ast::ConstraintKind::PrimaryKey || c->kind == ast::ConstraintKind::Unique);
}

}  // namespace

bool Planner::named(const std::string& table, const model::Constraint& c,
                    const std::set<std::string>& taken) const {
  // Where the server keeps no primary key's name (MySQL's is PRIMARY), the derived one serves.
  if (c.kind == ast::ConstraintKind::PrimaryKey && !n_.primary_key_names) return false;
  return c.name != derived_name(table, c, taken);
}

void Planner::create_enums() {
  std::set<std::string> made;
  auto make = [&](const std::string& name) {
    const model::Enum* e = to_.enum_type(name);
    if (!e || work_.enum_type(name) || made.count(name)) return;
    ast::CreateEnum op;
    op.name = ident(name);
    for (const std::string& v : e->values) op.values.push_back(ast::StringLit{v, {}});
    emit(std::move(op));
    made.insert(name);
  };
  for (const std::string& name : new_enums_) make(name);
  // Where enums are not compared (SQLite, MySQL), the ones that columns use.
  for (const auto& [name, t] : to_.tables)
    for (const model::Column& c : t.columns)
      if (c.type.kind == ast::TypeKind::Enum) make(c.type.name);
}

void Planner::add_enum_values() {
  for (const auto& [name, d] : enums_) {
    for (const std::string& v : d.removed_values)
      unexpressible(name + "." + v, "the language has no operation that removes an enum value");
    if (d.order_changed)
      unexpressible(name, "the language has no operation that reorders enum values");
    const model::Enum* before = work_.enum_type(name);
    const model::Enum* after = to_.enum_type(name);
    if (!before || !after || d.added_values.empty()) continue;
    std::vector<std::string> current = before->values;
    const std::vector<std::string>& wanted = after->values;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
      const std::string& v = wanted[i];
      if (contains(current, v)) continue;
      ast::AlterEnumAddValue op;
      op.name = ident(name);
      op.value = ast::StringLit{v, {}};
      // After the nearest earlier value that is there, else before the nearest later one.
      std::optional<std::string> after_value;
      for (std::size_t k = i; k-- > 0;) {
        if (contains(current, wanted[k])) {
          after_value = wanted[k];
          break;
        }
      }
      if (after_value) {
        op.neighbor = ast::StringLit{*after_value, {}};
        auto at = std::find(current.begin(), current.end(), *after_value);
        current.insert(at + 1, v);
      } else {
        for (std::size_t k = i + 1; k < wanted.size(); ++k) {
          if (!contains(current, wanted[k])) continue;
          op.neighbor = ast::StringLit{wanted[k], {}};
          op.before = true;
          current.insert(std::find(current.begin(), current.end(), wanted[k]), v);
          break;
        }
        if (!op.neighbor) current.push_back(v);
      }
      emit(std::move(op));
    }
  }
}

bool Planner::fk_ready(const model::Constraint& fk, const std::string& table,
                       const std::set<std::string>& created) const {
  if (fk.ref_table == table) return true;
  if (contains(new_tables_, fk.ref_table)) return created.count(fk.ref_table) != 0;
  // An existing table: the key it references must be there already, unchanged.
  const model::Table* target = work_.table(fk.ref_table);
  if (!target) return false;
  auto d = tables_.find(fk.ref_table);
  for (const model::Constraint& k : target->constraints) {
    if (k.kind != ast::ConstraintKind::PrimaryKey && k.kind != ast::ConstraintKind::Unique)
      continue;
    if (k.columns != fk.ref_columns) continue;
    if (d != tables_.end() && (contains(d->second.changed_constraints, k.name) ||
                               contains(d->second.dropped_constraints, k.name)))
      continue;
    if (d != tables_.end()) {
      bool retyped = false;
      for (const std::string& col : k.columns) {
        auto changed = d->second.changed_columns.find(col);
        if (changed != d->second.changed_columns.end() && contains(changed->second, "type"))
          retyped = true;
      }
      if (retyped) continue;
    }
    return true;
  }
  return false;
}

void Planner::create_table(const model::Table& t, const std::set<std::string>& created) {
  ast::CreateTable op;
  op.table = ident(t.name);
  const model::Constraint* pk = t.primary_key();
  std::set<std::string> taken;
  bool pk_inline = pk && pk->columns.size() == 1 && !named(t.name, *pk, taken);
  for (const model::Column& c : t.columns) {
    bool in_pk = pk && contains(pk->columns, c.name);
    ast::ColumnDef def = column_def(c, in_pk);
    def.primary_key = pk_inline && in_pk;
    op.columns.push_back(std::move(def));
  }
  if (pk_inline) taken.insert(pk->name);
  for (const model::Constraint& c : t.constraints) {
    if (c.kind == ast::ConstraintKind::ForeignKey || (pk_inline && &c == pk)) continue;
    op.constraints.push_back(table_constraint(c, named(t.name, c, taken)));
    taken.insert(c.name);
  }
  for (const model::Constraint& c : t.constraints) {
    if (c.kind != ast::ConstraintKind::ForeignKey) continue;
    if (!fk_ready(c, t.name, created)) {
      foreign_keys_.emplace_back(t.name, c);
      continue;
    }
    op.constraints.push_back(table_constraint(c, named(t.name, c, taken)));
    taken.insert(c.name);
  }
  if (auto note = rename_notes_.find(t.name); note != rename_notes_.end())
    for (const std::string& line : note->second) comment(line);
  emit(std::move(op));
  taken_[t.name] = std::move(taken);
  for (model::Index index : t.indexes) {
    if (key_index(t, index.name)) continue;
    index.table = t.name;
    emit(create_index(index, index.name != derived_name(index)));
  }
}

void Planner::create_tables() {
  std::set<std::string> created;
  std::vector<std::string> remaining = new_tables_;
  while (!remaining.empty()) {
    // The first table (by name) whose new targets are all created; in a cycle, the first.
    auto ready = std::find_if(remaining.begin(), remaining.end(), [&](const std::string& name) {
      for (const model::Constraint& c : to_.table(name)->constraints) {
        if (c.kind == ast::ConstraintKind::ForeignKey && c.ref_table != name &&
            contains(remaining, c.ref_table))
          return false;
      }
      return true;
    });
    if (ready == remaining.end()) ready = remaining.begin();
    std::string name = *ready;
    remaining.erase(ready);
    create_table(*to_.table(name), created);
    created.insert(name);
  }
}

}  // namespace migrac::autogen
