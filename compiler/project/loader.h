#pragma once
// Finds the migration files of a directory and reads them into a SourceSet.

#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diag.h"
#include "compiler/source/migration_file.h"

namespace migrac {

// Reads every migration file of `dir` (not recursive), sorted by id. Files that
// are not migrations (README.md, migrac.ini) are ignored; a `.mig` or `.sql`
// whose stem is not a valid id is an error. Paths are `dir/name`, without a
// leading "./".
std::vector<MigrationFile> load_directory(const std::string& dir, SourceSet& sources,
                                          Diagnostics& diags);

}  // namespace migrac
