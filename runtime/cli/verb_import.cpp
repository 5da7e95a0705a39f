// `migrac import [--url URL] [--stamp]`: for a database that has no
// migrations yet, a baseline migration that creates exactly its schema: what
// the model holds as operations, what it does not as `sql` operations with
// the definitions the database gives (views, functions, triggers, ...), and
// what it cannot give listed. With --stamp the baseline is then recorded as
// applied on that database, after the live schema is held against it (as
// `migrac stamp` does). The baseline is compiled, not linted: it records
// what exists, and the lint rules are for changes.
#include <iostream>

#include <fmt/format.h>

#include "compiler/autogen/autogen.h"
#include "compiler/autogen/lift.h"
#include "compiler/dialect/normalize.h"
#include "runtime/cli/db_options.h"
#include "runtime/cli/generate.h"
#include "runtime/cli/live_schema.h"
#include "runtime/cli/session.h"
#include "runtime/cli/verbs.h"
#include "runtime/introspect/introspect.h"

namespace migrac::cli {

namespace {

constexpr const char* kBaseline = "0001_baseline";

// A `sql <dialect> $$ ... $$` operation.
ast::Operation sql_operation(Dialect dialect, const std::string& text) {
  ast::SqlBody body;
  ast::Ident name;
  name.name = std::string(dialect_name(dialect));
  body.dialect = name;
  body.text = "\n" + text + "\n";
  ast::Sql sql;
  sql.bodies.push_back(std::move(body));
  return ast::Operation{std::move(sql), {}, -1};
}

bool has_function(const std::vector<ObjectDefinition>& defs) {
  for (const ObjectDefinition& d : defs)
    if (d.kind == "function" || d.kind == "procedure" || d.kind == "window function") return true;
  return false;
}

// The unmodeled objects that no definition reproduces.
std::vector<UnmodeledObject> without_definition(const std::vector<UnmodeledObject>& objects,
                                                const std::vector<ObjectDefinition>& defs) {
  std::vector<UnmodeledObject> out;
  for (const UnmodeledObject& o : objects) {
    bool defined = false;
    for (const ObjectDefinition& d : defs)
      defined = defined || (d.kind == o.kind && d.name == o.name);
    // A note on a modeled column, constraint or index is not an object of its own.
    if (!defined) out.push_back(o);
  }
  return out;
}

}  // namespace

int verb_import(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("stamp", "record the baseline as applied on the database it was read from");
  opts.add(database_options(kConnectOptions));
  Invocation inv = parse_invocation("import", "import [--url URL] [--stamp]", args, opts, 0);
  DbSettings settings = db_settings(inv);
  Project project = compile_project(project_options(inv.config));
  if (!project.migrations.empty()) {
    fail(kUsage,
         "migrac import: '{}' has migrations already ({}); import writes the baseline of a "
         "project that has none\n"
         "  help: 'migrac new NAME --from URL' writes the next migration from a database",
         inv.config.dir, project.migrations.size());
  }
  LiveSchema live;
  std::vector<ObjectDefinition> defs;
  std::string label;
  Dialect dialect = Dialect::Postgres;
  {
    Session session = open_session(inv, settings, SessionMode::Read);
    live = read_live_schema(session, "import");
    dialect = session.db->dialect();
    label = session.db->describe();
    CatalogOptions options;
    options.history_schema = session.table.schema;
    options.history_name = session.table.name;
    try {
      defs = introspect::read_definitions(*session.db, options);
    } catch (const CatalogError& e) {
      fail(kDatabaseError, "migrac import: reading the definitions of {}: {}", label, e.what());
    }
  }
  if (dialect == Dialect::Postgres)
    live.schema = autogen::readable_expressions(std::move(live.schema));
  autogen::Generated gen = autogen::generate(model::Schema{}, live.schema, autogen::Hints{},
                                             normalizer(dialect));

  ast::Migration m;
  m.id = kBaseline;
  print::Comments comments;
  std::vector<ast::Operation> before, after;
  std::map<std::size_t, std::vector<std::string>> before_notes, after_notes;
  if (dialect == Dialect::Postgres && has_function(defs)) {
    before_notes[before.size()].push_back(
        " Function bodies are checked when the tables exist (as pg_dump does).");
    before.push_back(sql_operation(dialect, "SET LOCAL check_function_bodies = off;"));
  }
  for (const ObjectDefinition& d : defs) {
    auto& list = d.before_tables ? before : after;
    auto& notes = d.before_tables ? before_notes : after_notes;
    notes[list.size()].push_back(fmt::format(" {} {}", d.kind, d.name));
    list.push_back(sql_operation(dialect, d.sql));
  }
  for (auto& [i, lines] : before_notes) comments.before_up[i] = lines;
  for (auto& [i, lines] : gen.comments.before_up) comments.before_up[before.size() + i] = lines;
  for (auto& [i, lines] : after_notes)
    comments.before_up[before.size() + gen.up.size() + i] = lines;
  m.up = std::move(before);
  for (ast::Operation& op : gen.up) m.up.push_back(std::move(op));
  for (ast::Operation& op : after) m.up.push_back(std::move(op));

  comments.header.push_back(fmt::format(" Baseline: the schema of {}, as migrac import read it.",
                                        label));
  for (const autogen::Unexpressible& u : gen.unexpressible)
    comments.header.push_back(fmt::format(" Not reproduced: {}: {}.", u.object, u.reason));
  std::vector<UnmodeledObject> listed = without_definition(live.unmodeled, defs);
  if (!listed.empty()) {
    comments.header.push_back(
        " Not reproduced (the model does not hold them and the database gives no definition):");
    for (std::string& line : unmodeled_lines(listed)) comments.header.push_back(std::move(line));
  }
  comments.header.insert(comments.header.end(), gen.comments.header.begin(),
                         gen.comments.header.end());
  if (m.up.empty()) {
    fail(kUsage, "migrac import: {} has no schema to import (no tables, enums or other objects)",
         label);
  }
  int status = write_generated(inv, kBaseline, print::print_migration(m, comments), false);
  for (const UnmodeledObject& o : listed)
    std::cerr << fmt::format("migrac import: not reproduced: {} {}{}\n", o.kind, o.name,
                             o.note.empty() ? "" : " (" + o.note + ")");
  if (status != kOk || !inv.vm.count("stamp")) return status;
  Args stamp_args{kBaseline};
  for (const std::string& a : args)
    if (a != "--stamp") stamp_args.push_back(a);
  return verb_stamp(stamp_args);
}

}  // namespace migrac::cli
