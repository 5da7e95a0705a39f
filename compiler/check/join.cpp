// join_states: the three-way join of two sides' states over their base (see
// join.h). Only the names the sides touched are looked at, so a join costs
// what the branches changed, not the size of the schema.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/check/join.h"
#include "compiler/model/serialize.h"

namespace migrac {

namespace {

// Where a conflicting element sits, for messages: "column 'users.nick'".
struct Described {
  std::string text;
  const char* created;  // "added" or "created"
};

Described describe(const std::string& table, const model::Column& c) {
  return {fmt::format("column '{}.{}'", table, c.name), "added"};
}
Described describe(const std::string& table, const model::Constraint& c) {
  return {fmt::format("constraint '{}' of table '{}'", c.name, table), "added"};
}
Described describe(const std::string&, const model::Index& i) {
  return {fmt::format("index '{}'", i.name), "created"};
}

// " (as text and as bigint)" when two columns added by both sides differ in type.
std::string type_difference(const model::Column& a, const model::Column& b) {
  std::string ta = type_text(a.type), tb = type_text(b.type);
  return ta == tb ? std::string() : fmt::format(" (as {} and as {})", ta, tb);
}
template <class T>
std::string type_difference(const T&, const T&) {
  return {};
}
// Columns conflict under their own code (E0421); other elements as tables do.
DiagKind created_kind(const model::Column&) { return DiagKind::MergeColumnConflict; }
template <class T>
DiagKind created_kind(const T&) {
  return DiagKind::MergeCreatedByBoth;
}
DiagKind changed_kind(const model::Column&) { return DiagKind::MergeColumnConflict; }
template <class T>
DiagKind changed_kind(const T&) {
  return DiagKind::MergeChangedByBoth;
}

template <class T>
const T* find_named(const std::vector<T>& list, const std::string& name) {
  for (const T& e : list)
    if (e.name == name) return &e;
  return nullptr;
}

// One join: `into` (what is joined so far, the left side) takes the right
// side's changes from `other`. Where the sides conflict, the left's version
// stays (the error is reported; what follows is checked on that).
class Joiner {
 public:
  Joiner(CheckState& into, const CheckState& base, const CheckState& other,
         const JoinPlan::Step& step, const JoinContext& ctx)
      : into_(into), base_(base), other_(other), step_(step), ctx_(ctx) {
    for (std::size_t m : step.left) {
      tl_.insert(ctx.touched[m].tables.begin(), ctx.touched[m].tables.end());
      el_.insert(ctx.touched[m].enums.begin(), ctx.touched[m].enums.end());
    }
    for (std::size_t m : step.right) {
      tr_.insert(ctx.touched[m].tables.begin(), ctx.touched[m].tables.end());
      er_.insert(ctx.touched[m].enums.begin(), ctx.touched[m].enums.end());
    }
  }

  void run() {
    // The index and key names of every table the right side touched, as
    // they are on the left: the name maps are redone for those tables.
    std::vector<std::pair<std::string, std::vector<std::string>>> old_names;
    for (const std::string& name : tr_) {
      old_names.emplace_back(name, owned_names(into_.schema.table(name)));
      if (tl_.count(name)) join_table(name);
      else take_table(name);
      take_table_notes(name);
    }
    for (const std::string& name : er_) {
      if (el_.count(name)) join_enum(name);
      else take_enum(name);
    }
    redo_name_maps(old_names);
    if (!tr_.empty() || !er_.empty()) {
      for (const std::string& name : tl_) check_uses(name);
      for (const std::string& name : tr_)
        if (!tl_.count(name)) check_uses(name);
    }
    for (const auto& [name, at] : other_.unmodeled_types) into_.unmodeled_types.emplace(name, at);
    if (other_.opaque && !into_.opaque) into_.opaque = other_.opaque;
  }

 private:
  // --- the sides' migrations, for messages

  // The id of the first (or last) migration of a side that touched `name`
  // (an enum with `is_enum`), or the side's last migration.
  std::string who(bool right, const std::string& name, bool is_enum = false,
                  bool first = false) const {
    const std::vector<std::size_t>& side = right ? step_.right : step_.left;
    auto touches = [&](std::size_t m) {
      const Touched& t = ctx_.touched[m];
      return is_enum ? t.enums.count(name) > 0 : t.tables.count(name) > 0;
    };
    if (first) {
      for (std::size_t m : side)
        if (touches(m)) return ctx_.migrations[m].id;
    } else {
      for (auto it = side.rbegin(); it != side.rend(); ++it)
        if (touches(*it)) return ctx_.migrations[*it].id;
    }
    return side.empty() ? std::string() : ctx_.migrations[side.back()].id;
  }

