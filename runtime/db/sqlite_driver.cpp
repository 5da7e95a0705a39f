// The SQLite driver. SQLite's quirks for the runtime live here: the history
// table's statements (compiler/dialect/sqlite/history.h) call two functions
// this connection defines, migrac_user() and migrac_transaction_ms(); a
// transaction starts with BEGIN IMMEDIATE (it takes the write lock at once
// instead of failing on it later); and a reference check (PRAGMA
// foreign_key_check after a table rebuild) listing any row is an error, so
// the migration's transaction rolls back.
//
// Foreign keys in a migration's transaction: a table rebuild must run with
// foreign key enforcement off (dropping the old table would otherwise fire
// ON DELETE actions on its children), and SQLite can switch it only outside
// a transaction. The plan switches it off in a segment before the migration,
// but a rerun that resumes a partly applied migration skips that segment. So
// the driver switches enforcement off itself when a transaction begins, and
// back as it was when it ends; a transaction that ran a statement the plan
// says changes data is checked with PRAGMA foreign_key_check before it
// commits, so a broken reference fails the migration instead of committing.
// A backfill batch (its own transaction) keeps enforcement on and needs no
// check. The driver tells these apart by the statements' roles, never by
// their text.

#include "runtime/db/sqlite_driver.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <functional>

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

// migrac_user(): who applies, for the history table's applied_by.
void fn_user(sqlite3_context* ctx, int, sqlite3_value**) {
  const char* user = std::getenv("USER");
  if (user == nullptr || *user == '\0') user = std::getenv("LOGNAME");
  sqlite3_result_text(ctx, user != nullptr && *user != '\0' ? user : "unknown", -1,
                      SQLITE_TRANSIENT);
}

// One SQLite connection.
class SqliteDriver final : public Driver {
 public:
  // `shown`: what describe() says, when not the path opened (a stand-in).
  SqliteDriver(sqlite3* db, std::string path, std::string shown = {})
      : db_(db), path_(std::move(path)), shown_(std::move(shown)) {
    sqlite3_create_function(db_, "migrac_transaction_ms", 0, SQLITE_UTF8, this, fn_transaction_ms,
                            nullptr, nullptr);
  }
  ~SqliteDriver() override {
    release_run_lock(0);
    sqlite3_close_v2(db_);
  }
  SqliteDriver(const SqliteDriver&) = delete;
  SqliteDriver& operator=(const SqliteDriver&) = delete;

  std::string_view engine() const override { return "sqlite"; }
  Dialect dialect() const override { return Dialect::Sqlite; }

  std::string describe() const override {
    if (!shown_.empty()) return shown_;
    return path_ == ":memory:" ? "sqlite in memory" : fmt::format("sqlite file {}", path_);
  }

  Result exec(std::string_view sql, const Params& params) override {
    if (pending_begin_) {
      if (Result r = start(false); !r.ok()) return r;
    }
    Result r = execute(sql, params);
    if (after_send_) after_send_();
    return r;
  }

  Result run(const Statement& statement) override {
    if (pending_begin_) {
      if (Result r = start(statement.role == StatementRole::Backfill); !r.ok()) return r;
    }
    if (in_transaction_ && !fk_enforced_ && statement.changes_data) check_at_commit_ = true;
    Result r = execute(statement.sql, statement.params ? *statement.params : Params{});
    if (after_send_) after_send_();
    if (r.ok() && statement.role == StatementRole::ReferenceCheck && !r.rows.empty()) {
      r.error = foreign_key_violation(r.rows);
    }
    return r;
  }

  // Begun with the first statement, whose role decides the foreign key mode.
  Result begin() override {
    pending_begin_ = true;
    return {};
  }
  Result commit() override { return end_transaction(true); }
  Result rollback() override { return end_transaction(false); }

  // One statement after the other (SQLite has no round trips to save).
  Result run_transaction(const std::vector<Statement>& statements, TransactionStop& stop) override {
    std::function<void()> hook = std::move(after_send_);
    after_send_ = nullptr;
    stop = TransactionStop{statements.size(), false};
    Result result = begin();
    for (std::size_t i = 0; i < statements.size() && result.ok(); ++i) {
      result = run(statements[i]);
      if (!result.ok()) stop = TransactionStop{i, true};
    }
    if (result.ok()) result = commit();
    after_send_ = std::move(hook);
    if (after_send_) after_send_();
    return result;
  }

