// PostgreSQL's names for unnamed objects (see names.h).

#include "compiler/pgsql/names.h"

namespace migrac::pgsql {

std::string primary_key_name(const std::string& table) { return table + "_pkey"; }

std::string constraint_name(const model::Table& table, const std::vector<std::string>& columns,
                            std::string_view label) {
  std::string base = table.name;
  for (const std::string& c : columns) base += "_" + c;
  std::string stem = base + "_" + std::string(label);
  std::string name = stem;
  for (int n = 1; table.constraint(name) || table.index(name); ++n) name = stem + std::to_string(n);
  return name;
}

std::string index_name(const model::Schema& schema, const std::string& table,
                       const std::vector<std::string>& parts) {
  std::string base = table;
  for (const std::string& p : parts) base += "_" + p;
  std::string stem = base + "_idx";
  std::string name = stem;
  for (int n = 1; schema.index_owner.count(name); ++n) name = stem + std::to_string(n);
  return name;
}

}  // namespace migrac::pgsql
