#pragma once
// Finds the migration files of a directory and reads them into a SourceSet.

#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diag.h"

namespace migrac {

// One migration's files: `<id>.mig`, or `<id>.up.sql` with an optional `<id>.down.sql`.
struct MigrationFile {
  std::string id;
  ast::MigrationFormat format = ast::MigrationFormat::Mig;
  int file = -1;
  int down_file = -1;
};

// Reads every migration file of `dir` (not recursive), sorted by id. Files that
// are not migrations (README.md, migrac.ini) are ignored; a `.mig` or `.sql`
// whose stem is not a valid id is an error. Paths are `dir/name`, without a
// leading "./".
std::vector<MigrationFile> load_directory(const std::string& dir, SourceSet& sources,
                                          Diagnostics& diags);

// "v1:" + hex SHA-256 of the texts concatenated, each with CRLF/CR normalized to LF.
std::string checksum_v1(const std::vector<std::string_view>& texts);

// [A-Za-z0-9_]+
bool is_valid_migration_id(std::string_view id);

}  // namespace migrac
