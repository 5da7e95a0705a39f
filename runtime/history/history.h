#pragma once
// The history table of a database: reading its rows and creating it on first
// use, with the statements of the database's dialect (compiler/dialect/history.h),
// which also write its rows.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/dialect/history.h"
#include "runtime/db/driver.h"

namespace migrac::history {

// One row: one migration id the database knows.
struct Row {
  std::string id;
  std::string checksum;
  std::vector<std::string> parents;
  int segments_done = 0;
  int segments_total = 0;
  int down_done = 0;
  int segment_started = 0;
  std::string applied_at;
  std::int64_t duration_ms = 0;
  std::string applied_by;
  std::string method;

  // Every up segment done and no downgrade begun.
  bool complete() const { return !partly_applied() && !partly_reverted(); }
  // An upgrade stopped between (or inside) its segments.
  bool partly_applied() const { return segments_done < segments_total; }
  // A downgrade stopped between (or inside) its segments.
  bool partly_reverted() const {
    return !partly_applied() && (down_done > 0 || segment_started > 0);
  }
};

// Access to one database's history table.
class Store {
 public:
  Store(db::Driver& db, HistoryTable table)
      : db_(db), table_(std::move(table)), sql_(make_history_sql(db.dialect(), table_)) {}

  const HistoryTable& table() const { return table_; }
  // The table's statements in the database's dialect.
  const HistorySql& sql() const { return *sql_; }

  // Creates the table (and its schema) if missing.
  std::optional<db::DbError> ensure();
  // Every row, oldest first. A missing table reads as no rows with exists = false.
  std::optional<db::DbError> read(std::vector<Row>& rows, bool& exists);
  // Sets the recorded checksum of `id` and nothing else (`stamp --rehash`).
  std::optional<db::DbError> rehash(const std::string& id, const std::string& checksum);

 private:
  db::Driver& db_;
  HistoryTable table_;
  std::unique_ptr<HistorySql> sql_;
};

}  // namespace migrac::history