  // "dropped" or "renamed": what a side did to `name` ("t" or "t.c") that is gone.
  const char* gone_verb(bool right, const std::string& name) const {
    for (std::size_t m : right ? step_.right : step_.left)
      if (ctx_.touched[m].renamed.count(name)) return "renamed";
    return "dropped";
  }

  // "dropped by both 'a' and 'b'" (or "renamed by 'a' and dropped by 'b'")
  // for `key` ("t" or "t.c") of table `table`.
  std::string gone_by_both(const std::string& table, const std::string& key) const {
    const char* l = gone_verb(false, key);
    const char* r = gone_verb(true, key);
    if (std::string_view(l) == r)
      return fmt::format("{} by both '{}' and '{}'", l, who(false, table), who(true, table));
    return fmt::format("{} by '{}' and {} by '{}'", l, who(false, table), r, who(true, table));
  }

  Diagnostic* report(DiagKind kind, std::string message) {
    if (!ctx_.diags) return nullptr;
    return &ctx_.diags->report(kind, ctx_.at, std::move(message));
  }

  // --- tables

  static std::vector<std::string> owned_names(const model::Table* t) {
    std::vector<std::string> names;
    if (!t) return names;
    for (const model::Index& i : t->indexes) names.push_back(i.name);
    for (const model::Constraint& c : t->constraints) names.push_back(c.name);
    return names;
  }

  // A table only the right side touched: its version there.
  void take_table(const std::string& name) {
    if (model::TableMap::Ptr r = other_.schema.tables.share(name)) into_.schema.tables.put(name, r);
    else into_.schema.tables.erase(name);
  }

  void take_table_notes(const std::string& name) {
    take_note(into_.table_at, other_.table_at, name);
    take_note(into_.table_gone_at, other_.table_gone_at, name);
    take_note(into_.tainted, other_.tainted, name);
    if (const model::Table* r = other_.schema.table(name))
      for (const model::Index& i : r->indexes) take_note(into_.index_at, other_.index_at, i.name);
  }

  template <class Map>
  void take_note(Map& to, const Map& from, const std::string& name) {
    auto it = from.find(name);
    if (it != from.end()) to.insert_or_assign(name, it->second);
    else if (!tl_.count(name)) to.erase(name);
  }

  // A table both sides touched.
  void join_table(const std::string& name) {
    const model::Table* b = base_.schema.table(name);
    const model::Table* l = into_.schema.table(name);
    const model::Table* r = other_.schema.table(name);
    if (!b) {
      if (l && r) {
        if (Diagnostic* d = report(DiagKind::MergeCreatedByBoth,
                                   fmt::format("table '{}' is created by both '{}' and '{}'", name,
                                               who(false, name, false, true),
                                               who(true, name, false, true)))) {
          note_created(*d, into_.table_at, name, "table");
          note_created(*d, other_.table_at, name, "table");
        }
      } else if (r) {
        into_.schema.tables.put(name, other_.schema.tables.share(name));
      }
      return;
    }
    if (!l && !r) {
      report(DiagKind::MergeChangedByBoth,
             fmt::format("table '{}' is {}", name, gone_by_both(name, name)));
      return;
    }
    if (!l) {
      if (model::same_object(*b, *r)) return;
      report(DiagKind::MergeDropInUse,
             fmt::format("table '{}' is {} by '{}' while '{}' changes it", name,
                         gone_verb(false, name), who(false, name), who(true, name)));
      return;
    }
    if (!r) {
      if (model::same_object(*b, *l)) {
        into_.schema.tables.erase(name);
        return;
      }
      report(DiagKind::MergeDropInUse,
             fmt::format("table '{}' is {} by '{}' while '{}' changes it", name,
                         gone_verb(true, name), who(true, name), who(false, name)));
      return;
    }
    model::Table& joined = *into_.schema.edit_table(name);
    merge_list(joined, joined.columns, b->columns, r->columns);
    merge_list(joined, joined.constraints, b->constraints, r->constraints);
    merge_list(joined, joined.indexes, b->indexes, r->indexes);
  }

  static void note_created(Diagnostic& d, const std::unordered_map<std::string, SourceRange>& at,
                           const std::string& name, const char* what) {
    auto it = at.find(name);
    if (it == at.end() || !it->second.valid()) return;
    d.note(it->second, fmt::format("{} '{}' is created here", what, name));
  }

