#pragma once
// What the database verbs (upgrade, downgrade, current, status, stamp, and
// history's optional lookup) share: their options, opening a session (connect,
// run lock, history table), and comparing the database with the files.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "compiler/emit/emitter.h"
#include "compiler/emit/runtime_sql.h"
#include "compiler/plan/plan.h"
#include "runtime/cli/verb.h"
#include "runtime/db/driver.h"
#include "runtime/history/history.h"
#include "runtime/history/state.h"
#include "runtime/runner/progress.h"
#include "runtime/runner/runner.h"

namespace migrac::cli {

// Which of the database options a verb takes.
enum DbOptionSet : unsigned {
  kConnectOptions = 1,   // --wait, --quiet, --format
  kRunOptions = 2,       // --lock-wait, --retries, --allow-edited
};

boost::program_options::options_description database_options(unsigned sets);

// The database options, parsed.
struct DbSettings {
  std::int64_t wait_ms = 0;
  std::int64_t lock_wait_ms = 60000;
  int retries = 5;
  bool quiet = false;
  bool allow_edited = false;
  runner::OutputFormat format = runner::OutputFormat::Text;
};

// Parses the database options; prints a usage error and returns nullopt.
std::optional<DbSettings> db_settings(const Invocation& inv);

// An open database and its history table.
struct Session {
  std::unique_ptr<db::Driver> db;
  HistoryTable table;
  std::unique_ptr<history::Store> store;
  std::vector<history::Row> rows;
  bool table_exists = false;
  bool locked = false;
  std::int64_t lock_key = 0;

  Session() = default;
  Session(Session&&) = default;
  Session& operator=(Session&&) = default;
  ~Session();
};

// How a session is opened.
enum class SessionMode {
  Read,   // no lock, the table is not created (current, status, history)
  Write,  // the run lock for the whole session, the table created if missing
};

// Connects, (Write) takes the run lock and creates the table, reads the rows.
// On failure prints one line and sets exit_code (2: no URL, 3: database).
std::optional<Session> open_session(const Invocation& inv, const DbSettings& settings,
                                    SessionMode mode, int& exit_code);

// Refuses (exit 4) when the database has ids the files do not know, or an
// edited migration (unless allow_edited, which is then said on stderr).
// Returns kOk to go on.
int check_agreement(const Project& project, const history::State& state, const DbSettings& settings,
                    const std::string& verb);

// Refuses (exit 1) when the files have more than one head.
int check_single_head(const Project& project, const std::string& verb);

// The emitter of the configured dialect, which must have a runtime (postgres);
// prints why not and returns null.
std::unique_ptr<Emitter> emitter_or_report(const Invocation& inv);

// Plans `revs`; prints the plan's errors and returns nullopt (exit_code 1).
std::optional<std::vector<MigrationPlan>> plan_or_report(const Project& project,
                                                         const std::vector<std::size_t>& revs,
                                                         const Emitter& emitter, int& exit_code);

// The revisions of an offline script "[FROM:]TO": up, those after FROM (default
// base) up to TO; down, those after TO up to FROM (default head), newest first.
// Else nullopt with `exit_code`: kMigrationErrors for more than one head
// (reported as a diagnostic), kUsage for a revision that names nothing.
std::optional<std::vector<std::size_t>> offline_range(const Project& project, const std::string& spec,
                                                      bool down, int& exit_code);

// Refuses (exit 1) to revert an irreversible migration, naming it and why.
int check_reversible(const Project& project, const std::vector<MigrationPlan>& plans);

// What `history` marks after each revision when a database URL is configured:
// " (applied)", " (partly applied)", " (partly reverted)", and " (current)" for
// the applied heads; indexed by revision. Empty without a URL; a warning on
// stderr and empty when the database cannot be read (history stays offline).
std::vector<std::string> applied_marks(const Invocation& inv, const Project& project);

// The header line of a run: the database and history table.: the database and history table.
std::string session_line(const Session& s);

// What `current` and `status` read: the settings, the files (without the full
// compile when the files allow it), the database's history, and the two compared.
struct ReadView {
  DbSettings settings;
  Project project;
  Session session;
  history::State state;
};
std::optional<ReadView> open_read_view(const Invocation& inv, int& exit_code);

// Runs `steps` (upgrade, or downgrade when `down`) in the session with progress
// output and a summary timed from `started`; returns the exit code.
int run_steps(Session& session, const DbSettings& settings, const Project& project,
              const std::vector<runner::Step>& steps, bool down,
              std::chrono::steady_clock::time_point started);

}  // namespace migrac::cli
