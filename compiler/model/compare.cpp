// One schema comparison (compare.h): tables by name, within each its
// columns, constraints and indexes, then enums; every value compared through
// the caller's Normalizer.

#include "compiler/model/compare.h"

#include <set>
#include <string_view>
#include <tuple>
#include <utility>

namespace migrac::model {

namespace {

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += ", ";
    out += p;
  }
  return out;
}

std::string_view constraint_kind_name(ast::ConstraintKind kind) {
  switch (kind) {
    case ast::ConstraintKind::PrimaryKey: return "primary key";
    case ast::ConstraintKind::Unique: return "unique";
    case ast::ConstraintKind::ForeignKey: return "foreign key";
    case ast::ConstraintKind::Check: return "check";
  }
  return "check";
}

std::string_view action_name(ast::RefAction action) {
  switch (action) {
    case ast::RefAction::NoAction: return "no action";
    case ast::RefAction::Restrict: return "restrict";
    case ast::RefAction::Cascade: return "cascade";
    case ast::RefAction::SetNull: return "set null";
    case ast::RefAction::SetDefault: return "set default";
  }
  return "no action";
}

std::string_view flag(bool value) { return value ? "true" : "false"; }

// The index named `name` anywhere in `schema`, and the table that holds it.
std::pair<const Index*, const Table*> find_index(const Schema& schema, const std::string& name) {
  for (const auto& [table_name, table] : schema.tables) {
    if (const Index* index = table.index(name)) return {index, &table};
  }
  return {nullptr, nullptr};
}

// Collects the differences in order.
class Differ {
 public:
  explicit Differ(const Normalizer& n) : n_(n) {}

  std::vector<Difference> take() { return std::move(out_); }

  void tables(const Schema& expected, const Schema& actual) {
    expected_ = &expected;
    actual_ = &actual;
    std::set<std::string> names;
    for (const auto& [name, t] : expected.tables) names.insert(name);
    for (const auto& [name, t] : actual.tables) names.insert(name);
    for (const std::string& name : names) {
      const Table* e = expected.table(name);
      const Table* a = actual.table(name);
      if (a == nullptr) {
        add(DiffKind::Missing, "table", name);
      } else if (e == nullptr) {
        add(DiffKind::Unexpected, "table", name);
      } else {
        columns(*e, *a);
        constraints(*e, *a);
        indexes(*e, *a, expected, actual);
      }
    }
  }

  void enums(const Schema& expected, const Schema& actual) {
    std::set<std::string> names;
    for (const auto& [name, en] : expected.enums) names.insert(name);
    for (const auto& [name, en] : actual.enums) names.insert(name);
    for (const std::string& name : names) {
      const Enum* e = expected.enum_type(name);
      const Enum* a = actual.enum_type(name);
      if (a == nullptr) {
        add(DiffKind::Missing, "enum", name);
      } else if (e == nullptr) {
        add(DiffKind::Unexpected, "enum", name);
      } else {
        enum_values(*e, *a);
      }
    }
  }

 private:
  void add(DiffKind kind, std::string_view object_kind, std::string object) {
    out_.push_back(Difference{kind, std::string(object_kind), std::move(object), {}, {}, {}});
  }

  void changed(std::string_view object_kind, const std::string& object, std::string_view property,
               std::string expected, std::string actual) {
    if (expected == actual) return;
    out_.push_back(Difference{DiffKind::Changed, std::string(object_kind), object,
                              std::string(property), std::move(expected), std::move(actual)});
  }

  // A default's key; none for no default or a NULL one (which PostgreSQL does not store).
  std::string default_key(const Boxed<ast::Expr>& value) const {
    if (!value || value->kind == ast::ExprKind::Null) return {};
    std::string key = n_.expr(*value);
    ast::Expr null_expr;
    null_expr.kind = ast::ExprKind::Null;
    return key == n_.expr(null_expr) ? std::string() : key;
  }

  // An enum column's type by its values (in the column's own schema, `own`)
  // where the dialect spells it so.
  std::string type_key(const ast::TypeRef& type, const Schema& own) const {
    if (type.kind == ast::TypeKind::Enum && n_.enum_type) {
      const Enum* e = own.enum_type(type.name);
      if (e == nullptr) e = (&own == expected_ ? actual_ : expected_)->enum_type(type.name);
      if (e != nullptr) return n_.enum_type(*e);
    }
    return n_.type(type);
  }

  std::string expr_key(const Boxed<ast::Expr>& value) const {
    return value ? n_.expr(*value) : std::string();
  }

  void columns(const Table& e, const Table& a) {
    for (const Column& ec : e.columns) {
      std::string object = e.name + "." + ec.name;
      const Column* ac = a.column(ec.name);
      if (ac == nullptr) {
        add(DiffKind::Missing, "column", object);
        continue;
      }
      changed("column", object, "type", type_key(ec.type, *expected_),
              type_key(ac->type, *actual_));
      changed("column", object, "not null", std::string(flag(ec.not_null)),
              std::string(flag(ac->not_null)));
      changed("column", object, "default", default_key(ec.default_value),
              default_key(ac->default_value));
      changed("column", object, "identity", std::string(flag(ec.identity)),
              std::string(flag(ac->identity)));
      changed("column", object, "generated", expr_key(ec.generated), expr_key(ac->generated));
    }
    for (const Column& ac : a.columns) {
      if (e.column(ac.name) == nullptr) add(DiffKind::Unexpected, "column", a.name + "." + ac.name);
    }
  }

