// The changes to tables both schemas hold, table by table: columns added,
// types changed, defaults set or dropped, not null set or dropped,
// constraints added (a changed one dropped and added again under its name);
// then indexes, then every foreign key that waited for its target.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/autogen/ast_build.h"
#include "compiler/autogen/planner.h"

namespace migrac::autogen {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

const model::Index* find_index(const model::Schema& schema, const std::string& name) {
  for (const auto& [table_name, table] : schema.tables)
    if (const model::Index* index = table.index(name)) return index;
  return nullptr;
}

// A placeholder as it reads in the file.
std::string spelled(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::String) return "'" + e.text + "'";
  return e.text;
}

}  // namespace

void Planner::add_column(const model::Table& t, const model::Column& c) {
  std::string object = t.name + "." + c.name;
  if (auto note = rename_notes_.find(object); note != rename_notes_.end())
    for (const std::string& line : note->second) comment(line);
  ast::ColumnDef def = column_def(c, false);
  bool fill = c.not_null && !c.identity && !c.generated && !def.default_value;
  if (!fill) {
    emit(ast::AddColumn{ident(t.name), std::move(def)});
    return;
  }
  // Nullable first, then a value for the rows there are, then not null.
  def.not_null.reset();
  emit(ast::AddColumn{ident(t.name), std::move(def)});
  fill_nulls(t.name, c, false);
  emit(ast::AlterColumnNotNull{ident(t.name), ident(c.name), true});
}

// `backfill t set c = <placeholder> [where c is null]` before `set not null`,
// with the comment that the placeholder must be replaced.
void Planner::fill_nulls(const std::string& table, const model::Column& c, bool existing) {
  std::string object = table + "." + c.name;
  ast::Expr value = placeholder(c.type, to_);
  comment(fmt::format(" replace the placeholder {} with the value {} rows get in '{}'",
                      spelled(value), existing ? "the null" : "existing", object));
  ast::Backfill backfill;
  backfill.table = ident(table);
  backfill.assignments.push_back(ast::Assignment{ident(c.name), std::move(value)});
  if (existing) {
    ast::Expr column;
    column.kind = ast::ExprKind::Column;
    column.text = c.name;
    ast::Expr is_null;
    is_null.kind = ast::ExprKind::IsNull;
    is_null.args.push_back(std::move(column));
    backfill.where = std::move(is_null);
  }
  emit(std::move(backfill));
  out_.placeholders.push_back(object);
}

void Planner::add_constraint(const std::string& table, const model::Constraint& c) {
  if (c.kind == ast::ConstraintKind::ForeignKey) {
    foreign_keys_.emplace_back(table, c);
    return;
  }
  std::set<std::string>& taken = taken_[table];
  emit(ast::AddConstraint{ident(table), table_constraint(c, named(table, c, taken))});
  taken.insert(c.name);
}

void Planner::drop_constraint(const std::string& table, const std::string& name) {
  std::set<std::string>& taken = taken_[table];
  if (taken.erase(name) == 0) return;  // dropped already
  emit(ast::DropConstraint{ident(table), ident(name)});
  const model::Table* t = work_.table(table);
  const model::Constraint* c = t ? t->constraint(name) : nullptr;
  if (c && c->kind == ast::ConstraintKind::ForeignKey) dropped_fks_.insert(table + "." + name);
}

// Before a key changes, the foreign keys that reference it go; those that
// stay as they are come back once the key is there again.
void Planner::drop_referencing_keys(const std::string& table, const model::Constraint& key) {
  for (const auto& [name, t] : work_.tables) {
    for (const model::Constraint& fk : t.constraints) {
      if (fk.kind != ast::ConstraintKind::ForeignKey || fk.ref_table != table ||
          fk.ref_columns != key.columns)
        continue;
      drop_constraint(name, fk.name);
      auto d = tables_.find(name);
      bool changes = d != tables_.end() && (contains(d->second.changed_constraints, fk.name) ||
                                            contains(d->second.dropped_constraints, fk.name));
      const model::Table* after = to_.table(name);
      const model::Constraint* again = after ? after->constraint(fk.name) : nullptr;
      if (!changes && again) foreign_keys_.emplace_back(name, *again);
    }
  }
}

