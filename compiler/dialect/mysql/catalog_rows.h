#pragma once
// The pieces of MySQL's and MariaDB's introspection (catalog.cpp): the
// information_schema queries (catalog_queries.cpp), each over the whole
// database, and how the text of their fields becomes the model's values
// (catalog_text.cpp). The text mappings are pure, so unit tests can hold
// them against what the server prints.

#include <optional>
#include <string>
#include <string_view>

#include "compiler/ast/ast.h"

namespace migrac::mysql {

// --- the queries (catalog_queries.cpp)

// What every query after the first reads: the database (as a string
// literal), the history table's name there (empty: not in this database), and
// whether the server is MariaDB (its information_schema differs from MySQL's).
struct CatalogScope {
  std::string database;  // a string literal: 'app'
  std::string history_name;
  bool mariadb = false;
};

// A string literal of `text` for MySQL: '...' with ' and \ escaped.
std::string sql_string(std::string_view text);

// The database to read (empty: DATABASE()): rows (name, VERSION()); no row
// when the database does not exist (or none is selected).
std::string scope_query(std::string_view database);
// Tables, views and sequences: (name, TABLE_TYPE, CREATE_OPTIONS), by name.
std::string tables_query(const CatalogScope& scope);
// Columns in table and ordinal order: (table, name, COLUMN_TYPE, IS_NULLABLE,
// COLUMN_DEFAULT, EXTRA, GENERATION_EXPRESSION).
std::string columns_query(const CatalogScope& scope);
// Primary key, unique and foreign key constraints, one row per column, by
// table, then primary key, unique, foreign key, then name, then position:
// (table, name, CONSTRAINT_TYPE, column, referenced schema, referenced
// table, referenced column, UPDATE_RULE, DELETE_RULE).
std::string keys_query(const CatalogScope& scope);
// Check constraints by table and name: (table, name, CHECK_CLAUSE).
std::string checks_query(const CatalogScope& scope);
// Index columns by table, index name and position: (table, index, NON_UNIQUE,
// column or NULL, SUB_PART, INDEX_TYPE, COLLATION, expression or NULL).
std::string indexes_query(const CatalogScope& scope);
// Triggers and routines: (kind, name, note or NULL).
std::string unmodeled_query(const CatalogScope& scope);
// Events, as unmodeled_query's rows. A server whose event scheduler is
// disabled refuses this query (error 1577): it has no events to list then.
std::string events_query(const CatalogScope& scope);

// --- the text of fields (catalog_text.cpp)

// A column's type from COLUMN_TYPE: the portable type where the emitter
// writes it so (int, bigint, tinyint(1) as bool, varchar(n), longtext as
// text, datetime(6) as timestamp, ...), else Native with the text (ENUM(...)
// columns among them: the model's enums are no named types on MySQL, and the
// comparison keys them by their values).
ast::TypeRef type_from_catalog(std::string_view column_type);

// A foreign key rule of REFERENTIAL_CONSTRAINTS (CASCADE, SET NULL, ...).
// MariaDB prints RESTRICT for a rule not written (the model's no action), and
// for RESTRICT: both are no action here, the same rule in InnoDB.
ast::RefAction ref_action_of(std::string_view rule, bool mariadb);

// A default as the model holds it from COLUMN_DEFAULT: nullopt for none or
// NULL. MariaDB prints string literals quoted, MySQL without quotes (its
// expressions are marked DEFAULT_GENERATED in `extra`): those are quoted here.
std::optional<std::string> default_text(std::string_view column_default, std::string_view extra,
                                        const ast::TypeRef& type, bool mariadb);

// Whether `clause` is MariaDB's json_valid(`column`) check of a JSON column.
bool is_json_check(std::string_view clause, std::string_view column);

}  // namespace migrac::mysql
