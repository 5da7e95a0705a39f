// `migrac check`: compile everything (and plan it for the configured dialect,
// which finds what that dialect cannot express), report diagnostics.
#include <iostream>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "runtime/cli/verb.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

int verb_check(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("format", po::value<std::string>()->default_value("text"), "text or json");
  Invocation inv = parse_invocation("check", "check [--format text|json] [--dialect D]", args, opts,
                                    0);
  std::string format = inv.vm["format"].as<std::string>();
  if (format != "text" && format != "json")
    fail(kUsage, "migrac check: unknown format '{}' (text or json)", format);
  Dialect dialect = config_dialect(inv.config);
  // The diagnostics are this verb's report, not a reason to stop it.
  Project project = compile_project(project_options(inv.config));
  if (!project.diags.has_errors()) {
    if (auto emitter = make_emitter(dialect)) {
      plan_revisions(project, project.graph.order, *emitter, project.diags);
      project.diags.sort();
    }
  }
  if (format == "json") {
    std::cout << render_json(project.diags, project.sources);
    return project.diags.has_errors() ? kMigrationErrors : kOk;
  }
  std::cerr << render_text(project.diags, project.sources) << render_summary(project.diags);
  if (project.diags.has_errors()) return kMigrationErrors;
  std::string heads;
  for (std::size_t h : project.graph.heads)
    heads += (heads.empty() ? "" : ", ") + project.migrations[h].id;
  std::cout << fmt::format("ok: {} migration{} checked for {}, head{} {}\n",
                           project.migrations.size(), project.migrations.size() == 1 ? "" : "s",
                           dialect_name(dialect), project.graph.heads.size() == 1 ? "" : "s",
                           heads.empty() ? std::string("(none)") : heads);
  return kOk;
}

}  // namespace migrac::cli
