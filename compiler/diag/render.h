#pragma once
// Renderers of diagnostics: clang-style text with a caret, and JSON.

#include <string>

#include "compiler/diag/diag.h"

namespace migrac {

// `path:line:col: error[E0102]: message`, the source line, a caret under the
// range, and `help:` / `note:` lines. Ends with a newline per line.
std::string render_text(const Diagnostics& diags, const SourceSet& sources);
std::string render_text(const Diagnostic& d, const SourceSet& sources);

// {"diagnostics":[{"code","severity","message","file","line","column",
//   "end_line","end_column","help","notes":[...]}], "errors":N, "warnings":N}
std::string render_json(const Diagnostics& diags, const SourceSet& sources);

// "N errors, M warnings generated" or empty when there are none.
std::string render_summary(const Diagnostics& diags);

}  // namespace migrac
