#include "runtime/cli/session.h"

#include <fmt/format.h>

#include "runtime/db/connect.h"
#include "runtime/history/quick_project.h"
#include "runtime/runner/run_lock.h"

namespace migrac::cli {

Session::~Session() {
  if (db && locked) db->release_run_lock(lock_key);
}

namespace {

void take_run_lock(Session& s, const std::string& verb) {
  s.lock_key = run_lock_key(s.table);
  std::string message;
  switch (runner::acquire_run_lock(*s.db, s.lock_key, s.lock_wait_ms, s.quiet, message)) {
    case runner::LockOutcome::Taken: s.locked = true; break;
    case runner::LockOutcome::TimedOut:
    case runner::LockOutcome::Failed: fail(kDatabaseError, "migrac {}: {}", verb, message);
  }
}

void read_rows(Session& s, const std::string& verb) {
  if (auto err = s.store->read(s.rows, s.table_exists)) {
    fail(kDatabaseError, "migrac {}: history table {}: {}", verb, s.table.display(),
         err->one_line());
  }
}

// Replaces the stand-in of a missing SQLite file by the file itself, created
// now, locked, and read again: another run may have created it meanwhile
// (then the verb restarts).
void create_file(Session& s, const std::string& verb) {
  db::ConnectOptions options = std::move(*s.create_at);
  s.create_at.reset();
  db::Connection c = db::connect(options);
  if (!c.driver) fail(kDatabaseError, "migrac {}: {}", verb, c.error);
  s.store.reset();
  s.db = std::move(c.driver);
  s.store = std::make_unique<history::Store>(*s.db, s.table);
  take_run_lock(s, verb);
  read_rows(s, verb);
  // What the verb checked against the empty stand-in no longer holds: it
  // runs again, now on the file (whose lock this session holds until then).
  if (s.table_exists) {
    throw VerbRestart{fmt::format(
        "migrac {}: {} was created by another run while this one was checking; nothing was "
        "changed, run it again\n",
        verb, s.db->describe())};
  }
}

}  // namespace

Session open_session(const Invocation& inv, const DbSettings& settings, SessionMode mode,
                     const db::ConnectOptions* at) {
  const Config& config = inv.config;
  if (config.url.empty() && !at) {
    fail(kUsage,
         "migrac {}: no database URL: give --url, set MIGRAC_URL or DATABASE_URL, or put url in "
         "migrac.ini",
         inv.verb);
  }
  std::string error;
  auto table = parse_history_table(config.history_table, error);
  if (!table) fail(kUsage, "migrac {}: {}", inv.verb, error);
  Session s;
  s.table = *table;
  s.lock_wait_ms = settings.lock_wait_ms;
  s.quiet = settings.quiet;
  db::ConnectOptions options = at ? *at
                                  : db::ConnectOptions{config.url,
                                                       settings.wait_ms,
                                                       settings.quiet,
                                                       mode == SessionMode::Read,
                                                       {}};
  options.defer_create = mode == SessionMode::Write;
  db::Connection c = db::connect(options);
  if (!c.driver) fail(kDatabaseError, "migrac {}: {}", inv.verb, c.error);
  s.db = std::move(c.driver);
  s.store = std::make_unique<history::Store>(*s.db, s.table);
  if (c.stand_in) {
    // Nothing to lock or read yet: the stand-in is empty, as a new file would be.
    options.defer_create = false;
    s.create_at = options;
    return s;
  }
  if (mode == SessionMode::Write) take_run_lock(s, inv.verb);
  read_rows(s, inv.verb);
  return s;
}

void ensure_history_table(Session& s, const std::string& verb) {
  if (s.create_at) create_file(s, verb);
  if (s.table_exists) return;
  if (auto err = s.store->ensure()) {
    fail(kDatabaseError, "migrac {}: history table {}: {}", verb, s.table.display(),
         err->one_line());
  }
  s.table_exists = true;
}

std::string session_line(const Session& s) {
  return fmt::format("database {} (history table {})", s.db->describe(), s.table.display());
}

std::unique_ptr<ReadView> open_read_view(const Invocation& inv) {
  DbSettings settings = db_settings(inv);
  // The ids, checksums and parents suffice: read them without the full
  // compile when the files allow it.
  std::optional<Project> project = history::quick_project(inv.config.dir,
                                                          config_convention(inv.config));
  if (!project) project = compile_or_fail(inv, false, false);
  Session session = open_session(inv, settings, SessionMode::Read);
  auto view = std::make_unique<ReadView>(ReadView{
      settings, std::move(*project), std::move(session), {}});
  // After the moves: the state points into the view's own rows.
  view->state = history::compare(view->project.migrations, view->project.graph, view->session.rows);
  return view;
}

}  // namespace migrac::cli
