// One SQLite table read into the model: columns, null-ness, defaults and the
// primary key from pragma_table_xinfo, foreign keys from
// pragma_foreign_key_list, and from the CREATE TABLE text what the pragmas
// do not give: constraint names, CHECK expressions, AUTOINCREMENT (identity)
// and the unnamed CHECK (c IN (...)) the emitter writes for an enum column.
// A constraint written without a name gets the name the checker would give it.

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "compiler/dialect/sqlite/catalog_rows.h"

namespace migrac::sqlite {

namespace {

bool same_name(std::string_view a, std::string_view b) { return lower(a) == lower(b); }

bool same_names(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same_name(a[i], b[i])) return false;
  return true;
}

// The checker's name for a constraint written without one (check/names.cpp;
// SQLite's names have no length limit that matters).
std::string default_name(std::string_view prefix, const std::string& table,
                         const std::vector<std::string>& parts) {
  std::string name = fmt::format("{}_{}", prefix, table);
  for (const std::string& p : parts) name += "_" + p;
  return name;
}

ast::RefAction ref_action(std::string_view text) {
  if (text == "CASCADE") return ast::RefAction::Cascade;
  if (text == "RESTRICT") return ast::RefAction::Restrict;
  if (text == "SET NULL") return ast::RefAction::SetNull;
  if (text == "SET DEFAULT") return ast::RefAction::SetDefault;
  return ast::RefAction::NoAction;
}

// The column of `table` named `name` (any case), or the name as given.
std::string canonical(const model::Table& table, const std::string& name) {
  for (const model::Column& c : table.columns)
    if (same_name(c.name, name)) return c.name;
  return name;
}

std::vector<std::string> column_names(const model::Table& table) {
  std::vector<std::string> names;
  for (const model::Column& c : table.columns) names.push_back(c.name);
  return names;
}

// Reads the constraints of the text into `table`, in text order.
class ConstraintReader {
 public:
  ConstraintReader(model::Table& table, TableRows& rows, const PrimaryKeys& keys,
                   std::vector<UnmodeledObject>& unmodeled, std::vector<EnumColumn>& enums)
      : t_(table), rows_(rows), keys_(keys), unmodeled_(unmodeled), enums_(enums) {}

  void read(const TableText& text) {
    for (const TextConstraint& k : text.constraints) {
      std::size_t before = t_.constraints.size();
      switch (k.kind) {
        case ast::ConstraintKind::PrimaryKey: primary_key(k); break;
        case ast::ConstraintKind::Unique: unique(k); break;
        case ast::ConstraintKind::Check: check(k); break;
        case ast::ConstraintKind::ForeignKey: foreign_key(k); break;
      }
      if ((k.ordered || k.conflict) && t_.constraints.size() > before) {
        note("constraint option", fmt::format("{}.{}", t_.name, t_.constraints.back().name),
             k.conflict ? "ON CONFLICT clause" : "ASC, DESC or COLLATE on a key column");
      }
    }
    // Foreign keys of the catalog that the text did not give (it was not read).
    for (ForeignKeyRows& fk : rows_.foreign_keys)
      if (!fk.used) add_foreign_key(fk, "", false);
    // A primary key the text did not give.
    std::vector<std::string> pk = primary_key_columns(rows_);
    if (!pk.empty() && !t_.primary_key()) {
      model::Constraint c;
      c.kind = ast::ConstraintKind::PrimaryKey;
      c.columns = pk;
      c.name = default_name("pk", t_.name, {});
      t_.constraints.insert(t_.constraints.begin(), std::move(c));
    }
  }

 private:
  std::string name_or(const TextConstraint& k, std::string fallback) const {
    return k.name.empty() ? fallback : k.name;
  }

  void note(std::string kind, std::string name, std::string why) {
    unmodeled_.push_back({std::move(kind), std::move(name), std::move(why)});
  }

  std::vector<std::string> canonical_columns(const std::vector<std::string>& names) const {
    std::vector<std::string> out;
    for (const std::string& n : names) out.push_back(canonical(t_, n));
    return out;
  }

  void primary_key(const TextConstraint& k) {
    if (t_.primary_key()) return;
    model::Constraint c;
    c.kind = ast::ConstraintKind::PrimaryKey;
    c.columns = primary_key_columns(rows_);
    if (c.columns.empty()) c.columns = canonical_columns(k.columns);
    c.name = name_or(k, default_name("pk", t_.name, {}));
    if (k.autoincrement && c.columns.size() == 1)
      if (model::Column* col = t_.column(c.columns[0])) col->identity = true;
    t_.constraints.push_back(std::move(c));
  }

  void unique(const TextConstraint& k) {
    model::Constraint c;
    c.kind = ast::ConstraintKind::Unique;
    c.columns = canonical_columns(k.columns);
    c.name = name_or(k, default_name("uq", t_.name, c.columns));
    t_.constraints.push_back(std::move(c));
  }

