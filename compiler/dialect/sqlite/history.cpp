#include "compiler/dialect/sqlite/history.h"

#include <fmt/format.h>

#include "compiler/dialect/sqlite/internal.h"

namespace migrac {

namespace {

// SQLite's history statements for one table (its name is a single name).
class SqliteHistorySql final : public HistorySql {
 public:
  explicit SqliteHistorySql(HistoryTable table)
      : t_(std::move(table)), name_(sqlite::builder().ident(t_.name)) {}

  std::vector<std::string> create(std::string& error) const override {
    if (!t_.schema.empty()) {
      error =
          "sqlite has no schemas: name the history table without one (history_table = "
          "migrac_history)";
      return {};
    }
    return {
        fmt::format("CREATE TABLE IF NOT EXISTS {} (\n"
                    "  id              text PRIMARY KEY,\n"
                    "  checksum        text NOT NULL,\n"
                    "  parents         text NOT NULL DEFAULT '',\n"
                    "  segments_done   integer NOT NULL DEFAULT 0,\n"
                    "  segments_total  integer NOT NULL,\n"
                    "  down_done       integer NOT NULL DEFAULT 0,\n"
                    "  segment_started integer NOT NULL DEFAULT 0,\n"
                    "  applied_at      text NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                    "  duration_ms     bigint NOT NULL DEFAULT 0,\n"
                    "  applied_by      text NOT NULL DEFAULT (migrac_user()),\n"
                    "  method          text NOT NULL DEFAULT 'run'\n"
                    ")",
                    name_)};
  }

  std::string exists() const override {
    if (!t_.schema.empty()) return "SELECT 'f'";  // no such table can exist
    return fmt::format(
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = {}) "
        "THEN 't' ELSE 'f' END",
        literal(t_.name));
  }

  std::string select() const override {
    return fmt::format(
        "SELECT id, checksum, parents, segments_done, segments_total, down_done, segment_started, "
        "applied_at || ' UTC', duration_ms, applied_by, method FROM {} ORDER BY applied_at, id",
        name_);
  }

  std::string transaction_duration() const override { return "migrac_transaction_ms()"; }

  std::string up_started(const HistoryRowKey& k, int segment) const override {
    return fmt::format("{} {} ON CONFLICT (id) DO UPDATE SET segment_started = {}", insert_prefix(),
                       values(k, segment - 1, segment, "0"), segment);
  }

  std::string up_done(const HistoryRowKey& k, int segment,
                      const std::string& duration_ms) const override {
    return fmt::format(
        "{} {} ON CONFLICT (id) DO UPDATE SET segments_done = EXCLUDED.segments_done, "
        "segments_total = EXCLUDED.segments_total, segment_started = 0, down_done = 0, "
        "duration_ms = {}.duration_ms + EXCLUDED.duration_ms, applied_at = CURRENT_TIMESTAMP, "
        "applied_by = EXCLUDED.applied_by, method = EXCLUDED.method",
        insert_prefix(), values(k, segment, 0, duration_ms), name_);
  }

  std::string down_started(const std::string& id, int segment) const override {
    return portable_history::down_started(name_, literal(id), segment);
  }

  std::string down_done(const std::string& id, int segment,
                        const std::string& duration_ms) const override {
    return portable_history::down_done(name_, literal(id), segment, duration_ms);
  }

  std::string remove(const std::string& id) const override {
    return portable_history::remove(name_, literal(id));
  }

  std::string rehash(const std::string& id, const std::string& checksum) const override {
    return portable_history::rehash(name_, literal(id), literal(checksum));
  }

  std::string stamp(const HistoryRowKey& k) const override {
    return fmt::format(
        "{} {} ON CONFLICT (id) DO UPDATE SET checksum = EXCLUDED.checksum, parents = "
        "EXCLUDED.parents, "
        "segments_done = EXCLUDED.segments_done, segments_total = EXCLUDED.segments_total, "
        "down_done = 0, segment_started = 0, applied_at = CURRENT_TIMESTAMP, "
        "applied_by = EXCLUDED.applied_by, method = EXCLUDED.method",
        insert_prefix(), values(k, k.segments_total, 0, "0"));
  }

 private:
  static std::string literal(const std::string& value) {
    return sqlite::builder().string_literal(value);
  }

  // The columns a row is inserted with; the rest take their defaults.
  std::string insert_prefix() const {
    return fmt::format(
        "INSERT INTO {} (id, checksum, parents, segments_done, segments_total, segment_started, "
        "duration_ms, method)",
        name_);
  }

  static std::string values(const HistoryRowKey& k, int done, int started,
                            const std::string& duration) {
    return fmt::format("VALUES ({}, {}, {}, {}, {}, {}, {}, {})", literal(k.id),
                       literal(k.checksum), literal(join_parents(k.parents)), done,
                       k.segments_total, started, duration, literal(k.method));
  }

  HistoryTable t_;
  std::string name_;  // the table's name in SQL
};

}  // namespace

std::unique_ptr<HistorySql> make_sqlite_history_sql(const HistoryTable& table) {
  return std::make_unique<SqliteHistorySql>(table);
}

}  // namespace migrac
