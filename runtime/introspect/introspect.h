#pragma once
// Introspection in the runtime: an open connection's live schema, read by the
// dialect's catalog queries (compiler/dialect/catalog.h) through the driver.

#include "compiler/dialect/catalog.h"
#include "runtime/db/driver.h"

namespace migrac::introspect {

// Reads the live schema `db` holds. Throws CatalogError (the failing query's
// server message) when a catalog query fails.
LiveSchema read_live_schema(db::Driver& db, const CatalogOptions& options);

// The definitions of the unmodeled objects `db` can give (catalog.h), in an
// order that makes them. Throws CatalogError.
std::vector<ObjectDefinition> read_definitions(db::Driver& db, const CatalogOptions& options);

}  // namespace migrac::introspect
