// The information_schema queries of MySQL's introspection (catalog_rows.h):
// each reads the whole database at once, none per table.

#include <fmt/format.h>

#include "compiler/dialect/mysql/catalog_rows.h"

namespace migrac::mysql {

namespace {

// "AND TABLE_NAME <> 'history'" for `column`, or nothing.
std::string not_history(const CatalogScope& scope, std::string_view column) {
  if (scope.history_name.empty()) return {};
  return fmt::format(" AND {} <> {}", column, sql_string(scope.history_name));
}

}  // namespace

std::string sql_string(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  return out + "'";
}

std::string scope_query(std::string_view database) {
  std::string name = database.empty() ? std::string("DATABASE()") : sql_string(database);
  return fmt::format(
      "SELECT SCHEMA_NAME, VERSION() FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = {}",
      name);
}

std::string tables_query(const CatalogScope& scope) {
  return fmt::format(
      "SELECT TABLE_NAME, TABLE_TYPE, CREATE_OPTIONS FROM information_schema.TABLES "
      "WHERE TABLE_SCHEMA = {}{} ORDER BY TABLE_NAME",
      scope.database, not_history(scope, "TABLE_NAME"));
}

std::string columns_query(const CatalogScope& scope) {
  return fmt::format(
      "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
      "GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = {}{} "
      "ORDER BY TABLE_NAME, ORDINAL_POSITION",
      scope.database, not_history(scope, "TABLE_NAME"));
}

std::string keys_query(const CatalogScope& scope) {
  return fmt::format(
      "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME, "
      "k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, "
      "rc.UPDATE_RULE, rc.DELETE_RULE "
      "FROM information_schema.TABLE_CONSTRAINTS tc "
      "JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
      "AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
      "LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS rc "
      "ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.TABLE_NAME = tc.TABLE_NAME "
      "AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
      "WHERE tc.TABLE_SCHEMA = {}{} "
      "AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY') "
      "ORDER BY tc.TABLE_NAME, FIELD(tc.CONSTRAINT_TYPE, 'PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY'), "
      "tc.CONSTRAINT_NAME, k.ORDINAL_POSITION",
      scope.database, not_history(scope, "tc.TABLE_NAME"));
}

std::string checks_query(const CatalogScope& scope) {
  // MariaDB's CHECK_CONSTRAINTS names the table (check names are per table
  // there); MySQL's does not (they are per database), TABLE_CONSTRAINTS does.
  if (scope.mariadb) {
    return fmt::format(
        "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM "
        "information_schema.CHECK_CONSTRAINTS "
        "WHERE CONSTRAINT_SCHEMA = {}{} ORDER BY TABLE_NAME, CONSTRAINT_NAME",
        scope.database, not_history(scope, "TABLE_NAME"));
  }
  return fmt::format(
      "SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE "
      "FROM information_schema.TABLE_CONSTRAINTS tc "
      "JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
      "AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
      "WHERE tc.TABLE_SCHEMA = {}{} AND tc.CONSTRAINT_TYPE = 'CHECK' "
      "ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME",
      scope.database, not_history(scope, "tc.TABLE_NAME"));
}

std::string indexes_query(const CatalogScope& scope) {
  // MySQL 8.0.13+ has expression indexes (EXPRESSION); MariaDB has none.
  return fmt::format(
      "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, COLLATION, "
      "{} FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = {}{} "
      "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
      scope.mariadb ? "NULL" : "EXPRESSION", scope.database, not_history(scope, "TABLE_NAME"));
}

std::string unmodeled_query(const CatalogScope& scope) {
  return fmt::format(
      "SELECT 'trigger', CONCAT(EVENT_OBJECT_TABLE, '.', TRIGGER_NAME), NULL "
      "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = {0} "
      "UNION ALL SELECT LOWER(ROUTINE_TYPE), ROUTINE_NAME, NULL "
      "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = {0}",
      scope.database);
}

std::string events_query(const CatalogScope& scope) {
  return fmt::format(
      "SELECT 'event', EVENT_NAME, NULL FROM information_schema.EVENTS WHERE EVENT_SCHEMA = {}",
      scope.database);
}

}  // namespace migrac::mysql
