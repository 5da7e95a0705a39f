#include "runtime/cli/verb.h"

#include <algorithm>
#include <iostream>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "runtime/cli/cli.h"

namespace migrac::cli {

namespace po = boost::program_options;

namespace {

// The help line after "unrecognised option": `upgrade -1` points to
// downgrade, a misspelt flag to the nearest one the verb takes. Empty when
// there is none.
std::string unknown_option_help(const std::string& verb, const std::string& option,
                                const po::options_description& known) {
  bool steps = option.size() > 1 && option[0] == '-' &&
               option.find_first_not_of("0123456789", 1) == std::string::npos;
  if (steps && verb == "upgrade")
    return fmt::format("\n  help: upgrade moves up; to revert, 'migrac downgrade {}'", option);
  std::vector<std::string> names;
  for (const auto& o : known.options()) {
    if (!o->long_name().empty()) names.push_back("--" + o->long_name());
  }
  std::string wrong = option.substr(0, option.find('='));
  std::string help = did_you_mean(wrong, names);
  return help.empty() ? std::string() : "\n  help: " + help;
}

// The common options that `verb` reads, for its help (every verb accepts them
// all: a flag that does not apply is ignored, as the environment's URL is).
po::options_description common_options_read(const std::string& verb) {
  using Names = std::vector<std::string_view>;
  static const std::vector<std::pair<std::string_view, Names>> kRead = {
      {"init", {"dialect"}},
      {"heads", {"dir", "config"}},
      {"merge", {"dir", "config"}},
      {"history", {"dir", "config", "url", "history-table"}},
      {"new", {"dir", "config", "history-table"}},
      {"fmt", {"dir", "config", "url", "history-table"}},
      {"lint", {"dir", "config", "lock-timeout", "statement-timeout", "online", "no-online"}},
      {"check",
       {"dir", "config", "dialect", "lock-timeout", "statement-timeout", "online", "no-online"}},
  };
  po::options_description all = global_options();
  const Names* names = nullptr;
  for (const auto& [name, read] : kRead)
    if (name == verb) names = &read;
  if (!names) return all;
  po::options_description shown("Common options");
  for (const auto& o : all.options()) {
    bool read = std::find(names->begin(), names->end(), o->long_name()) != names->end();
    if (read || o->long_name() == "color") shown.add(o);
  }
  return shown;
}

}  // namespace

Invocation parse_invocation(const std::string& verb, const std::string& usage,
                            const std::vector<std::string>& args, po::options_description options,
                            int max_positional) {
  Invocation inv;
  inv.verb = verb;
  inv.usage = usage;
  VerbDoc doc = verb_doc(verb);
  std::string caption = fmt::format("usage: migrac {}\n", usage);
  if (!doc.summary.empty()) caption += fmt::format("\n{}\n", doc.summary);
  if (!doc.example.empty()) caption += fmt::format("\nexample: {}\n", doc.example);
  po::options_description all(caption + "\nOptions");
  options.add_options()("help,h", "show this help");
  all.add(options).add(global_options());
  po::options_description help_text(caption + "\nOptions");
  help_text.add(options).add(common_options_read(verb));
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
    std::string text = options_error_text(e, input);
    if (const auto* u = dynamic_cast<const po::unknown_option*>(&e))
      text += unknown_option_help(verb, u->get_option_name(), all);
    usage_error(inv, text);
  }
  if (inv.vm.count("help")) {
    std::cout << help_text;
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

int diagnostics_exit_code(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.all())
    if (d.kind == DiagKind::CannotReadDirectory) return kDatabaseError;
  return diags.has_errors() ? kMigrationErrors : kOk;
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

Project compile_or_fail(const Invocation& inv, bool json, bool warnings, bool keep_schemas,
                        PlanAhead* ahead) {
  ProjectOptions options = project_options(inv.config);
  options.check.keep_schemas = keep_schemas;
  options.plan_ahead = ahead;
  Project project = compile_project(options);
  std::cerr << convention_note(project, inv.config.dir);
  bool errors = project.diags.has_errors();
  int code = diagnostics_exit_code(project.diags);
  if (json) {
    std::cout << render_json(project.diags, project.sources);
    if (errors) throw VerbError{code, ""};
    return project;
  }
  std::string text;
  for (const Diagnostic& d : project.diags.all()) {
    if (!warnings && d.severity != Severity::Error) continue;
    text += render_text(d, project.sources);
  }
  if (errors) throw VerbError{code, text + render_summary(project.diags)};
  std::cerr << text;
  return project;
}

void keep_reachable(const void* pointer) {
  // Never destroyed itself; leak checkers see what it holds as reachable.
  static auto* kept = new std::vector<const void*>;
  kept->push_back(pointer);
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
  if (matches.size() > 1) {
    std::string message = fmt::format("migrac: revision '{}' is ambiguous: it starts {} ids:\n",
                                      spec, matches.size());
    for (std::size_t m : matches) message += fmt::format("  {}\n", project.migrations[m].id);
    throw VerbError{kUsage, message};
  }
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
