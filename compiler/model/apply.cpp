// The one writer of the schema model (see apply.h): one handler per edit kind.

#include "compiler/model/apply.h"

#include <algorithm>

namespace migrac::model {

namespace {

bool is_key(const Constraint& c) {
  return c.kind == ast::ConstraintKind::PrimaryKey || c.kind == ast::ConstraintKind::Unique;
}

void rename_in(std::vector<std::string>& list, const std::string& from, const std::string& to) {
  for (std::string& s : list)
    if (s == from) s = to;
}

// Renames column references in a stored expression (raw SQL text is opaque).
void rename_column_refs(ast::Expr& e, const std::string& from, const std::string& to) {
  if (e.kind == ast::ExprKind::RawSql) return;
  if (e.kind == ast::ExprKind::Column) {
    if (e.text == from) e.text = to;
    return;
  }
  for (ast::Expr& a : e.args) rename_column_refs(a, from, to);
}

template <class T>
void erase_named(std::vector<T>& list, const std::string& name) {
  list.erase(std::remove_if(list.begin(), list.end(), [&](const T& x) { return x.name == name; }),
             list.end());
}

// Applies one edit; `undo` may be null.
class Applier {
 public:
  Applier(Schema& schema, UndoLog* undo) : s_(schema), undo_(undo) {}

  void operator()(const ChangeKind& kind) { std::visit(*this, kind); }

  void operator()(const AddTable& c) {
    if (s_.table(c.table.name)) return;
    remember(undo_, s_.tables, c.table.name);
    for (const Constraint& k : c.table.constraints)
      if (is_key(k)) own_key(k.name, c.table.name);
    for (const Index& i : c.table.indexes) {
      remember(undo_, s_.index_owner, i.name);
      s_.index_owner[i.name] = c.table.name;
    }
    s_.tables.emplace(c.table.name, c.table);
  }

  void operator()(const DropTable& c) {
    const std::string& name = c.table.name;
    const Table* t = s_.table(name);
    if (!t) return;
    for (const Index& i : t->indexes) {
      remember(undo_, s_.index_owner, i.name);
      s_.index_owner.erase(i.name);
    }
    for (const Constraint& k : t->constraints) drop_key(k.name, name);
    remember(undo_, s_.tables, name);
    s_.tables.erase(name);
  }

  void operator()(const RenameTable& c) {
    if (!s_.table(c.from) || s_.table(c.to)) return;
    remember_referencing(c.from);
    remember(undo_, s_.tables, c.from);
    remember(undo_, s_.tables, c.to);
    s_.tables.put(c.to, s_.tables.share(c.from));
    s_.tables.erase(c.from);
    Table& t = *s_.tables.edit(c.to);
    t.name = c.to;
    for (Index& i : t.indexes) {
      i.table = c.to;
      remember(undo_, s_.index_owner, i.name);
      s_.index_owner[i.name] = c.to;
    }
    for (const Constraint& k : t.constraints) {
      auto it = s_.key_owner.find(k.name);
      if (it == s_.key_owner.end() || it->second != c.from) continue;
      remember(undo_, s_.key_owner, k.name);
      s_.key_owner[k.name] = c.to;
    }
    for (const std::string& other : referencing(c.from))
      for (Constraint& k : s_.tables.edit(other)->constraints)
        if (k.kind == ast::ConstraintKind::ForeignKey && k.ref_table == c.from) k.ref_table = c.to;
  }

  void operator()(const AddColumn& c) {
    Table* t = table(c.table);
    if (!t || t->column(c.column.name)) return;
    t->columns.push_back(c.column);
    for (const Constraint& k : c.constraints) add_constraint(*t, k);
  }

  void operator()(const DropColumn& c) {
    if (Table* t = table(c.table)) erase_named(t->columns, c.column.name);
  }

  void operator()(const RenameColumn& c) {
    if (!s_.table(c.table)) return;
    remember_referencing(c.table);
    Table* t = table(c.table);
    Column* col = t->column(c.from);
    if (!col || t->column(c.to)) return;
    col->name = c.to;
    for (Column& other : t->columns)
      if (other.generated) rename_column_refs(*other.generated, c.from, c.to);
    for (Constraint& k : t->constraints) {
      rename_in(k.columns, c.from, c.to);
      if (k.check) rename_column_refs(*k.check, c.from, c.to);
    }
    for (Index& i : t->indexes) {
      rename_in(i.columns, c.from, c.to);
      for (ast::Expr& e : i.elements) rename_column_refs(e, c.from, c.to);
      if (i.where) rename_column_refs(*i.where, c.from, c.to);
    }
    for (const std::string& other : referencing(c.table))
      for (Constraint& k : s_.tables.edit(other)->constraints)
        if (k.kind == ast::ConstraintKind::ForeignKey && k.ref_table == c.table)
          rename_in(k.ref_columns, c.from, c.to);
  }

  void operator()(const AlterColumnType& c) {
    if (Column* col = column(c.table, c.column)) col->type = c.to;
  }
  void operator()(const SetNotNull& c) {
    if (Column* col = column(c.table, c.column)) col->not_null = true;
  }
  void operator()(const DropNotNull& c) {
    if (Column* col = column(c.table, c.column)) col->not_null = false;
  }
  void operator()(const SetDefault& c) {
    if (Column* col = column(c.table, c.column)) col->default_value = c.to;
  }

  void operator()(const AddConstraint& c) {
    if (Table* t = table(c.table)) add_constraint(*t, c.constraint);
  }

  void operator()(const DropConstraint& c) {
    Table* t = table(c.table);
    if (!t || !t->constraint(c.constraint.name)) return;
    if (is_key(c.constraint)) drop_key(c.constraint.name, t->name);
    auto it = std::find_if(t->constraints.begin(), t->constraints.end(),
                           [&](const Constraint& k) { return k.name == c.constraint.name; });
    t->constraints.erase(it);
  }

