// create table, drop table, rename table, and column definitions (shared
// with add column).
#include <fmt/format.h>

#include <algorithm>

#include "compiler/check/checker.h"
#include "compiler/dialect/sql_functions.h"

namespace migrac {

namespace {

// Whether `e` holds opaque raw SQL (`sql $$...$$`), which migrac cannot judge.
bool holds_raw(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::RawSql) return true;
  for (const ast::Expr& a : e.args) {
    if (holds_raw(a)) return true;
  }
  return false;
}

// A PendingConstraint for an inline column constraint.
PendingConstraint inline_constraint(ast::ConstraintKind kind, const ast::ColumnDef& def,
                                    SourceRange range) {
  PendingConstraint p;
  p.constraint.kind = kind;
  p.constraint.columns = {def.name.name};
  p.column_ranges = {def.name.range};
  p.range = range;
  return p;
}

}  // namespace

void Checker::add_pending(model::Table& table, std::vector<PendingConstraint>& pending,
                          std::vector<model::Constraint>* added) {
  for (int pass = 0; pass < 2; ++pass) {
    for (PendingConstraint& p : pending) {
      bool fk = p.constraint.kind == ast::ConstraintKind::ForeignKey;
      if (fk != (pass == 1)) continue;
      if (add_constraint_to(table, p) && added) added->push_back(p.constraint);
    }
  }
}

model::Column Checker::column_from_def(const ast::ColumnDef& def, const model::Table& table,
                                       std::vector<PendingConstraint>& pending) {
  model::Column col;
  col.name = def.name.name;
  col.identity = def.identity;
  col.not_null = def.not_null.value_or(false) || def.primary_key || def.identity;
  bool type_known = check_type(def.type);  // an unknown type is reported once, here
  col.type = resolve_type(def.type);
  if (def.identity && type_known && !is_integer_type(def.type))
    diags_.report(DiagKind::IdentityNotInteger, def.type.range,
                  fmt::format("identity column '{}.{}' has type '{}'", table.name, col.name,
                              type_text(def.type)),
                  "an identity column is smallint, int or bigint");
  if (def.default_value) {
    if (def.identity)
      diags_.report(DiagKind::IdentityWithDefault, def.default_value->range,
                    fmt::format("identity column '{}.{}' also has a default", table.name, col.name),
                    "an identity column takes its values from its sequence; remove the default");
    else if (check_default(*def.default_value, table, col)) col.default_value = def.default_value;
  }
  // Checked once the table's columns are known (check_generated).
  if (def.generated && !def.default_value && !def.identity) col.generated = def.generated;
  if (def.primary_key)
    pending.push_back(inline_constraint(ast::ConstraintKind::PrimaryKey, def, def.name.range));
  if (def.unique)
    pending.push_back(inline_constraint(ast::ConstraintKind::Unique, def, def.name.range));
  if (def.references) {
    PendingConstraint p = inline_constraint(ast::ConstraintKind::ForeignKey, def,
                                            def.references->range);
    p.ref = &*def.references;
    p.constraint.on_delete = def.references->on_delete.value_or(ast::RefAction::NoAction);
    p.constraint.on_update = def.references->on_update.value_or(ast::RefAction::NoAction);
    pending.push_back(std::move(p));
  }
  if (def.check) {
    PendingConstraint p = inline_constraint(ast::ConstraintKind::Check, def, def.check->range);
    p.constraint.columns.clear();
    p.column_ranges.clear();
    p.constraint.check = def.check;
    pending.push_back(std::move(p));
  }
  return col;
}

bool Checker::check_generated(const ast::ColumnDef& def, const model::Table& table) {
  const ast::Expr& e = *def.generated;
  if (!check_expr(e, table, nullptr)) return false;
  bool ok = true;
  std::vector<std::string> reported;  // each column once, at its first reading
  for_each_column(e, [&](const ast::Expr& read) {
    const std::string& name = read.text;
    const model::Column* c = table.column(name);
    if (name != def.name.name && (c == nullptr || !c->generated)) return;
    if (std::find(reported.begin(), reported.end(), name) != reported.end()) return;
    reported.push_back(name);
    diags_.report(DiagKind::GeneratedExpression, read.range,
                  name == def.name.name
                      ? fmt::format("generated column '{}.{}' reads itself", table.name, name)
                      : fmt::format("generated column '{}.{}' reads generated column '{}'",
                                    table.name, def.name.name, name),
                  "a generated column reads only the row's other, plain columns (PostgreSQL "
                  "refuses the rest); write the other expression out in this one");
    ok = false;
  });
  // Raw SQL is left to the database, which refuses a mutable expression itself.
  if (ok && !holds_raw(e) && expr_varies_between_transactions(e)) {
    diags_.report(DiagKind::GeneratedExpression, e.range,
                  fmt::format("generated column '{}.{}' calls a function whose value can change "
                              "(volatile, the clock, or unknown to migrac)",
                              table.name, def.name.name),
                  "a generated column's value is stored once per row write, so its expression "
                  "must give the same value every time (PostgreSQL requires IMMUTABLE); use a "
                  "default, or a backfill, for a value taken once");
    ok = false;
  }
  return ok;
}

