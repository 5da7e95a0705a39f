#pragma once
// Suppression comments: `-- migrac:allow <rule> <reason>` on the line right
// above an operation (or statement) silences that rule for it; above the
// first operation and not attached to it (a blank line or a header line in
// between), it silences the rule for the whole file. The reason is required,
// and a suppression that silences nothing is reported.

#include <string>
#include <vector>

#include "compiler/diag/diag.h"
#include "compiler/lint/rule.h"

namespace migrac::lint {

// One suppression comment.
struct Suppression {
  SourceRange comment;  // the comment, for reports about it
  const Rule* rule = nullptr;
  std::string reason;
  bool file_level = false;
  SourceRange target;  // the operation it applies to (not file-level)
  bool used = false;
};

// Finds the suppression comments of `file`. `units` are the ranges of its
// operations or statements, in order. Malformed or misplaced comments are
// reported into `problems` and not returned.
std::vector<Suppression> find_suppressions(const SourceSet& sources, int file,
                                           const std::vector<SourceRange>& units,
                                           Diagnostics& problems);

// `findings` without the suppressed diagnostics; marks the suppressions used.
Diagnostics apply_suppressions(const Diagnostics& findings, std::vector<Suppression>& suppressions);

// Reports every suppression that silenced nothing.
void report_unused(const std::vector<Suppression>& suppressions, Diagnostics& problems);

}  // namespace migrac::lint
