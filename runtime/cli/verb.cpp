#include "runtime/cli/verb.h"

#include <iostream>

#include <fmt/format.h>

#include "compiler/diag/render.h"

namespace migrac::cli {

namespace po = boost::program_options;

Invocation parse_invocation(const std::string& verb, const std::string& usage,
                            const std::vector<std::string>& args, po::options_description options,
                            int max_positional) {
  Invocation inv;
  inv.verb = verb;
  inv.usage = usage;
  po::options_description all(fmt::format("usage: migrac {}\n\nOptions", usage));
  options.add_options()("help,h", "show this help");
  all.add(options).add(global_options());
  po::options_description hidden;
  hidden.add_options()("positional", po::value<std::vector<std::string>>(), "");
  po::options_description parse_with;
  parse_with.add(all).add(hidden);
  po::positional_options_description pos;
  pos.add("positional", -1);
  try {
    po::store(po::command_line_parser(args).options(parse_with).positional(pos).run(), inv.vm);
    po::notify(inv.vm);
  } catch (const po::error& e) {
    std::string input;
    for (const std::string& a : args) input += a + " ";
    usage_error(inv, options_error_text(e, input));
  }
  if (inv.vm.count("help")) {
    std::cout << all;
    throw VerbError{kOk, ""};
  }
  if (inv.vm.count("positional"))
    inv.positional = inv.vm["positional"].as<std::vector<std::string>>();
  if (static_cast<int>(inv.positional.size()) > max_positional) {
    usage_error(inv, fmt::format("unexpected argument '{}'",
                                 inv.positional[static_cast<std::size_t>(max_positional)]));
  }
  if (auto err = load_config(inv.vm, inv.config)) fail(kUsage, "migrac {}: {}", verb, *err);
  return inv;
}

void usage_error(const Invocation& inv, const std::string& text) {
  fail(kUsage, "migrac {}: {}\nusage: migrac {}", inv.verb, text, inv.usage);
}

std::optional<Convention> config_convention(const Config& config) {
  if (config.convention.empty()) return std::nullopt;
  return parse_convention(config.convention);
}

ProjectOptions project_options(const Config& config) {
  ProjectOptions o;
  o.dir = config.dir;
  o.convention = config_convention(config);
  if (config.lock_timeout_ms) o.check.defaults.lock_timeout_ms = *config.lock_timeout_ms;
  if (config.statement_timeout_ms)
    o.check.defaults.statement_timeout_ms = *config.statement_timeout_ms;
  if (config.online) {
    if (*config.online) o.check.defaults.online = true;
    else o.check.force_online = false;
  }
  return o;
}

Project compile_or_fail(const Invocation& inv, bool json, bool warnings, bool keep_schemas) {
  ProjectOptions options = project_options(inv.config);
  options.check.keep_schemas = keep_schemas;
  Project project = compile_project(options);
  std::cerr << convention_note(project, inv.config.dir);
  bool errors = project.diags.has_errors();
  if (json) {
    std::cout << render_json(project.diags, project.sources);
    if (errors) throw VerbError{kMigrationErrors, ""};
    return project;
  }
  std::string text;
  for (const Diagnostic& d : project.diags.all()) {
    if (!warnings && d.severity != Severity::Error) continue;
    text += render_text(d, project.sources);
  }
  if (errors) throw VerbError{kMigrationErrors, text + render_summary(project.diags)};
  std::cerr << text;
  return project;
}

RevisionRef resolve_revision(const Project& project, const std::string& spec) {
  const RevisionGraph& g = project.graph;
  if (spec == "base") return RevisionRef{true, 0};
  if (spec == "head") {
    if (g.heads.size() == 1) return RevisionRef{false, g.heads[0]};
    if (g.heads.empty()) return RevisionRef{true, 0};
    Diagnostics diags;
    require_single_head(g, project.migrations, diags);
    throw VerbError{kMigrationErrors, render_text(diags, project.sources) + render_summary(diags)};
  }
  if (long r = g.find(spec); r >= 0) return RevisionRef{false, static_cast<std::size_t>(r)};
  std::vector<std::size_t> matches;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < project.migrations.size(); ++i) {
    ids.push_back(project.migrations[i].id);
    if (project.migrations[i].id.rfind(spec, 0) == 0) matches.push_back(i);
  }
  if (matches.size() == 1) return RevisionRef{false, matches[0]};
  if (matches.size() > 1)
    fail(kUsage, "migrac: revision '{}' is ambiguous: it starts {} ids", spec, matches.size());
  std::string help = did_you_mean(spec, ids);
  std::string message = fmt::format("migrac: unknown revision '{}'\n", spec);
  if (!help.empty()) message += "  help: " + help + "\n";
  throw VerbError{kUsage, message};
}

Dialect config_dialect(const Config& config) {
  auto d = parse_dialect(config.dialect);
  if (!d) fail(kUsage, "migrac: unknown dialect '{}' (postgres, sqlite or mysql)", config.dialect);
  return *d;
}

}  // namespace migrac::cli