void Checker::on(const ast::CreateTable& op) {
  const std::string& name = op.table.name;
  if (st_.schema.table(name)) {
    Diagnostic& d = diags_.report(DiagKind::DuplicateTable, op.table.range,
                                  fmt::format("table '{}' already exists", name));
    note_origin(d, st_.table_at, name, "table");
    return;
  }
  std::string user = relation_user(name);
  if (user.empty() && st_.schema.enum_type(name)) user = fmt::format("enum '{}'", name);
  if (!user.empty()) {
    diags_.report(DiagKind::NameInUse, op.table.range,
                  fmt::format("name '{}' is already used by {}", name, user));
    return;
  }
  model::Table table;
  table.name = name;
  std::vector<PendingConstraint> pending;
  for (const ast::ColumnDef& def : op.columns) {
    if (table.column(def.name.name)) {
      diags_.report(DiagKind::DuplicateColumn, def.name.range,
                    fmt::format("column '{}' already exists in table '{}'", def.name.name, name));
      continue;
    }
    table.columns.push_back(column_from_def(def, table, pending));
  }
  // A generated column may read columns defined after it.
  for (const ast::ColumnDef& def : op.columns) {
    model::Column* col = def.generated ? table.column(def.name.name) : nullptr;
    if (col != nullptr && col->generated && !check_generated(def, table)) col->generated.reset();
  }
  for (const ast::TableConstraint& def : op.constraints)
    pending.push_back(constraint_from_def(def));
  add_pending(table, pending, nullptr);
  commit(model::AddTable{std::move(table)}, {}, EditSites{op.table.range, {}});
  new_tables_.insert(name);
}

void Checker::on(const ast::DropTable& op) {
  const model::Table* t = find_table(op.table);
  if (!t) return;
  std::vector<std::string> users;
  for (const auto& [other_name, other] : st_.schema.tables) {
    if (other_name == t->name) continue;
    for (const model::Constraint& c : other.constraints)
      if (c.kind == ast::ConstraintKind::ForeignKey && c.ref_table == t->name)
        users.push_back(fmt::format("foreign key '{}' of table '{}'", c.name, other_name));
  }
  if (!users.empty()) {
    std::string list;
    for (const std::string& u : users) list += (list.empty() ? "" : ", ") + u;
    diags_.report(DiagKind::TableInUse, op.table.range,
                  fmt::format("table '{}' is still referenced by {}", t->name, list),
                  "drop those constraints (or their tables) first");
    return;
  }
  if (!reverse_knowable(t->name, {}, fmt::format("drop table {}", t->name), op.table.range)) return;
  std::string name = t->name;
  commit(model::DropTable{*t}, name, EditSites{{}, op.table.range});
  new_tables_.erase(name);
}

void Checker::on(const ast::RenameTable& op) {
  const model::Table* t = find_table(op.from);
  if (!t) return;
  const std::string& to = op.to.name;
  if (st_.schema.table(to)) {
    Diagnostic& d = diags_.report(DiagKind::DuplicateTable, op.to.range,
                                  fmt::format("table '{}' already exists", to));
    note_origin(d, st_.table_at, to, "table");
    return;
  }
  std::string user = relation_user(to);
  if (user.empty() && st_.schema.enum_type(to)) user = fmt::format("enum '{}'", to);
  if (!user.empty()) {
    diags_.report(DiagKind::NameInUse, op.to.range,
                  fmt::format("name '{}' is already used by {}", to, user));
    return;
  }
  const std::string from = t->name;
  if (new_tables_.erase(from)) new_tables_.insert(to);
  commit(model::RenameTable{from, to}, to, EditSites{op.to.range, op.from.range});
}

}  // namespace migrac
