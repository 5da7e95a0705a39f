// Introspection of postgres: not read yet.

#include "compiler/dialect/catalog.h"

namespace migrac::postgres {

LiveSchema read_catalog(const CatalogQuery& query, const CatalogOptions& options) {
  (void)query;
  (void)options;
  throw CatalogError("introspection of postgres databases is not built yet");
}

}  // namespace migrac::postgres
