// The MySQL and MariaDB driver. What the runtime needs from MySQL's side:
// - Statements go as text; the connection allows several statements in one
//   query (a `sql` block may hold them, and a transaction goes in one round
//   trip), and the results are read one by one to find the one that failed.
// - The runtime's own queries write $1.. parameters; they are bound here as
//   escaped literals (bind_dollar_params), as the text protocol has none.
// - A transaction marks its start in @migrac_transaction_start, which the
//   history table's transaction_duration() reads (compiler/dialect/mysql/history.h).
// - The run lock is GET_LOCK('migrac:<database>:<key>', 0), held by this
//   connection until it is released or the connection ends; its holder is
//   found with IS_USED_LOCK() and information_schema.processlist.

#include "runtime/db/mysql_driver.h"

#include <mysql.h>

#include <algorithm>

#include <fmt/format.h>

#include "runtime/db/client_library.h"

namespace migrac::db {

namespace {

constexpr unsigned kConnectTimeoutSeconds = 10;
constexpr std::size_t kMaxLockName = 64;  // MySQL's limit on a user-level lock's name

// A MySQL error number that says the connection is not there.
bool connection_lost(unsigned number) {
  return number == 2002 || number == 2003 || number == 2006 || number == 2013 || number == 2055;
}

// One Connector/C connection.
class MysqlDriver final : public Driver {
 public:
  MysqlDriver(MYSQL* conn, MysqlTarget target, Redactor redact)
      : conn_(conn), target_(std::move(target)), redact_(std::move(redact)) {}
  ~MysqlDriver() override { mysql_close(conn_); }
  MysqlDriver(const MysqlDriver&) = delete;
  MysqlDriver& operator=(const MysqlDriver&) = delete;

  std::string_view engine() const override { return "mysql"; }
  Dialect dialect() const override { return Dialect::Mysql; }

  // "127.0.0.1:3306/app as deploy", "app via socket /run/mysqld/mysqld.sock as root".
  std::string describe() const override {
    std::string user = target_.user.empty() ? "the login user" : target_.user;
    if (!target_.socket.empty()) {
      return redact_(fmt::format("{} via socket {} as {}", target_.database, target_.socket, user));
    }
    return redact_(fmt::format("{}:{}/{} as {}", target_.host.empty() ? "localhost" : target_.host,
                               target_.port == 0 ? 3306u : target_.port, target_.database, user));
  }

  Result exec(std::string_view sql, const Params& params) override {
    if (params.empty()) return query(sql, nullptr);
    std::string text = bind_dollar_params(sql, params,
                                          [this](const std::string& v) { return literal(v); });
    return query(text, nullptr);
  }

  Result run(const Statement& statement) override {
    if (statement.params && !statement.params->empty())
      return exec(statement.sql, *statement.params);
    return query(statement.sql, nullptr);
  }

  Result begin() override {
    return query("SET @migrac_transaction_start = SYSDATE(6); BEGIN", nullptr);
  }
  Result commit() override { return query("COMMIT", nullptr); }
  Result rollback() override { return query("ROLLBACK", nullptr); }

  Result run_transaction(const std::vector<Statement>& statements, TransactionStop& stop) override {
    // One query: the server runs the statements in order and stops at the
    // first error; the number of results read before it tells which failed.
    // Result 0 is the start mark, 1 is BEGIN, statements.size() + 2 is COMMIT.
    std::string text = "SET @migrac_transaction_start = SYSDATE(6);\nBEGIN;\n";
    for (const Statement& st : statements) text.append(st.sql).append(";\n");
    text += "COMMIT";
    stop = TransactionStop{statements.size(), false};
    std::size_t failed = 0;
    Result r = query(text, &failed);
    if (r.ok()) return r;
    if (failed >= 2 && failed < statements.size() + 2) {
      // The transaction stays open after a failed statement (a deadlock
      // victim's is rolled back already; ROLLBACK is then harmless).
      stop = TransactionStop{failed - 2, r.error->kind != ErrorKind::Connection};
    }
    return r;
  }

