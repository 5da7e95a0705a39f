#pragma once
// The whole compiler over a migrations directory, as the verbs that compile
// run it (check, sql for every dialect and format, up and down, lint in every
// format), with checks of what it produces: every rendering of diagnostics is
// valid UTF-8, JSON and SARIF parse, ranges lie inside their files, and an
// error is reported at a position. A broken check ends the process (fail()).

#include <string>

namespace migrac::fuzz {

// Compiles, plans, emits, lints and renders the migrations of `dir`.
void compile_everything(const std::string& dir);

}  // namespace migrac::fuzz
