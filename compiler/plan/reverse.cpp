#include "compiler/plan/reverse.h"

#include <fmt/format.h>

#include <algorithm>

namespace migrac {

namespace {

template <typename T>
void erase_named(std::vector<T>& items, const std::string& name) {
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&](const T& x) { return x.name == name; }),
              items.end());
}

model::Column* find_column(model::Table& t, const std::string& name) {
  for (model::Column& c : t.columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// Computes the reverse of one change kind; `origin` is copied into each
// reverse. Without `build`, only whether there is one.
struct Reverser {
  const model::Change& origin;
  const Capabilities& caps;
  std::string_view dialect;
  Reverse out;
  bool build = true;

  void push(model::ChangeKind kind) {
    if (!build) return;
    model::Change& c = out.changes.emplace_back(model::derive_change(origin, std::move(kind),
                                                                     false));
    if (origin.table_after)
      c.table_after = std::make_shared<model::Table>(table_before(*origin.table_after, origin));
  }
  void irreversible(std::string reason) {
    out.irreversible = Irreversible{std::move(reason), origin.source};
  }

  void operator()(const model::AddTable& c) { push(model::DropTable{c.table}); }
  void operator()(const model::DropTable& c) {
    if (!build) return;
    model::Table bare = c.table;
    bare.indexes.clear();
    push(model::AddTable{bare});
    // The table is new again: its indexes are built in the plain form.
    for (const model::Index& ix : c.table.indexes) {
      push(model::CreateIndex{ix, false, false});
      out.changes.back().table_is_new = true;
    }
  }
  void operator()(const model::RenameTable& c) { push(model::RenameTable{c.to, c.from}); }
  void operator()(const model::AddColumn& c) {
    push(model::DropColumn{c.table, c.column, c.constraints});
  }
  void operator()(const model::DropColumn& c) { push(model::AddColumn{c.table, c.column, {}}); }
  void operator()(const model::RenameColumn& c) {
    push(model::RenameColumn{c.table, c.to, c.from});
  }
  void operator()(const model::AlterColumnType& c) {
    // Back to the previous type by a plain cast (the emitter adds USING where
    // one is needed); a `using` expression of the up change is not inverted.
    push(model::AlterColumnType{c.table, c.column, c.to, c.from, std::nullopt});
  }
  void operator()(const model::SetNotNull& c) { push(model::DropNotNull{c.table, c.column}); }
  void operator()(const model::DropNotNull& c) { push(model::SetNotNull{c.table, c.column}); }
  void operator()(const model::SetDefault& c) {
    push(model::SetDefault{c.table, c.column, c.to, c.from});
  }
  void operator()(const model::AddConstraint& c) {
    push(model::DropConstraint{c.table, c.constraint});
  }
  void operator()(const model::ValidateConstraint&) {}
  void operator()(const model::AddConstraintUsingIndex& c) {
    push(model::DropConstraint{c.table, c.constraint});
  }
  void operator()(const model::DropConstraint& c) {
    push(model::AddConstraint{c.table, c.constraint, false});
  }
  void operator()(const model::CreateIndex& c) { push(model::DropIndex{c.index, false, false}); }
  void operator()(const model::DropIndex& c) { push(model::CreateIndex{c.index, false, false}); }
  void operator()(const model::CreateEnum& c) { push(model::DropEnum{c.type}); }
  void operator()(const model::AddEnumValue& c) {
    if (!caps.enum_add_value_reversible) {
      irreversible(fmt::format("'alter enum {} add value' cannot be undone on {}", c.type,
                               dialect));
    }
  }
  void operator()(const model::DropEnum& c) { push(model::CreateEnum{c.type}); }
  void operator()(const model::Backfill&) {}
  void operator()(const model::RawSql&) { irreversible("'sql' without a 'down' block"); }
  void operator()(const model::SetLocal&) {}
};

}  // namespace

model::Table table_before(const model::Table& after, const model::Change& change) {
  model::Table t = after;
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, model::RenameTable>) {
          t.name = c.from;
        } else if constexpr (std::is_same_v<T, model::AddColumn>) {
          erase_named(t.columns, c.column.name);
          for (const model::Constraint& k : c.constraints) erase_named(t.constraints, k.name);
        } else if constexpr (std::is_same_v<T, model::DropColumn>) {
          t.columns.push_back(c.column);
        } else if constexpr (std::is_same_v<T, model::RenameColumn>) {
          if (model::Column* col = find_column(t, c.to)) col->name = c.from;
        } else if constexpr (std::is_same_v<T, model::AlterColumnType>) {
          if (model::Column* col = find_column(t, c.column)) col->type = c.from;
        } else if constexpr (std::is_same_v<T, model::SetNotNull>) {
          if (model::Column* col = find_column(t, c.column)) col->not_null = false;
        } else if constexpr (std::is_same_v<T, model::DropNotNull>) {
          if (model::Column* col = find_column(t, c.column)) col->not_null = true;
        } else if constexpr (std::is_same_v<T, model::SetDefault>) {
          if (model::Column* col = find_column(t, c.column)) col->default_value = c.from;
        } else if constexpr (std::is_same_v<T, model::AddConstraint> ||
                             std::is_same_v<T, model::AddConstraintUsingIndex>) {
          erase_named(t.constraints, c.constraint.name);
        } else if constexpr (std::is_same_v<T, model::DropConstraint>) {
          t.constraints.push_back(c.constraint);
        } else if constexpr (std::is_same_v<T, model::CreateIndex>) {
          erase_named(t.indexes, c.index.name);
        } else if constexpr (std::is_same_v<T, model::DropIndex>) {
          t.indexes.push_back(c.index);
        }
      },
      change.kind);
  return t;
}

Reverse reverse_change(const model::Change& change, const Emitter& emitter) {
  Reverser r{change, emitter.capabilities(), dialect_name(emitter.dialect()), {}};
  std::visit(r, change.kind);
  return std::move(r.out);
}

std::optional<Irreversible> irreversible_change(const std::vector<model::Change>& changes,
                                                const Emitter& emitter) {
  std::optional<Irreversible> first;
  for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
    Reverser r{*it, emitter.capabilities(), dialect_name(emitter.dialect()), {}, false};
    std::visit(r, it->kind);
    if (r.out.irreversible) first = std::move(r.out.irreversible);
  }
  return first;
}

Reverse reverse_changes(const std::vector<model::Change>& changes, const Emitter& emitter) {
  Reverse all;
  for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
    Reverse one = reverse_change(*it, emitter);
    // Walking backwards, the last irreversible change seen is the first written.
    if (one.irreversible) all.irreversible = std::move(one.irreversible);
    for (model::Change& c : one.changes) all.changes.push_back(std::move(c));
  }
  return all;
}

}  // namespace migrac
