#include "runtime/db/scratch.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "runtime/db/url.h"

namespace migrac::db {

namespace fs = std::filesystem;

// The thread that removes the scratch database on a terminating signal.
struct ScratchDatabase::Watcher {
  std::thread thread;
  sigset_t set{};
  sigset_t old{};
  std::mutex lock;                // one removal at a time (the run's, or the watcher's)
  std::unique_ptr<Driver> admin;  // a server's: the connection that creates and drops
  bool mysql = false;             // the server is MySQL or MariaDB
};

namespace {

// A quoted PostgreSQL identifier (the names made here need no escaping, but
// a leftover's name is read from the server).
std::string pg_ident(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A quoted MySQL identifier.
std::string my_ident(const std::string& name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

std::string random_hex() {
  std::random_device rd;
  return fmt::format("{:06x}", rd() & 0xffffffu);
}

fs::path temp_dir() {
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec);
  return ec ? fs::path("/tmp") : dir;
}

// The pid in "migrac_verify_<pid>_<hex>.db", or 0.
long pid_of(const std::string& file) {
  std::string rest = file.substr(std::string(kScratchPrefix).size());
  char* end = nullptr;
  long pid = std::strtol(rest.c_str(), &end, 10);
  return end && *end == '_' ? pid : 0;
}

void remove_sqlite_files(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-journal", "-wal", "-shm", ".migrac-lock"})
    fs::remove(path + suffix, ec);
}

}  // namespace

std::unique_ptr<ScratchDatabase> ScratchDatabase::create(const std::string& url,
                                                         std::string& error) {
  std::unique_ptr<ScratchDatabase> s(new ScratchDatabase());
  s->watcher_ = std::make_unique<Watcher>();
  std::optional<DbUrl> parsed;
  if (!url.empty()) {
    parsed = parse_url(url, error);
    if (!parsed) return nullptr;
  }
  if (!parsed || parsed->engine == Engine::Sqlite) {
    s->sqlite_ = true;
    fs::path dir = temp_dir();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      std::string file = entry.path().filename().string();
      if (file.rfind(kScratchPrefix, 0) != 0) continue;
      long pid = pid_of(file);
      if (pid <= 0 || (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)) continue;
      fs::remove(entry.path(), ec);
      std::string db = entry.path().string();
      if (db.size() > 3 && db.substr(db.size() - 3) == ".db") s->removed_.push_back(db);
    }
    s->name_ = (dir / fmt::format("{}{}_{}.db", kScratchPrefix, getpid(), random_hex())).string();
    s->server_ = "file " + s->name_;
    s->connect_.url = "sqlite:" + s->name_;
    s->connect_.quiet = true;
    s->watch_signals();
    return s;
  }
  bool mysql = parsed->engine == Engine::Mysql;
  auto ident = [mysql](const std::string& name) { return mysql ? my_ident(name) : pg_ident(name); };
  Connection admin = connect(ConnectOptions{url, 0, true, false, {}});
  if (!admin.driver) {
    error = admin.error;
    return nullptr;
  }
  s->server_url_ = url;
  s->server_ = admin.driver->describe();
  // Leftovers of killed runs: a database in use (a run going on) refuses DROP.
  std::string like;
  for (const char* c = kScratchPrefix; *c; ++c)
    like += *c == '_' ? std::string("\\_") : std::string(1, *c);
  // MySQL drops a database in use too: one that a session has selected
  // (PROCESSLIST's DB) is a run going on, and kept.
  Result left = admin.driver->exec(
      mysql ? "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE $1 "
              "AND SCHEMA_NAME NOT IN (SELECT DB FROM information_schema.PROCESSLIST "
              "WHERE DB IS NOT NULL) ORDER BY SCHEMA_NAME"
            : "SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname",
      {like + "%"});
  for (const Row& row : left.rows) {
    if (!row.empty() && row[0] && admin.driver->exec("DROP DATABASE " + ident(*row[0])).ok())
      s->removed_.push_back(*row[0]);
  }
  std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", std::gmtime(&now));
  std::string name = fmt::format("{}{}_{}_{}", kScratchPrefix, stamp, getpid(), random_hex());
  Result created = admin.driver->exec("CREATE DATABASE " + ident(name));
  if (!created.ok()) {
    error = fmt::format("cannot create a scratch database on {}: {}", s->server_,
                        created.error->one_line());
    return nullptr;
  }
  s->name_ = name;
  // On MySQL the admin connection selects it at once, so that another run
  // never takes it for a leftover before the run's own session connects.
  if (mysql) admin.driver->exec("USE " + my_ident(s->name_));
  s->connect_ = ConnectOptions{url, 0, true, false, s->name_};
  s->watcher_->admin = std::move(admin.driver);
  s->watcher_->mysql = mysql;
  s->watch_signals();
  return s;
}

ScratchDatabase::~ScratchDatabase() {
  stop_watching();
  remove();
}

std::string ScratchDatabase::describe() const {
  if (sqlite_) return server_;
  return fmt::format("database {} on {}", name_, server_);
}

std::string ScratchDatabase::remove() {
  std::lock_guard<std::mutex> guard(watcher_->lock);
  if (removed_now_ || name_.empty()) return {};
  removed_now_ = true;
  if (sqlite_) {
    remove_sqlite_files(name_);
    return {};
  }
  if (!watcher_->admin) return {};
  Driver& admin = *watcher_->admin;
  if (watcher_->mysql) {
    // The run's own sessions (on a signal, one may be mid-statement, holding
    // locks that DROP DATABASE would wait for) end first.
    Result sessions = admin.exec(
        "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = $1 AND ID <> CONNECTION_ID()",
        {name_});
    for (const Row& row : sessions.rows)
      if (!row.empty() && row[0]) admin.exec("KILL " + *row[0]);
    Result dropped = admin.exec("DROP DATABASE IF EXISTS " + my_ident(name_));
    return dropped.ok() ? std::string() : dropped.error->one_line();
  }
  Result r = admin.exec("DROP DATABASE IF EXISTS " + pg_ident(name_) + " WITH (FORCE)");
  if (r.ok()) return {};
  // Before PostgreSQL 13 there is no FORCE: end the sessions, then drop.
  admin.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", {name_});
  r = admin.exec("DROP DATABASE IF EXISTS " + pg_ident(name_));
  return r.ok() ? std::string() : r.error->one_line();
}

void ScratchDatabase::watch_signals() {
  Watcher& w = *watcher_;
  sigemptyset(&w.set);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGUSR2}) sigaddset(&w.set, sig);
  pthread_sigmask(SIG_BLOCK, &w.set, &w.old);
  w.thread = std::thread([this] {
    int sig = 0;
    for (;;) {
      if (sigwait(&watcher_->set, &sig) != 0) continue;
      if (sig == SIGUSR2) return;  // stop_watching()
      std::string failed = remove();
      std::string line =
          failed.empty() ? fmt::format("migrac: interrupted; removed the scratch {}\n", describe())
                         : fmt::format("migrac: interrupted; could not remove the scratch {}: {}\n",
                                       describe(), failed);
      (void)!write(2, line.data(), line.size());
      _exit(128 + sig);
    }
  });
}

void ScratchDatabase::stop_watching() {
  Watcher& w = *watcher_;
  if (!w.thread.joinable()) return;
  pthread_kill(w.thread.native_handle(), SIGUSR2);
  w.thread.join();
  pthread_sigmask(SIG_SETMASK, &w.old, nullptr);
}

}  // namespace migrac::db
