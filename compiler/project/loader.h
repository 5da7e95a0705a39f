#pragma once
// Finds the migration files of a directory and reads them into a SourceSet.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diag.h"
#include "compiler/source/convention.h"
#include "compiler/source/migration_file.h"
#include "compiler/source/tool_file.h"

namespace migrac {

// The migration files of a directory and the convention they were read under.
struct LoadedDirectory {
  std::vector<MigrationFile> files;  // sorted by id
  std::vector<ToolFacts> tool;       // by index of `files`
  Convention convention = Convention::Migrac;
  bool detected = false;  // none was set: the files looked like this convention's
  // Flyway repeatables (`R__<desc>.sql`), in description order; no part of the
  // revision graph: they run after it, again whenever their checksum changes.
  std::vector<MigrationFile> repeatables;
  std::vector<ToolFacts> repeatable_tool;  // by index of `repeatables`
};

// Reads every migration file of `dir` under `convention`, or under the one
// its files look like when none is set (detect_convention). Under another
// tool's convention each of its migrations has the one before it in version
// order as its implied parent. Flyway repeatables are read beside them; files
// of the convention that migrac does not read (Flyway baselines) are errors.
LoadedDirectory load_migrations(const std::string& dir, std::optional<Convention> convention,
                                SourceSet& sources, Diagnostics& diags);

// Reads every migration file of `dir` (not recursive), sorted by id. Files that
// are not migrations (README.md, migrac.ini) are ignored; a `.mig` or `.sql`
// whose stem is not a valid id is an error. Paths are `dir/name`, without a
// leading "./". The convention is detected (load_migrations).
std::vector<MigrationFile> load_directory(const std::string& dir, SourceSet& sources,
                                          Diagnostics& diags);

}  // namespace migrac
