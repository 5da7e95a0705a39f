// Introspection of MySQL and MariaDB: the information_schema rows
// (catalog_queries.cpp) as a model::Schema, built with model::apply as the
// checker builds its own, and what the model does not hold as
// UnmodeledObjects. Eight queries over the whole database.
//
// What the server does not keep is given back as the emitter wrote it: a
// primary key is always `PRIMARY` there, so it gets the checker's default
// name (pk_<table>); the index the emitter builds under a foreign key's name
// is the key's, not an index of the schema. A unique key is a unique
// constraint, except one named as the checker names an index (ix_...): the
// server keeps no difference between the two.

#include <algorithm>
#include <cstdint>
#include <map>

#include <fmt/format.h>

#include "compiler/dialect/catalog.h"
#include "compiler/dialect/mysql/catalog_rows.h"
#include "compiler/model/apply.h"

namespace migrac::mysql {

namespace {

// The text of field `i` of `row`; empty for NULL.
const std::string& field(const CatalogRow& row, std::size_t i) {
  static const std::string kEmpty;
  return i < row.size() && row[i] ? *row[i] : kEmpty;
}

bool is_null(const CatalogRow& row, std::size_t i) { return i >= row.size() || !row[i]; }

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::uint64_t fnv1a64(const std::string& s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// The checker's name of a primary key written without one (check/names.cpp,
// at its default limit of 63 characters).
std::string primary_key_name(const std::string& table) {
  constexpr std::size_t kMax = 63;
  std::string name = "pk_" + table;
  if (name.size() <= kMax) return name;
  std::string suffix = fmt::format("_{:08x}", fnv1a64(name) >> 32);
  std::size_t keep = kMax - suffix.size();
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  while (keep > 0 && name[keep - 1] == '_') --keep;
  return name.substr(0, keep) + suffix;
}

// Whether a unique key named `name` was written as an index.
bool named_as_index(const std::string& name) { return name.rfind("ix_", 0) == 0; }

// What one read gathers before it becomes a schema: the tables by name.
struct Reading {
  CatalogScope scope;
  std::map<std::string, model::Table> tables;
  // Per table, the names of the keys whose index is theirs (not an index of
  // the schema): PRIMARY, unique constraints, foreign keys.
  std::map<std::string, std::vector<std::string>> key_indexes;
  UnmodeledList unmodeled;

  model::Table* table(const std::string& name) {
    auto it = tables.find(name);
    return it == tables.end() ? nullptr : &it->second;
  }
  bool is_key_index(const std::string& table_name, const std::string& index) const {
    auto it = key_indexes.find(table_name);
    if (it == key_indexes.end()) return false;
    return std::find(it->second.begin(), it->second.end(), index) != it->second.end();
  }
};

CatalogScope read_scope(const CatalogQuery& query, const CatalogOptions& options) {
  std::vector<CatalogRow> rows = query(scope_query(options.schema));
  if (rows.empty() || is_null(rows[0], 0)) {
    if (options.schema.empty()) throw CatalogError("no database selected: the url names none");
    throw CatalogError(fmt::format("database '{}' does not exist", options.schema));
  }
  CatalogScope scope;
  const std::string& database = field(rows[0], 0);
  scope.database = sql_string(database);
  scope.mariadb = lower(field(rows[0], 1)).find("mariadb") != std::string::npos;
  if (options.history_schema.empty() || options.history_schema == database)
    scope.history_name = options.history_name;
  return scope;
}

// (name, type, create options)
void read_tables(const CatalogQuery& query, Reading& r) {
  for (const CatalogRow& row : query(tables_query(r.scope))) {
    const std::string& name = field(row, 0);
    const std::string& type = field(row, 1);
    if (type == "VIEW") {
      r.unmodeled.add("view", name);
      continue;
    }
    if (type == "SEQUENCE") {
      r.unmodeled.add("sequence", name);
      continue;
    }
    if (type == "SYSTEM VERSIONED") r.unmodeled.add("table", name, "system versioned");
    if (lower(field(row, 2)).find("partitioned") != std::string::npos)
      r.unmodeled.add("table", name, "partitioned table");
    model::Table t;
    t.name = name;
    r.tables.emplace(name, std::move(t));
  }
}

// (table, name, column type, nullable, default, extra, generation expression)
void read_columns(const CatalogQuery& query, Reading& r) {
  for (const CatalogRow& row : query(columns_query(r.scope))) {
    model::Table* t = r.table(field(row, 0));
    if (!t) continue;
    model::Column col;
    col.name = field(row, 1);
    std::string qualified = t->name + "." + col.name;
    col.type = type_from_catalog(field(row, 2));
    col.not_null = field(row, 3) == "NO";
    std::string extra = lower(field(row, 5));
    if (extra.find("auto_increment") != std::string::npos) col.identity = true;
    if (!field(row, 6).empty()) {
      // The model holds stored generated columns; a virtual one is not compared.
      if (extra.find("stored generated") != std::string::npos)
        col.generated = raw_sql(field(row, 6));
      else r.unmodeled.add("column", qualified, "virtual generated column");
    } else if (!is_null(row, 4)) {
      std::optional<std::string> text = default_text(field(row, 4), field(row, 5), col.type,
                                                     r.scope.mariadb);
      if (text) col.default_value = raw_sql(std::move(*text));
    }
    if (extra.find("on update") != std::string::npos)
      r.unmodeled.add("column", qualified, field(row, 5));
    t->columns.push_back(std::move(col));
  }
}

// (table, name, type, column, referenced schema, referenced table,
// referenced column, update rule, delete rule), one row per column.
void read_keys(const CatalogQuery& query, Reading& r) {
  std::string last_table;
  std::string last_name;
  bool skipped = false;  // the last key is not read as a constraint
  for (const CatalogRow& row : query(keys_query(r.scope))) {
    model::Table* t = r.table(field(row, 0));
    if (!t) continue;
    const std::string& name = field(row, 1);
    const std::string& type = field(row, 2);
    const std::string& column = field(row, 3);
    bool same = t->name == last_table && name == last_name;
    last_table = t->name;
    last_name = name;
    if (same && skipped) continue;
    skipped = false;
    if (type == "UNIQUE" && named_as_index(name)) {
      skipped = true;  // read as an index
      continue;
    }
    if (same && !t->constraints.empty()) {
      model::Constraint& k = t->constraints.back();
      k.columns.push_back(column);
      if (k.kind == ast::ConstraintKind::ForeignKey) k.ref_columns.push_back(field(row, 6));
      continue;
    }
    r.key_indexes[t->name].push_back(name);
    model::Constraint k;
    k.name = name;
    k.columns.push_back(column);
    if (type == "PRIMARY KEY") {
      k.kind = ast::ConstraintKind::PrimaryKey;
      k.name = primary_key_name(t->name);
    } else if (type == "UNIQUE") {
      k.kind = ast::ConstraintKind::Unique;
    } else {
      std::string ref_schema = field(row, 4);
      if (sql_string(ref_schema) != r.scope.database) {
        r.unmodeled.add("constraint", t->name + "." + name,
                        fmt::format("foreign key to another database's table {}.{}", ref_schema,
                                    field(row, 5)));
        skipped = true;
        continue;
      }
      k.kind = ast::ConstraintKind::ForeignKey;
      k.ref_table = field(row, 5);
      k.ref_columns.push_back(field(row, 6));
      k.on_update = ref_action_of(field(row, 7), r.scope.mariadb);
      k.on_delete = ref_action_of(field(row, 8), r.scope.mariadb);
    }
    t->constraints.push_back(std::move(k));
  }
}

// (table, name, clause); MariaDB's json_valid() check of a JSON column is
// the column's type, not a constraint.
void read_checks(const CatalogQuery& query, Reading& r) {
  for (const CatalogRow& row : query(checks_query(r.scope))) {
    model::Table* t = r.table(field(row, 0));
    if (!t) continue;
    const std::string& name = field(row, 1);
    const std::string& clause = field(row, 2);
    if (model::Column* col = t->column(name); col && is_json_check(clause, name)) {
      if (col->type.kind == ast::TypeKind::Text) col->type.kind = ast::TypeKind::Json;
      continue;
    }
    model::Constraint k;
    k.name = name;
    k.kind = ast::ConstraintKind::Check;
    k.check = raw_sql(clause);
    t->constraints.push_back(std::move(k));
  }
}

// (table, index, non unique, column, sub part, index type, collation,
// expression), one row per element.
void read_indexes(const CatalogQuery& query, Reading& r) {
  for (const CatalogRow& row : query(indexes_query(r.scope))) {
    model::Table* t = r.table(field(row, 0));
    if (!t) continue;
    const std::string& name = field(row, 1);
    if (name == "PRIMARY" || r.is_key_index(t->name, name)) continue;
    if (t->indexes.empty() || t->indexes.back().name != name) {
      model::Index ix;
      ix.name = name;
      ix.table = t->name;
      ix.unique = field(row, 2) == "0";
      const std::string& method = field(row, 5);
      if (method != "BTREE") r.unmodeled.add("index", name, "method " + lower(method));
      t->indexes.push_back(std::move(ix));
    }
    model::Index& ix = t->indexes.back();
    std::string label;
    if (!is_null(row, 3)) {
      label = field(row, 3);
      ix.elements.push_back(column_expr(label));
      if (std::find(ix.columns.begin(), ix.columns.end(), label) == ix.columns.end())
        ix.columns.push_back(label);
    } else {
      label = "(" + field(row, 7) + ")";
      ix.elements.push_back(raw_sql(field(row, 7)));
    }
    if (!is_null(row, 4))
      r.unmodeled.add("index", name, "prefix length " + field(row, 4) + " on " + label);
    if (field(row, 6) == "D") r.unmodeled.add("index", name, "desc on " + label);
  }
}

void read_unmodeled(const CatalogQuery& query, Reading& r) {
  for (const CatalogRow& row : query(unmodeled_query(r.scope)))
    r.unmodeled.add(field(row, 0), field(row, 1), field(row, 2));
  std::vector<CatalogRow> events;
  try {
    events = query(events_query(r.scope));
  } catch (const CatalogError&) {
    return;  // the event scheduler is disabled: no events run
  }
  for (const CatalogRow& row : events) r.unmodeled.add(field(row, 0), field(row, 1));
}

}  // namespace

LiveSchema read_catalog(const CatalogQuery& query, const CatalogOptions& options) {
  Reading r;
  r.scope = read_scope(query, options);
  read_tables(query, r);
  read_columns(query, r);
  read_keys(query, r);
  read_checks(query, r);
  read_indexes(query, r);
  LiveSchema live;
  for (auto& [name, table] : r.tables)
    model::apply(live.schema, model::ChangeKind{model::AddTable{std::move(table)}});
  read_unmodeled(query, r);
  live.unmodeled = r.unmodeled.take();
  return live;
}

}  // namespace migrac::mysql
