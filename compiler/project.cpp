#include "compiler/project.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "compiler/source/loader.h"
#include "compiler/syntax/parse.h"

namespace migrac {

namespace {

// Parses every file, spreading the files over `threads` workers. Each file
// gets its own Diagnostics, merged afterwards in file order, so the output
// does not depend on scheduling.
std::vector<ast::Migration> parse_all(const SourceSet& sources,
                                      const std::vector<MigrationFile>& files, unsigned threads,
                                      Diagnostics& diags) {
  std::vector<ast::Migration> migrations(files.size());
  std::vector<Diagnostics> per_file(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      const MigrationFile& f = files[i];
      migrations[i] = f.format == ast::MigrationFormat::Mig
                          ? parse_mig(sources, f, per_file[i])
                          : parse_raw_sql(sources, f, per_file[i]);
    }
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, (files.size() + 63) / 64));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (const Diagnostics& d : per_file) diags.append(d);
  return migrations;
}

}  // namespace

Project compile_project(const ProjectOptions& options) {
  Project project;
  std::vector<MigrationFile> files = load_directory(options.dir, project.sources, project.diags);
  project.migrations = parse_all(project.sources, files, options.threads, project.diags);
  project.graph = build_graph(project.migrations, project.diags);
  if (project.graph.valid) {
    std::optional<std::size_t> stop_at;
    if (options.check_until) {
      long rev = project.graph.find(*options.check_until);
      if (rev >= 0) stop_at = static_cast<std::size_t>(rev);
    }
    project.history = check_history(project.migrations, project.graph, project.sources,
                                    options.check, project.diags, stop_at);
  }
  project.diags.sort();
  return project;
}

std::vector<MigrationPlan> plan_revisions(const Project& project,
                                          const std::vector<std::size_t>& revs,
                                          const Emitter& emitter, Diagnostics& diags) {
  std::vector<MigrationPlan> plans;
  plans.reserve(revs.size());
  for (std::size_t rev : revs) {
    long pos = project.history.position[rev];
    if (pos < 0) continue;
    const CheckedMigration& checked = project.history.checked[static_cast<std::size_t>(pos)];
    plans.push_back(plan_migration(project.migrations[rev], checked, emitter, project.sources,
                                   PlanOptions{}, diags));
  }
  return plans;
}

}  // namespace migrac
