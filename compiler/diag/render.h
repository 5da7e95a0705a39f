#pragma once
// Renderers of diagnostics: clang-style text with a caret, and JSON.

#include <string>

#include "compiler/diag/diag.h"

namespace migrac {

// `path:line:col: error[E0102]: message`, the source line, a caret under the
// range, and `help:` / `note:` lines. Ends with a newline per line. With
// `colour`, as clang colours it (ANSI escapes); without, stderr's colour
// choice (colour.h: off unless the command line set it), where diagnostics go.
std::string render_text(const Diagnostics& diags, const SourceSet& sources);
std::string render_text(const Diagnostic& d, const SourceSet& sources);
std::string render_text(const Diagnostics& diags, const SourceSet& sources, bool colour);
std::string render_text(const Diagnostic& d, const SourceSet& sources, bool colour);

// {"diagnostics":[{"code","severity","message","file","line","column",
//   "end_line","end_column","help","notes":[...]}], "errors":N, "warnings":N}
std::string render_json(const Diagnostics& diags, const SourceSet& sources);

// "N errors, M warnings generated" or empty when there are none.
std::string render_summary(const Diagnostics& diags);

}  // namespace migrac