  // Merges one list of a table both sides touched: `list` (the left's,
  // of table `l`) takes the right's changes against the base's.
  template <class T>
  void merge_list(const model::Table& l, std::vector<T>& list, const std::vector<T>& base,
                  const std::vector<T>& right) {
    const std::string& table = l.name;
    std::vector<T> out;
    out.reserve(list.size() + right.size());
    for (const T& e : list) {
      const T* b = find_named(base, e.name);
      const T* r = find_named(right, e.name);
      if (!b) {
        if (r) {
          Described what = describe(table, e);
          report(created_kind(e),
                 fmt::format("{} is {} by both '{}' and '{}'{}", what.text, what.created,
                             who(false, table), who(true, table), type_difference(e, *r)));
        }
        out.push_back(e);
        continue;
      }
      if (!r) {
        if (model::same_object(*b, e)) continue;  // dropped on the right
        report(DiagKind::MergeDropInUse,
               fmt::format("{} is {} by '{}' while '{}' changes it", describe(table, e).text,
                           gone_verb(true, element_key(table, e)), who(true, table),
                           who(false, table)));
        out.push_back(e);
        continue;
      }
      if (model::same_object(e, *r) || model::same_object(*b, *r)) {
        out.push_back(e);
      } else if (model::same_object(*b, e)) {
        out.push_back(*r);
      } else {
        report(changed_kind(e),
               fmt::format("{} is changed by both '{}' and '{}'", describe(table, e).text,
                           who(false, table), who(true, table)));
        out.push_back(e);
      }
    }
    for (const T& e : right) {
      if (find_named(list, e.name)) continue;
      const T* b = find_named(base, e.name);
      if (!b) {
        out.push_back(e);  // added on the right
        continue;
      }
      if (model::same_object(*b, e)) continue;  // dropped on the left
      report(DiagKind::MergeDropInUse,
             fmt::format("{} is {} by '{}' while '{}' changes it", describe(table, e).text,
                         gone_verb(false, element_key(table, e)), who(false, table),
                         who(true, table)));
    }
    for (const T& e : base) {
      if (find_named(list, e.name) || find_named(right, e.name)) continue;
      report(DiagKind::MergeChangedByBoth, fmt::format("{} is {}", describe(table, e).text,
                                                       gone_by_both(table, element_key(table, e))));
    }
    list = std::move(out);
  }

  // The key of a renamed element in Touched::renamed: "t.c" for a column.
  static std::string element_key(const std::string& table, const model::Column& c) {
    return table + "." + c.name;
  }
  template <class T>
  static std::string element_key(const std::string&, const T& e) {
    return e.name;
  }

  // The name maps of the tables the right side touched: their old names
  // out, their new names in; a name another table already owns was created
  // by both sides.
  void redo_name_maps(const std::vector<std::pair<std::string, std::vector<std::string>>>& old) {
    model::Schema& s = into_.schema;
    for (const auto& [table, names] : old) {
      for (const std::string& n : names) {
        if (auto it = s.index_owner.find(n); it != s.index_owner.end() && it->second == table)
          s.index_owner.erase(it);
        if (auto it = s.key_owner.find(n); it != s.key_owner.end() && it->second == table)
          s.key_owner.erase(it);
      }
    }
    for (const auto& [table, names] : old) {
      const model::Table* t = s.table(table);
      if (!t) continue;
      for (const model::Index& i : t->indexes) claim(s.index_owner, i.name, table, "index");
      for (const model::Constraint& c : t->constraints) {
        if (c.kind == ast::ConstraintKind::PrimaryKey || c.kind == ast::ConstraintKind::Unique)
          claim(s.key_owner, c.name, table, "constraint");
      }
    }
  }

  void claim(std::map<std::string, std::string>& owners, const std::string& name,
             const std::string& table, const char* what) {
    auto [it, fresh] = owners.emplace(name, table);
    if (fresh || it->second == table) return;
    report(DiagKind::MergeCreatedByBoth,
           fmt::format("{} '{}' is created by both '{}' (on table '{}') and '{}' (on table '{}')",
                       what, name, who(false, it->second), it->second, who(true, table), table));
  }

  // --- enums

  void take_enum(const std::string& name) {
    if (const model::Enum* r = other_.schema.enum_type(name)) into_.schema.enums[name] = *r;
    else into_.schema.enums.erase(name);
    auto it = other_.enum_at.find(name);
    if (it != other_.enum_at.end()) into_.enum_at.insert_or_assign(name, it->second);
  }

