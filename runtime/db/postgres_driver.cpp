#include "runtime/db/postgres_driver.h"

#include <algorithm>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <libpq-fe.h>

#include "runtime/db/client_library.h"

namespace migrac::db {

namespace {

ErrorKind kind_of(std::string_view sqlstate) {
  if (sqlstate == "55P03") return ErrorKind::LockTimeout;  // lock_not_available
  if (sqlstate == "40P01") return ErrorKind::Deadlock;
  if (sqlstate == "42P07" || sqlstate == "42710") return ErrorKind::AlreadyExists;
  if (sqlstate == "42704" || sqlstate == "42P01") return ErrorKind::Missing;
  if (sqlstate.substr(0, 2) == "08") return ErrorKind::Connection;
  return ErrorKind::Other;
}

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string field(const PGresult* r, int code) {
  const char* v = PQresultErrorField(r, code);
  return v ? trim(v) : std::string();
}

// Server WARNINGs go to stderr (redacted); NOTICEs ("already exists,
// skipping") are noise for a migration run.
void on_notice(void* arg, const PGresult* r) {
  const auto* redact = static_cast<const Redactor*>(arg);
  std::string severity = field(r, PG_DIAG_SEVERITY_NONLOCALIZED);
  if (severity != "WARNING") return;
  std::cerr << fmt::format("migrac: server warning: {}\n",
                           (*redact)(field(r, PG_DIAG_MESSAGE_PRIMARY)));
}

// One libpq connection.
class PostgresDriver final : public Driver {
 public:
  PostgresDriver(PGconn* conn, Redactor redact) : conn_(conn), redact_(std::move(redact)) {
    PQsetNoticeReceiver(conn_, on_notice, &redact_);
  }
  ~PostgresDriver() override { PQfinish(conn_); }
  PostgresDriver(const PostgresDriver&) = delete;
  PostgresDriver& operator=(const PostgresDriver&) = delete;

  std::string_view engine() const override { return "postgres"; }
  Dialect dialect() const override { return Dialect::Postgres; }

  std::string describe() const override {
    const char* host = PQhost(conn_);
    std::string h = host ? host : "";
    if (!h.empty() && h[0] == '/') h = "socket " + h;
    return redact_(fmt::format("{}:{}/{} as {}", h, PQport(conn_), PQdb(conn_), PQuser(conn_)));
  }

  Result exec(std::string_view sql, const Params& params) override {
    std::string text(sql);
    int sent = 0;
    if (params.empty()) {
      sent = PQsendQuery(conn_, text.c_str());
    } else {
      std::vector<const char*> values;
      values.reserve(params.size());
      for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
      sent = PQsendQueryParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr,
                               values.data(), nullptr, nullptr, 0);
    }
    if (!sent) return connection_error();
    if (after_send_) after_send_();
    Result result;
    while (PGresult* r = PQgetResult(conn_)) {
      absorb(r, result);
      PQclear(r);
    }
    if (!result.error && PQstatus(conn_) == CONNECTION_BAD) return connection_error();
    return result;
  }

  Result run(const Statement& statement) override {
    return exec(statement.sql, statement.params ? *statement.params : Params{});
  }

  Result begin() override { return exec("BEGIN", {}); }
  Result commit() override { return exec("COMMIT", {}); }
  Result rollback() override { return exec("ROLLBACK", {}); }

  Result run_transaction(const std::vector<Statement>& statements, TransactionStop& stop) override {
    // One simple-query message: the server runs the statements in order and
    // skips the rest after an error; one result per statement tells which failed.
    std::string text = "BEGIN\n;\n";
    for (const Statement& st : statements) text.append(st.sql).append("\n;\n");
    text += "COMMIT\n;\n";
    stop = TransactionStop{statements.size(), false};
    if (!PQsendQuery(conn_, text.c_str())) return connection_error();
    if (after_send_) after_send_();
    Result result;
    std::size_t index = 0;  // 0 is BEGIN, statements.size() + 1 is COMMIT
    while (PGresult* r = PQgetResult(conn_)) {
      bool had_error = result.error.has_value();
      absorb(r, result);
      if (!had_error && result.error && index >= 1 && index <= statements.size()) {
        stop = TransactionStop{index - 1, true};
      }
      ++index;
      PQclear(r);
    }
    if (!result.error && PQstatus(conn_) == CONNECTION_BAD) return connection_error();
    return result;
  }

  Result try_run_lock(std::int64_t key, bool& taken) override {
    Result r = exec("SELECT pg_try_advisory_lock($1::bigint)", {std::to_string(key)});
    taken = r.ok() && !r.rows.empty() && r.rows[0][0] == std::optional<std::string>("t");
    return r;
  }

  void release_run_lock(std::int64_t key) override {
    exec("SELECT pg_advisory_unlock($1::bigint)", Params{std::to_string(key)});
  }

  std::unique_ptr<IndexProgressReader> index_progress_reader() override {
    return postgres_index_progress_reader(conn_, redact_);
  }

  Result lock_blockers(const std::vector<TableLock>& locks,
                       std::vector<LockBlocker>& blockers) override {
    return postgres_lock_blockers(*this, locks, blockers);
  }