  void check(const TextConstraint& k) {
    if (k.name.empty() && !k.column.empty()) {
      model::Column* col = t_.column(canonical(t_, k.column));
      std::optional<std::vector<std::string>> values = enum_values(k.check, k.column);
      if (col && values && col->type.kind == ast::TypeKind::Text && !col->type.length) {
        enums_.push_back({t_.name, col->name, std::move(*values)});
        return;
      }
    }
    model::Constraint c;
    c.kind = ast::ConstraintKind::Check;
    c.columns = columns_in(k.check, column_names(t_));
    c.check = ast::Expr{ast::ExprKind::RawSql, k.check, {}, false, false, {}, {}};
    c.name = k.name;
    if (c.name.empty()) {
      // As the checker numbers them: ck_t_a, ck_t_a_2, ...; ck_t_1 reading no column.
      c.name = c.columns.empty() ? default_name("ck", t_.name, {"1"})
                                 : default_name("ck", t_.name, c.columns);
      for (std::size_t n = c.columns.empty() ? 1 : 2; t_.constraint(c.name); ++n) {
        std::vector<std::string> numbered = c.columns;
        numbered.push_back(std::to_string(n));
        c.name = default_name("ck", t_.name, numbered);
      }
    }
    t_.constraints.push_back(std::move(c));
  }

  void foreign_key(const TextConstraint& k) {
    std::vector<std::string> cols = canonical_columns(k.columns);
    for (ForeignKeyRows& fk : rows_.foreign_keys) {
      if (fk.used || !same_names(fk.columns, cols) || !same_name(fk.ref_table, k.ref_table))
        continue;
      add_foreign_key(fk, k.name, k.deferrable);
      return;
    }
  }

  void add_foreign_key(ForeignKeyRows& fk, const std::string& name, bool deferrable) {
    fk.used = true;
    model::Constraint c;
    c.kind = ast::ConstraintKind::ForeignKey;
    c.columns = canonical_columns(fk.columns);
    c.ref_table = fk.ref_table;
    auto target = std::find_if(keys_.begin(), keys_.end(), [&](const auto& entry) {
      return same_name(entry.first, fk.ref_table);
    });
    if (target != keys_.end()) c.ref_table = target->first;
    for (std::size_t i = 0; i < fk.ref_columns.size(); ++i) {
      if (fk.ref_columns[i]) {
        c.ref_columns.push_back(*fk.ref_columns[i]);
      } else if (target != keys_.end() && i < target->second.size()) {
        c.ref_columns.push_back(target->second[i]);
      }
    }
    c.on_delete = ref_action(fk.on_delete);
    c.on_update = ref_action(fk.on_update);
    std::vector<std::string> parts = c.columns;
    parts.push_back(c.ref_table);
    c.name = name.empty() ? default_name("fk", t_.name, parts) : name;
    if (deferrable) note("constraint option", fmt::format("{}.{}", t_.name, c.name), "DEFERRABLE");
    t_.constraints.push_back(std::move(c));
  }

  model::Table& t_;
  TableRows& rows_;
  const PrimaryKeys& keys_;
  std::vector<UnmodeledObject>& unmodeled_;
  std::vector<EnumColumn>& enums_;
};

}  // namespace

std::vector<std::string> primary_key_columns(const TableRows& rows) {
  std::vector<const ColumnRow*> key;
  for (const ColumnRow& c : rows.columns)
    if (c.pk > 0) key.push_back(&c);
  std::sort(key.begin(), key.end(),
            [](const ColumnRow* a, const ColumnRow* b) { return a->pk < b->pk; });
  std::vector<std::string> names;
  for (const ColumnRow* c : key) names.push_back(c->name);
  return names;
}

model::Table read_table(TableRows& rows, const PrimaryKeys& keys,
                        std::vector<UnmodeledObject>& unmodeled, std::vector<EnumColumn>& enums) {
  model::Table table;
  table.name = rows.name;
  std::optional<TableText> text = read_create_table(rows.sql);
  if (!text) {
    unmodeled.push_back({"table definition", rows.name, "its CREATE TABLE text was not read"});
    text = TableText{};
  }
  for (const ColumnRow& row : rows.columns) {
    // pragma_table_xinfo: hidden 2 is a virtual generated column, 3 a stored one.
    const TextColumn* written = nullptr;
    for (const TextColumn& c : text->columns)
      if (lower(c.name) == lower(row.name)) written = &c;
    if (row.hidden == 2 || (row.hidden == 3 && (!written || written->generated_expr.empty()))) {
      unmodeled.push_back({"generated column", fmt::format("{}.{}", rows.name, row.name),
                           row.hidden == 3 ? "stored" : "virtual"});
      continue;
    }
    if (row.hidden != 0 && row.hidden != 3) continue;  // a virtual table's hidden column
    model::Column col;
    col.name = row.name;
    // SQLite reads `GENERATED ALWAYS` as words of the type's name.
    std::string_view declared = row.type;
    constexpr std::string_view kAlways = " generated always";
    if (row.hidden == 3 && declared.size() >= kAlways.size() &&
        lower(declared.substr(declared.size() - kAlways.size())) == kAlways)
      declared.remove_suffix(kAlways.size());
    col.type = declared_type(declared);
    col.not_null = row.not_null || row.pk > 0;  // the model's primary keys are not null
    if (row.hidden == 3) {
      col.generated = ast::Expr{
          ast::ExprKind::RawSql, written->generated_expr, {}, false, false, {}, {}};
    } else if (row.default_text) {
      col.default_value = default_value(*row.default_text);
    }
    table.columns.push_back(std::move(col));
  }
  for (const TextColumn& c : text->columns) {
    if (!c.collation.empty())
      unmodeled.push_back({"column collation", fmt::format("{}.{}", rows.name, c.name),
                           c.collation});
  }
  if (text->without_rowid) unmodeled.push_back({"table option", rows.name, "WITHOUT ROWID"});
  if (text->strict) unmodeled.push_back({"table option", rows.name, "STRICT"});
  ConstraintReader(table, rows, keys, unmodeled, enums).read(*text);
  return table;
}

}  // namespace migrac::sqlite
