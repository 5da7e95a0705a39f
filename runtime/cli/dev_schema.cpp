// The development database of the schema cache (see dev_schema.h): a scratch
// database on the dev URL's server, each raw migration that needs an entry
// replayed there on its ancestors only (in replay order), the entry written
// after it. Consecutive entries on one line share the database; an entry on
// another branch gets a new one.
#include "runtime/cli/dev_schema.h"

#include <iostream>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "runtime/cli/live_schema.h"
#include "runtime/cli/session.h"
#include "runtime/cli/steps.h"
#include "runtime/db/scratch.h"
#include "runtime/db/url.h"

namespace migrac::cli {

namespace {

bool needs_entry(const Project& project, std::size_t rev) {
  if (project.cache.state.size() <= rev) return false;
  CacheState s = project.cache.state[rev];
  return s == CacheState::Missing || s == CacheState::Stale || s == CacheState::Unreadable;
}

// The first position of graph.order from `from` on whose migration needs an
// entry, or order.size().
std::size_t next_needed(const Project& project, std::size_t from) {
  const std::vector<std::size_t>& order = project.graph.order;
  for (std::size_t p = from; p < order.size(); ++p)
    if (needs_entry(project, order[p])) return p;
  return order.size();
}

// The dialect of the development database and the server it is made on (""
// for a temporary SQLite file); fails with exit 2.
std::pair<Dialect, std::string> dev_target(const Invocation& inv) {
  const std::string& url = inv.config.dev_url;
  if (db::is_sqlite_url(url)) return {Dialect::Sqlite, ""};
  std::string error;
  std::optional<db::DbUrl> parsed = db::parse_url(url, error);
  if (!parsed) usage_error(inv, "--dev-url: " + error);
  if (parsed->engine == db::Engine::Mysql) return {Dialect::Mysql, url};
  return {Dialect::Postgres, url};
}

// Fails with exit 1 when a migration of `revs` has errors: they cannot be
// replayed on the development database.
void require_no_errors(const Project& project, const std::vector<std::size_t>& revs,
                       const std::string& needed) {
  std::string text, first;
  std::size_t count = 0;
  for (const Diagnostic& d : project.diags.all()) {
    if (d.severity != Severity::Error) continue;
    for (std::size_t rev : revs) {
      const ast::Migration& m = project.migrations[rev];
      if (d.range.file < 0 || (d.range.file != m.file && d.range.file != m.down_file)) continue;
      text += render_text(d, project.sources);
      ++count;
      if (first.empty()) first = m.id;
      break;
    }
  }
  if (count == 0) return;
  throw VerbError{kMigrationErrors,
                  text + fmt::format("migrac check: '{}' has {} error{}, so the migrations cannot "
                                     "be replayed on the development database up to '{}' (no "
                                     "entry written for it)\n",
                                     first, count, count == 1 ? "" : "s", needed)};
}

// A scratch database on the development server with a session on it (the
// run lock and the history table), and the migrations replayed there.
struct DevDatabase {
  std::unique_ptr<db::ScratchDatabase> scratch;
  std::optional<Session> session;  // closed before the database is removed
  std::vector<bool> replayed;      // by migration index
};

// Makes a new development database; fails with exit 3.
void open_dev_database(const Invocation& inv, const std::string& server, std::size_t migrations,
                       DevDatabase& dev) {
  std::string error;
  dev.scratch = db::ScratchDatabase::create(server, error);
  if (!dev.scratch) fail(kDatabaseError, "migrac check: the development database: {}", error);
  for (const std::string& left : dev.scratch->removed_leftovers())
    std::cerr << fmt::format("migrac check: removed '{}', left by a killed run\n", left);
  DbSettings settings;
  settings.quiet = true;
  dev.session.emplace(open_session(inv, settings, SessionMode::Write,
                                   &dev.scratch->connect_options()));
  ensure_history_table(*dev.session, "check");
  dev.replayed.assign(migrations, false);
}

// Closes the session and removes the scratch database (a warning if it cannot be).
void close_dev_database(DevDatabase& dev) {
  if (!dev.scratch) return;
  dev.session.reset();
  if (std::string err = dev.scratch->remove(); !err.empty())
    std::cerr << fmt::format("migrac check: could not remove the scratch {}: {}\n",
                             dev.scratch->describe(), err);
  dev.scratch.reset();
}

}  // namespace

DevRefresh refresh_schema_cache(const Invocation& inv, Project& project) {
  DevRefresh result;
  const std::vector<std::size_t>& order0 = project.graph.order;
  for (std::size_t rev : order0)
    if (project.cache.state.size() > rev && project.cache.state[rev] == CacheState::Current)
      ++result.current;
  if (!project.graph.valid) return result;
  std::size_t needed = next_needed(project, 0);
  if (needed == project.graph.order.size()) return result;

  auto [dialect, server] = dev_target(inv);
  auto emitter = make_emitter(dialect);
  DevDatabase dev;
  open_dev_database(inv, server, project.migrations.size(), dev);
  {
    runner::Progress progress(runner::OutputFormat::Text, true, std::cerr, std::cerr);
    ProjectOptions options = project_options(inv.config);
    while (needed < project.graph.order.size()) {
      const std::vector<std::size_t>& order = project.graph.order;
      const ast::Migration& target = project.migrations[order[needed]];
      // The target's ancestors only: a database that holds a migration of
      // another branch is made anew.
      std::vector<bool> ancestors = project.graph.ancestors_of(order[needed]);
      for (std::size_t rev = 0; rev < dev.replayed.size(); ++rev) {
        if (!dev.replayed[rev] || ancestors[rev]) continue;
        close_dev_database(dev);
        open_dev_database(inv, server, project.migrations.size(), dev);
        break;
      }
      std::vector<std::size_t> revs;
      for (std::size_t p = 0; p <= needed; ++p)
        if (ancestors[order[p]] && !dev.replayed[order[p]]) revs.push_back(order[p]);
      require_no_errors(project, revs, target.id);
      Diagnostics plan_diags;
      std::vector<MigrationPlan> plans = plan_revisions(project, revs, *emitter, plan_diags);
      if (plan_diags.has_errors()) {
        plan_diags.sort();
        throw VerbError{kMigrationErrors,
                        render_text(plan_diags, project.sources) + render_summary(plan_diags)};
      }
      std::vector<runner::Step> steps;
      for (const MigrationPlan& plan : plans) steps.push_back({&plan, nullptr});
      runner::Runner r(*dev.session->db, dev.session->table, project.sources, progress, {});
      if (!r.upgrade(steps)) {
        const MigrationPlan& failed = plans[std::min(r.done(), plans.size() - 1)];
        fail(kMigrationErrors,
             "migrac check: '{}' does not apply on the development database (the server's "
             "message is above); no entry written for '{}'",
             failed.id, target.id);
      }
      result.applied += plans.size();
      for (std::size_t rev : revs) dev.replayed[rev] = true;
      LiveSchema live = read_live_schema(*dev.session, "check");
      SchemaCacheEntry entry{target.id, project.cache.keys[order[needed]],
                             std::string(dialect_name(dialect)), std::move(live.schema)};
      if (std::string err = write_schema_cache(project.cache.folder, entry); !err.empty())
        fail(kDatabaseError, "migrac check: the schema cache entry of '{}': {}", target.id, err);
      ++result.written;
      // The migrations after this one are checked on the entry's schema.
      std::size_t next = needed + 1;
      project = compile_project(options);
      needed = next_needed(project, next);
    }
  }
  close_dev_database(dev);
  return result;
}

Project compile_for_verify(const Invocation& inv, Diagnostics& cache_diags) {
  ProjectOptions options = project_options(inv.config);
  options.check.keep_schemas = true;
  Project project = compile_project(options);
  report_cache_not_current(project, cache_diags);
  if (!project.diags.has_errors()) {
    std::cerr << render_text(project.diags, project.sources);
    return project;
  }
  project.diags.append(cache_diags);
  project.diags.sort();
  throw VerbError{kMigrationErrors,
                  render_text(project.diags, project.sources) + render_summary(project.diags)};
}

std::size_t report_cache_not_current(const Project& project, Diagnostics& diags) {
  if (!project.cache.folder_exists) return 0;
  std::size_t n = 0;
  for (std::size_t rev : project.graph.order) {
    if (!needs_entry(project, rev)) continue;
    const ast::Migration& m = project.migrations[rev];
    bool missing = project.cache.state[rev] == CacheState::Missing;
    diags.report(DiagKind::SchemaCacheNotCurrent, m.id_range,
                 fmt::format("the schema cache entry of raw migration '{}' is {} ('{}'), so "
                             "the model after it is not known to be the database's",
                             m.id, missing ? "missing" : "not current",
                             schema_cache_path(project.cache.folder, m.id)),
                 "`migrac check --dev-url URL` writes it; commit it with the migration");
    ++n;
  }
  return n;
}

}  // namespace migrac::cli
