#include <nlohmann/json.hpp>

#include "compiler/diag/json_text.h"
#include "compiler/diag/render.h"

namespace migrac {

std::string render_json(const Diagnostics& diags, const SourceSet& sources) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diags.all()) {
    if (d.severity == Severity::Error) ++errors;
    if (d.severity == Severity::Warning) ++warnings;
    nlohmann::ordered_json j;
    const DiagInfo& info = diag_info(d.kind);
    j["code"] = info.code;
    j["name"] = info.name;
    j["severity"] = severity_name(d.severity);
    j["message"] = d.message;
    if (d.range.valid()) {
      j["file"] = sources[d.range.file].path;
      j["line"] = d.range.begin.line;
      j["column"] = d.range.begin.column;
      j["end_line"] = d.range.end.line;
      j["end_column"] = d.range.end.column;
    }
    if (!d.help.empty()) j["help"] = d.help;
    if (!d.notes.empty()) {
      nlohmann::ordered_json notes = nlohmann::ordered_json::array();
      for (const DiagNote& n : d.notes) {
        nlohmann::ordered_json nj;
        nj["message"] = n.message;
        if (n.range.valid()) {
          nj["file"] = sources[n.range.file].path;
          nj["line"] = n.range.begin.line;
          nj["column"] = n.range.begin.column;
        }
        notes.push_back(std::move(nj));
      }
      j["notes"] = std::move(notes);
    }
    list.push_back(std::move(j));
  }
  nlohmann::ordered_json root;
  root["diagnostics"] = std::move(list);
  root["errors"] = errors;
  root["warnings"] = warnings;
  return json_text(std::move(root));
}

}  // namespace migrac
