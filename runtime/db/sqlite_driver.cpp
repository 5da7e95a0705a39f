// The SQLite driver. SQLite's quirks for the runtime live here: the history
// table's PostgreSQL spellings (compiler/dialect/postgres/history.cpp, shared with
// the psql scripts) are adapted statement by statement, `now()`, `to_char()`
// and the applying user are functions of the connection, a transaction
// starts with BEGIN IMMEDIATE (it takes the write lock at once instead of
// failing on it later), and `PRAGMA foreign_key_check` listing any row (after
// a table rebuild) is an error, so the migration's transaction rolls back.
//
// Foreign keys in a migration's transaction: a table rebuild must run with
// foreign key enforcement off (dropping the old table would otherwise fire
// ON DELETE actions on its children), and SQLite can switch it only outside
// a transaction. The plan switches it off in a segment before the migration,
// but a rerun that resumes a partly applied migration skips that segment. So
// the driver switches enforcement off itself when a transaction begins, and
// back as it was when it ends; a transaction that changed rows (besides the
// history table) is checked with PRAGMA foreign_key_check before it commits,
// so a broken reference fails the migration instead of committing. A backfill
// batch (its own transaction) keeps enforcement on and needs no check.

#include "runtime/db/sqlite_driver.h"

#include "compiler/dialect/postgres/history.h"
#include "compiler/source/sql_scan.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <ctime>
#include <regex>

#include <fmt/format.h>

namespace migrac::db {

namespace {

constexpr int kBusyTimeoutMs = 10000;

ErrorKind kind_of(int code, std::string_view message) {
  int primary = code & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return ErrorKind::LockTimeout;
  if (message.find("already exists") != std::string_view::npos) return ErrorKind::AlreadyExists;
  if (message.find("no such table") != std::string_view::npos ||
      message.find("no such index") != std::string_view::npos) {
    return ErrorKind::Missing;
  }
  if (primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR) return ErrorKind::Connection;
  return ErrorKind::Other;
}

DbError error_of(sqlite3* db) {
  DbError e;
  e.message = sqlite3_errmsg(db);
  e.kind = kind_of(sqlite3_extended_errcode(db), e.message);
  return e;
}

// The SQL without leading blanks and comments.
std::string_view skip_comments(std::string_view sql) {
  return sql.substr(source::skip_space_and_comments(sql, 0, source::kSqliteRules));
}

std::string unquote(std::string name) {
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
    name = name.substr(1, name.size() - 2);
  }
  return name;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The statement as SQLite runs it: the history table's PostgreSQL spellings
// adapted; empty with `error` set for what SQLite cannot do.
// `history` receives the history table's name as its statements write it.
std::string adapt(std::string_view sql, std::string& error, std::string* history = nullptr) {
  std::string text(sql);
  if (text == "BEGIN") return "BEGIN IMMEDIATE";
  static const std::regex exists(R"(^SELECT to_regclass\('(.*)'\) IS NOT NULL$)");
  std::smatch m;
  if (std::regex_match(text, m, exists)) {
    std::string name = unquote(replace_all(m[1].str(), "''", "'"));
    if (history != nullptr) *history = m[1].str();
    return fmt::format(
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '{}') "
        "THEN 't' ELSE 'f' END",
        replace_all(name, "'", "''"));
  }
  if (text.starts_with("CREATE SCHEMA")) {
    error = "sqlite has no schemas: name the history table without one (history_table = migrac_history)";
    return {};
  }
  if (text.starts_with("CREATE TABLE IF NOT EXISTS") && text.find("segments_total") != std::string::npos) {
    text = replace_all(text, "timestamptz NOT NULL DEFAULT now()", "text NOT NULL DEFAULT CURRENT_TIMESTAMP");
    text = replace_all(text, "DEFAULT current_user", "DEFAULT (migrac_user())");
  }
  return text;
}

// now(): the current UTC time as SQLite writes CURRENT_TIMESTAMP.
void fn_now(sqlite3_context* ctx, int, sqlite3_value**) {
  std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &utc);
  sqlite3_result_text(ctx, text, static_cast<int>(n), SQLITE_TRANSIENT);
}

// to_char(timestamp, format): the stored UTC text, marked as UTC.
void fn_to_char(sqlite3_context* ctx, int, sqlite3_value** args) {
  const unsigned char* v = sqlite3_value_text(args[0]);
  if (v == nullptr) {
    sqlite3_result_null(ctx);
    return;
  }
  std::string text = reinterpret_cast<const char*>(v);
  sqlite3_result_text(ctx, (text + " UTC").c_str(), -1, SQLITE_TRANSIENT);
}

// migrac_user(): who applies, for the history table's applied_by.
void fn_user(sqlite3_context* ctx, int, sqlite3_value**) {
  const char* user = std::getenv("USER");
  if (user == nullptr || *user == '\0') user = std::getenv("LOGNAME");
  sqlite3_result_text(ctx, user != nullptr && *user != '\0' ? user : "unknown", -1, SQLITE_TRANSIENT);
}

