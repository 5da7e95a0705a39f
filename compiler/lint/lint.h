#pragma once
// The linter: runs every rule over a compiled project (the .mig migrations
// through their Changes and PostgreSQL plan, the raw SQL migrations through
// libpg_query), applies the suppression comments, and checks the history
// (with a base branch: immutability of merged migrations).

#include <string>

#include "compiler/diag/diag.h"
#include "compiler/lint/base.h"
#include "compiler/project/project.h"

namespace migrac::lint {

struct LintOptions {
  const BaseTree* base = nullptr;  // --base: lint only what changed relative to it
  unsigned threads = 0;            // for raw SQL files; 0: hardware concurrency
};

// What the linter found.
struct LintResult {
  Diagnostics diags;       // lint findings and planning errors, sorted
  std::size_t linted = 0;  // migrations linted
};

// Lints the project. May add files to project.sources (base-only files that
// findings point into).
LintResult lint_project(Project& project, const LintOptions& options);

// What lint_raw_migration knows besides the files.
struct RawLintOptions {
  // The compiler reported an error in the .up.sql (.down.sql) file already,
  // so a syntax error there is not reported twice.
  bool up_reported = false;
  bool down_reported = false;
  // The schema model before the migration, when known: the rules read it
  // (evolved statement by statement) as the .mig rules read theirs.
  const ModelBefore* before = nullptr;
};

// Lints one raw SQL migration, its .up.sql and its .down.sql (used by
// lint_project; exposed for tests).
Diagnostics lint_raw_migration(const SourceSet& sources, const ast::Migration& migration,
                               const RawLintOptions& options = {});

// Lints one .mig migration from its checked Changes (and plan, if any).
Diagnostics lint_mig_migration(const SourceSet& sources, const ast::Migration& migration,
                               const CheckedMigration& checked, const MigrationPlan* plan);

// The rule list for `migrac lint --list-rules`: "markdown" (docs/lint-rules.md),
// "text" or "json".
std::string list_rules(const std::string& format);

}  // namespace migrac::lint
