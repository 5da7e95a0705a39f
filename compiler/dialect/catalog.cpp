// The introspection entry point: one reader per dialect (its catalog.cpp).

#include "compiler/dialect/catalog.h"

namespace migrac {

LiveSchema read_catalog(Dialect dialect, const CatalogQuery& query, const CatalogOptions& options) {
  switch (dialect) {
    case Dialect::Postgres: return postgres::read_catalog(query, options);
    case Dialect::Sqlite: return sqlite::read_catalog(query, options);
    case Dialect::Mysql: return mysql::read_catalog(query, options);
  }
  return {};
}

}  // namespace migrac
