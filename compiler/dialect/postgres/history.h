#pragma once
// The SQL the runtime and the psql scripts share (PostgreSQL), so that both
// record a migration with exactly the same statements: the history table,
// the run lock's key, session-level settings for non-transactional segments.
//
// The history table:
// One row per migration id (a DAG is the set of applied ids, not a version):
//   id, checksum, parents (comma-separated ids, so a downgrade can see which
//   applied migrations depend on another), segments_done / segments_total (a
//   partly applied migration resumes at segments_done), down_done (down
//   segments done by an interrupted downgrade), segment_started (a
//   non-transactional segment begun and not yet recorded: its statements may
//   have run), applied_at, duration_ms, applied_by, method (run, psql, stamp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace migrac {

// A history table name, as configured ("migrac_history", "ops.migrac_history").
struct HistoryTable {
  std::string schema;  // empty: the search path decides
  std::string name = "migrac_history";

  std::string qualified() const;  // quoted where needed: ops.migrac_history, "Ops"."h"
  std::string display() const;    // as the user wrote it
};

// Parses a configured name; nullopt (and `error`) when it is not one or two names.
std::optional<HistoryTable> parse_history_table(const std::string& configured, std::string& error);

// The key of the session-level advisory lock that keeps a second runner (or
// psql script) out; derived from the qualified table name.
std::int64_t run_lock_key(const HistoryTable& table);

// A single-quoted SQL string literal.
std::string sql_literal(const std::string& value);

// What identifies one migration's row.
struct HistoryRowKey {
  std::string id;
  std::string checksum;
  std::vector<std::string> parents;
  int segments_total = 0;  // up segments of the plan
  std::string method = "run";
};

// The statements that create the history table (and its schema) if missing.
std::vector<std::string> history_create_sql(const HistoryTable& table);
// The elapsed milliseconds of the current transaction (now() is its start): the
// duration recorded by a transactional segment's history update.
inline constexpr const char* kTransactionDurationSql =
    "(extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint";

// One boolean: whether the table exists.
std::string history_exists_sql(const HistoryTable& table);
// Every row: id, checksum, parents, segments_done, segments_total, down_done,
// segment_started, applied_at (text), duration_ms, applied_by, method.
std::string history_select_sql(const HistoryTable& table);

// Before a non-transactional up segment `segment` (1-based): the row exists
// (segments_done = segment - 1) and says the segment has started.
std::string history_up_started_sql(const HistoryTable& table, const HistoryRowKey& key, int segment);
// Up segment `segment` is done (in the segment's transaction, or after an
// autocommit segment). `duration_ms_sql` is an SQL expression.
std::string history_up_done_sql(const HistoryTable& table, const HistoryRowKey& key, int segment,
                                const std::string& duration_ms_sql);
// Before a non-transactional down segment.
std::string history_down_started_sql(const HistoryTable& table, const std::string& id, int segment);
// Down segment `segment` done (not the last one).
std::string history_down_done_sql(const HistoryTable& table, const std::string& id, int segment,
                                  const std::string& duration_ms_sql);
// The migration is reverted: its row goes.
std::string history_delete_sql(const HistoryTable& table, const std::string& id);
// `stamp`: recorded as fully applied without running (checksum re-recorded).
std::string history_stamp_sql(const HistoryTable& table, const HistoryRowKey& key);

// "SET LOCAL x = v" as session-level "SET x = v" plus its "RESET x", for a
// non-transactional segment (SET LOCAL has no effect outside a transaction);
// nullopt for any other statement (a plain SET or RESET runs as written).
struct SessionSetting {
  std::string set_sql;
  std::string reset_sql;
};
std::optional<SessionSetting> session_setting(const std::string& sql);

// The parents of a row, as stored.
std::string join_parents(const std::vector<std::string>& parents);
std::vector<std::string> split_parents(const std::string& stored);

}  // namespace migrac
