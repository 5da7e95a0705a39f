// Introspection of SQLite: sqlite_schema and the table-valued pragmas
// (pragma_table_list, and pragma_table_xinfo, pragma_foreign_key_list,
// pragma_index_list, pragma_index_xinfo each joined over sqlite_schema) so
// that the whole schema takes five queries, read into the model with
// model::apply as the checker builds it: enums, tables with their
// constraints, then indexes. The emitter's enums (TEXT with an unnamed
// CHECK (c IN (...))) keep their values but not their names: each distinct
// list of values becomes one enum named after its first column,
// `<table>_<column>`. Unique constraints own SQLite's sqlite_autoindex_*
// indexes, which are not read as indexes. Views, triggers, virtual tables
// (and their shadow tables), generated columns and what else the model does
// not hold are listed as unmodeled.

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "compiler/dialect/sqlite/catalog_rows.h"
#include "compiler/model/apply.h"

namespace migrac::sqlite {

namespace {

constexpr std::string_view kObjects =
    "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid";

// Which tables are virtual tables and their shadow tables.
constexpr std::string_view kTableKinds =
    "SELECT name, type FROM pragma_table_list WHERE schema = 'main'";

// A query over the tables whose pragmas are read, not virtual ones (their
// module may be missing): `select` from `joins` of the pragmas, each taking
// its argument from the row of sqlite_schema. (sqlite_schema.sql of a
// virtual table starts so: SQLite writes the first keywords in upper case.)
std::string over_tables(std::string_view select, std::string_view joins, std::string_view where,
                        std::string_view order) {
  return fmt::format(
      "SELECT {} FROM sqlite_schema AS s {} WHERE s.type = 'table' AND s.sql NOT LIKE 'CREATE "
      "VIRTUAL %'{} ORDER BY {}",
      select, joins, where, order);
}

const std::string kColumns = over_tables(
    "s.name, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden",
    "JOIN pragma_table_xinfo(s.name) AS c", "", "s.name, c.cid");

// Foreign keys in declaration order (SQLite numbers them from the last).
const std::string kForeignKeys = over_tables(
    "s.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete",
    "JOIN pragma_foreign_key_list(s.name) AS f", "", "s.name, f.id DESC, f.seq");

// The columns of the indexes made by CREATE INDEX (origin 'c'; not the
// autoindexes of primary keys and unique constraints).
const std::string kIndexColumns = over_tables(
    "i.name, x.cid, x.name, x.\"desc\", x.coll",
    "JOIN pragma_index_list(s.name) AS i JOIN pragma_index_xinfo(i.name) AS x",
    " AND i.origin = 'c' AND x.\"key\" = 1", "i.name, x.seqno");

const std::string& text(const CatalogRow& row, std::size_t i) {
  static const std::string empty;
  return i < row.size() && row[i] ? *row[i] : empty;
}

int number(const CatalogRow& row, std::size_t i) {
  try {
    return std::stoi(text(row, i));
  } catch (const std::exception&) {
    return 0;
  }
}

// One column of an index (pragma_index_xinfo): a table column, or an expression (cid -2).
struct IndexColumnRow {
  int cid = 0;
  std::string name;
  bool ordered = false;  // DESC or a collation other than BINARY
};

// A CREATE INDEX of sqlite_schema, in creation order.
struct IndexEntry {
  std::string name, table, sql;
};

// The module of `CREATE VIRTUAL TABLE t USING module(...)`.
std::string virtual_module(std::string_view sql) {
  std::vector<Token> t = tokenize(sql);
  for (std::size_t i = 0; i + 1 < t.size(); ++i)
    if (t[i].is_word("USING")) return lower(t[i + 1].text);
  return {};
}

// What the reader collects before the schema is built.
class CatalogReader {
 public:
  CatalogReader(const CatalogQuery& query, const CatalogOptions& options)
      : query_(query), history_(lower(options.history_name)) {}

  LiveSchema read() {
    read_objects();
    read_columns();
    read_foreign_keys();
    read_index_columns();
    PrimaryKeys keys;
    for (const auto& [name, rows] : tables_) keys[name] = primary_key_columns(rows);
    std::vector<model::Table> tables;
    for (auto& [name, rows] : tables_)
      tables.push_back(read_table(rows, keys, live_.unmodeled, enum_columns_));
    std::vector<model::Enum> enums = name_enums(tables);
    for (model::Enum& e : enums)
      model::apply(live_.schema, model::ChangeKind{model::CreateEnum{std::move(e)}});
    for (model::Table& t : tables)
      model::apply(live_.schema, model::ChangeKind{model::AddTable{std::move(t)}});
    for (const IndexEntry& entry : indexes_) {
      if (std::optional<model::Index> index = read_index(entry))
        model::apply(live_.schema,
                     model::ChangeKind{model::CreateIndex{std::move(*index), false, false}});
    }
    std::sort(live_.unmodeled.begin(), live_.unmodeled.end());
    return std::move(live_);
  }

 private:
  // Not the user's: SQLite's own objects and the history table.
  bool internal(const std::string& name) const {
    std::string n = lower(name);
    return n.rfind("sqlite_", 0) == 0 || n == history_;
  }

  void note(std::string kind, std::string name, std::string why = {}) {
    live_.unmodeled.push_back({std::move(kind), std::move(name), std::move(why)});
  }

