#pragma once
// The migration-history rules: more than one head, and with a base branch the
// immutability of merged migrations (edited, deleted), new migrations built on
// a stale parent, and new ids that sort before merged ones.

#include <vector>

#include "compiler/diag/diag.h"
#include "compiler/lint/base.h"
#include "compiler/project/project.h"

namespace migrac::lint {

// Reports the history findings into `out`. With a base, marks in `selected`
// (one flag per migration) the migrations added or changed relative to it;
// without one, selects every migration. Files that exist only on the base are
// added to `sources` so that findings can point into them.
void check_history(const Project& project, SourceSet& sources, const BaseTree* base,
                   std::vector<bool>& selected, Diagnostics& out);

}  // namespace migrac::lint
