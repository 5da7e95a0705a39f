#pragma once
// The schema cache: for each raw SQL migration, the schema after it as a
// development database gave it (`migrac check --dev-url URL`), one file per
// migration in the project, `<dir>/.schema/<id>.json`, committed beside the
// migrations and reviewed in diffs. When a raw migration has a current entry,
// the checker takes the entry's schema as the schema after it, instead of what
// the static reader (pgsql/ddl.h) made of its statements.
//
// An entry is current when its key is the migration's key now. Keys chain
// over the ancestors: key(m) = SHA-256 of the keys of m's parents (none for
// a root), m's id and m's checksum. A development database replays m's
// ancestors only (as the checker does), so the schema after m is a function
// of exactly those inputs: an edited migration, or any edited, added or
// removed ancestor, makes the entry stale; a migration on another branch
// does not. On a line of migrations the parent is the migration before.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diag.h"
#include "compiler/graph/graph.h"
#include "compiler/model/schema.h"

namespace migrac {

// The cache folder's name inside the migrations directory.
inline constexpr const char* kSchemaCacheFolder = ".schema";

// One entry: the schema after one raw migration.
struct SchemaCacheEntry {
  std::string migration;  // the migration's id
  std::string key;        // its cache key when written
  std::string dialect;    // of the development database ("postgres")
  model::Schema schema;
};

// What the cache has for one migration.
enum class CacheState {
  NotRaw,      // not a raw SQL migration: never has an entry
  Missing,     // no entry
  Current,     // an entry with the migration's key
  Stale,       // an entry with another key
  Unreadable,  // an entry file that is not an entry (`error` says why)
};

// The cache of one project as the compiler read it.
struct SchemaCache {
  std::string folder;          // "<dir>/.schema"
  bool folder_exists = false;  // the project keeps a cache
  // By migration index; empty when the graph is not valid or no migration is raw.
  std::vector<std::string> keys;
  std::vector<CacheState> state;                 // by migration index
  std::map<std::string, std::string> errors;     // id -> why its entry is unreadable
  std::map<std::string, model::Schema> current;  // id -> the schema of its current entry
};

// The cache key of every migration (by migration index), chained over graph.order.
std::vector<std::string> schema_cache_keys(const std::vector<ast::Migration>& migrations,
                                           const RevisionGraph& graph);

// The path of migration `id`'s entry in `folder`.
std::string schema_cache_path(const std::string& folder, const std::string& id);

// Reads the entries of the raw migrations from `<dir>/.schema`.
SchemaCache read_schema_cache(const std::string& dir, const std::vector<ast::Migration>& migrations,
                              const RevisionGraph& graph);

// Reports each stale or unreadable entry as a warning at its migration.
void report_schema_cache(const SchemaCache& cache, const std::vector<ast::Migration>& migrations,
                         Diagnostics& diags);

// The entry as the text of its file (stable, sorted, indented).
std::string schema_cache_text(const SchemaCacheEntry& entry);
// The entry of a file's text; nullopt with `error` when it is not one.
std::optional<SchemaCacheEntry> parse_schema_cache(const std::string& text, std::string& error);

// Writes `entry` into `folder` (created if missing) atomically: a temporary
// file in the folder, then renamed over the entry. An error line, or empty.
std::string write_schema_cache(const std::string& folder, const SchemaCacheEntry& entry);

}  // namespace migrac
