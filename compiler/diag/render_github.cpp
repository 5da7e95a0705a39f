#include <fmt/format.h>

#include "compiler/diag/render_ci.h"
#include "compiler/source/utf8.h"

namespace migrac {

namespace {

// Workflow-command escaping of the message part.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

// ... and of a property value, which also may not hold ':' or ','.
std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string_view command_of(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info:
    case Severity::Note: return "notice";
  }
  return "warning";
}

}  // namespace

// Paths and texts are shown as valid UTF-8 (invalid bytes as `\xNN`, utf8.h).
std::string render_github(const Diagnostics& diags, const SourceSet& sources,
                          const RuleDescriber& describe) {
  std::string out;
  for (const Diagnostic& d : diags.all()) {
    const DiagInfo& info = diag_info(d.kind);
    std::string title(info.code);
    if (describe) {
      if (auto more = describe(d.kind)) title += " " + more->name;
    }
    std::string props;
    if (d.range.valid()) {
      std::uint32_t end_line = std::max(d.range.end.line, d.range.begin.line);
      std::uint32_t end_column = d.range.end.column;
      if (end_line == d.range.begin.line && end_column <= d.range.begin.column) {
        end_column = d.range.begin.column + 1;
      }
      props = fmt::format("file={},line={},col={},endLine={},endColumn={},",
                          escape_property(escape_invalid_utf8(sources[d.range.file].path)),
                          d.range.begin.line, d.range.begin.column, end_line, end_column);
    }
    props += "title=" + escape_property(escape_invalid_utf8(title));
    std::string message = d.message;
    if (!d.help.empty()) message += "\nhelp: " + d.help;
    for (const DiagNote& n : d.notes) {
      message += n.range.valid()
                     ? fmt::format("\nnote: {}: {}", sources.location(n.range), n.message)
                     : "\nnote: " + n.message;
    }
    out += fmt::format("::{} {}::{}\n", command_of(d.severity), props,
                       escape_data(escape_invalid_utf8(message)));
  }
  return out;
}

}  // namespace migrac
