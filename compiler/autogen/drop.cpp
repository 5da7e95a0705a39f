// The drops, last and in reverse dependency order: foreign keys, indexes,
// other constraints, columns, tables (a table after the dropped ones that
// reference it), enums.
#include <algorithm>

#include "compiler/autogen/ast_build.h"
#include "compiler/autogen/planner.h"

namespace migrac::autogen {

namespace {

bool is_key(const model::Constraint& c) {
  return c.kind == ast::ConstraintKind::PrimaryKey || c.kind == ast::ConstraintKind::Unique;
}

}  // namespace

void Planner::drop_tables() {
  std::vector<std::string> remaining = dropped_tables_;
  auto references = [&](const std::string& from, const std::string& target) {
    for (const model::Constraint& c : work_.table(from)->constraints)
      if (c.kind == ast::ConstraintKind::ForeignKey && c.ref_table == target) return true;
    return false;
  };
  while (!remaining.empty()) {
    auto unreferenced = [&](const std::string& name) {
      return std::none_of(remaining.begin(), remaining.end(), [&](const std::string& other) {
        return other != name && references(other, name);
      });
    };
    auto next = std::find_if(remaining.begin(), remaining.end(), unreferenced);
    std::string name = next != remaining.end() ? *next : remaining.front();
    if (next == remaining.end()) {
      // A cycle: the foreign keys into this table go first.
      for (const std::string& other : remaining) {
        if (other == name) continue;
        for (const model::Constraint& c : work_.table(other)->constraints)
          if (c.kind == ast::ConstraintKind::ForeignKey && c.ref_table == name)
            drop_constraint(other, c.name);
      }
    }
    remaining.erase(std::find(remaining.begin(), remaining.end(), name));
    if (auto note = rename_notes_.find(name); note != rename_notes_.end())
      for (const std::string& line : note->second) comment(line);
    emit(ast::DropTable{ident(name)});
  }
}

void Planner::drop_all() {
  for (const auto& [name, d] : tables_) {
    const model::Table* t = work_.table(name);
    if (!t || !to_.table(name)) continue;
    for (const std::string& c : d.dropped_constraints) {
      const model::Constraint* k = t->constraint(c);
      if (k && k->kind == ast::ConstraintKind::ForeignKey) drop_constraint(name, c);
    }
  }
  for (const std::string& name : dropped_indexes_) emit(ast::DropIndex{ident(name)});
  for (const auto& [name, d] : tables_) {
    const model::Table* t = work_.table(name);
    if (!t || !to_.table(name)) continue;
    for (const std::string& c : d.dropped_constraints) {
      const model::Constraint* k = t->constraint(c);
      if (!k) continue;
      // A dropped table's foreign key into this key goes first.
      if (is_key(*k)) {
        for (const std::string& gone : dropped_tables_)
          for (const model::Constraint& fk : work_.table(gone)->constraints)
            if (fk.kind == ast::ConstraintKind::ForeignKey && fk.ref_table == name &&
                fk.ref_columns == k->columns)
              drop_constraint(gone, fk.name);
      }
      drop_constraint(name, c);
    }
  }
  for (const auto& [table, column] : deferred_drop_not_null_)
    emit(ast::AlterColumnNotNull{ident(table), ident(column), false});
  for (const auto& [name, d] : tables_) {
    if (!work_.table(name) || !to_.table(name)) continue;
    for (const std::string& c : d.dropped_columns) {
      if (auto note = rename_notes_.find(name + "." + c); note != rename_notes_.end())
        for (const std::string& line : note->second) comment(line);
      emit(ast::DropColumn{ident(name), ident(c)});
    }
  }
  drop_tables();
  for (const std::string& name : dropped_enums_) emit(ast::DropEnum{ident(name)});
}

}  // namespace migrac::autogen
