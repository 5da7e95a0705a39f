#pragma once
// What a run tells the user: each migration, each segment with its duration,
// backfill progress, retries, the failure, a summary. Text for people (quiet:
// errors and retries only), or one JSON document at the end for machines.

#include <cstdint>
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "runtime/db/driver.h"

namespace migrac::runner {

enum class OutputFormat { Text, Json };

// Why a run stopped.
struct RunFailure {
  std::string id;  // the migration
  bool down = false;
  int segment = 0;  // 1-based
  int segments = 0;
  bool transactional = true;
  std::string location;   // file:line of the statement
  std::string statement;  // its SQL ("" for a history or commit failure)
  db::DbError error;
  std::string note;  // what state it leaves
};

// Where a backfill is, for its progress lines.
struct BackfillState {
  std::string table;
  std::int64_t rows = 0;       // rows updated so far
  int batches = 0;             // batches done
  std::int64_t walked = -1;    // rows passed by a walk in key order (about); -1: not walked
  std::int64_t estimate = -1;  // about how many rows the table has; -1: unknown
  std::int64_t elapsed_ms = 0;
};

// Collects and prints the events of a run.
class Progress {
 public:
  Progress(OutputFormat format, bool quiet, std::ostream& out, std::ostream& err);

  bool json() const { return format_ == OutputFormat::Json; }
  bool quiet() const { return quiet_; }

  void header(const std::string& line);
  void migration_begin(const std::string& id, bool down, int resume_at, int segments);
  void segment_done(int index, int segments, bool transactional, std::size_t statements,
                    std::int64_t ms);
  // At most once a second, and at the end (`final`): the rows done of the
  // estimated total, the rate and the time left.
  void backfill_progress(const BackfillState& b, bool final);
  // A CREATE INDEX on `table` that has run for `elapsed_ms`: its phase and
  // the phase's units done of total, their rate and the time left. On a
  // terminal every call prints a line (the watcher calls once a second);
  // otherwise one line per phase.
  void index_progress(const std::string& table, const db::IndexBuildState& s,
                      std::int64_t elapsed_ms);
  void retry(const std::string& id, int segment, const db::DbError& error, int attempt, int retries,
             std::int64_t wait_ms);
  // Waiting without queuing for `level` on b.table: each blocker once (by
  // pid), then now and then how long so far, then when it is free.
  void lock_blocker(const std::string& id, int segment, const std::string& level,
                    const db::LockBlocker& b);
  void lock_waiting(std::int64_t ms, const std::string& pids);
  void lock_free(std::int64_t ms);
  void note(const std::string& text);
  void migration_end(std::int64_t ms);
  void failure(const RunFailure& f);
  void summary(std::size_t migrations, bool down, std::int64_t ms);
  // Prints the JSON document (json format); nothing in text format.
  void finish(const std::string& status);

  // The JSON document being built, for verbs that add their own fields.
  nlohmann::json& document() { return doc_; }

 private:
  OutputFormat format_;
  bool quiet_;
  std::ostream& out_;
  std::ostream& err_;
  nlohmann::json doc_;
  nlohmann::json current_;  // the migration being run
  std::int64_t last_progress_ms_ = 0;
  std::string index_phase_;  // the index build's phase last reported, and where it began
  std::int64_t index_phase_ms_ = 0;
  std::int64_t index_phase_done_ = 0;
};

}  // namespace migrac::runner
