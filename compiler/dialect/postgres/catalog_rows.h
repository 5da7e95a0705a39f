#pragma once
// The pieces of PostgreSQL's introspection (catalog.cpp): the catalog
// queries (catalog_queries.cpp) and how the text of their fields becomes the
// model's values (catalog_text.cpp). The text mappings are pure, so the unit
// tests hold them against what the server prints.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/dialect/catalog.h"

namespace migrac::postgres {

// --- the queries (catalog_queries.cpp)

// What every query after the first reads: the schema's oid and the history
// table's oid ("0" when there is none), both as the server printed them.
struct CatalogScope {
  std::string schema_oid;
  std::string history_oid = "0";
};

// True for an object that is no member of an extension: `catalog` is the
// catalog the object is a row of, `oid` its oid.
std::string not_extension_member(std::string_view catalog, std::string_view oid);
// The relations of the schema that are the user's (pg_class as `alias`): not
// the history table, not an extension's.
std::string users_relation(const CatalogScope& scope, std::string_view alias);
// True for a sequence (pg_class as `alias`) that a column owns (serial, OWNED
// BY, identity): it belongs to that column.
std::string owned_sequence(std::string_view alias);

// The schema to read and the history table: rows (schema oid, schema name,
// history table oid or NULL); no row when the schema does not exist.
std::string scope_query(std::string_view schema, std::string_view history_schema,
                        std::string_view history_name);
// Ordinary tables: (oid, name), by name.
std::string tables_query(const CatalogScope& scope);
// Columns of those tables in attnum order: (table oid, name, format_type,
// enum name or NULL, not null, attidentity, attgenerated, default text or
// NULL, serial (the default is nextval of a sequence the column owns),
// collation name where it is not the type's).
std::string columns_query(const CatalogScope& scope);
// Constraints of those tables (primary key, unique, foreign key, check,
// exclusion), primary keys first, then unique, check, foreign keys, each in
// creation (oid) order. CREATE TABLE makes its checks before its keys, so
// only that order within each kind reads back the same from a copy made of
// the printed schema. Rows: (table oid, name, contype, deferrable, deferred, validated, columns
// array, target table, target in the schema, target schema, target columns
// array, on delete, on update, match type, check expression, a key's
// nulls not distinct, a key's INCLUDE columns array or NULL). The copies
// PostgreSQL makes of a foreign key to a partitioned table (conparentid) are
// left out.
std::string constraints_query(const CatalogScope& scope);
// Indexes of those tables that are no constraint's own, in creation (oid)
// order, as the model holds them: (name,
// table oid, unique, valid, method, key count, nulls not distinct,
// predicate, names array (NULL for an expression), definitions array,
// indoption array, operator class array (NULL for the default), columns
// read array).
std::string indexes_query(const CatalogScope& scope);
// Enums with their values in order: (name, value or NULL for none), by name.
std::string enums_query(const CatalogScope& scope);
// Everything the model does not hold: (kind, name, note or NULL).
std::string unmodeled_query(const CatalogScope& scope);
// The scope of `options` (scope_query's row); throws CatalogError when the
// schema does not exist (catalog.cpp).
CatalogScope read_scope(const CatalogQuery& query, const CatalogOptions& options);
// The definitions of the unmodeled objects that PostgreSQL can give:
// (kind, name, sql, before the tables, rank), in rank then name order; and
// the views' dependencies on views: (view, view it reads).
std::string definitions_query(const CatalogScope& scope);
std::string view_dependencies_query(const CatalogScope& scope);

// A string literal of `text` that reads the same whatever
// standard_conforming_strings is: E'...' with ' and \ escaped.
std::string sql_string(std::string_view text);

// --- the text of fields (catalog_text.cpp)

// A column's type from format_type(atttypid, atttypmod): the portable type
// where it is one (numeric(p,s), varchar(n), character(n), timestamptz, ...),
// else Native with the text. `enum_name` (not empty) is the name of the
// schema's enum the column has: Enum.
ast::TypeRef type_from_catalog(std::string_view format_type, std::string_view enum_name);

// The elements of a one-dimensional array as PostgreSQL prints it
// ({a,"b c",NULL}); an unquoted NULL is nullopt. Malformed text: what was
// read up to the fault.
std::vector<std::optional<std::string>> parse_text_array(std::string_view text);

// A foreign key action code of pg_constraint (a, r, c, n, d).
ast::RefAction ref_action_of(std::string_view code);

// What an index element has that the model does not hold, as a note
// ("desc", "nulls first", "operator class text_pattern_ops"); empty when
// nothing. `option` is its indoption bits, `opclass` a non-default operator
// class's name (empty for the default).
std::string index_element_note(std::int64_t option, std::string_view opclass);

}  // namespace migrac::postgres
