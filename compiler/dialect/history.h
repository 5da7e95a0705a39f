#pragma once
// The history table, for every dialect: its configured name, what identifies
// one migration's row, and the statements that read and write it. Each
// dialect writes those statements its own way (postgres/history.h,
// sqlite/history.h, mysql/history.h); the runtime asks for them through
// HistorySql, and the psql script uses PostgreSQL's, so that both record a
// migration with exactly the same statements.
//
// One row per migration id (a DAG is the set of applied ids, not a version):
//   id, checksum, parents (comma-separated ids, so a downgrade can see which
//   applied migrations depend on another), segments_done / segments_total (a
//   partly applied migration resumes at segments_done), down_done (down
//   segments done by an interrupted downgrade), segment_started (a
//   non-transactional segment begun and not yet recorded: its statements may
//   have run), applied_at, duration_ms, applied_by, method (run, psql, stamp).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/dialect/dialect.h"

namespace migrac {

// A history table name, as configured ("migrac_history", "ops.migrac_history").
struct HistoryTable {
  std::string schema;  // empty: the search path (or the current database) decides
  std::string name = "migrac_history";

  std::string display() const;  // as the user wrote it
};

// Parses a configured name; nullopt (and `error`) when it is not one or two names.
std::optional<HistoryTable> parse_history_table(const std::string& configured, std::string& error);

// The key of the session-level lock that keeps a second runner (or psql
// script) out; derived from the table name.
std::int64_t run_lock_key(const HistoryTable& table);

// What identifies one migration's row.
struct HistoryRowKey {
  std::string id;
  std::string checksum;
  std::vector<std::string> parents;
  int segments_total = 0;  // up segments of the plan
  std::string method = "run";
};

// A Flyway repeatable keeps one row per run, so that every run stays on
// record: "<id>#<n>" for its n-th (1-based). '#' is in no migration id. The
// row with the highest n holds the checksum it last ran with.
std::string repeatable_row_id(const std::string& id, int n);
// A row id read back: the repeatable and n, or nullopt for a migration's row.
struct RepeatableRow {
  std::string id;
  int n = 0;
};
std::optional<RepeatableRow> parse_repeatable_row(const std::string& row_id);

// The parents of a row, as stored.
std::string join_parents(const std::vector<std::string>& parents);
std::vector<std::string> split_parents(const std::string& stored);

// One dialect's statements for one history table. Durations are SQL
// expressions of milliseconds: a number, or transaction_duration().
// The history statements every dialect spells alike, given the table's name
// as the dialect quotes it and the values already written as its literals.
namespace portable_history {
std::string down_started(const std::string& table, const std::string& id, int segment);
std::string down_done(const std::string& table, const std::string& id, int segment,
                      const std::string& duration_ms);
std::string remove(const std::string& table, const std::string& id);
std::string rehash(const std::string& table, const std::string& id, const std::string& checksum);
}  // namespace portable_history

class HistorySql {
 public:
  virtual ~HistorySql() = default;

  // The statements that create the table (and its schema) if missing. None,
  // and `error` set, when the dialect cannot hold the table (a schema on SQLite).
  virtual std::vector<std::string> create(std::string& error) const = 0;
  // One row, one column: 't' when the table exists, else 'f'.
  virtual std::string exists() const = 0;
  // Every row, oldest first: id, checksum, parents, segments_done,
  // segments_total, down_done, segment_started, applied_at (text ending in its
  // time zone), duration_ms, applied_by, method.
  virtual std::string select() const = 0;
  // The elapsed milliseconds of the current transaction, for the history
  // update that commits with a transactional segment.
  virtual std::string transaction_duration() const = 0;

  // Before a non-transactional up segment `segment` (1-based): the row exists
  // (segments_done = segment - 1) and says the segment has started.
  virtual std::string up_started(const HistoryRowKey& key, int segment) const = 0;
  // Up segment `segment` is done (in the segment's transaction, or after an
  // autocommit segment).
  virtual std::string up_done(const HistoryRowKey& key, int segment,
                              const std::string& duration_ms) const = 0;
  // Before a non-transactional down segment.
  virtual std::string down_started(const std::string& id, int segment) const = 0;
  // Down segment `segment` done (not the last one).
  virtual std::string down_done(const std::string& id, int segment,
                                const std::string& duration_ms) const = 0;
  // The migration is reverted: its row goes.
  virtual std::string remove(const std::string& id) const = 0;
  // `stamp`: recorded as fully applied without running (checksum re-recorded).
  virtual std::string stamp(const HistoryRowKey& key) const = 0;
  // `stamp --rehash`: the row of `id` records `checksum`; nothing else changes.
  virtual std::string rehash(const std::string& id, const std::string& checksum) const = 0;
};

// The history statements of `dialect` for `table`.
std::unique_ptr<HistorySql> make_history_sql(Dialect dialect, const HistoryTable& table);

}  // namespace migrac
