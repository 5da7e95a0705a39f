// What SQLite can give of the objects the model does not hold: the CREATE
// text it keeps in sqlite_schema for views, triggers and virtual tables, in
// the order they were made (rowid), so each comes after what it reads.

#include <fmt/format.h>

#include "compiler/dialect/catalog.h"
#include "compiler/dialect/sqlite/catalog_text.h"

namespace migrac::sqlite {

namespace {

constexpr std::string_view kDefinitions =
    "SELECT s.type, s.name, s.tbl_name, s.sql, l.type FROM sqlite_schema s "
    "LEFT JOIN pragma_table_list l ON l.schema = 'main' AND l.name = s.name "
    "WHERE s.sql IS NOT NULL AND (s.type IN ('view', 'trigger') OR l.type = 'virtual') "
    "ORDER BY s.rowid";

std::string text_of(const CatalogRow& row, std::size_t i) {
  return i < row.size() && row[i] ? *row[i] : std::string();
}

}  // namespace

std::vector<ObjectDefinition> read_definitions(const CatalogQuery& query,
                                               const CatalogOptions& options) {
  std::string history = lower(options.history_name);
  std::vector<ObjectDefinition> defs;
  for (const CatalogRow& row : query(kDefinitions)) {
    std::string type = text_of(row, 0), name = text_of(row, 1), table = text_of(row, 2);
    if (lower(name).rfind("sqlite_", 0) == 0 || lower(table) == history) continue;
    std::string sql = text_of(row, 3) + ";";
    if (type == "view") defs.push_back({"view", name, sql});
    else if (type == "trigger") defs.push_back({"trigger", fmt::format("{}.{}", table, name), sql});
    else defs.push_back({"virtual table", name, sql});
  }
  return defs;
}

}  // namespace migrac::sqlite