  Result try_run_lock(std::int64_t key, bool& taken) override {
    Result r = query(fmt::format("SELECT GET_LOCK({}, 0)", literal(lock_name(key))), nullptr);
    taken = r.ok() && !r.rows.empty() && !r.rows[0].empty() &&
            r.rows[0][0] == std::optional<std::string>("1");
    return r;
  }

  void release_run_lock(std::int64_t key) override {
    query(fmt::format("SELECT RELEASE_LOCK({})", literal(lock_name(key))), nullptr);
  }

  LockHolder run_lock_holder(std::int64_t key) override {
    LockHolder h;
    Result id = query(fmt::format("SELECT IS_USED_LOCK({})", literal(lock_name(key))), nullptr);
    if (!id.ok() || id.rows.empty() || id.rows[0].empty() || !id.rows[0][0]) return h;
    h.held = true;
    h.who = fmt::format("connection {}", *id.rows[0][0]);
    // Without the PROCESS privilege the list shows this user's connections only.
    Result p = query(fmt::format("SELECT USER, HOST, COALESCE(STATE, ''), TIME FROM "
                                 "information_schema.PROCESSLIST WHERE ID = {}",
                                 literal(*id.rows[0][0])),
                     nullptr);
    if (!p.ok() || p.rows.empty() || p.rows[0].size() < 4) return h;
    const Row& row = p.rows[0];
    if (!row[0].value_or("").empty()) h.who += fmt::format(", user '{}'", *row[0]);
    if (!row[1].value_or("").empty()) h.who += fmt::format(", host '{}'", *row[1]);
    return h;
  }

 private:
  // The lock's name: per database, as the history table is (at most 64 characters).
  std::string lock_name(std::int64_t key) const {
    std::string tail = fmt::format(":{}", key);
    std::string head = "migrac:" + target_.database;
    head.resize(std::min(head.size(), kMaxLockName - tail.size()));
    return head + tail;
  }

  std::string literal(const std::string& value) const {
    std::string out(value.size() * 2 + 1, '\0');
    unsigned long n = mysql_real_escape_string(conn_, out.data(), value.data(),
                                               static_cast<unsigned long>(value.size()));
    out.resize(n);
    return "'" + out + "'";
  }

  // Sends `sql` (one or more statements), then reads every result. On an
  // error, `failed` (when given) is the index of the statement that failed.
  Result query(std::string_view sql, std::size_t* failed) {
    if (mysql_send_query(conn_, sql.data(), static_cast<unsigned long>(sql.size())) != 0) {
      return error_result();
    }
    if (after_send_) after_send_();
    Result result;
    std::size_t index = 0;
    if (mysql_read_query_result(conn_) != 0) {
      if (failed) *failed = index;
      return error_result();
    }
    for (;;) {
      if (MYSQL_RES* res = mysql_store_result(conn_)) {
        absorb(res, result);
        mysql_free_result(res);
      } else if (mysql_field_count(conn_) != 0) {
        if (failed) *failed = index;
        return error_result();
      } else {
        result.affected = static_cast<std::int64_t>(mysql_affected_rows(conn_));
      }
      if (!mysql_more_results(conn_)) break;
      ++index;
      int next = mysql_next_result(conn_);
      if (next > 0) {
        if (failed) *failed = index;
        return error_result();
      }
      if (next < 0) break;
    }
    return result;
  }

  static void absorb(MYSQL_RES* res, Result& result) {
    result.rows.clear();
    unsigned fields = mysql_num_fields(res);
    while (MYSQL_ROW values = mysql_fetch_row(res)) {
      unsigned long* lengths = mysql_fetch_lengths(res);
      Row row;
      row.reserve(fields);
      for (unsigned i = 0; i < fields; ++i) {
        if (!values[i]) row.emplace_back(std::nullopt);
        else row.emplace_back(std::string(values[i], lengths[i]));
      }
      result.rows.push_back(std::move(row));
    }
    result.affected = 0;
  }

