#pragma once
// The rows of SQLite's catalog queries (catalog.cpp) and how one table's
// rows and CREATE TABLE text become a model::Table (catalog_table.cpp).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/dialect/catalog.h"
#include "compiler/dialect/sqlite/catalog_text.h"
#include "compiler/model/schema.h"

namespace migrac::sqlite {

// One row of pragma_table_xinfo.
struct ColumnRow {
  std::string name;
  std::string type;  // as declared
  bool not_null = false;
  std::optional<std::string> default_text;
  int pk = 0;      // position in the primary key (1-based), 0: not in it
  int hidden = 0;  // 2, 3: a generated column (virtual, stored)
};

// The rows of pragma_foreign_key_list for one foreign key, in column order.
struct ForeignKeyRows {
  std::string ref_table;
  std::vector<std::string> columns;
  std::vector<std::optional<std::string>> ref_columns;  // nullopt: the target's primary key
  std::string on_update, on_delete;
  bool used = false;  // matched with a constraint of the text
};

// What the catalog says about one table.
struct TableRows {
  std::string name;
  std::string sql;  // sqlite_schema.sql
  std::vector<ColumnRow> columns;
  std::vector<ForeignKeyRows> foreign_keys;  // in declaration order
};

// An enum column found while reading a table (the emitter's TEXT column
// with an unnamed CHECK (c IN (...))): its values, for catalog.cpp to name.
struct EnumColumn {
  std::string table, column;
  std::vector<std::string> values;
};

// Everything a table needs from the others: their primary keys (a foreign
// key without columns references the target's).
using PrimaryKeys = std::map<std::string, std::vector<std::string>>;

// The primary key columns of a table's rows, in key order.
std::vector<std::string> primary_key_columns(const TableRows& rows);

// Builds the table of `rows`; adds what the model does not hold to
// `unmodeled`, and the enum columns (typed as text here) to `enums`.
model::Table read_table(TableRows& rows, const PrimaryKeys& keys,
                        std::vector<UnmodeledObject>& unmodeled, std::vector<EnumColumn>& enums);

}  // namespace migrac::sqlite
