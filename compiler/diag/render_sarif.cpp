#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/diag/json_text.h"
#include "compiler/diag/render_ci.h"

namespace migrac {

namespace {

using Json = nlohmann::ordered_json;

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info:
    case Severity::Note: return "note";
  }
  return "warning";
}

// A URI reference for a path: relative paths stay relative (to %SRCROOT%),
// absolute ones become file:// URIs; reserved characters are percent-encoded.
std::string uri_of(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return path.empty() || path[0] != '/' ? out : "file://" + out;
}

Json physical_location(const SourceRange& r, const SourceSet& sources) {
  Json artifact;
  const std::string& path = sources[r.file].path;
  artifact["uri"] = uri_of(path);
  if (path.empty() || path[0] != '/') artifact["uriBaseId"] = "%SRCROOT%";
  Json region;
  region["startLine"] = r.begin.line;
  region["startColumn"] = r.begin.column;
  std::uint32_t end_line = std::max(r.end.line, r.begin.line);
  std::uint32_t end_column = r.end.column;
  if (end_line == r.begin.line && end_column <= r.begin.column) end_column = r.begin.column + 1;
  region["endLine"] = end_line;
  region["endColumn"] = end_column;
  Json loc;
  loc["artifactLocation"] = std::move(artifact);
  loc["region"] = std::move(region);
  Json out;
  out["physicalLocation"] = std::move(loc);
  return out;
}

}  // namespace

std::string render_sarif(const Diagnostics& diags, const SourceSet& sources,
                         const SarifOptions& options) {
  // The rules of the kinds that occur, ordered by code.
  std::map<std::string_view, DiagKind> used;
  for (const Diagnostic& d : diags.all()) used.emplace(diag_info(d.kind).code, d.kind);
  Json rules = Json::array();
  std::map<DiagKind, std::size_t> index;
  for (const auto& [code, kind] : used) {
    const DiagInfo& info = diag_info(kind);
    std::optional<RuleDescription> more;
    if (options.describe) more = options.describe(kind);
    Json rule;
    rule["id"] = info.code;
    rule["name"] = more ? more->name : std::string(info.name);
    rule["shortDescription"] = Json{{"text", info.summary}};
    if (more && !more->description.empty()) {
      rule["fullDescription"] = Json{{"text", more->description}};
    }
    if (more && !more->help.empty()) {
      rule["help"] = Json{{"text", more->help}, {"markdown", more->help}};
    }
    rule["defaultConfiguration"] = Json{{"level", sarif_level(info.severity)}};
    index[kind] = rules.size();
    rules.push_back(std::move(rule));
  }

  Json results = Json::array();
  for (const Diagnostic& d : diags.all()) {
    const DiagInfo& info = diag_info(d.kind);
    Json result;
    result["ruleId"] = info.code;
    result["ruleIndex"] = index[d.kind];
    result["level"] = sarif_level(d.severity);
    std::string text = d.message;
    if (!d.help.empty()) text += "\nhelp: " + d.help;
    result["message"] = Json{{"text", text}};
    if (d.range.valid()) result["locations"] = Json::array({physical_location(d.range, sources)});
    Json related = Json::array();
    for (const DiagNote& n : d.notes) {
      if (!n.range.valid()) continue;
      Json loc = physical_location(n.range, sources);
      loc["id"] = related.size();
      loc["message"] = Json{{"text", n.message}};
      related.push_back(std::move(loc));
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    results.push_back(std::move(result));
  }

  Json driver;
  driver["name"] = "migrac";
  driver["version"] = options.tool_version;
  driver["rules"] = std::move(rules);
  Json run;
  run["tool"] = Json{{"driver", std::move(driver)}};
  run["results"] = std::move(results);
  Json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  return json_text(std::move(log));
}

}  // namespace migrac
