#include "runtime/cli/db_verb.h"

#include "runtime/history/quick_project.h"

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "runtime/db/connect.h"
#include "runtime/db/sqlite_driver.h"
#include "runtime/runner/run_lock.h"

namespace migrac::cli {

namespace po = boost::program_options;

po::options_description database_options(unsigned sets) {
  po::options_description d("Database options");
  if (sets & kConnectOptions) {
    d.add_options()
        ("wait", po::value<std::string>(), "retry connecting this long while the server starts (e.g. 30s)")
        ("quiet,q", "print only errors (and retries)")
        ("format", po::value<std::string>()->default_value("text"), "text or json");
  }
  if (sets & kRunOptions) {
    d.add_options()
        ("lock-wait", po::value<std::string>()->default_value("60s"),
         "wait this long for another runner to finish")
        ("retries", po::value<int>()->default_value(5), "retries of a step that hits lock_timeout")
        ("allow-edited", "run even though an applied migration's file was edited");
  }
  return d;
}

std::optional<DbSettings> db_settings(const Invocation& inv) {
  DbSettings s;
  const po::variables_map& vm = inv.vm;
  auto duration = [&](const char* name, std::int64_t& target) {
    if (!vm.count(name)) return true;
    auto ms = parse_duration_ms(vm[name].as<std::string>());
    if (!ms) {
      std::cerr << fmt::format("migrac {}: invalid duration '{}' for --{} (use e.g. 500ms, 30s, 2min)\n",
                               inv.verb, vm[name].as<std::string>(), name);
      return false;
    }
    target = *ms;
    return true;
  };
  if (!duration("wait", s.wait_ms) || !duration("lock-wait", s.lock_wait_ms)) return std::nullopt;
  if (vm.count("retries")) {
    s.retries = vm["retries"].as<int>();
    if (s.retries < 0) {
      std::cerr << fmt::format("migrac {}: --retries must be 0 or more\n", inv.verb);
      return std::nullopt;
    }
  }
  s.quiet = vm.count("quiet") > 0;
  s.allow_edited = vm.count("allow-edited") > 0;
  if (vm.count("format")) {
    std::string f = vm["format"].as<std::string>();
    if (f == "json") s.format = runner::OutputFormat::Json;
    else if (f != "text") {
      std::cerr << fmt::format("migrac {}: unknown format '{}' (text or json)\n", inv.verb, f);
      return std::nullopt;
    }
  }
  return s;
}

Session::~Session() {
  if (db && locked) db->release_run_lock(lock_key);
}

std::optional<Session> open_session(const Invocation& inv, const DbSettings& settings,
                                    SessionMode mode, int& exit_code) {
  const Config& config = inv.config;
  if (config.url.empty()) {
    std::cerr << fmt::format(
        "migrac {}: no database URL: give --url, set MIGRAC_URL or DATABASE_URL, or put url in migrac.ini\n",
        inv.verb);
    exit_code = kUsage;
    return std::nullopt;
  }
  std::string error;
  auto table = parse_history_table(config.history_table, error);
  if (!table) {
    std::cerr << fmt::format("migrac {}: {}\n", inv.verb, error);
    exit_code = kUsage;
    return std::nullopt;
  }
  Session s;
  s.table = *table;
  db::Connection c = db::connect({config.url, settings.wait_ms, settings.quiet});
  if (!c.driver) {
    std::cerr << fmt::format("migrac {}: {}\n", inv.verb, c.error);
    exit_code = kDatabaseError;
    return std::nullopt;
  }
  s.db = std::move(c.driver);
  s.store = std::make_unique<history::Store>(*s.db, s.table);
  auto db_fail = [&](const db::DbError& e) {
    std::cerr << fmt::format("migrac {}: history table {}: {}\n", inv.verb, s.table.display(), e.one_line());
    exit_code = kDatabaseError;
  };
  if (mode == SessionMode::Write) {
    s.lock_key = run_lock_key(s.table);
    std::string message;
    switch (runner::acquire_run_lock(*s.db, s.lock_key, settings.lock_wait_ms, settings.quiet, message)) {
      case runner::LockOutcome::Taken:
        s.locked = true;
        break;
      case runner::LockOutcome::TimedOut:
      case runner::LockOutcome::Failed:
        std::cerr << fmt::format("migrac {}: {}\n", inv.verb, message);
        exit_code = kDatabaseError;
        return std::nullopt;
    }
    if (auto err = s.store->ensure()) {
      db_fail(*err);
      return std::nullopt;
    }
  }
  if (auto err = s.store->read(s.rows, s.table_exists)) {
    db_fail(*err);
    return std::nullopt;
  }
  return s;
}

int check_agreement(const Project& project, const history::State& state, const DbSettings& settings,
                    const std::string& verb) {
  int code = kOk;
  for (const history::Row* row : state.unknown) {
    std::cerr << fmt::format(
        "migrac {}: the database has applied migration '{}', which no migration file has\n"
        "  help: restore its file, or remove its record with 'migrac stamp --delete {}'\n",
        verb, row->id, row->id);
    code = kDatabaseDisagrees;
  }
  for (std::size_t rev : state.edited) {
    const ast::Migration& m = project.migrations[rev];
    std::string path = m.file >= 0 ? project.sources[m.file].path : m.id;
    if (settings.allow_edited) {
      std::cerr << fmt::format(
          "migrac {}: warning: '{}' was edited after it was applied (checksum {} recorded, {} in {}); "
          "going on because of --allow-edited\n",
          verb, m.id, state.row_of[rev]->checksum, m.checksum, path);
      continue;
    }
    std::cerr << fmt::format(
        "migrac {}: migration '{}' was edited after it was applied: {} has checksum {}, the database recorded {}\n"
        "  help: restore the file, or run with --allow-edited (then 'migrac stamp {}' records the new checksum)\n",
        verb, m.id, path, m.checksum, state.row_of[rev]->checksum, m.id);
    code = kDatabaseDisagrees;
  }
  return code;
}

int check_single_head(const Project& project, const std::string& verb) {
  if (project.graph.heads.size() <= 1) return kOk;
  std::string names;
  for (std::size_t h : project.graph.heads) {
    names += fmt::format("{}'{}'", names.empty() ? "" : ", ", project.migrations[h].id);
  }
  std::cerr << fmt::format(
      "migrac {}: the migrations have more than one head: {}\n"
      "  help: write a merge migration (migrac merge A B) before applying them\n",
      verb, names);
  return kMigrationErrors;
}

std::string session_line(const Session& s) {
  return fmt::format("database {} (history table {})", s.db->describe(), s.table.display());
}

std::unique_ptr<Emitter> emitter_or_report(const Invocation& inv) {
  auto dialect = config_dialect(inv.config);
  if (!dialect) return nullptr;
  // A sqlite: URL runs the sqlite plan, whatever the configured dialect.
  if (db::is_sqlite_url(inv.config.url)) return make_emitter(Dialect::Sqlite);
  if (*dialect != Dialect::Postgres) {
    std::cerr << fmt::format("migrac {}: the {} runtime is not available yet (postgres only)\n", inv.verb,
                             dialect_name(*dialect));
    return nullptr;
  }
  auto emitter = make_emitter(*dialect);
  if (!emitter) std::cerr << fmt::format("migrac {}: the postgres dialect is not available\n", inv.verb);
  return emitter;
}

std::optional<std::vector<MigrationPlan>> plan_or_report(const Project& project,
                                                         const std::vector<std::size_t>& revs,
                                                         const Emitter& emitter, int& exit_code) {
  Diagnostics diags;
  std::vector<MigrationPlan> plans = plan_revisions(project, revs, emitter, diags);
  if (!diags.has_errors()) return plans;
  for (const Diagnostic& d : diags.all()) {
    if (d.severity == Severity::Error) std::cerr << render_text(d, project.sources);
  }
  std::cerr << render_summary(diags);
  exit_code = kMigrationErrors;
  return std::nullopt;
}

std::optional<std::vector<std::size_t>> offline_range(const Project& project, const std::string& spec,
                                                      bool down, int& exit_code) {
  exit_code = kUsage;
  if (spec.empty() || spec[0] == '+' || spec[0] == '-') {
    std::cerr << fmt::format(
        "migrac: a relative revision ('{}') needs a database; offline scripts take [FROM:]TO\n", spec);
    return std::nullopt;
  }
  std::string from_spec, to_spec = spec;
  if (auto colon = spec.find(':'); colon != std::string::npos) {
    from_spec = spec.substr(0, colon);
    to_spec = spec.substr(colon + 1);
  }
  if (down && from_spec.empty()) from_spec = "head";
  auto to = resolve_revision(project, to_spec, exit_code);
  if (!to) return std::nullopt;
  std::optional<RevisionRef> from;
  if (!from_spec.empty()) {
    from = resolve_revision(project, from_spec, exit_code);
    if (!from) return std::nullopt;
  }
  exit_code = kOk;
  std::optional<RevisionRef> newer = down ? from : to;
  std::optional<RevisionRef> older = down ? to : from;
  if (!newer || newer->is_base) return std::vector<std::size_t>{};
  std::vector<std::size_t> exclude;
  if (older && !older->is_base) exclude.push_back(older->rev);
  std::vector<std::size_t> revs = project.graph.range(exclude, newer->rev);
  if (down) std::reverse(revs.begin(), revs.end());
  return revs;
}

int check_reversible(const Project& project, const std::vector<MigrationPlan>& plans) {
  Diagnostics diags;
  if (migrac::check_reversible(plans, diags)) return kOk;
  std::cerr << render_text(diags, project.sources) << render_summary(diags);
  std::cerr << "migrac downgrade: nothing was reverted\n";
  return kMigrationErrors;
}

std::vector<std::string> applied_marks(const Invocation& inv, const Project& project) {
  if (inv.config.url.empty()) return {};
  std::string error;
  auto table = parse_history_table(inv.config.history_table, error);
  db::Connection c = table ? db::connect({inv.config.url, 0, true}) : db::Connection{nullptr, error};
  std::vector<history::Row> rows;
  bool exists = false;
  if (c.driver) {
    history::Store store(*c.driver, *table);
    if (auto err = store.read(rows, exists)) c.error = err->one_line();
  }
  if (!c.error.empty()) {
    std::cerr << fmt::format("migrac {}: warning: not marking what is applied: {}\n", inv.verb, c.error);
    return {};
  }
  history::State state = history::compare(project.migrations, project.graph, rows);
  std::vector<std::string> marks(project.migrations.size());
  for (std::size_t r = 0; r < marks.size(); ++r) {
    const history::Row* row = state.row_of[r];
    if (!row) continue;
    marks[r] = row->partly_applied() ? " (partly applied)" : row->partly_reverted() ? " (partly reverted)" : " (applied)";
  }
  for (std::size_t r : history::applied_heads(project.graph, state)) marks[r] += " (current)";
  return marks;
}

std::optional<ReadView> open_read_view(const Invocation& inv, int& exit_code) {
  auto settings = db_settings(inv);
  if (!settings) {
    exit_code = kUsage;
    return std::nullopt;
  }
  // The ids, checksums and parents suffice: read them without the full compile
  // when the files allow it.
  std::optional<Project> project = history::quick_project(inv.config.dir);
  if (!project) project = compile_or_report(inv, exit_code, false, false);
  if (!project) return std::nullopt;
  auto session = open_session(inv, *settings, SessionMode::Read, exit_code);
  if (!session) return std::nullopt;
  std::optional<ReadView> view(ReadView{*settings, std::move(*project), std::move(*session), {}});
  // After the moves: the state points into the view's own rows.
  view->state = history::compare(view->project.migrations, view->project.graph, view->session.rows);
  return view;
}

int run_steps(Session& session, const DbSettings& settings, const Project& project,
              const std::vector<runner::Step>& steps, bool down,
              std::chrono::steady_clock::time_point started) {
  runner::Progress progress(settings.format, settings.quiet, std::cout, std::cerr);
  progress.header(fmt::format("{} {}", down ? "downgrade" : "upgrade", session_line(session)));
  runner::RunOptions run;
  run.retries = settings.retries;
  runner::Runner r(*session.db, session.table, project.sources, progress, run);
  bool ok = down ? r.downgrade(steps) : r.upgrade(steps);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  if (ok) progress.summary(r.done(), down, ms);
  progress.finish(ok ? "ok" : "failed");
  return ok ? kOk : kDatabaseError;
}

}  // namespace migrac::cli
