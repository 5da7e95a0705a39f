// `migrac lint`: every compile error and lint finding of the migrations
// directory (or, with --base, of what changed since a git ref), in text,
// JSON, SARIF or GitHub Actions form; exit 1 when an error remains.
#include <iostream>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "compiler/diag/render_ci.h"
#include "compiler/lint/lint.h"
#include "compiler/lint/rule.h"
#include "runtime/cli/verb.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

std::optional<RuleDescription> describe_rule(DiagKind kind) {
  const lint::Rule* rule = lint::rule_for(kind);
  if (!rule) return std::nullopt;
  return RuleDescription{std::string(rule->name), std::string(rule->rationale),
                         std::string(rule->alternative)};
}

std::optional<Severity> parse_severity(const std::string& s) {
  if (s == "error") return Severity::Error;
  if (s == "warning") return Severity::Warning;
  if (s == "info") return Severity::Info;
  return std::nullopt;
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

int verb_lint(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("format", po::value<std::string>()->default_value("text"),
                     "text, json, sarif or github")(
      "base", po::value<std::string>(),
      "lint only the migrations added or changed since this git ref; merged ones must not change")(
      "max-warnings", po::value<int>()->default_value(-1),
      "exit 1 when there are more than N warnings (-1: no limit)")(
      "fail-on", po::value<std::string>()->default_value("error"),
      "exit 1 on any finding of this severity or worse: error, warning or info")(
      "list-rules", "print the lint rules (--format text, json or markdown) and exit");
  Invocation inv = parse_invocation(
      "lint", "lint [--format text|json|sarif|github] [--base GITREF] [--max-warnings N]", args,
      opts, 0);
  std::string format = inv.vm["format"].as<std::string>();
  if (inv.vm.count("list-rules")) {
    if (format != "text" && format != "json" && format != "markdown") {
      fail(kUsage, "migrac lint: --list-rules prints text, json or markdown, not '{}'", format);
    }
    std::cout << lint::list_rules(format);
    return kOk;
  }
  if (format != "text" && format != "json" && format != "sarif" && format != "github") {
    fail(kUsage, "migrac lint: unknown format '{}' (text, json, sarif or github)", format);
  }
  auto fail_on = parse_severity(inv.vm["fail-on"].as<std::string>());
  if (!fail_on) {
    fail(kUsage, "migrac lint: unknown severity '{}' for --fail-on (error, warning or info)",
         inv.vm["fail-on"].as<std::string>());
  }
  int max_warnings = inv.vm["max-warnings"].as<int>();

  // Compile errors are part of this verb's report, not a reason to stop it.
  Project project = compile_project(project_options(inv.config));
  std::optional<lint::BaseTree> base;
  if (inv.vm.count("base")) {
    std::string error;
    bool usage = false;
    base = lint::read_base_tree(inv.config.dir, inv.vm["base"].as<std::string>(), error, usage);
    if (!base) fail(usage ? kUsage : kDatabaseError, "migrac lint: {}", error);
  }
  lint::LintOptions options;
  options.base = base ? &*base : nullptr;
  lint::LintResult result = lint::lint_project(project, options);

  Diagnostics all = project.diags;
  all.append(result.diags);
  all.sort();
  std::size_t errors = 0, warnings = 0, infos = 0;
  bool threshold = false;
  for (const Diagnostic& d : all.all()) {
    if (d.severity == Severity::Error) ++errors;
    if (d.severity == Severity::Warning) ++warnings;
    if (d.severity == Severity::Info || d.severity == Severity::Note) ++infos;
    if (d.severity >= *fail_on) threshold = true;
  }

  if (format == "json") {
    std::cout << render_json(all, project.sources);
  } else if (format == "sarif") {
    SarifOptions sarif;
    sarif.describe = describe_rule;
    std::cout << render_sarif(all, project.sources, sarif);
  } else {
    std::cout << (format == "github" ? render_github(all, project.sources, describe_rule)
                                     : render_text(all, project.sources));
    std::string linted = plural(result.linted, "migration") + " linted";
    if (all.all().empty()) {
      std::cout << fmt::format("ok: {}, no findings\n", linted);
    } else {
      std::cout << fmt::format("{}: {}, {}, {}\n", linted, plural(errors, "error"),
                               plural(warnings, "warning"), plural(infos, "info"));
    }
  }
  bool too_many = max_warnings >= 0 && warnings > static_cast<std::size_t>(max_warnings);
  if (too_many) {
    std::cerr << fmt::format("migrac lint: {} (--max-warnings {})\n", plural(warnings, "warning"),
                             max_warnings);
  }
  return errors > 0 || too_many || threshold ? kMigrationErrors : kOk;
}

}  // namespace migrac::cli