  void operator()(const CreateIndex& c) {
    Table* t = table(c.index.table);
    if (!t) return;
    remember(undo_, s_.index_owner, c.index.name);
    t->indexes.push_back(c.index);
    s_.index_owner[c.index.name] = t->name;
  }

  void operator()(const DropIndex& c) {
    const std::string& name = c.index.name;
    auto owner = s_.index_owner.find(name);
    std::string table_name = owner != s_.index_owner.end() ? owner->second : c.index.table;
    remember(undo_, s_.index_owner, name);
    s_.index_owner.erase(name);
    if (Table* t = table(table_name)) erase_named(t->indexes, name);
  }

  void operator()(const CreateEnum& c) {
    if (s_.enum_type(c.type.name)) return;
    remember(undo_, s_.enums, c.type.name);
    s_.enums.emplace(c.type.name, c.type);
  }

  void operator()(const AddEnumValue& c) {
    auto it = s_.enums.find(c.type);
    if (it == s_.enums.end()) return;
    std::vector<std::string>& values = it->second.values;
    if (std::find(values.begin(), values.end(), c.value) != values.end()) return;
    auto pos = values.end();
    if (c.neighbor) {
      pos = std::find(values.begin(), values.end(), *c.neighbor);
      if (pos != values.end() && !c.before) ++pos;
    }
    auto index = pos - values.begin();
    remember(undo_, s_.enums, c.type);  // copies the values: do it before the insert
    values.insert(values.begin() + index, c.value);
  }

  void operator()(const DropEnum& c) {
    remember(undo_, s_.enums, c.type.name);
    s_.enums.erase(c.type.name);
  }

  void operator()(const RenameIndex& c) {
    auto owner = s_.index_owner.find(c.from);
    if (owner == s_.index_owner.end()) return;
    std::string table_name = owner->second;
    remember(undo_, s_.index_owner, c.from);
    remember(undo_, s_.index_owner, c.to);
    s_.index_owner.erase(owner);
    s_.index_owner[c.to] = table_name;
    if (Table* t = table(table_name))
      for (Index& i : t->indexes)
        if (i.name == c.from) i.name = c.to;
  }

  void operator()(const ReplaceSchema& c) {
    if (undo_) undo_->push_back([&s = s_, old = s_] { s = old; });
    s_ = c.schema;
  }

  void operator()(const RenameConstraint& c) {
    Table* t = table(c.table);
    if (!t || !t->constraint(c.from)) return;
    auto key = s_.key_owner.find(c.from);
    if (key != s_.key_owner.end()) {
      remember(undo_, s_.key_owner, c.from);
      remember(undo_, s_.key_owner, c.to);
      s_.key_owner.erase(key);
      s_.key_owner[c.to] = t->name;
    }
    for (Constraint& k : t->constraints)
      if (k.name == c.from) k.name = c.to;
  }

  // Forms of the planner, and changes that leave the schema as it is.
  void operator()(const ValidateConstraint&) {}
  void operator()(const AddConstraintUsingIndex&) {}
  void operator()(const Backfill&) {}
  void operator()(const RawSql&) {}
  void operator()(const SetLocal&) {}

 private:
  // The table `name` (unshared, to be changed), recorded in the undo log
  // before it is changed.
  Table* table(const std::string& name) {
    if (!s_.table(name)) return nullptr;
    remember(undo_, s_.tables, name);
    return s_.tables.edit(name);
  }

  Column* column(const std::string& table_name, const std::string& column_name) {
    Table* t = table(table_name);
    return t ? t->column(column_name) : nullptr;
  }

  // The tables with a foreign key that references `table_name` (a rename updates them).
  std::vector<std::string> referencing(const std::string& table_name) const {
    std::vector<std::string> names;
    for (const auto& [name, t] : s_.tables)
      for (const Constraint& k : t.constraints)
        if (k.kind == ast::ConstraintKind::ForeignKey && k.ref_table == table_name) {
          names.push_back(name);
          break;
        }
    return names;
  }

  // Records the tables that reference `table_name` in the undo log.
  void remember_referencing(const std::string& table_name) {
    if (!undo_) return;
    for (const std::string& name : referencing(table_name)) remember(undo_, s_.tables, name);
  }

  // A primary key or unique constraint owns an index of its name.
  void own_key(const std::string& name, const std::string& table_name) {
    remember(undo_, s_.key_owner, name);
    s_.key_owner[name] = table_name;
  }

  void drop_key(const std::string& name, const std::string& table_name) {
    auto it = s_.key_owner.find(name);
    if (it == s_.key_owner.end() || it->second != table_name) return;
    remember(undo_, s_.key_owner, name);
    s_.key_owner.erase(it);
  }

  // Adds a constraint to `t`; a primary key makes its columns not null.
  void add_constraint(Table& t, const Constraint& k) {
    if (is_key(k)) own_key(k.name, t.name);
    if (k.kind == ast::ConstraintKind::PrimaryKey)
      for (const std::string& col : k.columns)
        if (Column* c = t.column(col)) c->not_null = true;
    t.constraints.push_back(k);
  }

  Schema& s_;
  UndoLog* undo_;
};

}  // namespace

void roll_back(UndoLog& undo) {
  for (auto it = undo.rbegin(); it != undo.rend(); ++it) (*it)();
  undo.clear();
}

void apply(Schema& schema, const Edit& edit, UndoLog* undo) {
  std::visit(Applier(schema, undo), edit);
}

void apply(Schema& schema, const ChangeKind& change, UndoLog* undo) {
  std::visit(Applier(schema, undo), change);
}

}  // namespace migrac::model