  void constraints(const Table& e, const Table& a) {
    for (const Constraint& ek : e.constraints) {
      std::string object = e.name + "." + ek.name;
      const Constraint* ak = a.constraint(ek.name);
      if (ak == nullptr && !n_.primary_key_names && ek.kind == ast::ConstraintKind::PrimaryKey)
        ak = a.primary_key();
      if (ak == nullptr) {
        add(DiffKind::Missing, "constraint", object);
        continue;
      }
      if (ek.kind != ak->kind) {
        changed("constraint", object, "kind", std::string(constraint_kind_name(ek.kind)),
                std::string(constraint_kind_name(ak->kind)));
        continue;
      }
      if (ek.kind == ast::ConstraintKind::Check) {
        changed("constraint", object, "check", expr_key(ek.check), expr_key(ak->check));
        continue;
      }
      changed("constraint", object, "columns", joined(ek.columns), joined(ak->columns));
      if (ek.kind != ast::ConstraintKind::ForeignKey) continue;
      changed("constraint", object, "referenced table", ek.ref_table, ak->ref_table);
      changed("constraint", object, "referenced columns", joined(ek.ref_columns),
              joined(ak->ref_columns));
      changed("constraint", object, "on delete", std::string(action_name(ek.on_delete)),
              std::string(action_name(ak->on_delete)));
      changed("constraint", object, "on update", std::string(action_name(ek.on_update)),
              std::string(action_name(ak->on_update)));
    }
    for (const Constraint& ak : a.constraints) {
      bool matched_key = !n_.primary_key_names && ak.kind == ast::ConstraintKind::PrimaryKey &&
                         e.primary_key() != nullptr;
      if (e.constraint(ak.name) == nullptr && !matched_key) {
        add(DiffKind::Unexpected, "constraint", a.name + "." + ak.name);
      }
    }
  }

  std::string elements_key(const Index& index) const {
    std::vector<std::string> keys;
    for (const ast::Expr& el : index.elements) keys.push_back(n_.expr(el));
    return joined(keys);
  }

  void indexes(const Table& e, const Table& a, const Schema& expected, const Schema& actual) {
    for (const Index& ei : e.indexes) {
      const Index* ai = a.index(ei.name);
      const Table* holder = &a;
      if (ai == nullptr) std::tie(ai, holder) = find_index(actual, ei.name);
      if (ai == nullptr) {
        add(DiffKind::Missing, "index", ei.name);
        continue;
      }
      changed("index", ei.name, "table", e.name, holder->name);
      changed("index", ei.name, "unique", std::string(flag(ei.unique)),
              std::string(flag(ai->unique)));
      changed("index", ei.name, "elements", elements_key(ei), elements_key(*ai));
      if (n_.compare_index_predicates)
        changed("index", ei.name, "predicate", expr_key(ei.where), expr_key(ai->where));
    }
    for (const Index& ai : a.indexes) {
      if (find_index(expected, ai.name).first != nullptr)
        continue;  // compared above, maybe elsewhere
      // The index a primary key or unique constraint owns under its own name
      // is the constraint's, not an index of the schema.
      const Constraint* owner = a.constraint(ai.name);
      if (owner != nullptr && (owner->kind == ast::ConstraintKind::PrimaryKey ||
                               owner->kind == ast::ConstraintKind::Unique)) {
        continue;
      }
      add(DiffKind::Unexpected, "index", ai.name);
    }
  }

  void enum_values(const Enum& e, const Enum& a) {
    auto has = [](const Enum& en, const std::string& v) {
      for (const std::string& x : en.values) {
        if (x == v) return true;
      }
      return false;
    };
    std::vector<std::string> e_common;
    std::vector<std::string> a_common;
    for (const std::string& v : e.values) {
      if (!has(a, v)) {
        add(DiffKind::Missing, "enum value", e.name + "." + v);
      } else {
        e_common.push_back(v);
      }
    }
    for (const std::string& v : a.values) {
      if (!has(e, v)) {
        add(DiffKind::Unexpected, "enum value", e.name + "." + v);
      } else {
        a_common.push_back(v);
      }
    }
    if (e_common != a_common) {
      changed("enum", e.name, "value order", joined(e.values), joined(a.values));
    }
  }

  const Normalizer& n_;
  const Schema* expected_ = nullptr;
  const Schema* actual_ = nullptr;
  std::vector<Difference> out_;
};

// "is not null", "is an identity", "is unique": a yes-or-no property as a phrase.
std::string_view flag_phrase(std::string_view property) {
  if (property == "not null") return "is not null";
  if (property == "identity") return "is an identity";
  if (property == "unique") return "is unique";
  return {};
}

}  // namespace

std::vector<Difference> compare(const Schema& expected, const Schema& actual,
                                const Normalizer& normalizer) {
  Differ d(normalizer);
  d.tables(expected, actual);
  if (normalizer.compare_enums) d.enums(expected, actual);
  return d.take();
}

std::string describe(const Difference& d) {
  std::string what = d.object_kind + " '" + d.object + "'";
  switch (d.kind) {
    case DiffKind::Missing: return "the database lacks " + what;
    case DiffKind::Unexpected: return "the database has " + what + " that the model does not";
    case DiffKind::Changed: break;
  }
  std::string_view phrase = flag_phrase(d.property);
  if (!phrase.empty() && (d.expected == "true" || d.actual == "true")) {
    std::string_view where = d.expected == "true" ? "the model" : "the database";
    std::string_view other = d.expected == "true" ? "the database" : "the model";
    return what + " " + std::string(phrase) + " in " + std::string(where) + ", not in " +
           std::string(other);
  }
  if (d.actual.empty()) {
    return what + " has no " + d.property + " in the database, '" + d.expected + "' in the model";
  }
  if (d.expected.empty()) {
    return what + " has " + d.property + " '" + d.actual + "' in the database, none in the model";
  }
  return what + " has " + d.property + " '" + d.actual + "' in the database, '" + d.expected +
         "' in the model";
}

}  // namespace migrac::model
