#pragma once
// The database boundary of the runtime: what the runner and the history table
// need from a database, and nothing more. One implementation per engine
// (postgres_driver.cpp, sqlite_driver.cpp, mysql_driver.cpp), so the runner
// never sees libpq or Connector/C.
// A migration's statements come with the plan's facts about them (Statement);
// a driver that must treat statements differently reads those facts, never
// the SQL text.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/dialect/dialect.h"
#include "compiler/plan/plan.h"

namespace migrac::db {

// What kind of failure an error is, so the runner can decide without knowing
// the engine's error codes.
enum class ErrorKind {
  Other,
  LockTimeout,    // a lock could not be taken in time (PostgreSQL 55P03, MySQL 1205); retryable
  Deadlock,       // chosen as a deadlock victim (40P01, MySQL 1213); retryable
  AlreadyExists,  // the object to create exists (42P07, 42710, MySQL 1050/1060/1061)
  Missing,        // the object to drop does not exist (42704, 42P01, MySQL 1051/1091)
  Connection,     // the connection was lost or could not be made
};

// An error from the database or the connection. Every text is already
// redacted (no password can appear in it).
struct DbError {
  ErrorKind kind = ErrorKind::Other;
  std::string sqlstate;  // five characters, empty when not from the server
  std::string message;   // the server's primary message
  std::string detail;
  std::string hint;

  // "message (DETAIL: ...) (HINT: ...)" on one line.
  std::string one_line() const;
};

// Query parameters, as text; nullopt is NULL.
using Params = std::vector<std::optional<std::string>>;
// One row of a result, as text; nullopt is NULL.
using Row = std::vector<std::optional<std::string>>;

// The outcome of one statement.
struct Result {
  std::optional<DbError> error;
  std::vector<Row> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE, else 0

  bool ok() const { return !error; }
};

// One statement of a migration, or a write to the history table, with what
// the plan says of it.
struct Statement {
  std::string_view sql;
  StatementRole role = StatementRole::Ddl;
  bool changes_data = false;       // PlannedStatement::changes_data
  const Params* params = nullptr;  // $1.. (a backfill batch's key range); null: none

  static Statement of(const PlannedStatement& s) { return {s.sql, s.role, s.changes_data}; }
  static Statement history(std::string_view sql) { return {sql, StatementRole::History, false}; }
};

// Where a transaction sent in one round trip stopped.
struct TransactionStop {
  std::size_t statement = 0;  // the statement that failed; the statement count: BEGIN or COMMIT did
  bool open = false;          // the transaction is still open (aborted): roll it back
};

// Who holds the run lock, for the waiting message.
struct LockHolder {
  bool held = false;
  std::string who;  // e.g. "pid 4242, user 'deploy', application 'migrac'"
};

// A lock the runner is about to take: a LockFacts level on a table.
struct TableLock {
  std::string level;  // "ACCESS EXCLUSIVE", ...
  std::string table;  // as the plan names it: "users", "ops.users"
};

// Another session that holds, or waits for, a lock conflicting with a
// TableLock: taking that lock now would queue behind it (and every later
// reader or writer of the table behind the runner).
struct LockBlocker {
  std::string pid;
  std::string application;
  std::string state;                 // pg_stat_activity.state: "idle in transaction", "active"
  std::int64_t transaction_ms = -1;  // age of its open transaction; -1: none
  std::string query;                 // the first line of its current or last query
  std::string table;                 // the TableLock it conflicts with
  std::string mode;                  // its mode: "AccessShareLock"
  bool granted = true;               // false: it waits for the lock itself
};

// Where a CREATE INDEX is, as the server reports it.
struct IndexBuildState {
  std::string phase;       // "building index: scanning table"
  std::int64_t done = 0;   // the phase's units done
  std::int64_t total = 0;  // of this many; 0: the phase counts none
  std::string unit;        // "blocks", "tuples", "sessions"
};

// Reads, from a second connection, the progress of a CREATE INDEX that runs on
// the connection it was made for.
class IndexProgressReader {
 public:
  virtual ~IndexProgressReader() = default;
  // The build's state; nullopt while the server reports none (not started,
  // finished) or when it cannot be read.
  virtual std::optional<IndexBuildState> read() = 0;
};

// One open connection to a database.
class Driver {
 public:
  virtual ~Driver() = default;

  // "postgres", "sqlite", "mysql".
  virtual std::string_view engine() const = 0;
  // The SQL it speaks: the history table's statements are this dialect's.
  virtual Dialect dialect() const = 0;
  // Where we are connected, without a password: "127.0.0.1:5432/app as deploy".
  virtual std::string describe() const = 0;

  // Runs one statement of the runtime's own (a query, the history table's
  // creation) as written, with $1.. parameters when `params` is not empty.
  virtual Result exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement of a migration, or a history write.
  virtual Result run(const Statement& statement) = 0;

  // A transaction around the statements run until commit() or rollback().
  virtual Result begin() = 0;
  virtual Result commit() = 0;
  virtual Result rollback() = 0;
  // BEGIN, `statements` and COMMIT in one round trip: they run in order and
  // stop at the first error, which `stop` locates.
  virtual Result run_transaction(const std::vector<Statement>& statements,
                                 TransactionStop& stop) = 0;

  // The run lock keeps a second runner out for the whole session (it must
  // survive commits and autocommit statements). True when taken now.
  virtual Result try_run_lock(std::int64_t key, bool& taken) = 0;
  virtual void release_run_lock(std::int64_t key) = 0;
  virtual LockHolder run_lock_holder(std::int64_t key) = 0;

  // The sessions whose locks conflict with `locks` (tables that do not exist
  // have none). Engines where the runner cannot see such locks return none.
  virtual Result lock_blockers(const std::vector<TableLock>& locks,
                               std::vector<LockBlocker>& blockers) {
    (void)locks;
    blockers.clear();
    return {};
  }

  // A reader of this connection's index builds, on a connection of its own;
  // null where the engine reports no such progress (or the second connection
  // cannot be made).
  virtual std::unique_ptr<IndexProgressReader> index_progress_reader() { return nullptr; }

  // Called after a statement is sent and before its result is awaited (a test
  // hook: the crash tests kill the process there). Empty: none.
  void set_after_send(std::function<void()> hook) { after_send_ = std::move(hook); }

 protected:
  std::function<void()> after_send_;
};

}  // namespace migrac::db
