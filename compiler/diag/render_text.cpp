#include <algorithm>

#include <fmt/format.h>

#include "compiler/diag/render.h"

namespace migrac {

namespace {

// The source line and a caret line under [begin, end) of the range's first line.
void append_excerpt(std::string& out, const SourceRange& r, const SourceSet& sources) {
  const SourceFile& file = sources[r.file];
  std::string_view line = file.line_text(r.begin.line);
  if (line.empty() && r.begin.column <= 1) return;
  std::string gutter = fmt::format("{:>5}", r.begin.line);
  out += fmt::format("{} | {}\n", gutter, line);
  std::size_t start = r.begin.column > 0 ? r.begin.column - 1 : 0;
  start = std::min(start, line.size());
  std::size_t end = r.end.line == r.begin.line && r.end.column > r.begin.column
                        ? r.end.column - 1
                        : line.size();
  end = std::min(std::max(end, start + 1), std::max(line.size(), start + 1));
  std::string pad;
  for (std::size_t i = 0; i < start; ++i) pad += line[i] == '\t' ? '\t' : ' ';
  out += fmt::format("{} | {}{}\n", std::string(gutter.size(), ' '), pad,
                     std::string(end - start, '^'));
}

}  // namespace

std::string render_text(const Diagnostic& d, const SourceSet& sources) {
  const DiagInfo& info = diag_info(d.kind);
  std::string out;
  if (d.range.valid()) {
    out += fmt::format("{}:{}:{}: ", sources[d.range.file].path, d.range.begin.line,
                       d.range.begin.column);
  }
  out += fmt::format("{}[{}]: {}\n", severity_name(d.severity), info.code, d.message);
  if (d.range.valid()) append_excerpt(out, d.range, sources);
  if (!d.help.empty()) out += fmt::format("  help: {}\n", d.help);
  for (const DiagNote& n : d.notes) {
    if (n.range.valid()) {
      out += fmt::format("  note: {}:{}:{}: {}\n", sources[n.range.file].path, n.range.begin.line,
                         n.range.begin.column, n.message);
    } else {
      out += fmt::format("  note: {}\n", n.message);
    }
  }
  return out;
}

std::string render_text(const Diagnostics& diags, const SourceSet& sources) {
  std::string out;
  for (const Diagnostic& d : diags.all()) out += render_text(d, sources);
  return out;
}

std::string render_summary(const Diagnostics& diags) {
  std::size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diags.all()) {
    if (d.severity == Severity::Error) ++errors;
    if (d.severity == Severity::Warning) ++warnings;
  }
  if (errors == 0 && warnings == 0) return {};
  return fmt::format("{} error{}, {} warning{} generated\n", errors, errors == 1 ? "" : "s",
                     warnings, warnings == 1 ? "" : "s");
}

}  // namespace migrac
