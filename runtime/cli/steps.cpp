#include "runtime/cli/steps.h"

#include <iostream>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "runtime/db/url.h"
#include "runtime/runner/progress.h"

namespace migrac::cli {

std::unique_ptr<Emitter> emitter_or_fail(const Invocation& inv) {
  Dialect dialect = config_dialect(inv.config);
  // A sqlite: or mysql:// URL runs that dialect's plan, whatever the configured dialect.
  std::string ignored;
  if (auto url = db::parse_url(inv.config.url, ignored)) {
    if (url->engine == db::Engine::Sqlite) return make_emitter(Dialect::Sqlite);
    if (url->engine == db::Engine::Mysql) return make_emitter(Dialect::Mysql);
  }
  if (dialect != Dialect::Postgres && inv.vm.count("sql") == 0) {
    fail(kUsage, "migrac {}: the {} runtime needs a {} URL (--url, MIGRAC_URL or DATABASE_URL)",
         inv.verb, dialect_name(dialect), dialect == Dialect::Mysql ? "mysql://" : "sqlite:");
  }
  auto emitter = make_emitter(dialect);
  if (!emitter) fail(kUsage, "migrac {}: the postgres dialect is not available", inv.verb);
  return emitter;
}

ScriptFormat offline_script_format(const Invocation& inv, const Emitter& emitter) {
  if (emitter.dialect() == Dialect::Postgres) return ScriptFormat::Psql;
  if (emitter.dialect() == Dialect::Mysql) return ScriptFormat::Mysql;
  fail(kUsage,
       "migrac {} --sql: the offline script is for postgres (psql) and mysql (the mysql client)\n"
       "  help: 'migrac sql [FROM:]TO --dialect {}' prints the statements (without the history "
       "table's bookkeeping)",
       inv.verb, dialect_name(emitter.dialect()));
}

namespace {

// Fails with exit 1 and the errors of `diags`, if any.
void fail_on_plan_errors(const Project& project, const Diagnostics& diags) {
  if (!diags.has_errors()) return;
  std::string text;
  for (const Diagnostic& d : diags.all()) {
    if (d.severity == Severity::Error) text += render_text(d, project.sources);
  }
  throw VerbError{kMigrationErrors, text + render_summary(diags)};
}

}  // namespace

std::vector<MigrationPlan> plan_or_fail(const Project& project,
                                        const std::vector<std::size_t>& revs,
                                        const Emitter& emitter) {
  Diagnostics diags;
  std::vector<MigrationPlan> plans = plan_revisions(project, revs, emitter, diags);
  fail_on_plan_errors(project, diags);
  return plans;
}

std::vector<MigrationPlan> plan_repeatables_or_fail(const Project& project,
                                                    const Emitter& emitter) {
  Diagnostics diags;
  std::vector<MigrationPlan> plans = plan_repeatables(project, emitter, diags);
  fail_on_plan_errors(project, diags);
  return plans;
}

void run_steps(Session& session, const DbSettings& settings, const Project& project,
               const std::vector<runner::Step>& steps, bool down,
               std::chrono::steady_clock::time_point started) {
  ensure_history_table(session, down ? "downgrade" : "upgrade");
  runner::Progress progress(settings.format, settings.quiet, std::cout, std::cerr);
  progress.header(fmt::format("{} {}", down ? "downgrade" : "upgrade", session_line(session)));
  runner::RunOptions run;
  run.retries = settings.retries;
  run.lock_deadline_ms = settings.lock_deadline_ms;
  run.backfill_pause_ms = settings.backfill_pause_ms;
  runner::Runner r(*session.db, session.table, project.sources, progress, run);
  bool ok = down ? r.downgrade(steps) : r.upgrade(steps);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started)
                .count();
  if (ok) progress.summary(r.done(), down, ms);
  progress.finish(ok ? "ok" : "failed");
  if (!ok) throw VerbError{kDatabaseError, ""};
}

}  // namespace migrac::cli
