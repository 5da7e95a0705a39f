// The progress of a CREATE INDEX on PostgreSQL: pg_stat_progress_create_index
// (PostgreSQL 12+) read on a second connection, by the building session's pid.

#include <cstdlib>
#include <string_view>

#include <libpq-fe.h>

#include "runtime/db/postgres_driver.h"

namespace migrac::db {

namespace {

// A second connection, reading the building session's row.
class PostgresIndexProgress final : public IndexProgressReader {
 public:
  PostgresIndexProgress(PGconn* conn, int pid) : conn_(conn), pid_(std::to_string(pid)) {}
  ~PostgresIndexProgress() override { PQfinish(conn_); }
  PostgresIndexProgress(const PostgresIndexProgress&) = delete;
  PostgresIndexProgress& operator=(const PostgresIndexProgress&) = delete;

  std::optional<IndexBuildState> read() override {
    static const char* kSql =
        "SELECT phase, blocks_done, blocks_total, tuples_done, tuples_total, lockers_done, "
        "lockers_total FROM pg_stat_progress_create_index WHERE pid = $1";
    const char* values[] = {pid_.c_str()};
    PGresult* r = PQexecParams(conn_, kSql, 1, nullptr, values, nullptr, nullptr, 0);
    std::optional<IndexBuildState> out;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
      auto number = [&](int col) -> std::int64_t {
        return PQgetisnull(r, 0, col) ? 0 : std::atoll(PQgetvalue(r, 0, col));
      };
      IndexBuildState s;
      s.phase = PQgetvalue(r, 0, 0);
      // The count the phase keeps (the others hold an earlier phase's):
      // sessions while waiting for writers or readers, blocks while scanning
      // the table, tuples while sorting, loading or scanning the index.
      std::string_view phase = s.phase;
      int first = -1;
      if (phase.rfind("waiting for", 0) == 0) {
        first = 5;
        s.unit = "sessions";
      } else if (phase.find("scanning table") != std::string_view::npos) {
        first = 1;
        s.unit = "blocks";
      } else if (phase.find("tuples") != std::string_view::npos ||
                 phase.find("scanning index") != std::string_view::npos) {
        first = 3;
        s.unit = "tuples";
      }
      if (first > 0 && number(first + 1) > 0) {
        s.done = number(first);
        s.total = number(first + 1);
      }
      out = s;
    }
    PQclear(r);
    return out;
  }

 private:
  PGconn* conn_;
  std::string pid_;
};

}  // namespace

std::unique_ptr<IndexProgressReader> postgres_index_progress_reader(pg_conn* conn,
                                                                    const Redactor& redact) {
  (void)redact;  // the reader reports nothing of its own: a failure means no progress lines
  if (PQserverVersion(conn) < 120000) return nullptr;
  // Connect as the building connection did: its own parameters, password included.
  PQconninfoOption* options = PQconninfo(conn);
  if (options == nullptr) return nullptr;
  std::vector<const char*> keys;
  std::vector<const char*> values;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr || *o->val == '\0') continue;
    std::string_view key = o->keyword;
    if (key == "application_name" || key == "fallback_application_name") continue;
    keys.push_back(o->keyword);
    values.push_back(o->val);
  }
  keys.push_back("application_name");
  values.push_back("migrac progress");
  keys.push_back(nullptr);
  values.push_back(nullptr);
  PGconn* watcher = PQconnectdbParams(keys.data(), values.data(), 0);
  PQconninfoFree(options);
  if (watcher == nullptr) return nullptr;
  if (PQstatus(watcher) != CONNECTION_OK) {
    PQfinish(watcher);
    return nullptr;
  }
  return std::make_unique<PostgresIndexProgress>(watcher, PQbackendPID(conn));
}

}  // namespace migrac::db