  void join_enum(const std::string& name) {
    const model::Enum* b = base_.schema.enum_type(name);
    auto lit = into_.schema.enums.find(name);
    model::Enum* l = lit == into_.schema.enums.end() ? nullptr : &lit->second;
    const model::Enum* r = other_.schema.enum_type(name);
    std::string left = who(false, name, true), right = who(true, name, true);
    if (!b) {
      if (l && r) {
        if (Diagnostic* d = report(DiagKind::MergeCreatedByBoth,
                                   fmt::format("enum '{}' is created by both '{}' and '{}'", name,
                                               who(false, name, true, true),
                                               who(true, name, true, true)))) {
          note_created(*d, into_.enum_at, name, "enum");
          note_created(*d, other_.enum_at, name, "enum");
        }
      } else if (r) {
        into_.schema.enums[name] = *r;
      }
      return;
    }
    if (!l && !r) {
      report(DiagKind::MergeChangedByBoth,
             fmt::format("enum '{}' is dropped by both '{}' and '{}'", name, left, right));
      return;
    }
    if (!l || !r) {
      const model::Enum& kept = l ? *l : *r;
      if (model::same_object(*b, kept)) {
        if (l) into_.schema.enums.erase(lit);
        return;
      }
      report(DiagKind::MergeDropInUse,
             fmt::format("enum '{}' is dropped by '{}' while '{}' changes it", name,
                         l ? right : left, l ? left : right));
      return;
    }
    for (const std::string& v : r->values) {
      if (std::find(b->values.begin(), b->values.end(), v) != b->values.end()) continue;
      if (std::find(l->values.begin(), l->values.end(), v) == l->values.end()) {
        l->values.push_back(v);
        continue;
      }
      report(DiagKind::MergeEnumValue,
             fmt::format("enum value '{}' of '{}' is added by both '{}' and '{}'", v, name, left,
                         right));
    }
  }

  // --- what one side uses and the other dropped

  // Reports the uses in table `name` of what is no longer there after the
  // join (a column, a table a foreign key references, an enum) but was in
  // the base: one side dropped it while the other uses it.
  void check_uses(const std::string& name) {
    const model::Table* t = into_.schema.table(name);
    if (!t) return;
    for (const model::Index& i : t->indexes)
      for (const std::string& c : i.columns)
        missing_column(*t, *t, c, fmt::format("indexes it (index '{}')", i.name));
    for (const model::Constraint& k : t->constraints) {
      for (const std::string& c : k.columns)
        missing_column(*t, *t, c, fmt::format("uses it (constraint '{}')", k.name));
      if (k.kind != ast::ConstraintKind::ForeignKey) continue;
      std::string use = fmt::format("references it (foreign key '{}' of '{}')", k.name, name);
      const model::Table* target = into_.schema.table(k.ref_table);
      if (!target) {
        missing_table(*t, k.ref_table, use);
        continue;
      }
      for (const std::string& c : k.ref_columns) missing_column(*t, *target, c, use);
    }
    for (const model::Column& c : t->columns) {
      if (c.type.kind != ast::TypeKind::Enum || into_.schema.enum_type(c.type.name)) continue;
      if (!base_.schema.enum_type(c.type.name)) continue;
      bool right = other_.schema.enum_type(c.type.name) == nullptr;
      report(DiagKind::MergeDropInUse,
             fmt::format("enum '{}' is dropped by '{}' while '{}' uses it (column '{}.{}')",
                         c.type.name, who(right, c.type.name, true), who(!right, name), name,
                         c.name));
    }
  }

  // Column `column` of `table`, used by `user` (a table) as `use` says.
  void missing_column(const model::Table& user, const model::Table& table,
                      const std::string& column, const std::string& use) {
    if (table.column(column)) return;
    const model::Table* b = base_.schema.table(table.name);
    if (!b || !b->column(column)) return;  // never there: not this join's doing
    const model::Table* r = other_.schema.table(table.name);
    bool right = !r || !r->column(column);  // the side that dropped it
    std::string key = table.name + "." + column;
    report(DiagKind::MergeDropInUse,
           fmt::format("column '{}' is {} by '{}' while '{}' {}", key, gone_verb(right, key),
                       who(right, table.name), who(!right, user.name), use));
  }

  void missing_table(const model::Table& user, const std::string& table, const std::string& use) {
    if (!base_.schema.table(table)) return;
    bool right = other_.schema.table(table) == nullptr;
    report(DiagKind::MergeDropInUse,
           fmt::format("table '{}' is {} by '{}' while '{}' {}", table, gone_verb(right, table),
                       who(right, table), who(!right, user.name), use));
  }

  CheckState& into_;
  const CheckState& base_;
  const CheckState& other_;
  const JoinPlan::Step& step_;
  const JoinContext& ctx_;
  std::set<std::string> tl_, tr_, el_, er_;  // tables and enums each side touched
};

}  // namespace

void join_states(CheckState& into, const CheckState& base, const CheckState& other,
                 const JoinPlan::Step& step, const JoinContext& ctx) {
  Joiner(into, base, other, step, ctx).run();
}

}  // namespace migrac
