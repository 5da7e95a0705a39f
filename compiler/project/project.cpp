#include "compiler/project/project.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include <fmt/format.h>

#include "compiler/pgsql/parse_cache.h"
#include "compiler/project/loader.h"
#include "compiler/project/plan_ahead.h"
#include "compiler/source/parallel.h"
#include "compiler/source/timings.h"
#include "compiler/syntax/parse.h"
#include "compiler/syntax/raw_sql_tool.h"

namespace migrac {

namespace {

// Parses every file in parallel, and with PostgreSQL's parser the raw SQL
// the checker will follow in it (into `ahead`). Each file gets its own
// Diagnostics, merged afterwards in file order, so the output does not
// depend on scheduling.
std::vector<ast::Migration> parse_all(const SourceSet& sources, const LoadedDirectory& loaded,
                                      unsigned threads, Diagnostics& diags,
                                      pgsql::ParseCache& ahead) {
  const std::vector<MigrationFile>& files = loaded.files;
  std::vector<ast::Migration> migrations(files.size());
  std::vector<Diagnostics> per_file(files.size());
  std::vector<std::vector<std::pair<std::string, pgsql::ParsedSql>>> parsed(files.size());
  parallel_for(files.size(), threads, 64, [&](std::size_t i) {
    const MigrationFile& f = files[i];
    migrations[i] = f.format == MigrationFormat::Mig
                        ? parse_mig(sources, f, per_file[i])
                        : parse_raw_sql(sources, f, loaded.tool[i], per_file[i]);
    for (std::string_view text : raw_sql_followed(migrations[i]))
      parsed[i].emplace_back(std::string(text), pgsql::parse(text));
  });
  for (const Diagnostics& d : per_file) diags.append(d);
  for (auto& texts : parsed)
    for (auto& [text, tree] : texts) ahead.put(std::move(text), std::move(tree));
  return migrations;
}

}  // namespace

Project compile_project(const ProjectOptions& options) {
  Project project;
  LoadedDirectory loaded = load_migrations(options.dir, options.convention, project.sources,
                                           project.diags);
  timing_mark("load");
  project.convention = loaded.convention;
  project.convention_detected = loaded.detected;
  pgsql::ParseCache parsed_ahead;
  project.migrations = parse_all(project.sources, loaded, options.threads, project.diags,
                                 parsed_ahead);
  timing_mark("parse");
  for (std::size_t i = 0; i < loaded.repeatables.size(); ++i) {
    project.repeatables.push_back(parse_raw_sql(project.sources, loaded.repeatables[i],
                                                loaded.repeatable_tool[i], project.diags));
  }
  project.graph = build_graph(project.migrations, project.diags);
  timing_mark("graph");
  if (project.graph.valid) {
    std::optional<std::size_t> stop_at;
    if (options.check_until) {
      long rev = project.graph.find(*options.check_until);
      if (rev >= 0) stop_at = static_cast<std::size_t>(rev);
    }
    project.cache = read_schema_cache(options.dir, project.migrations, project.graph);
    report_schema_cache(project.cache, project.migrations, project.diags);
    timing_mark("cache");
    CheckOptions check = options.check;
    check.raw_schemas = &project.cache.current;
    check.parsed_ahead = &parsed_ahead;
    PlanAhead* ahead = stop_at ? nullptr : options.plan_ahead;
    if (ahead) {
      ahead->start(project.migrations, project.sources, project.graph.order.size());
      check.on_checked = [&](CheckedMigration& cm) {
        if (!project.diags.has_errors()) ahead->publish(cm);
      };
    }
    {
      // The planner reads the migrations: it is done before they can go.
      struct Finish {
        PlanAhead* ahead;
        ~Finish() {
          if (ahead) ahead->finish();
        }
      } finish{ahead};
      project.history = check_history(project.migrations, project.graph, project.sources, check,
                                      project.diags, stop_at);
    }
    timing_mark("check");
    if (!stop_at) {
      check_repeatables(project.repeatables, project.sources, check, project.history,
                        project.diags);
    }
  }
  project.diags.sort();
  return project;
}

std::string convention_note(const Project& project, const std::string& dir) {
  if (!project.convention_detected || project.convention == Convention::Migrac) return {};
  std::string_view name = convention_name(project.convention);
  return fmt::format(
      "migrac: reading '{}' as a {} directory (detected; set 'convention = {}' in "
      "migrac.ini to say so)\n",
      dir, name, name);
}

std::vector<MigrationPlan> plan_revisions(const Project& project,
                                          const std::vector<std::size_t>& revs,
                                          const Emitter& emitter, Diagnostics& diags,
                                          const PlanOptions& options) {
  std::vector<std::size_t> checked_revs;
  checked_revs.reserve(revs.size());
  for (std::size_t rev : revs) {
    if (project.history.position[rev] >= 0) checked_revs.push_back(rev);
  }
  // Each migration's plan depends only on its checked changes: plan them in
  // parallel, each with its own Diagnostics, merged in order.
  std::vector<MigrationPlan> plans(checked_revs.size());
  std::vector<Diagnostics> per_plan(checked_revs.size());
  parallel_for(checked_revs.size(), 0, 64, [&](std::size_t i) {
    std::size_t rev = checked_revs[i];
    const auto pos = static_cast<std::size_t>(project.history.position[rev]);
    plans[i] = plan_migration(project.migrations[rev], project.history.checked[pos], emitter,
                              project.sources, options, per_plan[i]);
  });
  for (const Diagnostics& d : per_plan) diags.append(d);
  return plans;
}

std::vector<MigrationPlan> plan_repeatables(const Project& project, const Emitter& emitter,
                                            Diagnostics& diags) {
  std::vector<MigrationPlan> plans;
  for (const CheckedMigration& cm : project.history.repeatables) {
    plans.push_back(plan_migration(project.repeatables[cm.migration], cm, emitter, project.sources,
                                   PlanOptions{false}, diags));
    plans.back().migration = cm.migration;
    plans.back().repeatable = true;
    plans.back().reversible = false;
    plans.back().irreversible_reason = "a repeatable migration is never reverted";
  }
  return plans;
}

}  // namespace migrac
