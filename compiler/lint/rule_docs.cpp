// The rule list in three forms: the markdown of docs/lint-rules.md, a text
// table, and JSON, all from the registry (`migrac lint --list-rules`).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/diag/json_text.h"
#include "compiler/lint/lint.h"
#include "compiler/lint/rule.h"

namespace migrac::lint {

namespace {

std::string markdown() {
  std::string out;
  out += "# Lint rules\n\n";
  out +=
      "<!-- This page is produced from the rule registry (compiler/lint/rules_*.cpp and\n"
      "     compiler/diag/codes_lint.def) by `migrac lint --list-rules --format markdown`.\n"
      "     Edit the registry, then rewrite this page with that command; the test\n"
      "     `lint_rules_doc` fails when the two differ. -->\n\n";
  out +=
      "`migrac lint` runs these rules over the migrations directory (with `--base GITREF`, "
      "over the migrations added or changed since that ref). Rules on `.mig` migrations read "
      "the schema model before and after each operation and the PostgreSQL plan's locks, so "
      "they know whether a table existed before the migration, what a column's type was, "
      "and whether online compilation is on. Rules on raw SQL migrations read PostgreSQL's own "
      "parse tree of both files, the `.up.sql` and the `.down.sql`, and the same schema model: "
      "the model before the migration, followed statement by statement as `migrac check` "
      "follows raw SQL (the `.down.sql` starts from the model after the `.up.sql`, and what "
      "the `.up.sql` created counts as new there). So a type change that PostgreSQL makes "
      "without a rewrite (`varchar(20)` to `varchar(50)` or `text`), a `DROP INDEX IF "
      "EXISTS` or `DROP TABLE IF EXISTS` of an object that is not there, and a `.down.sql` "
      "dropping what its `.up.sql` added are not reported. Where raw SQL the model cannot "
      "follow has changed a table, the rules fall back to what the statement alone says.\n\n";
  out +=
      "Silence a finding with a comment on the line right above the operation (or at the top "
      "of the file, separated from the first operation, for the whole file); the reason is "
      "required:\n\n";
  out +=
      "```\n-- migrac:allow drop-column the column has been unused since release 41\n"
      "drop column users.legacy_flag;\n```\n\n";
  out +=
      "Severity: an `error` makes `migrac lint` exit 1; `--max-warnings N` also fails when "
      "there are more than N warnings, and `--fail-on warning|info` fails on any finding of "
      "that severity or worse. `info` findings are advice.\n\n";
  out += "| code | rule | severity | applies to | summary |\n| --- | --- | --- | --- | --- |\n";
  for (const Rule& r : all_rules()) {
    const DiagInfo& info = diag_info(r.kind);
    out += fmt::format("| {} | [`{}`](#{}) | {} | {} | {} |\n", info.code, r.name, r.name,
                       severity_name(info.severity), scope_name(r.scope), info.summary);
  }
  for (const Rule& r : all_rules()) {
    const DiagInfo& info = diag_info(r.kind);
    out += fmt::format("\n## {}\n\n", r.name);
    out += fmt::format("`{}` · {} · applies to {}", info.code, severity_name(info.severity),
                       scope_name(r.scope));
    if (!r.squawk.empty()) out += fmt::format(" · squawk: {}", r.squawk);
    out += r.suppressible ? fmt::format(" · suppress with `-- migrac:allow {} <reason>`", r.name)
                          : std::string(" · cannot be suppressed");
    out += "\n\n";
    out += fmt::format("{}.\n\n", info.summary);
    out += fmt::format("**Why:** {}\n\n", r.rationale);
    out += fmt::format("**Instead:** {}\n", r.alternative);
  }
  return out;
}

std::string text() {
  std::string out;
  for (const Rule& r : all_rules()) {
    const DiagInfo& info = diag_info(r.kind);
    out += fmt::format("{}  {:<28} {:<8} {}\n", info.code, r.name, severity_name(info.severity),
                       info.summary);
  }
  return out;
}

std::string json() {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Rule& r : all_rules()) {
    const DiagInfo& info = diag_info(r.kind);
    nlohmann::ordered_json j;
    j["code"] = info.code;
    j["name"] = r.name;
    j["severity"] = severity_name(info.severity);
    j["applies_to"] = scope_name(r.scope);
    j["summary"] = info.summary;
    j["rationale"] = r.rationale;
    j["alternative"] = r.alternative;
    j["squawk"] = r.squawk;
    j["suppressible"] = r.suppressible;
    list.push_back(std::move(j));
  }
  return json_text(std::move(list));
}

}  // namespace

std::string list_rules(const std::string& format) {
  if (format == "markdown") return markdown();
  if (format == "json") return json();
  return text();
}

}  // namespace migrac::lint