// One SQLite connection.
class SqliteDriver final : public Driver {
 public:
  SqliteDriver(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteDriver() override {
    release_run_lock(0);
    sqlite3_close_v2(db_);
  }
  SqliteDriver(const SqliteDriver&) = delete;
  SqliteDriver& operator=(const SqliteDriver&) = delete;

  std::string_view engine() const override { return "sqlite"; }

  std::string describe() const override {
    return path_ == ":memory:" ? "sqlite in memory" : fmt::format("sqlite file {}", path_);
  }

  Result exec(std::string_view sql, const Params& params) override {
    std::string_view head = skip_comments(sql);
    if (head == "BEGIN") {  // begun with the first statement, which decides the foreign key mode
      pending_begin_ = true;
      return {};
    }
    if (head == "COMMIT" || head == "ROLLBACK") return end_transaction(head == "COMMIT");
    if (pending_begin_) {
      if (Result r = begin(head); !r.ok()) return r;
    }
    if (in_transaction_ && !fk_enforced_ && changes_rows(head)) check_at_commit_ = true;
    // The transaction's duration, which PostgreSQL computes from its clock.
    std::string text(sql);
    if (std::size_t at = text.find(kTransactionDurationSql); at != std::string::npos) {
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::steady_clock::now() - began_at_).count();
      text.replace(at, std::string_view(kTransactionDurationSql).size(), std::to_string(ms));
    }
    return run(text, params);
  }

  // One statement after the other (SQLite has no round trips to save).
  Result exec_batch(const std::vector<std::string>& statements, std::size_t& failed) override {
    std::function<void()> hook = std::move(after_send_);
    after_send_ = nullptr;
    failed = statements.size();
    Result result;
    for (std::size_t i = 0; i < statements.size() && result.ok(); ++i) {
      result = exec(statements[i], {});
      if (!result.ok()) failed = i;
    }
    after_send_ = std::move(hook);
    if (after_send_) after_send_();
    return result;
  }

