// `migrac schema [--at REV]`: the schema model at a revision as CREATE
// statements; `migrac schema --live`: the live database's schema, read from its
// catalogs, in the same form, with what the model does not hold listed after it.
#include <iostream>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "runtime/cli/db_options.h"
#include "runtime/cli/session.h"
#include "runtime/cli/verb.h"
#include "runtime/cli/verbs.h"
#include "runtime/introspect/introspect.h"

namespace migrac::cli {

namespace {

// Changes that build `schema` from nothing: enums, tables without their
// foreign keys, then the foreign keys, then the indexes. A dialect that cannot
// add a constraint in place (SQLite) keeps the foreign keys in the tables: it
// resolves them only when rows change, so a table may name one created later.
std::vector<model::Change> creation_changes(const model::Schema& schema, const Capabilities& caps) {
  std::vector<model::Change> changes;
  auto push = [&](model::ChangeKind kind) {
    model::Change c{std::move(kind), {}, -1, true, nullptr};
    c.enums = schema.enums;
    changes.push_back(std::move(c));
  };
  for (const auto& [name, e] : schema.enums) push(model::CreateEnum{e});
  for (const auto& [name, table] : schema.tables) {
    model::Table bare = table;
    bare.indexes.clear();
    if (caps.add_constraint_in_place)
      std::erase_if(bare.constraints, [](const model::Constraint& c) {
        return c.kind == ast::ConstraintKind::ForeignKey;
      });
    push(model::AddTable{std::move(bare)});
  }
  for (const auto& [name, table] : schema.tables) {
    for (const model::Constraint& c : table.constraints) {
      if (c.kind == ast::ConstraintKind::ForeignKey && caps.add_constraint_in_place)
        push(model::AddConstraint{name, c, false});
    }
  }
  for (const auto& [name, table] : schema.tables) {
    for (const model::Index& ix : table.indexes) push(model::CreateIndex{ix, false});
  }
  return changes;
}

// `schema` as CREATE statements of `emitter`'s dialect; fails with exit 1
// when a part cannot be written.
std::string creation_sql(const model::Schema& schema, const Emitter& emitter,
                         const SourceSet& sources) {
  Diagnostics diags;
  std::string out;
  for (const model::Change& c : creation_changes(schema, emitter.capabilities())) {
    for (const EmittedStatement& s : emitter.emit(c, diags)) out += s.sql + ";\n\n";
  }
  if (diags.has_errors()) throw VerbError{kMigrationErrors, render_text(diags, sources)};
  std::cerr << render_text(diags, sources);
  return out;
}

// `schema --live`: reads the database the URL names; fails with exit 3.
int live_schema(const Invocation& inv) {
  Session session = open_session(inv, db_settings(inv), SessionMode::Read);
  CatalogOptions options;
  options.history_schema = session.table.schema;
  options.history_name = session.table.name;
  LiveSchema live;
  try {
    live = introspect::read_live_schema(*session.db, options);
  } catch (const CatalogError& e) {
    fail(kDatabaseError, "migrac schema: reading the catalogs of {}: {}", session.db->describe(),
         e.what());
  }
  auto emitter = make_emitter(session.db->dialect());
  std::cout << creation_sql(live.schema, *emitter, SourceSet{});
  for (const UnmodeledObject& o : live.unmodeled) {
    std::cout << fmt::format("-- not in the model: {} {}{}\n", o.kind, o.name,
                             o.note.empty() ? "" : " (" + o.note + ")");
  }
  return kOk;
}

}  // namespace

int verb_schema(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("at", po::value<std::string>(), "the revision (default: the head)")(
      "live", po::bool_switch(), "the live database's schema, read from its catalogs");
  opts.add(database_options(kConnectOptions));
  Invocation inv = parse_invocation("schema",
                                    "schema [--at REV] [--dialect D] | schema --live [--url URL]",
                                    args, opts, 0);
  if (inv.vm["live"].as<bool>()) {
    if (inv.vm.count("at")) usage_error(inv, "--at and --live do not go together");
    return live_schema(inv);
  }
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
    std::cerr << "migrac schema: more than one head; the schema is the join of the heads\n";
  }
  std::cout << creation_sql(schema, *emitter, project.sources);
  return kOk;
}

}  // namespace migrac::cli
