#pragma once
// What `history` marks after each revision when a database URL is configured.

#include <string>
#include <vector>

#include "compiler/project/project.h"
#include "runtime/cli/verb.h"

namespace migrac::cli {

// " (applied)", " (partly applied)", " (partly reverted)", and " (current)"
// for the applied heads; indexed by revision. Empty without a URL; a warning
// on stderr and empty when the database cannot be read (history stays
// offline: this never stops the verb).
std::vector<std::string> applied_marks(const Invocation& inv, const Project& project);

}  // namespace migrac::cli
