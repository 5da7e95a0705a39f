// `migrac schema [--at REV]`: the schema model at a revision as CREATE statements.
#include <iostream>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "runtime/cli/verb.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

// Changes that build `schema` from nothing: enums, tables without their
// foreign keys, then the foreign keys, then the indexes.
std::vector<model::Change> creation_changes(const model::Schema& schema) {
  std::vector<model::Change> changes;
  auto push = [&](model::ChangeKind kind) {
    model::Change c{std::move(kind), {}, -1, true, std::nullopt};
    c.enums = schema.enums;
    changes.push_back(std::move(c));
  };
  for (const auto& [name, e] : schema.enums) push(model::CreateEnum{e});
  for (const auto& [name, table] : schema.tables) {
    model::Table bare = table;
    bare.indexes.clear();
    std::erase_if(bare.constraints, [](const model::Constraint& c) {
      return c.kind == ast::ConstraintKind::ForeignKey;
    });
    push(model::AddTable{std::move(bare)});
  }
  for (const auto& [name, table] : schema.tables) {
    for (const model::Constraint& c : table.constraints) {
      if (c.kind == ast::ConstraintKind::ForeignKey) push(model::AddConstraint{name, c, false});
    }
  }
  for (const auto& [name, table] : schema.tables) {
    for (const model::Index& ix : table.indexes) push(model::CreateIndex{ix, false});
  }
  return changes;
}

}  // namespace

int verb_schema(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("at", po::value<std::string>(), "the revision (default: the head)");
  Invocation inv = parse_invocation("schema", "schema [--at REV] [--dialect D]", args, opts, 0);
  Dialect dialect = config_dialect(inv.config);
  auto emitter = make_emitter(dialect);
  if (!emitter)
    fail(kUsage, "migrac schema: the {} dialect is not available", dialect_name(dialect));
  ProjectOptions options = project_options(inv.config);
  std::optional<std::string> at;
  if (inv.vm.count("at")) at = inv.vm["at"].as<std::string>();
  // Compile the whole history (errors anywhere are errors), then replay up to --at.
  Project project = compile_or_fail(inv);
  // What `check` reports for this dialect (a `sql` with no body for it, say) is an error here too.
  Diagnostics plan_diags;
  plan_revisions(project, project.graph.order, *emitter, plan_diags);
  if (plan_diags.has_errors()) {
    plan_diags.sort();
    throw VerbError{kMigrationErrors, render_text(plan_diags, project.sources)};
  }
  model::Schema schema = project.history.final_schema;
  if (at) {
    RevisionRef ref = resolve_revision(project, *at);
    if (ref.is_base) {
      schema = {};
    } else {
      options.check_until = project.migrations[ref.rev].id;
      Project partial = compile_project(options);
      schema = partial.history.final_schema;
    }
  } else if (project.graph.heads.size() > 1) {
    std::cerr
        << "migrac schema: more than one head; the schema is that of all migrations in order\n";
  }
  Diagnostics diags;
  std::string out;
  for (const model::Change& c : creation_changes(schema)) {
    for (const EmittedStatement& s : emitter->emit(c, diags)) out += s.sql + ";\n\n";
  }
  if (diags.has_errors()) throw VerbError{kMigrationErrors, render_text(diags, project.sources)};
  std::cerr << render_text(diags, project.sources);
  std::cout << out;
  return kOk;
}

}  // namespace migrac::cli
