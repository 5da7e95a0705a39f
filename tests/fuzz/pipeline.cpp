// The compiler pipeline of the fuzz targets (pipeline.h).

#include "tests/fuzz/pipeline.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"
#include "compiler/diag/render_ci.h"
#include "compiler/dialect/dialect.h"
#include "compiler/lint/lint.h"
#include "compiler/lint/rule.h"
#include "compiler/project/project.h"
#include "compiler/script/script.h"
#include "compiler/source/utf8.h"
#include "tests/fuzz/scratch.h"

namespace migrac::fuzz {

namespace {

// The rule names and rationales SARIF and GitHub output carry (as `migrac lint`).
std::optional<RuleDescription> describe_rule(DiagKind kind) {
  const lint::Rule* rule = lint::rule_for(kind);
  if (rule == nullptr) return std::nullopt;
  return RuleDescription{std::string(rule->name), std::string(rule->rationale),
                         std::string(rule->alternative)};
}

// Every range (and note range) lies inside its file, its line and column those
// of its offset.
void check_ranges(const Diagnostics& diags, const SourceSet& sources) {
  auto check = [&](const SourceRange& r, const std::string& message) {
    if (!r.valid()) return;
    if (static_cast<std::size_t>(r.file) >= sources.files.size()) {
      fail("a range names no file", message);
    }
    const SourceFile& f = sources[r.file];
    if (r.begin.offset > r.end.offset || r.end.offset > f.text.size()) {
      fail("a range is not inside its file",
           fmt::format("{} [{}, {}) of {} bytes", message, r.begin.offset, r.end.offset,
                       f.text.size()));
    }
    SourcePos b = f.pos_at(r.begin.offset);
    if (b.line != r.begin.line || b.column != r.begin.column) {
      fail("a range's line and column disagree with its offset", message);
    }
  };
  for (const Diagnostic& d : diags.all()) {
    check(d.range, d.message);
    for (const DiagNote& n : d.notes) check(n.range, n.message);
  }
}

// Every renderer, as `check` and `lint` print them.
void render_all(const Diagnostics& diags, const SourceSet& sources) {
  check_ranges(diags, sources);
  for (const Diagnostic& d : diags.all()) {
    if (!valid_utf8(d.message) || !valid_utf8(d.help)) {
      fail("a diagnostic holds invalid UTF-8", d.message);
    }
  }
  std::string text = render_text(diags, sources) + render_summary(diags);
  if (!valid_utf8(text)) fail("the text rendering is not valid UTF-8", text);
  std::string github = render_github(diags, sources, describe_rule);
  if (!valid_utf8(github)) fail("the GitHub rendering is not valid UTF-8", github);
  std::string json = render_json(diags, sources);
  if (!nlohmann::json::accept(json)) fail("the JSON rendering does not parse", json);
  SarifOptions sarif_options;
  sarif_options.describe = describe_rule;
  std::string sarif = render_sarif(diags, sources, sarif_options);
  if (!nlohmann::json::accept(sarif)) fail("the SARIF rendering does not parse", sarif);
}

// `migrac sql head` and `migrac sql --down base` in both formats, and
// `sql --out` (one script per migration), for one dialect.
void emit_dialect(const Project& project, const std::vector<std::size_t>& revs, Dialect dialect) {
  std::unique_ptr<Emitter> emitter = make_emitter(dialect);
  if (!emitter) return;
  Diagnostics diags;
  std::vector<MigrationPlan> plans = plan_revisions(project, revs, *emitter, diags);
  render_all(diags, project.sources);
  if (diags.has_errors()) return;
  std::vector<std::size_t> down_revs(revs.rbegin(), revs.rend());
  Diagnostics down_diags;
  std::vector<MigrationPlan> down_plans = plan_revisions(project, down_revs, *emitter, down_diags);
  bool reversible = check_reversible(down_plans, down_diags);
  render_all(down_diags, project.sources);
  for (ScriptFormat format : {ScriptFormat::Plain, ScriptFormat::Psql}) {
    ScriptOptions options;
    options.format = format;
    options.dialect = dialect;
    render_script(plans, project.sources, options);
    for (const MigrationPlan& p : plans) {
      render_migration_script(p, project.sources, options);
      if (p.reversible) {
        ScriptOptions down = options;
        down.down = true;
        render_migration_script(p, project.sources, down);
      }
    }
    if (!reversible) continue;
    options.down = true;
    render_script(down_plans, project.sources, options);
  }
}

}  // namespace

void compile_everything(const std::string& dir) {
  ProjectOptions options;
  options.dir = dir;
  options.threads = 1;
  Project project = compile_project(options);
  render_all(project.diags, project.sources);
  if (project.diags.has_errors()) {
    bool positioned = false;
    for (const Diagnostic& d : project.diags.all()) {
      positioned = positioned || (d.severity == Severity::Error && d.range.valid());
    }
    if (!positioned) {
      fail("errors, but none at a position", render_text(project.diags, project.sources));
    }
  }

  // `sql` compiles only a project without errors, along the single head.
  if (!project.diags.has_errors() && project.graph.heads.size() == 1) {
    std::vector<std::size_t> revs = project.graph.range({}, project.graph.heads[0]);
    for (Dialect d : {Dialect::Postgres, Dialect::Sqlite, Dialect::Mysql}) {
      emit_dialect(project, revs, d);
    }
  }

  // `lint` runs whatever the compiler found.
  lint::LintOptions lint_options;
  lint_options.threads = 1;
  lint::LintResult result = lint::lint_project(project, lint_options);
  Diagnostics all = project.diags;
  all.append(result.diags);
  all.sort();
  render_all(all, project.sources);
}

}  // namespace migrac::fuzz