void Planner::alter_table(const std::string& name, TableDiffs& d) {
  const model::Table* before = work_.table(name);
  const model::Table* after = to_.table(name);
  for (const std::string& col : d.added_columns) add_column(*after, *after->column(col));
  auto changes = [&](const model::Column& c, const char* property) {
    auto it = d.changed_columns.find(c.name);
    return it != d.changed_columns.end() && contains(it->second, property);
  };
  std::set<std::string> default_dropped;
  for (const model::Column& c : after->columns) {
    const model::Column* old = before->column(c.name);
    bool same_enum = old && old->type.kind == ast::TypeKind::Enum &&
                     c.type.kind == ast::TypeKind::Enum && old->type.name == c.type.name;
    // An enum column whose enum gained values (MySQL spells them in the type) keeps its type.
    if (changes(c, "type") && !same_enum) {
      // The old default may not convert to the new type: it goes first.
      if (changes(c, "default") && old && old->default_value &&
          old->default_value->kind != ast::ExprKind::Null) {
        emit(ast::AlterColumnDefault{ident(name), ident(c.name), std::nullopt});
        default_dropped.insert(c.name);
      }
      ast::TypeRef type = c.type;
      type.range = {};
      emit(ast::AlterColumnType{ident(name), ident(c.name), std::move(type), std::nullopt});
    }
    if (changes(c, "generated")) {
      unexpressible(name + "." + c.name,
                    "the language has no operation that changes a column's generation; drop "
                    "the column and add it again");
    }
    if (changes(c, "identity")) {
      unexpressible(name + "." + c.name,
                    c.identity ? "the language has no operation that makes a column an identity"
                               : "the language has no operation that removes an identity");
    }
  }
  for (const model::Column& c : after->columns) {
    if (!changes(c, "default")) continue;
    Boxed<ast::Expr> value = c.default_value;
    if (value && value->kind == ast::ExprKind::Null) value.reset();
    if (!value && default_dropped.count(c.name)) continue;
    emit(ast::AlterColumnDefault{ident(name), ident(c.name), std::move(value)});
  }
  const model::Constraint* pk = before->primary_key();
  for (const model::Column& c : after->columns) {
    if (!changes(c, "not null")) continue;
    // A primary key column keeps not null until the key is dropped.
    if (!c.not_null && pk && contains(pk->columns, c.name)) {
      deferred_drop_not_null_.emplace_back(name, c.name);
      continue;
    }
    if (c.not_null) fill_nulls(name, c);
    emit(ast::AlterColumnNotNull{ident(name), ident(c.name), c.not_null});
  }
  for (const std::string& c : d.changed_constraints) {
    const model::Constraint* old = before->constraint(c);
    const model::Constraint* now = after->constraint(c);
    if (!now && !n_.primary_key_names && old && old->kind == ast::ConstraintKind::PrimaryKey)
      now = after->primary_key();
    if (!old || !now) continue;
    if (old->kind == ast::ConstraintKind::PrimaryKey || old->kind == ast::ConstraintKind::Unique)
      drop_referencing_keys(name, *old);
    drop_constraint(name, c);
    add_constraint(name, *now);
  }
  for (const std::string& c : d.added_constraints) add_constraint(name, *after->constraint(c));
}

void Planner::alter_tables() {
  for (auto& [name, d] : tables_) {
    if (work_.table(name) && to_.table(name)) alter_table(name, d);
  }
}

void Planner::alter_indexes() {
  for (const std::string& name : changed_indexes_) {
    const model::Index* now = find_index(to_, name);
    if (!now) continue;
    emit(ast::DropIndex{ident(name)});
    emit(create_index(*now, name != derived_name(*now)));
  }
  for (const std::string& name : added_indexes_) {
    const model::Index* now = find_index(to_, name);
    if (!now) continue;
    emit(create_index(*now, name != derived_name(*now)));
  }
}

void Planner::add_foreign_keys() {
  for (const auto& [table, c] : foreign_keys_) {
    std::set<std::string>& taken = taken_[table];
    emit(ast::AddConstraint{ident(table), table_constraint(c, named(table, c, taken))});
    taken.insert(c.name);
  }
}

}  // namespace migrac::autogen