  Result error_result() {
    Result r;
    DbError e;
    unsigned number = mysql_errno(conn_);
    e.kind = mysql_error_kind(number);
    const char* state = mysql_sqlstate(conn_);
    if (state && std::string_view(state) != "00000" && !connection_lost(number)) e.sqlstate = state;
    std::string message = mysql_error(conn_);
    if (message.empty()) message = "the connection to the server was lost";
    e.message = redact_(number ? fmt::format("{} (error {})", message, number) : message);
    r.error = std::move(e);
    return r;
  }

  MYSQL* conn_;
  MysqlTarget target_;
  Redactor redact_;
};

// Whether waiting may help a failed connection.
bool retryable_connect(unsigned number) {
  return connection_lost(number) || number == 1040 /* too many connections */;
}

}  // namespace

ErrorKind mysql_error_kind(unsigned number) {
  switch (number) {
    case 1205:  // lock wait timeout (row locks and metadata locks alike)
    case 3572:  // a NOWAIT lock not available (MySQL 8)
      return ErrorKind::LockTimeout;
    case 1213: return ErrorKind::Deadlock;
    case 1050:  // table exists
    case 1060:  // duplicate column
    case 1061:  // duplicate key name
    case 1826:  // duplicate foreign key constraint name
      return ErrorKind::AlreadyExists;
    case 1051:  // unknown table
    case 1091:  // can't drop: check that it exists
      return ErrorKind::Missing;
    default: break;
  }
  return connection_lost(number) ? ErrorKind::Connection : ErrorKind::Other;
}

std::string bind_dollar_params(std::string_view sql, const Params& params,
                               const std::function<std::string(const std::string&)>& literal) {
  std::string out;
  out.reserve(sql.size());
  for (std::size_t i = 0; i < sql.size();) {
    char c = sql[i];
    if (c == '\'' || c == '"' || c == '`') {  // a quoted string or name, copied whole
      std::size_t end = i + 1;
      while (end < sql.size() && sql[end] != c) end += (sql[end] == '\\' && c != '`') ? 2 : 1;
      end = std::min(end + 1, sql.size());
      out.append(sql.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // a comment to the line's end
      std::size_t end = std::min(sql.find('\n', i), sql.size());
      out.append(sql.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '1' && sql[i + 1] <= '9') {
      std::size_t end = i + 1;
      std::size_t n = 0;
      while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9' && n <= params.size()) {
        n = n * 10 + static_cast<std::size_t>(sql[end] - '0');
        ++end;
      }
      if (n >= 1 && n <= params.size()) {
        const auto& value = params[n - 1];
        out += value ? literal(*value) : std::string("NULL");
        i = end;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

std::unique_ptr<Driver> open_mysql(const MysqlTarget& target, const Redactor& redact,
                                   std::string& error, bool& retryable) {
  retryable = false;
  if (!load_mariadb(error)) return nullptr;
  MYSQL* conn = mysql_init(nullptr);
  if (!conn) {
    error = "cannot connect to the database: out of memory";
    return nullptr;
  }
  unsigned timeout = kConnectTimeoutSeconds;
  mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
  mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  mysql_options4(conn, MYSQL_OPT_CONNECT_ATTR_ADD, "program_name", "migrac");
  std::string host = target.host.empty() ? "localhost" : target.host;
  auto or_null = [](const std::string& s) { return s.empty() ? nullptr : s.c_str(); };
  MYSQL* ok = mysql_real_connect(conn, host.c_str(), or_null(target.user), or_null(target.password),
                                 target.database.c_str(), target.port, or_null(target.socket),
                                 CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS);
  if (!ok) {
    unsigned number = mysql_errno(conn);
    std::string where = !target.socket.empty()
                            ? fmt::format(" at socket {}", target.socket)
                            : fmt::format(" at {} port {}", host,
                                          target.port == 0 ? 3306u : target.port);
    where += fmt::format(", database '{}'", target.database);
    if (!target.user.empty()) where += fmt::format(", user '{}'", target.user);
    error = redact(fmt::format("cannot connect to the database{}: {} (error {})", where,
                               mysql_error(conn), number));
    retryable = retryable_connect(number);
    mysql_close(conn);
    return nullptr;
  }
  return std::make_unique<MysqlDriver>(conn, target, redact);
}

}  // namespace migrac::db
