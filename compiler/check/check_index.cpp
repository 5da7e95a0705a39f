// create index and drop index. Index names are global (one namespace with
// tables and key constraints, as on PostgreSQL), so `drop index` names no table.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/check/check.h"
#include "compiler/check/checker.h"

namespace migrac {

void Checker::on(const ast::CreateIndex& op) {
  const model::Table* t = find_table(op.table);
  if (!t) return;
  bool ok = true;
  std::vector<std::string> element_cols;
  for (const ast::Expr& e : op.elements)
    if (!check_expr(e, *t, &element_cols)) ok = false;
  std::vector<std::string> all_cols = element_cols;
  if (op.where && !check_expr(*op.where, *t, &all_cols)) ok = false;
  if (!ok) return;
  std::string name = op.name ? op.name->name
                             : default_name("ix", t->name,
                                            element_cols.empty() ? std::vector<std::string>{"expr"}
                                                                 : element_cols);
  SourceRange at = op.name ? op.name->range : op.table.range;
  if (auto owner = st_.schema.index_owner.find(name); owner != st_.schema.index_owner.end()) {
    Diagnostic& d = diags_.report(
        DiagKind::DuplicateIndex, at,
        fmt::format("index '{}' already exists on table '{}'", name, owner->second),
        op.name ? std::string{}
                : fmt::format("give this index a name: 'create index <name> on {} ...'", t->name));
    note_origin(d, st_.index_at, name, "index");
    return;
  }
  if (std::string user = relation_user(name); !user.empty()) {
    diags_.report(DiagKind::NameInUse, at,
                  fmt::format("name '{}' of the index is already used by {}", name, user));
    return;
  }
  model::Index index{name, t->name, op.unique, op.elements, std::move(all_cols), op.where};
  commit(model::CreateIndex{std::move(index), false}, t->name, EditSites{at, {}});
}

void Checker::on(const ast::DropIndex& op) {
  auto owner = st_.schema.index_owner.find(op.name.name);
  if (owner == st_.schema.index_owner.end()) {
    std::vector<std::string> names;
    for (const auto& [name, table] : st_.schema.index_owner) names.push_back(name);
    std::string help = did_you_mean(op.name.name, names);
    if (auto key = st_.schema.key_owner.find(op.name.name);
        help.empty() && key != st_.schema.key_owner.end())
      help = fmt::format("'{}' is a constraint: 'drop constraint {} on {};'", key->first,
                         key->first, key->second);
    diags_.report(DiagKind::UnknownIndex, op.name.range,
                  fmt::format("unknown index '{}'", op.name.name), help);
    return;
  }
  std::string table_name = owner->second;
  const model::Table* t = st_.schema.table(table_name);
  const model::Index* index = t ? t->index(op.name.name) : nullptr;
  if (!index) return;  // cannot happen: index_owner follows the tables
  commit(model::DropIndex{*index, false, false}, table_name);
}

}  // namespace migrac
