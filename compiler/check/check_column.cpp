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

// A column the model lacks on a tainted table, as a change carries it: its
// facts are unknown (a change that needs them has a written `down`).
model::Column unknown_column(const std::string& name) {
  model::Column c;
  c.name = name;
  c.type.kind = ast::TypeKind::Native;
  c.type.name = "unknown";
  return c;
}

}  // namespace

std::vector<std::string> Checker::column_users(const model::Table& table,
                                               const std::string& column) const {
  std::vector<std::string> users;
  for (const model::Index& i : table.indexes)
    if (contains(i.columns, column)) users.push_back(fmt::format("index '{}'", i.name));
  for (const model::Constraint& c : table.constraints)
    if (contains(c.columns, column)) users.push_back(fmt::format("constraint '{}'", c.name));
  for (const model::Column& c : table.columns)
    if (c.generated && c.name != column && contains(columns_read(*c.generated), column))
      users.push_back(fmt::format("generated column '{}'", c.name));
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
  const model::Table* t = find_table(op.table);
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
  if (def.generated && draft.columns.back().generated && !check_generated(def, draft))
    draft.columns.back().generated.reset();
  std::vector<model::Constraint> added;
  add_pending(draft, pending, &added);
  commit(model::AddColumn{t->name, *draft.column(def.name.name), std::move(added)}, t->name);
}

void Checker::on(const ast::DropColumn& op) {
  const model::Table* t = find_table(op.table);
  if (!t) return;
  const std::string& name = op.column.name;
  if (!t->column(name)) {
    if (!unknowable(t->name, fmt::format("column '{}'", name), op.column.range)) {
      find_column(*t, op.column);  // reports
      return;
    }
    if (!reverse_knowable(t->name, name, fmt::format("drop column {}.{}", t->name, name),
                          op.column.range))
      return;
    commit(model::DropColumn{t->name, unknown_column(name)}, t->name);
    return;
  }
  if (!reverse_knowable(t->name, name, fmt::format("drop column {}.{}", t->name, name),
                        op.column.range))
    return;
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
  const model::Table* t = find_table(op.table);
  if (!t) return;
  const std::string& from = op.from.name;
  if (!t->column(from) && !unknowable(t->name, fmt::format("column '{}'", from), op.from.range)) {
    find_column(*t, op.from);  // reports
    return;
  }
  const std::string& to = op.to.name;
  if (t->column(to)) {
    diags_.report(DiagKind::DuplicateColumn, op.to.range,
                  fmt::format("column '{}' already exists in table '{}'", to, t->name));
    return;
  }
  commit(model::RenameColumn{t->name, from, to}, t->name);
}

void Checker::on(const ast::AlterColumnType& op) {
  const model::Table* t = find_table(op.table);
  if (!t) return;
  const model::Column* c = t->column(op.column.name);
  if (!c && !unknowable(t->name, fmt::format("column '{}'", op.column.name), op.column.range)) {
    find_column(*t, op.column);  // reports
    return;
  }
  if (!check_type(op.type)) return;
  ast::TypeRef to = resolve_type(op.type);
  if (!reverse_knowable(t->name, op.column.name,
                        fmt::format("alter column {}.{} type", t->name, op.column.name),
                        op.column.range))
    return;
  if (!c) {
    if (op.using_expr && !check_expr(*op.using_expr, *t, nullptr)) return;
    commit(model::AlterColumnType{t->name, op.column.name, unknown_column("").type, to,
                                  op.using_expr},
           t->name);
    return;
  }
  if (c->identity && !is_integer_type(op.type)) {
    diags_.report(DiagKind::IdentityNotInteger, op.type.range,
                  fmt::format("identity column '{}.{}' cannot have type '{}'", t->name, c->name,
                              type_text(op.type)),
                  "an identity column is smallint, int or bigint");
    return;
  }
  if (op.using_expr && !check_expr(*op.using_expr, *t, nullptr)) return;
  commit(model::AlterColumnType{t->name, c->name, c->type, to, op.using_expr}, t->name);
}

void Checker::on(const ast::AlterColumnNotNull& op) {
  const model::Table* t = find_table(op.table);
  if (!t) return;
  const model::Column* c = t->column(op.column.name);
  if (!c) {
    if (!unknowable(t->name, fmt::format("column '{}'", op.column.name), op.column.range)) {
      find_column(*t, op.column);  // reports
      return;
    }
    // Its reverse (the other of set / drop not null) needs no model fact.
    if (op.set) commit(model::SetNotNull{t->name, op.column.name}, t->name);
    else commit(model::DropNotNull{t->name, op.column.name}, t->name);
    return;
  }
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
  const model::Table* t = find_table(op.table);
  if (!t) return;
  const model::Column* c = t->column(op.column.name);
  if (!c && !unknowable(t->name, fmt::format("column '{}'", op.column.name), op.column.range)) {
    find_column(*t, op.column);  // reports
    return;
  }
  // The reverse restores the previous default, a model fact.
  if (!reverse_knowable(t->name, op.column.name,
                        fmt::format("alter column {}.{} {} default", t->name, op.column.name,
                                    op.value ? "set" : "drop"),
                        op.column.range))
    return;
  if (!c) {
    if (op.value && !check_default(*op.value, *t, unknown_column(op.column.name))) return;
    commit(model::SetDefault{t->name, op.column.name, std::nullopt, op.value}, t->name);
    return;
  }
  if (c->generated) {
    diags_.report(DiagKind::GeneratedWritten, op.value ? op.value->range : op.column.range,
                  fmt::format("generated column '{}.{}' cannot have a default", t->name, c->name),
                  "its value is its expression");
    return;
  }
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
