#include "compiler/dialect/postgres/history.h"

#include <fmt/format.h>

namespace migrac {

namespace {

bool is_plain_identifier(const std::string& s) {
  if (s.empty() || s.size() > 63) return false;
  if (!(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z'))) return false;
  for (char c : s) {
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::string quote_identifier(const std::string& s) {
  if (is_plain_identifier(s)) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The columns a row is inserted with; the rest take their defaults.
std::string insert_prefix(const HistoryTable& t) {
  return fmt::format(
      "INSERT INTO {} (id, checksum, parents, segments_done, segments_total, segment_started, "
      "duration_ms, method)",
      qualified_name(t));
}

std::string values(const HistoryRowKey& k, int done, int started, const std::string& duration) {
  return fmt::format("VALUES ({}, {}, {}, {}, {}, {}, {}, {})", sql_literal(k.id),
                     sql_literal(k.checksum), sql_literal(join_parents(k.parents)), done,
                     k.segments_total, started, duration, sql_literal(k.method));
}

}  // namespace

std::string qualified_name(const HistoryTable& t) {
  if (t.schema.empty()) return quote_identifier(t.name);
  return quote_identifier(t.schema) + "." + quote_identifier(t.name);
}

std::string sql_literal(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::vector<std::string> history_create_sql(const HistoryTable& t) {
  std::vector<std::string> out;
  if (!t.schema.empty())
    out.push_back(fmt::format("CREATE SCHEMA IF NOT EXISTS {}", quote_identifier(t.schema)));
  out.push_back(
      fmt::format("CREATE TABLE IF NOT EXISTS {} (\n"
                  "  id              text PRIMARY KEY,\n"
                  "  checksum        text NOT NULL,\n"
                  "  parents         text NOT NULL DEFAULT '',\n"
                  "  segments_done   integer NOT NULL DEFAULT 0,\n"
                  "  segments_total  integer NOT NULL,\n"
                  "  down_done       integer NOT NULL DEFAULT 0,\n"
                  "  segment_started integer NOT NULL DEFAULT 0,\n"
                  "  applied_at      timestamptz NOT NULL DEFAULT now(),\n"
                  "  duration_ms     bigint NOT NULL DEFAULT 0,\n"
                  "  applied_by      text NOT NULL DEFAULT current_user,\n"
                  "  method          text NOT NULL DEFAULT 'run'\n"
                  ")",
                  qualified_name(t)));
  return out;
}

std::string history_exists_sql(const HistoryTable& t) {
  return fmt::format("SELECT to_regclass({}) IS NOT NULL", sql_literal(qualified_name(t)));
}

std::string history_select_sql(const HistoryTable& t) {
  return fmt::format(
      "SELECT id, checksum, parents, segments_done, segments_total, down_done, segment_started, "
      "to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS TZ'), duration_ms, applied_by, method FROM {} "
      "ORDER BY applied_at, id",
      qualified_name(t));
}

std::string history_up_started_sql(const HistoryTable& t, const HistoryRowKey& k, int segment) {
  return fmt::format("{} {} ON CONFLICT (id) DO UPDATE SET segment_started = {}", insert_prefix(t),
                     values(k, segment - 1, segment, "0"), segment);
}

std::string history_up_done_sql(const HistoryTable& t, const HistoryRowKey& k, int segment,
                                const std::string& duration_ms_sql) {
  return fmt::format(
      "{} {} ON CONFLICT (id) DO UPDATE SET segments_done = EXCLUDED.segments_done, "
      "segments_total = EXCLUDED.segments_total, segment_started = 0, down_done = 0, "
      "duration_ms = {}.duration_ms + EXCLUDED.duration_ms, applied_at = now(), "
      "applied_by = EXCLUDED.applied_by, method = EXCLUDED.method",
      insert_prefix(t), values(k, segment, 0, duration_ms_sql), qualified_name(t));
}

std::string history_down_started_sql(const HistoryTable& t, const std::string& id, int segment) {
  return portable_history::down_started(qualified_name(t), sql_literal(id), segment);
}

std::string history_down_done_sql(const HistoryTable& t, const std::string& id, int segment,
                                  const std::string& duration_ms_sql) {
  return portable_history::down_done(qualified_name(t), sql_literal(id), segment, duration_ms_sql);
}

std::string history_delete_sql(const HistoryTable& t, const std::string& id) {
  return portable_history::remove(qualified_name(t), sql_literal(id));
}

std::string history_stamp_sql(const HistoryTable& t, const HistoryRowKey& k) {
  return fmt::format(
      "{} {} ON CONFLICT (id) DO UPDATE SET checksum = EXCLUDED.checksum, parents = "
      "EXCLUDED.parents, "
      "segments_done = EXCLUDED.segments_done, segments_total = EXCLUDED.segments_total, "
      "down_done = 0, segment_started = 0, applied_at = now(), applied_by = EXCLUDED.applied_by, "
      "method = EXCLUDED.method",
      insert_prefix(t), values(k, k.segments_total, 0, "0"));
}

namespace {

// The rows of repeatable `id`: those whose id is "<id>#<n>".
std::string repeatable_rows(const std::string& id) {
  return fmt::format("left(id, {}) = {} AND split_part(id, '#', 2) ~ '^[0-9]+$'", id.size() + 1,
                     sql_literal(id + "#"));
}

}  // namespace

std::string history_repeatable_changed_sql(const HistoryTable& t, const std::string& id,
                                           const std::string& checksum) {
  return fmt::format(
      "coalesce((SELECT checksum FROM {} WHERE {} ORDER BY split_part(id, '#', 2)::int DESC "
      "LIMIT 1), '') <> {}",
      qualified_name(t), repeatable_rows(id), sql_literal(checksum));
}

std::string history_repeatable_done_sql(const HistoryTable& t, const HistoryRowKey& k,
                                        const std::string& duration_ms_sql) {
  return fmt::format(
      "{} SELECT {} || (coalesce(max(split_part(id, '#', 2)::int), 0) + 1), {}, '', {}, {}, 0, "
      "{}, {} FROM {} WHERE {}",
      insert_prefix(t), sql_literal(k.id + "#"), sql_literal(k.checksum), k.segments_total,
      k.segments_total, duration_ms_sql, sql_literal(k.method), qualified_name(t),
      repeatable_rows(k.id));
}

namespace {

// PostgreSQL's history statements: the functions above, for one table.
class PostgresHistorySql final : public HistorySql {
 public:
  explicit PostgresHistorySql(HistoryTable table) : t_(std::move(table)) {}

  std::vector<std::string> create(std::string&) const override { return history_create_sql(t_); }
  std::string exists() const override { return history_exists_sql(t_); }
  std::string select() const override { return history_select_sql(t_); }
  std::string transaction_duration() const override { return kTransactionDurationSql; }
  std::string up_started(const HistoryRowKey& k, int segment) const override {
    return history_up_started_sql(t_, k, segment);
  }
  std::string up_done(const HistoryRowKey& k, int segment,
                      const std::string& duration_ms) const override {
    return history_up_done_sql(t_, k, segment, duration_ms);
  }
  std::string down_started(const std::string& id, int segment) const override {
    return history_down_started_sql(t_, id, segment);
  }
  std::string down_done(const std::string& id, int segment,
                        const std::string& duration_ms) const override {
    return history_down_done_sql(t_, id, segment, duration_ms);
  }
  std::string remove(const std::string& id) const override { return history_delete_sql(t_, id); }
  std::string stamp(const HistoryRowKey& k) const override { return history_stamp_sql(t_, k); }
  std::string rehash(const std::string& id, const std::string& checksum) const override {
    return portable_history::rehash(qualified_name(t_), sql_literal(id), sql_literal(checksum));
  }

 private:
  HistoryTable t_;
};

}  // namespace

std::unique_ptr<HistorySql> make_postgres_history_sql(const HistoryTable& table) {
  return std::make_unique<PostgresHistorySql>(table);
}

}  // namespace migrac
