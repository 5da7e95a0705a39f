#include "compiler/dialect/postgres/history.h"

#include <regex>

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
      t.qualified());
}

std::string values(const HistoryRowKey& k, int done, int started, const std::string& duration) {
  return fmt::format("VALUES ({}, {}, {}, {}, {}, {}, {}, {})", sql_literal(k.id),
                     sql_literal(k.checksum), sql_literal(join_parents(k.parents)), done,
                     k.segments_total, started, duration, sql_literal(k.method));
}

}  // namespace

std::string HistoryTable::qualified() const {
  if (schema.empty()) return quote_identifier(name);
  return quote_identifier(schema) + "." + quote_identifier(name);
}

std::string HistoryTable::display() const { return schema.empty() ? name : schema + "." + name; }

std::optional<HistoryTable> parse_history_table(const std::string& configured, std::string& error) {
  HistoryTable t;
  auto dot = configured.find('.');
  if (dot == std::string::npos) {
    t.name = configured;
  } else {
    t.schema = configured.substr(0, dot);
    t.name = configured.substr(dot + 1);
  }
  auto bad = [](const std::string& part) {
    return part.empty() || part.size() > 63 || part.find_first_of(".\"\0", 0, 3) != std::string::npos;
  };
  if (bad(t.name) || (dot != std::string::npos && bad(t.schema))) {
    error = fmt::format("invalid history table name '{}' (expected 'name' or 'schema.name')", configured);
    return std::nullopt;
  }
  return t;
}

std::int64_t run_lock_key(const HistoryTable& table) {
  // FNV-1a, 64 bits: stable across builds and platforms.
  std::uint64_t h = 14695981039346656037ull;
  for (char c : "migrac:" + table.schema + "." + table.name) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return static_cast<std::int64_t>(h);
}

std::string sql_literal(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string join_parents(const std::vector<std::string>& parents) {
  std::string s;
  for (const std::string& p : parents) s += (s.empty() ? "" : ",") + p;
  return s;
}

std::vector<std::string> split_parents(const std::string& stored) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < stored.size()) {
    std::size_t comma = stored.find(',', start);
    if (comma == std::string::npos) comma = stored.size();
    if (comma > start) out.push_back(stored.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::vector<std::string> history_create_sql(const HistoryTable& t) {
  std::vector<std::string> out;
  if (!t.schema.empty()) out.push_back(fmt::format("CREATE SCHEMA IF NOT EXISTS {}", quote_identifier(t.schema)));
  out.push_back(fmt::format(
      "CREATE TABLE IF NOT EXISTS {} (\n"
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
      t.qualified()));
  return out;
}

std::string history_exists_sql(const HistoryTable& t) {
  return fmt::format("SELECT to_regclass({}) IS NOT NULL", sql_literal(t.qualified()));
}

std::string history_select_sql(const HistoryTable& t) {
  return fmt::format(
      "SELECT id, checksum, parents, segments_done, segments_total, down_done, segment_started, "
      "to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS TZ'), duration_ms, applied_by, method FROM {} "
      "ORDER BY applied_at, id",
      t.qualified());
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
      insert_prefix(t), values(k, segment, 0, duration_ms_sql), t.qualified());
}

std::string history_down_started_sql(const HistoryTable& t, const std::string& id, int segment) {
  return fmt::format("UPDATE {} SET segment_started = {} WHERE id = {}", t.qualified(), segment,
                     sql_literal(id));
}

std::string history_down_done_sql(const HistoryTable& t, const std::string& id, int segment,
                                  const std::string& duration_ms_sql) {
  return fmt::format(
      "UPDATE {} SET down_done = {}, segment_started = 0, duration_ms = duration_ms + {} WHERE id = {}",
      t.qualified(), segment, duration_ms_sql, sql_literal(id));
}

std::string history_delete_sql(const HistoryTable& t, const std::string& id) {
  return fmt::format("DELETE FROM {} WHERE id = {}", t.qualified(), sql_literal(id));
}

std::string history_stamp_sql(const HistoryTable& t, const HistoryRowKey& k) {
  return fmt::format(
      "{} {} ON CONFLICT (id) DO UPDATE SET checksum = EXCLUDED.checksum, parents = EXCLUDED.parents, "
      "segments_done = EXCLUDED.segments_done, segments_total = EXCLUDED.segments_total, "
      "down_done = 0, segment_started = 0, applied_at = now(), applied_by = EXCLUDED.applied_by, "
      "method = EXCLUDED.method",
      insert_prefix(t), values(k, k.segments_total, 0, "0"));
}

std::optional<SessionSetting> session_setting(const std::string& sql) {
  static const std::regex re(
      R"(^\s*SET\s+(LOCAL\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*(=|\s+TO\s+)\s*([\s\S]*?)\s*;?\s*$)",
      std::regex::icase);
  std::smatch m;
  if (!std::regex_match(sql, m, re) || !m[1].matched) return std::nullopt;
  return SessionSetting{fmt::format("SET {} = {}", m[2].str(), m[4].str()),
                        fmt::format("RESET {}", m[2].str())};
}

}  // namespace migrac
