// The driver as a CatalogQuery.

#include "runtime/introspect/introspect.h"

namespace migrac::introspect {

LiveSchema read_live_schema(db::Driver& db, const CatalogOptions& options) {
  CatalogQuery query = [&db](std::string_view sql) {
    db::Result r = db.exec(sql);
    if (!r.ok()) throw CatalogError(r.error->one_line());
    return std::move(r.rows);
  };
  return read_catalog(db.dialect(), query, options);
}

}  // namespace migrac::introspect
