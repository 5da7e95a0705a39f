// The driver as a CatalogQuery.

#include "runtime/introspect/introspect.h"

namespace migrac::introspect {

namespace {

CatalogQuery query_of(db::Driver& db) {
  return [&db](std::string_view sql) {
    db::Result r = db.exec(sql);
    if (!r.ok()) throw CatalogError(r.error->one_line());
    return std::move(r.rows);
  };
}

}  // namespace

LiveSchema read_live_schema(db::Driver& db, const CatalogOptions& options) {
  return read_catalog(db.dialect(), query_of(db), options);
}

std::vector<ObjectDefinition> read_definitions(db::Driver& db, const CatalogOptions& options) {
  return migrac::read_definitions(db.dialect(), query_of(db), options);
}

}  // namespace migrac::introspect
