#pragma once
// Introspection: a live database's schema read into the dialect-neutral model.
// Each dialect folder has catalog.cpp with its catalog queries and how their
// rows become a model::Schema. The queries run through a CatalogQuery that the
// runtime gives (a driver), so nothing in the compiler talks to a database.
//
// What the model holds is read into it with the names the database has; every
// object the model does not hold (views, functions, triggers, ...) is listed
// as an UnmodeledObject, never dropped without a word. The history table is
// never part of the user schema.

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/dialect/dialect.h"
#include "compiler/model/schema.h"

namespace migrac {

// One row of a catalog query, as text; nullopt is NULL.
using CatalogRow = std::vector<std::optional<std::string>>;
// Runs one query (no parameters) and returns its rows; throws CatalogError
// when the query fails.
using CatalogQuery = std::function<std::vector<CatalogRow>(std::string_view sql)>;

// A catalog query that failed: the server's message, already redacted.
struct CatalogError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An object of the live schema that the model does not hold.
struct UnmodeledObject {
  std::string kind;  // "view", "materialized view", "function", "trigger", "sequence", ...
  std::string name;  // qualified by its table where it belongs to one: "users.trg_touch"
  std::string note;  // optional: why it is listed ("generated column", "partitioned table")

  friend bool operator<(const UnmodeledObject& a, const UnmodeledObject& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.name < b.name;
  }
  friend bool operator==(const UnmodeledObject& a, const UnmodeledObject& b) = default;
};

// The unmodeled objects a reader finds, in any order; several notes on one
// object become one entry.
class UnmodeledList {
 public:
  void add(std::string kind, std::string name, std::string note = {});
  // Sorted, one entry per kind and name (its notes joined with "; ").
  std::vector<UnmodeledObject> take();

 private:
  std::vector<UnmodeledObject> list_;
};

// The expressions a catalog gives: its text as an opaque `sql` expression,
// and a plain column (an index element).
ast::Expr raw_sql(std::string text);
ast::Expr column_expr(std::string name);

// Where to read, and what is not the user's.
struct CatalogOptions {
  // PostgreSQL: the schema to read (empty: current_schema()); MySQL: the
  // database (empty: DATABASE()); SQLite: unused ("main").
  std::string schema;
  // The history table, left out of the schema: its schema ("ops" of
  // "ops.migrac_history"; empty: the schema read) and its name.
  std::string history_schema;
  std::string history_name = "migrac_history";
};

// A live schema as the model holds it, and what the model does not hold.
struct LiveSchema {
  model::Schema schema;
  std::vector<UnmodeledObject> unmodeled;  // sorted (operator<)
};

// Reads the live schema of `dialect` through `query`. Throws CatalogError.
LiveSchema read_catalog(Dialect dialect, const CatalogQuery& query, const CatalogOptions& options);

// The SQL that makes an unmodeled object again, as the database gives it
// (for `migrac import`, whose baseline reproduces what the model cannot
// hold). `kind` and `name` are those of its UnmodeledObject.
struct ObjectDefinition {
  std::string kind;
  std::string name;
  std::string sql;             // one or more statements, each ending in ';'
  bool before_tables = false;  // made before the tables (extensions, types, functions, sequences)
};

// The definitions the database of `dialect` can give, in an order that makes
// them: those made before the tables first, then the rest, each after what it
// depends on (a view after the views it reads). An object without one is
// only listed (UnmodeledObject). Throws CatalogError.
std::vector<ObjectDefinition> read_definitions(Dialect dialect, const CatalogQuery& query,
                                               const CatalogOptions& options);

// Each dialect's reader (its folder's catalog.cpp) and definitions
// (catalog_definitions.cpp).
namespace postgres {
LiveSchema read_catalog(const CatalogQuery& query, const CatalogOptions& options);
std::vector<ObjectDefinition> read_definitions(const CatalogQuery& query,
                                               const CatalogOptions& options);
}  // namespace postgres
namespace sqlite {
LiveSchema read_catalog(const CatalogQuery& query, const CatalogOptions& options);
std::vector<ObjectDefinition> read_definitions(const CatalogQuery& query,
                                               const CatalogOptions& options);
}  // namespace sqlite
namespace mysql {
LiveSchema read_catalog(const CatalogQuery& query, const CatalogOptions& options);
}

}  // namespace migrac
