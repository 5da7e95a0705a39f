#pragma once
// The read-only verbs (status, current) need only the ids, checksums and
// parents of the migrations, not a checked schema. This reads them without
// the full parse: each .mig file's header (`after a, b;`, `set ...;`) is
// scanned lexically; raw SQL migrations go through the syntax phase's reader.
// When a file is not plain enough to scan with certainty (an `after` clause
// below the operations), the caller compiles the project instead.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/project/project.h"

namespace migrac::history {

// The `after` ids of a .mig text, or nullopt when the scan cannot be sure.
std::optional<std::vector<std::string>> scan_mig_parents(std::string_view text);

// sources, migrations (id, file, parents, checksum) and graph of `dir`;
// nullopt when any file needs the full compiler (which then reports errors).
std::optional<Project> quick_project(const std::string& dir);

}  // namespace migrac::history
