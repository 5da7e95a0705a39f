#pragma once
// The dialect interface the core owns: a dialect's name, what it can do
// (Capabilities), the lock facts of its statements, and the Emitter that turns
// model::Changes into its SQL. Each dialect lives in its own folder
// (postgres/, sqlite/, mysql/, the same file names in each) and gives its
// parts to basic_emitter.h; shared SQL building (sql_builder.h) is configured
// by data (spelling, quoting), not by dialect checks.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diag.h"
#include "compiler/model/change.h"

namespace migrac {

enum class Dialect { Postgres, Sqlite, Mysql };
std::string_view dialect_name(Dialect d);                     // "postgres", "sqlite", "mysql"
std::optional<Dialect> parse_dialect(std::string_view name);  // also "postgresql", "mariadb"

// What a dialect can do; the planner chooses forms from these facts.
struct Capabilities {
  bool transactional_ddl = true;
  bool concurrent_index = false;        // CREATE/DROP INDEX CONCURRENTLY
  bool not_valid_constraints = false;   // ADD CONSTRAINT ... NOT VALID + VALIDATE
  bool constraint_using_index = false;  // ADD CONSTRAINT ... USING INDEX
  bool enum_add_value_in_transaction = true;
  bool enum_add_value_reversible = false;
  bool partial_index = true;
  bool lock_timeout = false;  // SET LOCAL lock_timeout
  // ALTER TABLE ... ADD CONSTRAINT on an existing table (SQLite: only by a rebuild)
  bool add_constraint_in_place = true;
  bool arrays = false;          // column types `T[]`
  bool postgres_types = false;  // the PostgreSQL-only types (inet, cidr, citext, ...)
  std::size_t max_identifier_length = 63;
};

// A lock on one more object than LockFacts::table (a referenced table of a
// foreign key, for instance).
struct ObjectLock {
  std::string level;   // "SHARE ROW EXCLUSIVE", ...
  std::string object;  // the table (or type) it locks
};

// The lock a statement takes and whether it rewrites or scans the table.
struct LockFacts {
  std::string level;  // "ACCESS EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", ..., "" for none
  std::string table;  // the table it locks (an enum type for ALTER/DROP TYPE), "" for none
  bool rewrites = false;
  bool scans = false;
  std::vector<ObjectLock> others;  // further objects locked (FK targets), in statement order

  bool takes_lock() const { return !level.empty() || !others.empty(); }
};

// How a backfill walks its table in key order, one range of rows per batch,
// so that each row is read once: `bound` returns the last key of the next
// batch (one row of `keys` columns; no row when the walk is done), then
// `update` updates the rows of that range that still need it. The first_
// forms start at the table's first row: first_bound has no parameters and
// first_update takes the bound as $1..$k. The next_ forms continue after the
// last key done, $1..$k: next_bound takes it, next_update takes it and then
// the bound ($k+1..$2k).
// The last three fields are for every backfill, walked or not.
struct BatchWalk {
  std::size_t keys = 0;  // 0: no walk (the statement is one batch, repeated until no row changes)
  std::string first_bound, next_bound, first_update, next_update;
  bool blocks = false;         // walks the table's blocks (PostgreSQL's ctid), not a key
  std::int64_t batch = 0;      // keys per batch (rows' worth of blocks in a block walk)
  std::int64_t pause_ms = -1;  // the pause between batches; -1: the run's --backfill-pause
  std::string estimate_sql;    // one number, about how many rows the table has (or NULL)
};

// Where a statement runs relative to its migration's transactions.
enum class Placement {
  InPlace,  // with the change it belongs to
  // Once per migration and direction, outside any transaction: before the
  // first segment (SQLite's `PRAGMA foreign_keys = OFF` around a table
  // rebuild, which has no effect inside a transaction) or after the last one.
  BeforeMigration,
  AfterMigration,
};

// One emitted statement.
struct EmittedStatement {
  std::string sql;  // no trailing semicolon
  LockFacts lock;
  // A self-contained form for scripts when `sql` is one step of a loop (a
  // backfill batch): a DO block that repeats it. Empty otherwise.
  std::string script_sql;
  Placement placement = Placement::InPlace;
  // For a runtime that runs the statement with foreign keys not enforced (the
  // SQLite runtime, in a migration's transaction):
  bool changes_data = false;       // may change rows or drop a table (a rebuild's copy and drop)
  bool checks_references = false;  // lists rows without their parent (PRAGMA foreign_key_check)
  BatchWalk walk{};                // a backfill's walk in key order (the runtime's form of it)
};

// The statements of a change that is one statement (most are).
inline std::vector<EmittedStatement> one_statement(std::string sql, LockFacts lock) {
  std::vector<EmittedStatement> out;
  out.push_back(EmittedStatement{std::move(sql), std::move(lock), {}});
  return out;
}

// A dialect's SQL writer.
class Emitter {
 public:
  virtual ~Emitter() = default;
  virtual Dialect dialect() const = 0;
  virtual const Capabilities& capabilities() const = 0;
  // The statements for one change (usually one; several for a table rebuild).
  // An unsupported change reports an error at change.source and returns none.
  virtual std::vector<EmittedStatement> emit(const model::Change& change,
                                             Diagnostics& diags) const = 0;
  // A quoted identifier when it needs quoting, else as is.
  virtual std::string quote(std::string_view identifier) const = 0;
  // A query returning one boolean: true when index `index` exists but is
  // unusable (left INVALID by an interrupted concurrent build). Empty when the
  // dialect has no such state.
  virtual std::string invalid_index_condition(std::string_view index) const {
    (void)index;
    return {};
  }
};

std::unique_ptr<Emitter> make_emitter(Dialect dialect);

class SqlBuilder;
// The shared SQL builder with `dialect`'s spelling (the one its emitter uses).
const SqlBuilder& sql_builder(Dialect dialect);

}  // namespace migrac
