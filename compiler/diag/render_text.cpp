#include <algorithm>

#include <fmt/format.h>

#include "compiler/diag/colour.h"
#include "compiler/diag/render.h"
#include "compiler/source/utf8.h"

namespace migrac {

namespace {

// The source line and a caret line under [begin, end) of the range's first
// line. The line is shown as valid UTF-8 (invalid bytes as `\xNN`); the caret
// line has one column per character shown, so it stays under the range.
void append_excerpt(std::string& out, const SourceRange& r, const SourceSet& sources, bool colour) {
  const SourceFile& file = sources[r.file];
  std::string_view line = file.line_text(r.begin.line);
  if (line.empty() && r.begin.column <= 1) return;
  std::string gutter = fmt::format("{:>5}", r.begin.line);
  std::size_t start = r.begin.column > 0 ? r.begin.column - 1 : 0;
  start = std::min(start, line.size());
  std::size_t end = r.end.line == r.begin.line && r.end.column > r.begin.column ? r.end.column - 1
                                                                                : line.size();
  end = std::min(std::max(end, start + 1), std::max(line.size(), start + 1));
  std::string pad;
  std::size_t carets = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t n = utf8_sequence_length(line, i);
    std::size_t width = n > 0 ? 1 : 4;  // a character, or `\xNN`
    if (i < start) pad.append(width, line[i] == '\t' ? '\t' : ' ');
    else if (i < end) carets += width;
    i += n > 0 ? n : 1;
  }
  carets = std::max<std::size_t>(carets, 1);  // at the end of the line (a missing ';')
  out += fmt::format("{} | {}\n", gutter, escape_invalid_utf8(line));
  out += fmt::format("{} | {}{}\n", std::string(gutter.size(), ' '), pad,
                     paint(std::string(carets, '^'), sgr::kGreen, colour));
}

// The colour of a severity's name, as clang shows it.
std::string_view severity_colour(Severity s) {
  switch (s) {
    case Severity::Error: return sgr::kRed;
    case Severity::Warning: return sgr::kMagenta;
    case Severity::Info:
    case Severity::Note: return sgr::kCyan;
  }
  return sgr::kBold;
}

}  // namespace

std::string render_text(const Diagnostic& d, const SourceSet& sources, bool colour) {
  const DiagInfo& info = diag_info(d.kind);
  std::string out;
  if (d.range.valid()) {
    out += paint(fmt::format("{}:{}:{}:", escape_invalid_utf8(sources[d.range.file].path),
                             d.range.begin.line, d.range.begin.column),
                 sgr::kBold, colour);
    out += " ";
  }
  out += fmt::format("{}: {}\n",
                     paint(fmt::format("{}[{}]", severity_name(d.severity), info.code),
                           severity_colour(d.severity), colour),
                     paint(escape_invalid_utf8(d.message), sgr::kBold, colour));
  if (d.range.valid()) append_excerpt(out, d.range, sources, colour);
  if (!d.help.empty())
    out += fmt::format("  {} {}\n", paint("help:", sgr::kCyan, colour),
                       escape_invalid_utf8(d.help));
  for (const DiagNote& n : d.notes) {
    std::string note = paint("note:", sgr::kCyan, colour);
    if (n.range.valid()) {
      out += fmt::format("  {} {}:{}:{}: {}\n", note,
                         escape_invalid_utf8(sources[n.range.file].path), n.range.begin.line,
                         n.range.begin.column, escape_invalid_utf8(n.message));
    } else {
      out += fmt::format("  {} {}\n", note, escape_invalid_utf8(n.message));
    }
  }
  return out;
}

std::string render_text(const Diagnostics& diags, const SourceSet& sources, bool colour) {
  std::string out;
  for (const Diagnostic& d : diags.all()) out += render_text(d, sources, colour);
  return out;
}

std::string render_text(const Diagnostic& d, const SourceSet& sources) {
  return render_text(d, sources, colour_choice().err);
}

std::string render_text(const Diagnostics& diags, const SourceSet& sources) {
  return render_text(diags, sources, colour_choice().err);
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
