// PostgreSQL 15 as an Emitter: what it can do, and how it finds an index left
// INVALID by an interrupted concurrent build.

#include <fmt/format.h>

#include "compiler/dialect/basic_emitter.h"
#include "compiler/dialect/postgres/internal.h"

namespace migrac {

namespace {

Capabilities postgres_capabilities() {
  Capabilities caps;
  caps.transactional_ddl = true;
  caps.concurrent_index = true;
  caps.not_valid_constraints = true;
  caps.constraint_using_index = true;
  caps.enum_add_value_in_transaction = true;  // PostgreSQL 12+
  caps.enum_add_value_reversible = false;
  caps.partial_index = true;
  caps.lock_timeout = true;
  caps.max_identifier_length = 63;
  caps.arrays = true;
  caps.postgres_types = true;
  return caps;
}

std::string quote(std::string_view identifier) { return postgres::builder().ident(identifier); }

std::string invalid_index_condition(std::string_view index) {
  const SqlBuilder& sql = postgres::builder();
  return fmt::format(
      "SELECT EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass({}) AND NOT "
      "indisvalid)",
      sql.string_literal(sql.ident(index)));
}

}  // namespace

std::unique_ptr<Emitter> make_postgres_emitter() {
  return make_emitter_from(DialectParts{Dialect::Postgres, postgres_capabilities(),
                                        &postgres::statements, &quote, &invalid_index_condition});
}

}  // namespace migrac