  Result try_run_lock(std::int64_t, bool& taken) override {
    Result r;
    taken = true;
    if (path_ == ":memory:" || lock_fd_ >= 0) return r;  // nobody else can open it
    std::string lock_path = path_ + ".migrac-lock";
    int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
      r.error = DbError{ErrorKind::Connection, "",
                        fmt::format("cannot open the lock file {}", lock_path), "", ""};
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
  // migrac_transaction_ms(): the milliseconds since the current transaction began.
  static void fn_transaction_ms(sqlite3_context* ctx, int, sqlite3_value**) {
    const auto* self = static_cast<const SqliteDriver*>(sqlite3_user_data(ctx));
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - self->began_at_)
                  .count();
    sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(ms));
  }

  // Runs `sql` (every statement in it) with $1.. parameters.
  Result execute(std::string_view sql, const Params& params) {
    Result result;
    std::string text(sql);
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
          row.push_back(v ? std::optional<std::string>(reinterpret_cast<const char*>(v))
                          : std::nullopt);
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
    result.affected = sqlite3_total_changes(db_) - changes_before;
    return result;
  }

  // BEGIN IMMEDIATE, with foreign key enforcement off unless the first
  // statement is a backfill batch.
  Result start(bool backfill) {
    pending_begin_ = false;
    Result fk = execute("PRAGMA foreign_keys", {});
    if (!fk.ok()) return fk;
    fk_before_ = !fk.rows.empty() && fk.rows[0][0] == std::optional<std::string>("1");
    fk_enforced_ = fk_before_ && backfill;
    if (fk_before_ && !fk_enforced_) {
      if (Result r = execute("PRAGMA foreign_keys = OFF", {}); !r.ok()) return r;
    }
    Result r = execute("BEGIN IMMEDIATE", {});
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
      r = execute("PRAGMA foreign_key_check", {});
      if (r.ok() && !r.rows.empty()) r.error = foreign_key_violation(r.rows);
      if (!r.ok()) commit = false;
    }
    Result end = execute(commit ? "COMMIT" : "ROLLBACK", {});
    if (r.ok()) r = end;
    r.rows.clear();
    in_transaction_ = false;
    check_at_commit_ = false;
    if (fk_before_ && !fk_enforced_) execute("PRAGMA foreign_keys = ON", {});
    fk_enforced_ = fk_before_ = false;
    return r;
  }

  // The rows of PRAGMA foreign_key_check (table, rowid, parent, fkid) as an error.
  static DbError foreign_key_violation(const std::vector<Row>& rows) {
    std::string list;
    for (std::size_t i = 0; i < rows.size() && i < 5; ++i) {
      const Row& r = rows[i];
      auto at = [&](std::size_t k) { return k < r.size() && r[k] ? *r[k] : std::string("?"); };
      list += fmt::format("{}row {} of '{}' has no parent in '{}'", list.empty() ? "" : "; ", at(1),
                          at(0), at(2));
    }
    if (rows.size() > 5) list += fmt::format("; and {} more", rows.size() - 5);
    return DbError{ErrorKind::Other, "", fmt::format("foreign key violation: {}", list),
                   "the rows existed before, or the change broke their references", ""};
  }

  sqlite3* db_;
  std::string path_;
  std::string shown_;
  int lock_fd_ = -1;
  bool pending_begin_ = false;  // begin() called, BEGIN not yet run
  bool in_transaction_ = false;
  bool fk_before_ = false;    // enforcement when the transaction began
  bool fk_enforced_ = false;  // enforcement during it
  bool check_at_commit_ = false;
  std::chrono::steady_clock::time_point began_at_;
};

}  // namespace

namespace {

// Opens `path` with `flags`; the driver describes itself as `shown` when given.
std::unique_ptr<Driver> open_with(const std::string& path, int flags, std::string shown,
                                  std::string& error) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    error = fmt::format("cannot open sqlite database {}: {}", path,
                        db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close_v2(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_create_function(db, "migrac_user", 0, SQLITE_UTF8, nullptr, fn_user, nullptr, nullptr);
  char* message = nullptr;
  if (sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, &message) != SQLITE_OK) {
    error = fmt::format("cannot open sqlite database {}: {}", path, message ? message : "");
    sqlite3_free(message);
    sqlite3_close_v2(db);
    return nullptr;
  }
  return std::make_unique<SqliteDriver>(db, path, std::move(shown));
}

}  // namespace

std::unique_ptr<Driver> open_sqlite(const std::string& path, bool read_only, std::string& error) {
  bool memory = path == ":memory:";
  if (read_only && !memory && ::access(path.c_str(), F_OK) != 0) {
    error = fmt::format(
        "sqlite database file {} does not exist (a verb that only reads creates none; 'migrac "
        "upgrade' does)",
        path);
    return nullptr;
  }
  int flags = read_only && !memory ? SQLITE_OPEN_READONLY
                                   : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  return open_with(path, flags, {}, error);
}

bool sqlite_file_missing(const std::string& path) {
  return path != ":memory:" && ::access(path.c_str(), F_OK) != 0;
}

std::unique_ptr<Driver> open_sqlite_stand_in(const std::string& path, std::string& error) {
  return open_with(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                   fmt::format("sqlite file {} (not created yet)", path), error);
}

}  // namespace migrac::db
