#pragma once
// The runner: executes planned migrations against one database and records
// each step in the history table so that an interruption at any point can be
// resumed. A transactional segment commits together with its history update;
// a non-transactional segment runs in autocommit and is recorded after it
// succeeds. Before a segment takes a lock stronger than ROW EXCLUSIVE, the
// runner waits while other sessions hold or wait for a conflicting one,
// without entering the lock queue (where every later reader or writer would
// queue behind it); locking statements that time out are retried with
// backoff; both within a lock deadline.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "compiler/dialect/history.h"
#include "compiler/plan/plan.h"
#include "compiler/source/source.h"
#include "runtime/db/driver.h"
#include "runtime/history/history.h"
#include "runtime/runner/progress.h"

namespace migrac::runner {

// How the runner retries.
struct RunOptions {
  int retries = 5;                // --retries: attempts after the first, per step
  std::int64_t backoff_ms = 500;  // first wait; doubled per retry, at most max_backoff_ms
  std::int64_t max_backoff_ms = 10000;
  // --lock-deadline: how long a segment (a statement outside a transaction)
  // may wait for its locks in all, waiting without queuing and retrying.
  std::int64_t lock_deadline_ms = 300000;
  std::int64_t lock_poll_ms = 100;     // how often a wait without queuing looks again
  std::int64_t lock_report_ms = 5000;  // how often it says it still waits
  // --backfill-pause: between the batches of a backfill without a `pause` of its own.
  std::int64_t backfill_pause_ms = 0;
};

// One migration to run, with its row in the history table (null if none).
struct Step {
  const MigrationPlan* plan = nullptr;
  const history::Row* row = nullptr;
};

// Runs steps in order; stops at the first failure (reported to Progress).
class Runner {
 public:
  Runner(db::Driver& db, HistoryTable table, const SourceSet& sources, Progress& progress,
         RunOptions options);

  // Applies each step's up segments, from its row's segments_done. True when all succeed.
  bool upgrade(const std::vector<Step>& steps);
  // Reverts each step (its row must be complete or partly reverted).
  bool downgrade(const std::vector<Step>& steps);

  std::size_t done() const { return done_; }

 private:
  struct Context;  // the migration, direction and segment being run

  bool run_migration(const Step& step, bool down);
  bool run_transactional(Context& c, const Segment& seg);
  // The whole transaction in one round trip; the error (and the statement that
  // failed, null for BEGIN/history/COMMIT) on failure.
  std::optional<db::DbError> run_batched(Context& c, const Segment& seg,
                                         const PlannedStatement*& failed_st, bool& in_transaction);
  bool run_autocommit(Context& c, const Segment& seg);
  // One statement of a plan (Recovery checks its condition; Backfill loops).
  std::optional<db::DbError> run_statement(Context& c, const PlannedStatement& st,
                                           bool in_transaction, std::size_t index);
  std::optional<db::DbError> run_backfill(Context& c, const PlannedStatement& st,
                                          bool in_transaction, std::size_t index);
  // A backfill by key ranges (its BatchWalk): each batch's bound, then its update.
  std::optional<db::DbError> run_walk(Context& c, const PlannedStatement& st, bool in_transaction,
                                      std::size_t index);
  // Before a backfill's first batch: about how many rows its table has
  // (-1: unknown), for its progress.
  std::int64_t backfill_estimate(const PlannedStatement& st);
  // After a batch committed on its own: the backfill's pause, else --backfill-pause.
  void pause_between_batches(const PlannedStatement& st, bool in_transaction) const;
  // A statement of the runner's own: a history write, a session setting.
  std::optional<db::DbError> run_plain(const std::string& sql, StatementRole role);
  // Waits while another session holds or waits for a lock conflicting with
  // `locks`, without asking for them; an error when `deadline` passes first.
  std::optional<db::DbError> wait_for_blockers(Context& c, const std::vector<db::TableLock>& locks,
                                               std::chrono::steady_clock::time_point deadline);
  bool fail(Context& c, const PlannedStatement* st, const db::DbError& error, std::string note);
  std::int64_t backoff(int attempt) const;

  db::Driver& db_;
  std::unique_ptr<HistorySql>
      history_;  // the history table's statements, in the database's dialect
  const SourceSet& sources_;
  Progress& progress_;
  RunOptions options_;
  std::size_t done_ = 0;
  // Reads index builds' progress on a second connection, made at the first build.
  std::unique_ptr<db::IndexProgressReader> index_reader_;
  bool index_reader_tried_ = false;
};

// Whether an error means a retry may succeed.
bool is_retryable(const db::DbError& error);

}  // namespace migrac::runner
