// Introspection of mysql: not read yet.

#include "compiler/dialect/catalog.h"

namespace migrac::mysql {

LiveSchema read_catalog(const CatalogQuery& query, const CatalogOptions& options) {
  (void)query;
  (void)options;
  throw CatalogError("introspection of mysql databases is not built yet");
}

}  // namespace migrac::mysql
