#pragma once
// What a migration is made of on disk: its id, its format and its files in a
// SourceSet, and the checksum over those files' texts that the history records.

#include <string>
#include <string_view>
#include <vector>

namespace migrac {

// How a migration is written: a `.mig` file, or raw `.up.sql` (+ `.down.sql`).
enum class MigrationFormat { Mig, RawSql };

// One migration's files: `<id>.mig`, or `<id>.up.sql` with an optional `<id>.down.sql`.
struct MigrationFile {
  std::string id;
  MigrationFormat format = MigrationFormat::Mig;
  int file = -1;
  int down_file = -1;
};

// "v1:" + hex SHA-256 of the texts concatenated, each with CRLF/CR normalized to LF.
std::string checksum_v1(const std::vector<std::string_view>& texts);

// [A-Za-z0-9_]+
bool is_valid_migration_id(std::string_view id);

}  // namespace migrac
