#pragma once
// Renderers of diagnostics for CI: SARIF 2.1.0 (code scanning uploads) and
// GitHub Actions workflow commands (`::error file=...,line=...::message`).
// They read the same records as render_text/render_json.

#include <functional>
#include <optional>
#include <string>

#include "compiler/diag/diag.h"

namespace migrac {

// What a renderer may say about a kind beyond the registry's summary (lint
// rules have a name, a rationale and a safe alternative).
struct RuleDescription {
  std::string name;         // e.g. "drop-column"
  std::string description;  // the rationale
  std::string help;         // what to do instead (markdown allowed)
};
using RuleDescriber = std::function<std::optional<RuleDescription>(DiagKind)>;

struct SarifOptions {
  std::string tool_version = "0.1.0";
  RuleDescriber describe;  // optional
};

// A SARIF 2.1.0 log with one run: tool.driver with the rules of the kinds that
// occur (id = code, ordered by code), and one result per diagnostic with its
// level, message (and help), physical location and related locations (notes).
// Paths are the SourceSet's, relative to %SRCROOT% unless absolute.
std::string render_sarif(const Diagnostics& diags, const SourceSet& sources,
                         const SarifOptions& options = {});

// One workflow command per diagnostic: `::error`, `::warning` or `::notice`
// with file, line, col, endLine, endColumn and title (code and rule name);
// the message and help escaped per the workflow-command rules.
std::string render_github(const Diagnostics& diags, const SourceSet& sources,
                          const RuleDescriber& describe = {});

}  // namespace migrac
