#pragma once
// PostgreSQL's history-table statements (the columns: compiler/dialect/history.h),
// shared by the runtime and the psql scripts so that both record a migration
// with exactly the same statements.

#include <memory>
#include <string>

#include "compiler/dialect/history.h"

namespace migrac {

// PostgreSQL's history statements for `table`.
std::unique_ptr<HistorySql> make_postgres_history_sql(const HistoryTable& table);

// The table's name in SQL, quoted where needed: ops.migrac_history, "Ops"."h".
std::string qualified_name(const HistoryTable& table);

// A single-quoted SQL string literal.
std::string sql_literal(const std::string& value);

// The statements behind make_postgres_history_sql (HistorySql says what each does).
std::vector<std::string> history_create_sql(const HistoryTable& table);
// The elapsed milliseconds of the current transaction (now() is its start).
inline constexpr const char* kTransactionDurationSql =
    "(extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint";
std::string history_exists_sql(const HistoryTable& table);
std::string history_select_sql(const HistoryTable& table);
std::string history_up_started_sql(const HistoryTable& table, const HistoryRowKey& key,
                                   int segment);
std::string history_up_done_sql(const HistoryTable& table, const HistoryRowKey& key, int segment,
                                const std::string& duration_ms_sql);
std::string history_down_started_sql(const HistoryTable& table, const std::string& id, int segment);
std::string history_down_done_sql(const HistoryTable& table, const std::string& id, int segment,
                                  const std::string& duration_ms_sql);
std::string history_delete_sql(const HistoryTable& table, const std::string& id);
std::string history_stamp_sql(const HistoryTable& table, const HistoryRowKey& key);

// For the psql script, which finds a repeatable's rows (repeatable_row_id)
// when it runs: whether the repeatable `id` last ran with another checksum
// than `checksum` (or never ran), as a boolean expression; and the row of its
// next run (key.id is the repeatable's id), inserted as the runtime inserts it.
std::string history_repeatable_changed_sql(const HistoryTable& table, const std::string& id,
                                           const std::string& checksum);
std::string history_repeatable_done_sql(const HistoryTable& table, const HistoryRowKey& key,
                                        const std::string& duration_ms_sql);

}  // namespace migrac
