#pragma once
// The read-only verbs (status, current) need only the ids, checksums and
// parents of the migrations, not a checked schema. This reads them without
// the full parse: each .mig file's header (`after a, b;`, `set ...;`) is
// scanned lexically (compiler/source/headers.h, the reader of migration
// headers); raw SQL migrations go through the syntax phase's reader, which
// reads their `-- migrac:` headers with the same module.
// When a file is not plain enough to scan with certainty (an `after` clause
// below the operations), the caller compiles the project instead.

#include <optional>
#include <string>

#include "compiler/project/project.h"

namespace migrac::history {

// sources, migrations (id, file, parents, checksum) and graph of `dir`;
// nullopt when any file needs the full compiler (which then reports errors).
// `convention` as in load_migrations (nullopt: detected).
std::optional<Project> quick_project(const std::string& dir,
                                     std::optional<Convention> convention = std::nullopt);

}  // namespace migrac::history
