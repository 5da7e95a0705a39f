// Introspection of PostgreSQL: the catalog queries' rows (catalog_queries.cpp)
// as a model::Schema, built with model::apply as the checker builds its own,
// and what the model does not hold as UnmodeledObjects.

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "compiler/dialect/catalog.h"
#include "compiler/dialect/postgres/catalog_rows.h"
#include "compiler/model/apply.h"

namespace migrac::postgres {

namespace {

// The text of field `i` of `row`; empty for NULL.
const std::string& field(const CatalogRow& row, std::size_t i) {
  static const std::string kEmpty;
  return i < row.size() && row[i] ? *row[i] : kEmpty;
}

bool is_null(const CatalogRow& row, std::size_t i) { return i >= row.size() || !row[i]; }

bool flag(const CatalogRow& row, std::size_t i) { return field(row, i) == "t"; }

std::int64_t number(const std::string& text) {
  try {
    return std::stoll(text);
  } catch (const std::exception&) {
    return 0;
  }
}

// The non-NULL elements of an array field.
std::vector<std::string> names(const CatalogRow& row, std::size_t i) {
  std::vector<std::string> out;
  for (auto& v : parse_text_array(field(row, i)))
    if (v) out.push_back(std::move(*v));
  return out;
}

void add_unique(std::vector<std::string>& list, const std::string& name) {
  if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
}

// "a, b"
std::string comma_list(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Element `i` of an array field read with parse_text_array; empty for NULL
// or past its end.
std::string element(const std::vector<std::optional<std::string>>& list, std::size_t i) {
  return i < list.size() && list[i] ? *list[i] : std::string();
}

// What one read gathers before it becomes a schema: the tables by oid.
struct Reading {
  CatalogScope scope;
  std::map<std::string, model::Table> tables;  // by oid
  std::vector<std::string> order;              // oids, by table name
  UnmodeledList unmodeled;

  model::Table* table(const std::string& oid) {
    auto it = tables.find(oid);
    return it == tables.end() ? nullptr : &it->second;
  }
};

void read_tables(const CatalogQuery& query, Reading& r) {
  for (const CatalogRow& row : query(tables_query(r.scope))) {
    model::Table t;
    t.name = field(row, 1);
    r.tables.emplace(field(row, 0), std::move(t));
    r.order.push_back(field(row, 0));
  }
}

// (table oid, name, format_type, enum, not null, identity, generated,
// default, serial, collation)
void read_columns(const CatalogQuery& query, Reading& r) {
  for (const CatalogRow& row : query(columns_query(r.scope))) {
    model::Table* t = r.table(field(row, 0));
    if (!t) continue;
    model::Column col;
    col.name = field(row, 1);
    std::string qualified = t->name + "." + col.name;
    col.type = type_from_catalog(field(row, 2), field(row, 3));
    col.not_null = flag(row, 4);
    const std::string& identity = field(row, 5);
    if (!identity.empty()) {
      col.identity = true;
      if (identity == "a") r.unmodeled.add("column", qualified, "generated always as identity");
    }
    if (field(row, 6) == "s") {
      if (!is_null(row, 7)) col.generated = raw_sql(field(row, 7));
    } else if (flag(row, 8)) {
      col.identity = true;  // serial: the model holds it as the raw reader does
    } else if (!is_null(row, 7)) {
      col.default_value = raw_sql(field(row, 7));
    }
    if (!is_null(row, 9)) r.unmodeled.add("column", qualified, "collate " + field(row, 9));
    t->columns.push_back(std::move(col));
  }
}

// (table oid, name, contype, deferrable, deferred, validated, columns,
// target, target in schema, target schema, target columns, on delete, on
// update, match type, check, nulls not distinct, include)
void read_constraints(const CatalogQuery& query, Reading& r) {
  for (const CatalogRow& row : query(constraints_query(r.scope))) {
    model::Table* t = r.table(field(row, 0));
    if (!t) continue;
    const std::string& contype = field(row, 2);
    std::string qualified = t->name + "." + field(row, 1);
    if (contype == "x") {
      r.unmodeled.add("exclusion constraint", qualified);
      continue;
    }
    model::Constraint k;
    k.name = field(row, 1);
    k.columns = names(row, 6);
    if (contype == "p" || contype == "u") {
      k.kind = contype == "p" ? ast::ConstraintKind::PrimaryKey : ast::ConstraintKind::Unique;
      if (flag(row, 15)) r.unmodeled.add("constraint", qualified, "nulls not distinct");
      if (!is_null(row, 16))
        r.unmodeled.add("constraint", qualified, "include (" + comma_list(names(row, 16)) + ")");
    } else if (contype == "f") {
      if (!flag(row, 8)) {
        r.unmodeled.add("constraint", qualified,
                        fmt::format("foreign key to another schema's table {}.{}", field(row, 9),
                                    field(row, 7)));
        continue;
      }
      k.kind = ast::ConstraintKind::ForeignKey;
      k.ref_table = field(row, 7);
      k.ref_columns = names(row, 10);
      k.on_delete = ref_action_of(field(row, 11));
      k.on_update = ref_action_of(field(row, 12));
      if (field(row, 13) == "f") r.unmodeled.add("constraint", qualified, "match full");
    } else {
      k.kind = ast::ConstraintKind::Check;
      k.check = raw_sql(field(row, 14));
    }
    if (flag(row, 3))
      r.unmodeled.add("constraint", qualified,
                      flag(row, 4) ? "deferrable initially deferred" : "deferrable");
    if (!flag(row, 5)) r.unmodeled.add("constraint", qualified, "not valid");
    t->constraints.push_back(std::move(k));
  }
}

// The key elements of an index row into `ix` (a column, or an expression's
// definition), with what the model does not hold of them as notes.
void read_index_elements(const CatalogRow& row, model::Index& ix, UnmodeledList& unmodeled) {
  auto keys = static_cast<std::size_t>(number(field(row, 5)));
  auto columns = parse_text_array(field(row, 8));
  auto defs = parse_text_array(field(row, 9));
  auto options = parse_text_array(field(row, 10));
  auto classes = parse_text_array(field(row, 11));
  std::vector<std::string> include;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::optional<std::string>& column = columns[i];
    if (i >= keys) {
      if (column) include.push_back(*column);
      continue;
    }
    std::string label;
    if (column) {
      ix.elements.push_back(column_expr(*column));
      add_unique(ix.columns, *column);
      label = *column;
    } else {
      ix.elements.push_back(raw_sql(element(defs, i)));
      label = "(" + element(defs, i) + ")";
    }
    std::string note = index_element_note(number(element(options, i)), element(classes, i));
    if (!note.empty()) unmodeled.add("index", ix.name, note + " on " + label);
  }
  if (!include.empty()) unmodeled.add("index", ix.name, "include (" + comma_list(include) + ")");
}

// (name, table oid, unique, valid, method, key count, nulls not distinct,
// predicate, names, definitions, options, operator classes, columns read)
void read_indexes(const CatalogQuery& query, Reading& r) {
  for (const CatalogRow& row : query(indexes_query(r.scope))) {
    model::Table* t = r.table(field(row, 1));
    if (!t) continue;
    model::Index ix;
    ix.name = field(row, 0);
    ix.table = t->name;
    ix.unique = flag(row, 2);
    if (!flag(row, 3)) {
      r.unmodeled.add("index", ix.name, "invalid, left by a failed concurrent build");
      continue;
    }
    if (field(row, 4) != "btree") r.unmodeled.add("index", ix.name, "method " + field(row, 4));
    if (flag(row, 6)) r.unmodeled.add("index", ix.name, "nulls not distinct");
    read_index_elements(row, ix, r.unmodeled);
    if (!is_null(row, 7)) ix.where = raw_sql(field(row, 7));
    for (const std::string& c : names(row, 12)) add_unique(ix.columns, c);
    t->indexes.push_back(std::move(ix));
  }
}

void read_enums(const CatalogQuery& query, const CatalogScope& scope, model::Schema& schema) {
  std::vector<model::Enum> enums;
  for (const CatalogRow& row : query(enums_query(scope))) {
    if (enums.empty() || enums.back().name != field(row, 0))
      enums.push_back(model::Enum{field(row, 0), {}});
    if (!is_null(row, 1)) enums.back().values.push_back(field(row, 1));
  }
  for (model::Enum& e : enums)
    model::apply(schema, model::ChangeKind{model::CreateEnum{std::move(e)}});
}

void read_unmodeled(const CatalogQuery& query, Reading& r) {
  for (const CatalogRow& row : query(unmodeled_query(r.scope)))
    r.unmodeled.add(field(row, 0), field(row, 1), field(row, 2));
}

}  // namespace

CatalogScope read_scope(const CatalogQuery& query, const CatalogOptions& options) {
  std::vector<CatalogRow> rows = query(scope_query(options.schema, options.history_schema,
                                                   options.history_name));
  if (rows.empty()) {
    if (options.schema.empty())
      throw CatalogError("no current schema: the search_path names no schema that exists");
    throw CatalogError(fmt::format("schema '{}' does not exist", options.schema));
  }
  CatalogScope scope;
  scope.schema_oid = field(rows[0], 0);
  if (!is_null(rows[0], 2)) scope.history_oid = field(rows[0], 2);
  return scope;
}

LiveSchema read_catalog(const CatalogQuery& query, const CatalogOptions& options) {
  Reading r;
  r.scope = read_scope(query, options);
  read_tables(query, r);
  read_columns(query, r);
  read_constraints(query, r);
  read_indexes(query, r);
  LiveSchema live;
  read_enums(query, r.scope, live.schema);
  for (const std::string& oid : r.order)
    model::apply(live.schema, model::ChangeKind{model::AddTable{std::move(r.tables.at(oid))}});
  read_unmodeled(query, r);
  live.unmodeled = r.unmodeled.take();
  return live;
}

}  // namespace migrac::postgres
