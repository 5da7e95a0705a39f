// Introspection of sqlite: not read yet.

#include "compiler/dialect/catalog.h"

namespace migrac::sqlite {

LiveSchema read_catalog(const CatalogQuery& query, const CatalogOptions& options) {
  (void)query;
  (void)options;
  throw CatalogError("introspection of sqlite databases is not built yet");
}

}  // namespace migrac::sqlite
