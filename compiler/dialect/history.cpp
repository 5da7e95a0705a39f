// The history table's dialect-neutral parts and the factory of each
// dialect's history statements.

#include "compiler/dialect/history.h"

#include <fmt/format.h>

#include "compiler/dialect/mysql/history.h"
#include "compiler/dialect/postgres/history.h"
#include "compiler/dialect/sqlite/history.h"

namespace migrac {

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
    return part.empty() || part.size() > 63 ||
           part.find_first_of(".\"\0", 0, 3) != std::string::npos;
  };
  if (bad(t.name) || (dot != std::string::npos && bad(t.schema))) {
    error = fmt::format("invalid history table name '{}' (expected 'name' or 'schema.name')",
                        configured);
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

std::string repeatable_row_id(const std::string& id, int n) { return id + "#" + std::to_string(n); }

std::optional<RepeatableRow> parse_repeatable_row(const std::string& row_id) {
  std::size_t hash = row_id.rfind('#');
  if (hash == std::string::npos || hash == 0 || hash + 1 >= row_id.size()) return std::nullopt;
  int n = 0;
  for (std::size_t i = hash + 1; i < row_id.size(); ++i) {
    char c = row_id[i];
    if (c < '0' || c > '9' || n > 100000000) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n == 0) return std::nullopt;
  return RepeatableRow{row_id.substr(0, hash), n};
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

std::unique_ptr<HistorySql> make_history_sql(Dialect dialect, const HistoryTable& table) {
  switch (dialect) {
    case Dialect::Postgres: return make_postgres_history_sql(table);
    case Dialect::Sqlite: return make_sqlite_history_sql(table);
    case Dialect::Mysql: return make_mysql_history_sql(table);
  }
  return make_postgres_history_sql(table);
}

namespace portable_history {

std::string down_started(const std::string& table, const std::string& id, int segment) {
  return fmt::format("UPDATE {} SET segment_started = {} WHERE id = {}", table, segment, id);
}

std::string down_done(const std::string& table, const std::string& id, int segment,
                      const std::string& duration_ms) {
  return fmt::format(
      "UPDATE {} SET down_done = {}, segment_started = 0, duration_ms = duration_ms + {} WHERE id "
      "= {}",
      table, segment, duration_ms, id);
}

std::string remove(const std::string& table, const std::string& id) {
  return fmt::format("DELETE FROM {} WHERE id = {}", table, id);
}

std::string rehash(const std::string& table, const std::string& id, const std::string& checksum) {
  return fmt::format("UPDATE {} SET checksum = {} WHERE id = {}", table, checksum, id);
}

}  // namespace portable_history

}  // namespace migrac
