// Constraints: checking and naming them (inline and table constraints alike),
// foreign key targets, add constraint and drop constraint.
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "compiler/check/check.h"
#include "compiler/check/checker.h"

namespace migrac {

namespace {

const char* kind_word(ast::ConstraintKind k) {
  switch (k) {
    case ast::ConstraintKind::PrimaryKey: return "primary key";
    case ast::ConstraintKind::Unique: return "unique constraint";
    case ast::ConstraintKind::ForeignKey: return "foreign key";
    case ast::ConstraintKind::Check: return "check constraint";
  }
  return "constraint";
}

bool is_key_kind(ast::ConstraintKind k) {
  return k == ast::ConstraintKind::PrimaryKey || k == ast::ConstraintKind::Unique;
}

bool same_set(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

// From the first to the last range (all in one file), or `fallback`.
SourceRange span(const std::vector<SourceRange>& ranges, SourceRange fallback) {
  if (ranges.empty()) return fallback;
  SourceRange r = ranges.front();
  r.end = ranges.back().end;
  return r;
}

std::string paren_list(const std::vector<std::string>& cols) {
  std::string out;
  for (const std::string& c : cols) out += (out.empty() ? "" : ", ") + c;
  return "(" + out + ")";
}

}  // namespace

PendingConstraint Checker::constraint_from_def(const ast::TableConstraint& def) {
  PendingConstraint p;
  p.constraint.kind = def.kind;
  for (const ast::Ident& c : def.columns) {
    p.constraint.columns.push_back(c.name);
    p.column_ranges.push_back(c.range);
  }
  if (def.ref) {
    p.ref = &*def.ref;
    p.constraint.on_delete = def.ref->on_delete.value_or(ast::RefAction::NoAction);
    p.constraint.on_update = def.ref->on_update.value_or(ast::RefAction::NoAction);
  }
  p.constraint.check = def.check;
  p.range = def.name ? def.name->range : def.range;
  if (def.name) {
    p.constraint.name = def.name->name;
    p.named = true;
  }
  return p;
}

bool Checker::is_key(const model::Table& table, const std::vector<std::string>& cols) {
  for (const model::Constraint& c : table.constraints)
    if (is_key_kind(c.kind) && same_set(c.columns, cols)) return true;
  for (const model::Index& i : table.indexes) {
    if (!i.unique || i.where) continue;
    bool plain = std::all_of(i.elements.begin(), i.elements.end(),
                             [](const ast::Expr& e) { return e.kind == ast::ExprKind::Column; });
    if (plain && same_set(i.columns, cols)) return true;
  }
  return false;
}

bool Checker::resolve_foreign_key(PendingConstraint& p, const model::Table& table) {
  const ast::ForeignRef& ref = *p.ref;
  model::Constraint& c = p.constraint;
  const model::Table* target = ref.table.name == table.name ? &table
                                                            : st_.schema.table(ref.table.name);
  if (!target) {
    find_table(ref.table);  // reports
    return false;
  }
  c.ref_table = target->name;
  c.ref_columns.clear();
  std::vector<SourceRange> ref_ranges;
  if (ref.columns.empty()) {
    const model::Constraint* pk = target->primary_key();
    if (!pk) {
      diags_.report(DiagKind::ForeignKeyNoPrimaryKey, ref.table.range,
                    fmt::format("table '{}' has no primary key for the foreign key to reference",
                                target->name),
                    fmt::format("name the referenced columns: 'references {} (...)'",
                                target->name));
      return false;
    }
    c.ref_columns = pk->columns;
  } else {
    bool ok = true;
    for (const ast::Ident& col : ref.columns) {
      ref_ranges.push_back(col.range);
      if (!find_column(*target, col)) {
        ok = false;
        continue;
      }
      if (std::find(c.ref_columns.begin(), c.ref_columns.end(), col.name) != c.ref_columns.end()) {
        diags_.report(DiagKind::DuplicateColumnInList, col.range,
                      fmt::format("column '{}' appears twice in the referenced columns", col.name));
        ok = false;
        continue;
      }
      c.ref_columns.push_back(col.name);
    }
    if (!ok) return false;
  }
  if (c.ref_columns.size() != c.columns.size()) {
    diags_.report(
        DiagKind::ForeignKeyArity, ref.range,
        fmt::format("foreign key has {} column{} but references {} column{} of table '{}'",
                    c.columns.size(), c.columns.size() == 1 ? "" : "s", c.ref_columns.size(),
                    c.ref_columns.size() == 1 ? "" : "s", target->name),
        "list as many referenced columns as foreign key columns");
    return false;
  }
  if (!is_key(*target, c.ref_columns)) {
    diags_.report(DiagKind::ForeignKeyTargetNotKey, span(ref_ranges, ref.table.range),
                  fmt::format("columns {} of table '{}' are not its primary key or a unique key",
                              paren_list(c.ref_columns), target->name),
                  fmt::format("add a unique constraint first: 'add constraint on {} unique {};'",
                              target->name, paren_list(c.ref_columns)));
    return false;
  }
  bool ok = true;
  for (std::size_t k = 0; k < c.columns.size(); ++k) {
    const model::Column* local = table.column(c.columns[k]);
    const model::Column* remote = target->column(c.ref_columns[k]);
    if (!local || !remote || same_key_type(local->type, remote->type)) continue;
    if (!known_type(local->type) || !known_type(remote->type)) continue;  // reported already
    diags_.report(DiagKind::ForeignKeyTypeMismatch,
                  k < p.column_ranges.size() ? p.column_ranges[k] : p.range,
                  fmt::format("foreign key column '{}.{}' has type '{}' but '{}.{}' has type '{}'",
                              table.name, local->name, type_text(local->type), target->name,
                              remote->name, type_text(remote->type)),
                  fmt::format("declare '{}' as {}", local->name, type_text(remote->type)));
    ok = false;
  }
  return ok;
}

bool Checker::add_constraint_to(model::Table& table, PendingConstraint& p) {
  model::Constraint& c = p.constraint;
  const char* what = kind_word(c.kind);
  // Local columns.
  bool ok = true;
  std::vector<std::string> seen;
  for (std::size_t k = 0; k < c.columns.size(); ++k) {
    const std::string& col = c.columns[k];
    SourceRange at = k < p.column_ranges.size() ? p.column_ranges[k] : p.range;
    if (!table.column(col)) {
      find_column(std::as_const(table), ast::Ident{col, false, at});  // reports
      ok = false;
      continue;
    }
    if (std::find(seen.begin(), seen.end(), col) != seen.end()) {
      diags_.report(DiagKind::DuplicateColumnInList, at,
                    fmt::format("column '{}' appears twice in the {}", col, what));
      ok = false;
      continue;
    }
    seen.push_back(col);
  }
  if (!ok) return false;
  if (c.kind == ast::ConstraintKind::Check) {
    c.columns.clear();
    if (c.check && !check_expr(*c.check, table, &c.columns)) return false;
  }
  if (c.kind == ast::ConstraintKind::ForeignKey && p.ref && !resolve_foreign_key(p, table))
    return false;
  if (c.kind == ast::ConstraintKind::PrimaryKey) {
    if (const model::Constraint* pk = table.primary_key()) {
      diags_.report(DiagKind::MultiplePrimaryKeys, p.range,
                    fmt::format("table '{}' already has primary key '{}'", table.name, pk->name),
                    "a table has one primary key; use a unique constraint for other keys");
      return false;
    }
  }
  // The name.
  if (!p.named) {
    switch (c.kind) {
      case ast::ConstraintKind::PrimaryKey: c.name = default_name("pk", table.name, {}); break;
      case ast::ConstraintKind::Unique: c.name = default_name("uq", table.name, c.columns); break;
      case ast::ConstraintKind::ForeignKey: {
        std::vector<std::string> parts = c.columns;
        parts.push_back(c.ref_table);
        c.name = default_name("fk", table.name, parts);
        break;
      }
      case ast::ConstraintKind::Check: {
        // Two checks on the same columns are common (price > 0, price < 1000):
        // the second gets _2, and so on. A check reading no column: ck_<t>_<n>.
        std::vector<std::string> parts = c.columns;
        std::size_t n = parts.empty() ? 1 : 2;
        c.name = parts.empty() ? default_name("ck", table.name, {"1"})
                               : default_name("ck", table.name, parts);
        while (table.constraint(c.name)) {
          std::vector<std::string> numbered = parts;
          numbered.push_back(std::to_string(n++));
          c.name = default_name("ck", table.name, numbered);
        }
        break;
      }
    }
  }
  if (table.constraint(c.name)) {
    diags_.report(DiagKind::DuplicateConstraint, p.range,
                  fmt::format("constraint '{}' already exists on table '{}'", c.name, table.name),
                  p.named ? std::string{}
                          : fmt::format("give this {} a name: 'constraint <name> ...'", what));
    return false;
  }
  if (is_key_kind(c.kind)) {
    std::string user = relation_user(c.name);
    if (!user.empty()) {
      diags_.report(DiagKind::NameInUse, p.range,
                    fmt::format("name '{}' of the {} is already used by {}", c.name, what, user),
                    "a primary key or unique constraint owns an index of the same name");
      return false;
    }
  }
  if (c.kind == ast::ConstraintKind::PrimaryKey)
    for (const std::string& col : c.columns) table.column(col)->not_null = true;
  table.constraints.push_back(c);
  return true;
}

void Checker::on(const ast::AddConstraint& op) {
  const model::Table* t = find_table(op.table);
  if (!t) return;
  PendingConstraint p = constraint_from_def(op.constraint);
  // Checked on a draft of the table: the Change is what applies to the state.
  model::Table draft = *t;
  if (!add_constraint_to(draft, p)) return;
  commit(model::AddConstraint{t->name, p.constraint, false}, t->name);
}

void Checker::on(const ast::DropConstraint& op) {
  const model::Table* t = find_table(op.table);
  if (!t) return;
  auto it = std::find_if(t->constraints.begin(), t->constraints.end(),
                         [&](const model::Constraint& c) { return c.name == op.name.name; });
  if (it == t->constraints.end() &&
      unknowable(t->name, fmt::format("constraint '{}'", op.name.name), op.name.range)) {
    if (!reverse_knowable(t->name, {},
                          fmt::format("drop constraint {} on {}", op.name.name, t->name),
                          op.name.range))
      return;
    model::Constraint unknown;
    unknown.name = op.name.name;
    commit(model::DropConstraint{t->name, std::move(unknown)}, t->name);
    return;
  }
  if (it == t->constraints.end()) {
    std::vector<std::string> names;
    for (const model::Constraint& c : t->constraints) names.push_back(c.name);
    std::string help = did_you_mean(op.name.name, names);
    if (help.empty() && t->index(op.name.name))
      help = fmt::format("'{}' is an index: 'drop index {};'", op.name.name, op.name.name);
    diags_.report(DiagKind::UnknownConstraint, op.name.range,
                  fmt::format("unknown constraint '{}' on table '{}'", op.name.name, t->name),
                  help);
    return;
  }
  if (is_key_kind(it->kind)) {
    // Foreign keys that rely on this key (unless another key has the same columns).
    model::Table without = *t;
    without.constraints.erase(without.constraints.begin() + (it - t->constraints.begin()));
    if (!is_key(without, it->columns)) {
      std::vector<std::string> users;
      for (const auto& [other_name, other] : st_.schema.tables)
        for (const model::Constraint& c : other.constraints)
          if (c.kind == ast::ConstraintKind::ForeignKey && c.ref_table == t->name &&
              same_set(c.ref_columns, it->columns))
            users.push_back(fmt::format("foreign key '{}' of table '{}'", c.name, other_name));
      if (!users.empty()) {
        std::string list;
        for (const std::string& u : users) list += (list.empty() ? "" : ", ") + u;
        diags_.report(DiagKind::ConstraintInUse, op.name.range,
                      fmt::format("constraint '{}' is still referenced by {}", it->name, list),
                      "drop those foreign keys first");
        return;
      }
    }
  }
  if (!reverse_knowable(t->name, {}, fmt::format("drop constraint {} on {}", it->name, t->name),
                        op.name.range))
    return;
  commit(model::DropConstraint{t->name, *it}, t->name);
}

}  // namespace migrac
