#pragma once
// The compiler pipeline up to the checked history: load -> parse (in
// parallel) -> graph -> check. Planning and emission are per dialect and
// per range, so callers run them on the result (see plan_range).

#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/check/check.h"
#include "compiler/diag/diag.h"
#include "compiler/graph/graph.h"
#include "compiler/plan/plan.h"
#include "compiler/project/schema_cache.h"
#include "compiler/source/convention.h"
#include "compiler/source/source.h"

namespace migrac {

class PlanAhead;

struct ProjectOptions {
  std::string dir = "migrations";
  std::optional<Convention> convention;  // nullopt: detected from the files
  CheckOptions check;
  unsigned threads = 0;                    // 0: hardware concurrency
  std::optional<std::string> check_until;  // stop the checker after this id (schema --at)
  // Plans beside the checker (compiler/project/plan_ahead.h); with a
  // RenderPlan it takes the checked changes out of the history.
  PlanAhead* plan_ahead = nullptr;
};

// Everything the compiler knows about a migrations directory.
struct Project {
  SourceSet sources;
  Convention convention = Convention::Migrac;  // the directory was read under it
  bool convention_detected = false;            // none was set; the files looked like it
  std::vector<ast::Migration> migrations;      // sorted by id
  std::vector<ast::Migration> repeatables;     // Flyway `R__` files, in the order they run
  RevisionGraph graph;
  CheckedHistory history;
  SchemaCache cache;  // the raw migrations' schema cache entries, as read
  Diagnostics diags;
};

// Loads, parses, builds the graph, reads the schema cache (a stale entry is a
// warning) and checks, with each current entry as the schema after its raw
// migration. Diagnostics are sorted.
Project compile_project(const ProjectOptions& options);

// The line that says which convention was detected ("" when it was set, or
// when the files are migrac's own).
std::string convention_note(const Project& project, const std::string& dir);

// Plans the migrations `revs` (graph indexes, in order) for one dialect.
std::vector<MigrationPlan> plan_revisions(const Project& project,
                                          const std::vector<std::size_t>& revs,
                                          const Emitter& emitter, Diagnostics& diags,
                                          const PlanOptions& options = {});

// Plans every repeatable (Project::repeatables, checked after the history)
// for one dialect; each plan says it is one (MigrationPlan::repeatable).
std::vector<MigrationPlan> plan_repeatables(const Project& project, const Emitter& emitter,
                                            Diagnostics& diags);

}  // namespace migrac
