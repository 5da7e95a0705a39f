#include "compiler/dialect/mysql/history.h"

#include <fmt/format.h>

#include "compiler/dialect/mysql/internal.h"

namespace migrac {

namespace {

// MySQL's history statements for one table.
class MysqlHistorySql final : public HistorySql {
 public:
  explicit MysqlHistorySql(HistoryTable table) : t_(std::move(table)) {
    const SqlBuilder& sql = mysql::builder();
    name_ = t_.schema.empty() ? sql.ident(t_.name)
                              : sql.ident(t_.schema) + "." + sql.ident(t_.name);
  }

  std::vector<std::string> create(std::string&) const override {
    std::vector<std::string> out;
    if (!t_.schema.empty()) {
      out.push_back(fmt::format("CREATE DATABASE IF NOT EXISTS {}",
                                mysql::builder().ident(t_.schema)));
    }
    // No defaults on parents (TEXT takes none before MySQL 8.0.13), applied_at
    // and applied_by: every insert writes them.
    out.push_back(
        fmt::format("CREATE TABLE IF NOT EXISTS {} (\n"
                    "  id              varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT "
                    "NULL PRIMARY KEY,\n"
                    "  checksum        varchar(255) NOT NULL,\n"
                    "  parents         text NOT NULL,\n"
                    "  segments_done   integer NOT NULL DEFAULT 0,\n"
                    "  segments_total  integer NOT NULL,\n"
                    "  down_done       integer NOT NULL DEFAULT 0,\n"
                    "  segment_started integer NOT NULL DEFAULT 0,\n"
                    "  applied_at      datetime NOT NULL,\n"
                    "  duration_ms     bigint NOT NULL DEFAULT 0,\n"
                    "  applied_by      varchar(255) NOT NULL,\n"
                    "  method          varchar(16) NOT NULL DEFAULT 'run'\n"
                    ")",
                    name_));
    return out;
  }

  std::string exists() const override {
    std::string schema = t_.schema.empty() ? "DATABASE()" : literal(t_.schema);
    return fmt::format(
        "SELECT IF(EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = {} AND "
        "table_name = {}), 't', 'f')",
        schema, literal(t_.name));
  }

  std::string select() const override {
    return fmt::format(
        "SELECT id, checksum, parents, segments_done, segments_total, down_done, segment_started, "
        "CONCAT(DATE_FORMAT(applied_at, '%Y-%m-%d %H:%i:%s'), ' UTC'), duration_ms, applied_by, "
        "method "
        "FROM {} ORDER BY applied_at, id",
        name_);
  }

  std::string transaction_duration() const override {
    return "COALESCE(TIMESTAMPDIFF(MICROSECOND, @migrac_transaction_start, SYSDATE(6)) DIV 1000, "
           "0)";
  }

  std::string up_started(const HistoryRowKey& k, int segment) const override {
    return fmt::format("{} {} ON DUPLICATE KEY UPDATE segment_started = {}", insert_prefix(),
                       values(k, segment - 1, segment, "0"), segment);
  }

  std::string up_done(const HistoryRowKey& k, int segment,
                      const std::string& duration_ms) const override {
    return fmt::format(
        "{} {} ON DUPLICATE KEY UPDATE segments_done = {}, segments_total = {}, segment_started = "
        "0, "
        "down_done = 0, duration_ms = duration_ms + {}, applied_at = UTC_TIMESTAMP(), "
        "applied_by = CURRENT_USER(), method = {}",
        insert_prefix(), values(k, segment, 0, duration_ms), segment, k.segments_total, duration_ms,
        literal(k.method));
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
        "{} {} ON DUPLICATE KEY UPDATE checksum = {}, parents = {}, segments_done = {}, "
        "segments_total = {}, down_done = 0, segment_started = 0, applied_at = UTC_TIMESTAMP(), "
        "applied_by = CURRENT_USER(), method = {}",
        insert_prefix(), values(k, k.segments_total, 0, "0"), literal(k.checksum),
        literal(join_parents(k.parents)), k.segments_total, k.segments_total, literal(k.method));
  }

 private:
  static std::string literal(const std::string& value) {
    return mysql::builder().string_literal(value);
  }

  // Every column but down_done, which starts at its default.
  std::string insert_prefix() const {
    return fmt::format(
        "INSERT INTO {} (id, checksum, parents, segments_done, segments_total, segment_started, "
        "applied_at, duration_ms, applied_by, method)",
        name_);
  }

  static std::string values(const HistoryRowKey& k, int done, int started,
                            const std::string& duration) {
    return fmt::format("VALUES ({}, {}, {}, {}, {}, {}, UTC_TIMESTAMP(), {}, CURRENT_USER(), {})",
                       literal(k.id), literal(k.checksum), literal(join_parents(k.parents)), done,
                       k.segments_total, started, duration, literal(k.method));
  }

  HistoryTable t_;
  std::string name_;  // the table's name in SQL
};

}  // namespace

std::unique_ptr<HistorySql> make_mysql_history_sql(const HistoryTable& table) {
  return std::make_unique<MysqlHistorySql>(table);
}

}  // namespace migrac
