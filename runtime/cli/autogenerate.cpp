// `migrac new NAME --from SOURCE [--check] [--rename ...]`: the next migration
// from the difference between the model at head and SOURCE.
#include <iostream>

#include <fmt/format.h>

#include "compiler/autogen/autogen.h"
#include "compiler/dialect/normalize.h"
#include "runtime/cli/generate.h"

namespace migrac::cli {

namespace {

// "users.full_name=display_name" or "table old=new".
autogen::Rename parse_rename(const Invocation& inv, const std::string& spec) {
  autogen::Rename r;
  std::string rest = spec;
  bool table = rest.rfind("table ", 0) == 0;
  if (table) rest = rest.substr(6);
  std::size_t eq = rest.find('=');
  std::string left = eq == std::string::npos ? rest : rest.substr(0, eq);
  if (!table) {
    std::size_t dot = left.find('.');
    if (dot != std::string::npos) {
      r.table = left.substr(0, dot);
      left = left.substr(dot + 1);
    }
  }
  r.from = left;
  if (eq != std::string::npos) r.to = rest.substr(eq + 1);
  if (r.from.empty() || r.to.empty() || (!table && r.table.empty())) {
    usage_error(inv, fmt::format("--rename '{}': write TABLE.OLD=NEW for a column or 'table "
                                 "OLD=NEW' for a table",
                                 spec));
  }
  return r;
}

int report_check(const model::Schema& head, const GenSource& source) {
  std::vector<model::Difference> diffs = model::compare(head, source.schema,
                                                        normalizer(source.dialect));
  if (diffs.empty()) {
    std::cout << fmt::format("ok: the migrations at head produce the schema of {}\n", source.label);
    return kOk;
  }
  std::cout << fmt::format("the model at head is not the schema of {} ({} difference{}):\n",
                           source.label, diffs.size(), diffs.size() == 1 ? "" : "s");
  for (const model::Difference& d : diffs) std::cout << "  " << model::describe(d) << "\n";
  std::cout << "  help: 'migrac new NAME --from SOURCE' writes the migration that closes them\n";
  return kMigrationErrors;
}

}  // namespace

int new_from_source(const Invocation& inv, const Project& project, const std::string& id,
                    const std::string& title) {
  // No migrations yet (a first migration): the head is the empty schema.
  if (!project.migrations.empty() && project.diags.has_errors()) {
    fail(kMigrationErrors,
         "migrac new: the migrations have errors ('migrac check' lists them), so there is no "
         "model at head to compare with");
  }
  const std::string& spec = inv.vm["from"].as<std::string>();
  GenSource source = read_source(inv, spec);
  const model::Schema& head = project.history.final_schema;
  if (inv.vm.count("check")) return report_check(head, source);

  autogen::Hints hints;
  if (inv.vm.count("rename")) {
    for (const std::string& r : inv.vm["rename"].as<std::vector<std::string>>())
      hints.renames.push_back(parse_rename(inv, r));
  }
  autogen::Generated gen = autogen::generate(head, source.schema, hints,
                                             normalizer(source.dialect));
  if (!gen.errors.empty()) {
    std::string text;
    for (const std::string& e : gen.errors) text += (text.empty() ? "" : "\n") + e;
    usage_error(inv, text + "\n(nothing was written)");
  }
  for (const autogen::Unexpressible& u : gen.unexpressible) {
    std::cerr << fmt::format("migrac new: not generated: {}: {}\n", u.object, u.reason);
  }
  if (gen.up.empty()) {
    if (!gen.unexpressible.empty()) {
      std::cerr << "migrac new: nothing that the language can express differs; nothing was "
                   "written\n";
      return kMigrationErrors;
    }
    std::cout << fmt::format(
        "nothing to generate: the migrations at head produce the schema of "
        "{}\n",
        source.label);
    return kOk;
  }

  ast::Migration m;
  m.id = id;
  if (!project.graph.heads.empty()) {
    ast::Ident parent;
    parent.name = project.migrations[project.graph.heads[0]].id;
    parent.quoted = false;
    m.parents.push_back(parent);
  }
  m.up = std::move(gen.up);
  print::Comments comments = std::move(gen.comments);
  std::vector<std::string> header{
      " " + title, fmt::format(" Generated from {}: review it before applying.", source.label)};
  for (const autogen::Unexpressible& u : gen.unexpressible)
    header.push_back(fmt::format(" Not generated: {}: {}.", u.object, u.reason));
  if (!source.unmodeled.empty()) {
    header.push_back(
        fmt::format(" In {} but not in the model (not generated; write a sql "
                    "operation for any that belongs here):",
                    source.label));
    for (std::string& line : unmodeled_lines(source.unmodeled)) header.push_back(std::move(line));
  }
  header.insert(header.end(), comments.header.begin(), comments.header.end());
  comments.header = std::move(header);
  int status = write_generated(inv, id, print::print_migration(m, comments), true);
  for (const std::string& p : gen.placeholders) {
    std::cerr << fmt::format(
        "migrac new: fill in the backfill of '{}' in {}.mig: the value written is a "
        "placeholder\n",
        p, id);
  }
  return status;
}

}  // namespace migrac::cli
