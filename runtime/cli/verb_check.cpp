// `migrac check`: compile everything (and plan it for the configured dialect,
// which finds what that dialect cannot express), report diagnostics. With
// --dev-url (or dev_url), first refresh the raw migrations' schema cache on a
// scratch database on that server (dev_schema.h).
#include <iostream>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "runtime/cli/dev_schema.h"
#include "runtime/cli/verb.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

int verb_check(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("format", po::value<std::string>()->default_value("text"), "text or json")(
      "dev-url", po::value<std::string>(),
      "development database server: write the schema cache entries of raw SQL migrations there "
      "(else MIGRAC_DEV_URL, dev_url in migrac.ini)");
  Invocation inv = parse_invocation("check",
                                    "check [--format text|json] [--dialect D] [--dev-url URL]",
                                    args, opts, 0);
  std::string format = inv.vm["format"].as<std::string>();
  if (format != "text" && format != "json")
    fail(kUsage, "migrac check: unknown format '{}' (text or json)", format);
  Dialect dialect = config_dialect(inv.config);
  // The diagnostics are this verb's report, not a reason to stop it.
  Project project = compile_project(project_options(inv.config));
  std::cerr << convention_note(project, inv.config.dir);
  std::string cache_line;
  if (!inv.config.dev_url.empty()) {
    DevRefresh r = refresh_schema_cache(inv, project);
    cache_line = fmt::format(
        "schema cache: {} entr{} written ({} migration{} replayed on a development database), {} "
        "already current\n",
        r.written, r.written == 1 ? "y" : "ies", r.applied, r.applied == 1 ? "" : "s", r.current);
  }
  if (!project.diags.has_errors()) {
    if (auto emitter = make_emitter(dialect)) {
      plan_revisions(project, project.graph.order, *emitter, project.diags);
      plan_repeatables(project, *emitter, project.diags);
      project.diags.sort();
    }
  }
  if (format == "json") {
    std::cerr << cache_line;
    std::cout << render_json(project.diags, project.sources);
    return diagnostics_exit_code(project.diags);
  }
  std::cout << cache_line;
  std::cerr << render_text(project.diags, project.sources) << render_summary(project.diags);
  if (project.diags.has_errors()) return diagnostics_exit_code(project.diags);
  std::string heads;
  for (std::size_t h : project.graph.heads)
    heads += (heads.empty() ? "" : ", ") + project.migrations[h].id;
  std::string repeatables;
  if (!project.repeatables.empty()) {
    repeatables = fmt::format("; {} repeatable{} after it", project.repeatables.size(),
                              project.repeatables.size() == 1 ? "" : "s");
  }
  std::cout << fmt::format("ok: {} migration{} checked for {}, head{} {}{}\n",
                           project.migrations.size(), project.migrations.size() == 1 ? "" : "s",
                           dialect_name(dialect), project.graph.heads.size() == 1 ? "" : "s",
                           heads.empty() ? std::string("(none)") : heads, repeatables);
  return kOk;
}

}  // namespace migrac::cli
