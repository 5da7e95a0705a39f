#include <string>

#include "runtime/db/lock_conflicts.h"
#include "runtime/db/postgres_driver.h"

namespace migrac::db {

namespace {

// "schema"."table" (or "table"), for to_regclass.
std::string quoted_name(const std::string& table) {
  auto quote = [](std::string_view part) {
    std::string out = "\"";
    for (char ch : part) {
      if (ch == '"') out += '"';
      out += ch;
    }
    return out + "\"";
  };
  std::size_t dot = table.find('.');
  if (dot == std::string::npos) return quote(table);
  return quote(std::string_view(table).substr(0, dot)) + "." +
         quote(std::string_view(table).substr(dot + 1));
}

// Sessions with a lock on one table in one of the modes $2, granted or
// waiting. An autovacuum worker is left out: it cancels itself when a
// conflicting lock request waits (except one run to prevent wraparound).
constexpr const char* kBlockersSql =
    "SELECT l.pid, coalesce(a.application_name, ''), coalesce(a.state, ''),"
    " coalesce((extract(epoch FROM clock_timestamp() - a.xact_start) * 1000)::bigint, -1),"
    " split_part(coalesce(a.query, ''), E'\\n', 1), l.mode, l.granted"
    " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
    " WHERE l.locktype = 'relation'"
    " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    " AND l.relation = to_regclass($1) AND l.pid <> pg_backend_pid()"
    " AND l.mode = ANY ($2::text[])"
    " AND NOT (coalesce(a.backend_type, '') = 'autovacuum worker'"
    "          AND coalesce(a.query, '') NOT LIKE '%(to prevent wraparound)%')"
    " ORDER BY l.granted DESC, a.xact_start NULLS LAST, l.pid";

}  // namespace

Result postgres_lock_blockers(Driver& db, const std::vector<TableLock>& locks,
                              std::vector<LockBlocker>& blockers) {
  blockers.clear();
  for (const TableLock& lock : locks) {
    std::vector<std::string> modes = conflicting_pg_modes(lock.level);
    if (modes.empty() || lock.table.empty()) continue;
    std::string array = "{";
    for (const std::string& m : modes) array += (array.size() > 1 ? "," : "") + m;
    array += "}";
    Result r = db.exec(kBlockersSql, {quoted_name(lock.table), array});
    if (!r.ok()) return r;
    for (const Row& row : r.rows) {
      LockBlocker b;
      b.pid = row[0].value_or("?");
      b.application = row[1].value_or("");
      b.state = row[2].value_or("");
      b.transaction_ms = std::stoll(row[3].value_or("-1"));
      b.query = row[4].value_or("");
      b.table = lock.table;
      b.mode = row[5].value_or("");
      b.granted = row[6].value_or("t") == "t";
      blockers.push_back(std::move(b));
    }
  }
  return {};
}

}  // namespace migrac::db
