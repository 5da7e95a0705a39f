// MySQL as an Emitter: what it can do.

#include "compiler/dialect/mysql/emitter.h"
#include "compiler/dialect/basic_emitter.h"
#include "compiler/dialect/mysql/internal.h"

namespace migrac {

namespace {

Capabilities mysql_capabilities() {
  Capabilities caps;
  caps.transactional_ddl = false;
  caps.concurrent_index = false;
  caps.not_valid_constraints = false;
  caps.constraint_using_index = false;
  caps.enum_add_value_in_transaction = true;
  caps.enum_add_value_reversible = false;
  caps.partial_index = false;
  caps.lock_timeout = true;
  caps.max_identifier_length = 64;
  return caps;
}

std::string quote(std::string_view identifier) { return mysql::builder().ident(identifier); }

}  // namespace

std::unique_ptr<Emitter> make_mysql_emitter() {
  return make_emitter_from(DialectParts{Dialect::Mysql, mysql_capabilities(), &mysql::statements,
                                        &quote, nullptr});
}

}  // namespace migrac
