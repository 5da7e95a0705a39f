// Dialect names, the emitter factory (one make_<dialect>_emitter() per
// dialect) and each dialect's SQL builder.

#include "compiler/dialect/dialect.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "compiler/dialect/mysql/emitter.h"
#include "compiler/dialect/mysql/internal.h"
#include "compiler/dialect/postgres/emitter.h"
#include "compiler/dialect/postgres/internal.h"
#include "compiler/dialect/sqlite/emitter.h"
#include "compiler/dialect/sqlite/internal.h"

namespace migrac {

std::string_view dialect_name(Dialect d) {
  switch (d) {
    case Dialect::Postgres: return "postgres";
    case Dialect::Sqlite: return "sqlite";
    case Dialect::Mysql: return "mysql";
  }
  return "postgres";
}

std::optional<Dialect> parse_dialect(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "postgres" || lower == "postgresql" || lower == "pg") return Dialect::Postgres;
  if (lower == "sqlite" || lower == "sqlite3") return Dialect::Sqlite;
  if (lower == "mysql" || lower == "mariadb") return Dialect::Mysql;
  return std::nullopt;
}

std::unique_ptr<Emitter> make_emitter(Dialect dialect) {
  switch (dialect) {
    case Dialect::Postgres: return make_postgres_emitter();
    case Dialect::Sqlite: return make_sqlite_emitter();
    case Dialect::Mysql: return make_mysql_emitter();
  }
  return nullptr;
}

const SqlBuilder& sql_builder(Dialect dialect) {
  switch (dialect) {
    case Dialect::Postgres: return postgres::builder();
    case Dialect::Sqlite: return sqlite::builder();
    case Dialect::Mysql: return mysql::builder();
  }
  return postgres::builder();
}

}  // namespace migrac
