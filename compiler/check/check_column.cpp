// Column operations: add, drop, rename, alter type, set/drop not null,
// set/drop default.
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "compiler/check/checker.h"

namespace migrac {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

}  // namespace

std::vector<std::string> Checker::column_users(const model::Table& table,
                                               const std::string& column) const {
  std::vector<std::string> users;
  for (const model::Index& i : table.indexes)
    if (contains(i.columns, column)) users.push_back(fmt::format("index '{}'", i.name));
  for (const model::Constraint& c : table.constraints)
    if (contains(c.columns, column)) users.push_back(fmt::format("constraint '{}'", c.name));
  for (const auto& [other_name, other] : st_.schema.tables)
    for (const model::Constraint& c : other.constraints)
      if (c.kind == ast::ConstraintKind::ForeignKey && c.ref_table == table.name &&
          contains(c.ref_columns, column))
        users.push_back(other_name == table.name
                            ? fmt::format("foreign key '{}'", c.name)
                            : fmt::format("foreign key '{}' of table '{}'", c.name, other_name));
  // A self-referencing foreign key may be listed twice (local and target column).
  std::vector<std::string> unique;
  for (const std::string& u : users) add_unique(unique, u);
  return unique;
}

void Checker::on(const ast::AddColumn& op) {
  model::Table* t = find_table(op.table);
  if (!t) return;
  const ast::ColumnDef& def = op.column;
  if (t->column(def.name.name)) {
    diags_.report(DiagKind::DuplicateColumn, def.name.range,
                  fmt::format("column '{}' already exists in table '{}'", def.name.name, t->name));
    return;
  }
  // Built on a draft of the table: the Change is what applies to the state.
  model::Table draft = *t;
  std::vector<PendingConstraint> pending;
  draft.columns.push_back(column_from_def(def, *t, pending));
  std::vector<model::Constraint> added;
  add_pending(draft, pending, &added);
  commit(model::AddColumn{t->name, *draft.column(def.name.name), std::move(added)}, t->name);
}

void Checker::on(const ast::DropColumn& op) {
  model::Table* t = find_table(op.table);
  if (!t) return;
  if (!find_column(*t, op.column)) return;
  std::vector<std::string> users = column_users(*t, op.column.name);
  if (!users.empty()) {
    std::string list;
    for (const std::string& u : users) list += (list.empty() ? "" : ", ") + u;
    diags_.report(DiagKind::ColumnInUse, op.column.range,
                  fmt::format("column '{}.{}' is still used by {}", t->name, op.column.name, list),
                  users.size() == 1 ? "drop it first" : "drop them first");
    return;
  }
  commit(model::DropColumn{t->name, *t->column(op.column.name)}, t->name);
}

void Checker::on(const ast::RenameColumn& op) {
  model::Table* t = find_table(op.table);
  if (!t) return;
  model::Column* c = find_column(*t, op.from);
  if (!c) return;
  const std::string& from = op.from.name;
  const std::string& to = op.to.name;
  if (t->column(to)) {
    diags_.report(DiagKind::DuplicateColumn, op.to.range,
                  fmt::format("column '{}' already exists in table '{}'", to, t->name));
    return;
  }
  commit(model::RenameColumn{t->name, from, to}, t->name);
}

void Checker::on(const ast::AlterColumnType& op) {
  model::Table* t = find_table(op.table);
  if (!t) return;
  model::Column* c = find_column(*t, op.column);
  if (!c) return;
  if (!check_type(op.type)) return;
  if (c->identity && !is_integer_type(op.type)) {
    diags_.report(DiagKind::IdentityNotInteger, op.type.range,
                  fmt::format("identity column '{}.{}' cannot have type '{}'", t->name, c->name,
                              type_text(op.type)),
                  "an identity column is smallint, int or bigint");
    return;
  }
  if (op.using_expr && !check_expr(*op.using_expr, *t, nullptr)) return;
  commit(model::AlterColumnType{t->name, c->name, c->type, op.type, op.using_expr}, t->name);
}

void Checker::on(const ast::AlterColumnNotNull& op) {
  model::Table* t = find_table(op.table);
  if (!t) return;
  model::Column* c = find_column(*t, op.column);
  if (!c) return;
  if (!op.set) {
    const model::Constraint* pk = t->primary_key();
    if (pk && std::find(pk->columns.begin(), pk->columns.end(), c->name) != pk->columns.end()) {
      diags_.report(DiagKind::KeyColumnNullable, op.column.range,
                    fmt::format("column '{}.{}' is in primary key '{}' and cannot drop not null",
                                t->name, c->name, pk->name));
      return;
    }
    if (c->identity) {
      diags_.report(DiagKind::KeyColumnNullable, op.column.range,
                    fmt::format("identity column '{}.{}' cannot drop not null", t->name, c->name));
      return;
    }
  }
  // Setting what is already set is allowed (and emitted: it is harmless).
  if (op.set) commit(model::SetNotNull{t->name, c->name}, t->name);
  else commit(model::DropNotNull{t->name, c->name}, t->name);
}

void Checker::on(const ast::AlterColumnDefault& op) {
  model::Table* t = find_table(op.table);
  if (!t) return;
  model::Column* c = find_column(*t, op.column);
  if (!c) return;
  if (op.value) {
    if (c->identity) {
      diags_.report(DiagKind::IdentityWithDefault, op.value->range,
                    fmt::format("identity column '{}.{}' cannot have a default", t->name, c->name),
                    "an identity column takes its values from its sequence");
      return;
    }
    if (!check_default(*op.value, *t, *c)) return;
  }
  commit(model::SetDefault{t->name, c->name, c->default_value, op.value}, t->name);
}

}  // namespace migrac