  void read_objects() {
    std::map<std::string, std::string> kinds;  // table -> "table", "virtual", "shadow"
    for (const CatalogRow& row : query_(kTableKinds)) kinds[text(row, 0)] = text(row, 1);
    for (const CatalogRow& row : query_(kObjects)) {
      const std::string& type = text(row, 0);
      const std::string& name = text(row, 1);
      const std::string& table = text(row, 2);
      const std::string& sql = text(row, 3);
      const std::string& list_type = kinds[name];
      if (internal(name) || internal(table)) continue;
      if (type == "view") {
        note("view", name);
      } else if (type == "trigger") {
        note("trigger", fmt::format("{}.{}", table, name));
      } else if (type == "index") {
        if (row.size() > 3 && row[3]) indexes_.push_back({name, table, sql});
      } else if (type == "table" && list_type == "virtual") {
        note("virtual table", name, virtual_module(sql));
      } else if (type == "table" && list_type == "shadow") {
        note("shadow table", name, "kept by a virtual table");
      } else if (type == "table") {
        tables_[name] = TableRows{name, sql, {}, {}};
      } else {
        note(type, name);
      }
    }
  }

  TableRows* table_rows(const std::string& name) {
    auto it = tables_.find(name);
    return it == tables_.end() ? nullptr : &it->second;
  }

  void read_columns() {
    for (const CatalogRow& row : query_(kColumns)) {
      TableRows* t = table_rows(text(row, 0));
      if (!t) continue;
      ColumnRow c;
      c.name = text(row, 1);
      c.type = text(row, 2);
      c.not_null = number(row, 3) != 0;
      if (row.size() > 4 && row[4]) c.default_text = *row[4];
      c.pk = number(row, 5);
      c.hidden = number(row, 6);
      t->columns.push_back(std::move(c));
    }
  }

  void read_foreign_keys() {
    std::string last_table;
    int last_id = -1;
    for (const CatalogRow& row : query_(kForeignKeys)) {
      TableRows* t = table_rows(text(row, 0));
      if (!t) continue;
      int id = number(row, 1);
      if (text(row, 0) != last_table || id != last_id || t->foreign_keys.empty()) {
        ForeignKeyRows fk;
        fk.ref_table = text(row, 2);
        fk.on_update = text(row, 5);
        fk.on_delete = text(row, 6);
        t->foreign_keys.push_back(std::move(fk));
      }
      last_table = text(row, 0);
      last_id = id;
      ForeignKeyRows& fk = t->foreign_keys.back();
      fk.columns.push_back(text(row, 3));
      fk.ref_columns.push_back(row.size() > 4 ? row[4] : std::nullopt);
    }
  }

  void read_index_columns() {
    for (const CatalogRow& row : query_(kIndexColumns)) {
      IndexColumnRow c;
      c.cid = number(row, 1);
      c.name = text(row, 2);
      c.ordered = number(row, 3) != 0 || text(row, 4) != "BINARY";
      index_columns_[text(row, 0)].push_back(std::move(c));
    }
  }

  // The enums of the enum columns: one per distinct list of values, named
  // after its first column; the columns get its type.
  std::vector<model::Enum> name_enums(std::vector<model::Table>& tables) {
    std::vector<model::Enum> enums;
    for (const EnumColumn& ec : enum_columns_) {
      auto it = std::find_if(enums.begin(), enums.end(),
                             [&](const model::Enum& e) { return e.values == ec.values; });
      if (it == enums.end()) {
        std::string name = fmt::format("{}_{}", ec.table, ec.column);
        while (tables_.count(name) != 0) name += "_enum";
        enums.push_back({name, ec.values});
        it = enums.end() - 1;
      }
      for (model::Table& t : tables) {
        if (t.name != ec.table) continue;
        if (model::Column* col = t.column(ec.column)) {
          col->type = ast::TypeRef{};
          col->type.kind = ast::TypeKind::Enum;
          col->type.name = it->name;
        }
      }
    }
    return enums;
  }

  std::optional<model::Index> read_index(const IndexEntry& entry) {
    const model::Table* table = live_.schema.table(entry.table);
    if (!table) return std::nullopt;
    std::optional<IndexText> text = read_create_index(entry.sql);
    if (!text) {
      note("index", entry.name, "its CREATE INDEX text was not read");
      return std::nullopt;
    }
    std::vector<std::string> names;
    for (const model::Column& c : table->columns) names.push_back(c.name);
    model::Index index;
    index.name = entry.name;
    index.table = table->name;
    index.unique = text->unique;
    bool ordered = text->ordered;
    const std::vector<IndexColumnRow>& rows = index_columns_[entry.name];
    for (std::size_t i = 0; i < text->elements.size(); ++i) {
      const IndexColumnRow* row = i < rows.size() ? &rows[i] : nullptr;
      if (row && row->ordered) ordered = true;
      if (row && row->cid >= 0) {
        index.elements.push_back(ast::Expr{
            ast::ExprKind::Column, row->name, {}, false, false, {}, {}});
        add_columns(index.columns, {row->name});
        continue;
      }
      index.elements.push_back(expression(text->elements[i]));
      add_columns(index.columns, columns_in(text->elements[i], names));
    }
    if (text->where) {
      index.where = ast::Expr{ast::ExprKind::RawSql, *text->where, {}, false, false, {}, {}};
      add_columns(index.columns, columns_in(*text->where, names));
    }
    if (ordered) note("index option", entry.name, "ASC, DESC or COLLATE on an element");
    return index;
  }

  static void add_columns(std::vector<std::string>& list, const std::vector<std::string>& more) {
    for (const std::string& c : more)
      if (std::find(list.begin(), list.end(), c) == list.end()) list.push_back(c);
  }

  const CatalogQuery& query_;
  std::string history_;
  std::map<std::string, TableRows> tables_;
  std::vector<IndexEntry> indexes_;
  std::map<std::string, std::vector<IndexColumnRow>> index_columns_;
  std::vector<EnumColumn> enum_columns_;
  LiveSchema live_;
};

}  // namespace

LiveSchema read_catalog(const CatalogQuery& query, const CatalogOptions& options) {
  return CatalogReader(query, options).read();
}

}  // namespace migrac::sqlite