  LockHolder run_lock_holder(std::int64_t key) override {
    // A bigint advisory key shows in pg_locks as classid (high half), objid
    // (low half), objsubid 1.
    auto u = static_cast<std::uint64_t>(key);
    Result r = exec(
        "SELECT l.pid, coalesce(a.usename, ''), coalesce(a.application_name, ''),"
        " coalesce(to_char(a.xact_start, 'YYYY-MM-DD HH24:MI:SS'), '')"
        " FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
        " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
        " AND l.classid = $1::oid AND l.objid = $2::oid"
        " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        {std::to_string(u >> 32), std::to_string(u & 0xffffffffu)});
    LockHolder h;
    if (!r.ok() || r.rows.empty()) return h;
    const Row& row = r.rows[0];
    h.held = true;
    h.who = fmt::format("pid {}", row[0].value_or("?"));
    if (!row[1].value_or("").empty()) h.who += fmt::format(", user '{}'", *row[1]);
    if (!row[2].value_or("").empty()) h.who += fmt::format(", application '{}'", *row[2]);
    return h;
  }

 private:
  void absorb(PGresult* r, Result& result) {
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_FATAL_ERROR || st == PGRES_NONFATAL_ERROR || st == PGRES_BAD_RESPONSE) {
      if (result.error) return;  // keep the first error of a multi-statement string
      DbError e;
      e.sqlstate = field(r, PG_DIAG_SQLSTATE);
      e.kind = kind_of(e.sqlstate);
      e.message = redact_(field(r, PG_DIAG_MESSAGE_PRIMARY));
      if (e.message.empty()) e.message = redact_(trim(PQresultErrorMessage(r)));
      e.detail = redact_(field(r, PG_DIAG_MESSAGE_DETAIL));
      e.hint = redact_(field(r, PG_DIAG_MESSAGE_HINT));
      result.error = std::move(e);
      return;
    }
    if (st == PGRES_TUPLES_OK) {
      result.rows.clear();
      int n = PQntuples(r), m = PQnfields(r);
      result.rows.reserve(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) {
        Row row;
        row.reserve(static_cast<std::size_t>(m));
        for (int j = 0; j < m; ++j) {
          if (PQgetisnull(r, i, j)) row.emplace_back(std::nullopt);
          else
            row.emplace_back(std::string(PQgetvalue(r, i, j),
                                         static_cast<std::size_t>(PQgetlength(r, i, j))));
        }
        result.rows.push_back(std::move(row));
      }
    }
    const char* tuples = PQcmdTuples(r);
    result.affected = (tuples && *tuples) ? std::stoll(tuples) : 0;
  }

  Result connection_error() {
    Result r;
    DbError e;
    e.kind = ErrorKind::Connection;
    e.message = redact_(connection_reason(PQerrorMessage(conn_)));
    if (e.message.empty()) e.message = "the connection to the server was lost";
    r.error = std::move(e);
    return r;
  }

  PGconn* conn_;
  Redactor redact_;
};

bool is_auth_failure(const std::string& message) {
  return message.find("password authentication failed") != std::string::npos ||
         message.find("no password supplied") != std::string::npos ||
         message.find("authentication failed") != std::string::npos ||
         message.find("does not exist") != std::string::npos || message.find("invalid ") == 0;
}

}  // namespace

std::string DbError::one_line() const {
  std::string s = message;
  if (!detail.empty()) s += fmt::format(" (DETAIL: {})", detail);
  if (!hint.empty()) s += fmt::format(" (HINT: {})", hint);
  for (char& c : s) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return s;
}

std::string connection_reason(const std::string& libpq_message) {
  std::istringstream in(libpq_message);
  std::string line, out;
  std::vector<std::string> seen;
  while (std::getline(in, line)) {
    std::string l = trim(line);
    if (l.rfind("connection to server", 0) == 0) {
      if (auto at = l.find("failed: "); at != std::string::npos) l = l.substr(at + 8);
    }
    for (const char* prefix : {"FATAL:", "ERROR:"}) {
      if (l.rfind(prefix, 0) == 0) l = trim(l.substr(std::string_view(prefix).size()));
    }
    if (l.empty() || std::find(seen.begin(), seen.end(), l) != seen.end()) continue;
    seen.push_back(l);
    out += (out.empty() ? "" : "; ") + l;
  }
  return out;
}

std::unique_ptr<Driver> open_postgres(const std::string& url, const std::string& database,
                                      const Redactor& redact, std::string& error, bool& retryable) {
  // The first dbname is expanded as a connection string; a second one is a
  // plain database name that overrides the string's.
  const char* keys[] = {"dbname", "fallback_application_name", "dbname", nullptr};
  const char* values[] = {url.c_str(), "migrac", database.c_str(), nullptr};
  if (database.empty()) keys[2] = nullptr;
  if (!load_libpq(error)) {
    retryable = false;
    return nullptr;
  }
  PGconn* conn = PQconnectdbParams(keys, values, 1);
  if (!conn) {
    error = "cannot connect to the database: out of memory";
    retryable = false;
    return nullptr;
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string reason = redact(connection_reason(PQerrorMessage(conn)));
    const char* host = PQhost(conn);
    const char* port = PQport(conn);
    const char* db = PQdb(conn);
    const char* user = PQuser(conn);
    std::string where;
    if (host && *host) where += fmt::format(" at {}{}", *host == '/' ? "socket " : "", host);
    if (port && *port) where += fmt::format(" port {}", port);
    if (db && *db) where += fmt::format(", database '{}'", db);
    if (user && *user) where += fmt::format(", user '{}'", user);
    error = redact(fmt::format("cannot connect to the database{}: {}", where, reason));
    retryable = !is_auth_failure(reason);
    PQfinish(conn);
    return nullptr;
  }
  auto driver = std::make_unique<PostgresDriver>(conn, redact);
  // A killed runner should not leave its statement running on the server
  // (PostgreSQL 14+ checks the client's socket during long statements).
  if (PQserverVersion(conn) >= 140000)
    driver->exec("SET client_connection_check_interval = '250ms'", {});
  return driver;
}

}  // namespace migrac::db
