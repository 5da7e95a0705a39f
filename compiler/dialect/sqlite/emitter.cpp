// SQLite as an Emitter: what it can do.

#include "compiler/dialect/sqlite/emitter.h"
#include "compiler/dialect/basic_emitter.h"
#include "compiler/dialect/sqlite/internal.h"

namespace migrac {

namespace {

Capabilities sqlite_capabilities() {
  Capabilities caps;
  caps.transactional_ddl = true;
  caps.concurrent_index = false;
  caps.not_valid_constraints = false;
  caps.constraint_using_index = false;
  caps.enum_add_value_in_transaction = true;
  caps.enum_add_value_reversible = false;
  caps.partial_index = true;
  caps.add_constraint_in_place = false;  // the table rebuild
  caps.lock_timeout = false;             // the runtime sets busy_timeout on its connection
  caps.max_identifier_length = 1000;     // no limit that matters
  return caps;
}

std::string quote(std::string_view identifier) { return sqlite::builder().ident(identifier); }

}  // namespace

std::unique_ptr<Emitter> make_sqlite_emitter() {
  return make_emitter_from(DialectParts{Dialect::Sqlite, sqlite_capabilities(), &sqlite::statements,
                                        &quote, nullptr});
}

}  // namespace migrac