  Result run(std::string_view sql, const Params& params = {}) {
    Result result;
    std::string error;
    std::string text = adapt(sql, error, &history_);
    if (!error.empty()) {
      result.error = DbError{ErrorKind::Other, "", error, "", ""};
      return result;
    }
    int changes_before = sqlite3_total_changes(db_);
    const char* tail = text.c_str();
    while (tail != nullptr && *tail != '\0') {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(db_, tail, -1, &stmt, &tail) != SQLITE_OK) {
        result.error = error_of(db_);
        return result;
      }
      if (stmt == nullptr) break;  // only blanks or comments were left
      for (std::size_t i = 0; i < params.size(); ++i) {
        int at = sqlite3_bind_parameter_index(stmt, fmt::format("${}", i + 1).c_str());
        if (at == 0) at = static_cast<int>(i + 1);
        if (params[i]) {
          sqlite3_bind_text(stmt, at, params[i]->c_str(), -1, SQLITE_TRANSIENT);
        } else {
          sqlite3_bind_null(stmt, at);
        }
      }
      int rc = SQLITE_ROW;
      while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        Row row;
        for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
          const unsigned char* v = sqlite3_column_text(stmt, c);
          row.push_back(v ? std::optional<std::string>(reinterpret_cast<const char*>(v)) : std::nullopt);
        }
        result.rows.push_back(std::move(row));
      }
      if (rc != SQLITE_DONE) {
        result.error = error_of(db_);
        sqlite3_finalize(stmt);
        return result;
      }
      sqlite3_finalize(stmt);
    }
    if (after_send_) after_send_();
    result.affected = sqlite3_total_changes(db_) - changes_before;
    if (skip_comments(sql).starts_with("PRAGMA foreign_key_check") && !result.rows.empty()) {
      result.error = foreign_key_violation(result.rows);
    }
    return result;
  }

  Result try_run_lock(std::int64_t, bool& taken) override {
    Result r;
    taken = true;
    if (path_ == ":memory:" || lock_fd_ >= 0) return r;  // nobody else can open it
    std::string lock_path = path_ + ".migrac-lock";
    int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
      r.error = DbError{ErrorKind::Connection, "", fmt::format("cannot open the lock file {}", lock_path), "", ""};
      return r;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      taken = false;
      return r;
    }
    lock_fd_ = fd;
    const char* user = std::getenv("USER");
    std::string who = fmt::format("pid {}, user '{}'", ::getpid(), user ? user : "unknown");
    if (::ftruncate(fd, 0) == 0 && ::write(fd, who.data(), who.size()) < 0) {
      // the holder's name is only for the waiting message
    }
    return r;
  }

  // BEGIN IMMEDIATE, with foreign key enforcement off unless `first` is a
  // backfill batch (an UPDATE ... WHERE rowid IN (SELECT rowid ...)).
  Result begin(std::string_view first) {
    pending_begin_ = false;
    Result fk = run("PRAGMA foreign_keys");
    if (!fk.ok()) return fk;
    fk_before_ = !fk.rows.empty() && fk.rows[0][0] == std::optional<std::string>("1");
    bool batch = first.starts_with("UPDATE ") && first.find(" WHERE rowid IN (SELECT rowid FROM ") != std::string_view::npos;
    fk_enforced_ = fk_before_ && batch;
    if (fk_before_ && !fk_enforced_) {
      if (Result r = run("PRAGMA foreign_keys = OFF"); !r.ok()) return r;
    }
    Result r = run("BEGIN IMMEDIATE");
    if (r.ok()) in_transaction_ = true;
    began_at_ = std::chrono::steady_clock::now();
    check_at_commit_ = false;
    return r;
  }

  // COMMIT (after the foreign key check it needs) or ROLLBACK, then
  // enforcement back as it was.
  Result end_transaction(bool commit) {
    if (pending_begin_) {  // nothing ran in it
      pending_begin_ = false;
      return {};
    }
    Result r;
    if (commit && check_at_commit_) {
      r = run("PRAGMA foreign_key_check");
      if (r.ok() && !r.rows.empty()) r.error = foreign_key_violation(r.rows);
      if (!r.ok()) commit = false;
    }
    Result end = run(commit ? "COMMIT" : "ROLLBACK");
    if (r.ok()) r = end;
    r.rows.clear();
    in_transaction_ = false;
    check_at_commit_ = false;
    if (fk_before_ && !fk_enforced_) run("PRAGMA foreign_keys = ON");
    fk_enforced_ = fk_before_ = false;
    return r;
  }

  // True when a statement may change rows that foreign keys cover: anything
  // but DDL, pragmas, queries and the history table's bookkeeping.
  bool changes_rows(std::string_view head) const {
    for (std::string_view safe : {"CREATE ", "ALTER ", "PRAGMA ", "SELECT ", "ANALYZE"}) {
      if (head.starts_with(safe)) return false;
    }
    if (!history_.empty()) {
      for (const std::string& prefix : {"INSERT INTO " + history_ + " ", "UPDATE " + history_ + " ",
                                        "DELETE FROM " + history_ + " "}) {
        if (head.starts_with(prefix)) return false;
      }
    }
    return true;
  }

  void release_run_lock(std::int64_t) override {
    if (lock_fd_ < 0) return;
    if (::ftruncate(lock_fd_, 0) != 0) {
      // a stale name in the lock file only shows in a waiting message
    }
    ::flock(lock_fd_, LOCK_UN);
    ::close(lock_fd_);
    lock_fd_ = -1;
  }

  LockHolder run_lock_holder(std::int64_t) override {
    LockHolder h;
    int fd = ::open((path_ + ".migrac-lock").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return h;
    char buffer[256];
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    ::close(fd);
    if (n > 0) {
      h.held = true;
      h.who = std::string(buffer, static_cast<std::size_t>(n));
    }
    return h;
  }

 private:
  // The rows of PRAGMA foreign_key_check (table, rowid, parent, fkid) as an error.
  static DbError foreign_key_violation(const std::vector<Row>& rows) {
    std::string list;
    for (std::size_t i = 0; i < rows.size() && i < 5; ++i) {
      const Row& r = rows[i];
      auto at = [&](std::size_t k) { return k < r.size() && r[k] ? *r[k] : std::string("?"); };
      list += fmt::format("{}row {} of '{}' has no parent in '{}'", list.empty() ? "" : "; ", at(1), at(0), at(2));
    }
    if (rows.size() > 5) list += fmt::format("; and {} more", rows.size() - 5);
    return DbError{ErrorKind::Other, "", fmt::format("foreign key violation: {}", list),
                   "the rows existed before, or the change broke their references", ""};
  }

  sqlite3* db_;
  std::string path_;
  int lock_fd_ = -1;
  bool pending_begin_ = false;   // BEGIN received, not yet run
  bool in_transaction_ = false;
  bool fk_before_ = false;       // enforcement when the transaction began
  bool fk_enforced_ = false;     // enforcement during it
  bool check_at_commit_ = false;
  std::chrono::steady_clock::time_point began_at_;
  std::string history_;          // the history table, as its statements name it
};

}  // namespace

std::unique_ptr<Driver> open_sqlite(const std::string& path, bool read_only, std::string& error) {
  bool memory = path == ":memory:";
  if (read_only && !memory && ::access(path.c_str(), F_OK) != 0) {
    error = fmt::format("sqlite database file {} does not exist (a verb that only reads creates none; 'migrac upgrade' does)",
                        path);
    return nullptr;
  }
  sqlite3* db = nullptr;
  int flags = (read_only && !memory ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
              SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    error = fmt::format("cannot open sqlite database {}: {}", path, db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close_v2(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_create_function(db, "now", 0, SQLITE_UTF8, nullptr, fn_now, nullptr, nullptr);
  sqlite3_create_function(db, "to_char", 2, SQLITE_UTF8, nullptr, fn_to_char, nullptr, nullptr);
  sqlite3_create_function(db, "migrac_user", 0, SQLITE_UTF8, nullptr, fn_user, nullptr, nullptr);
  char* message = nullptr;
  if (sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, &message) != SQLITE_OK) {
    error = fmt::format("cannot open sqlite database {}: {}", path, message ? message : "");
    sqlite3_free(message);
    sqlite3_close_v2(db);
    return nullptr;
  }
  return std::make_unique<SqliteDriver>(db, std::move(path));
}

}  // namespace migrac::db
