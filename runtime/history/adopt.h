#pragma once
// Another tool's history table, read for `migrac adopt`: golang-migrate's
// schema_migrations(version, dirty), dbmate's schema_migrations(version),
// Flyway's flyway_schema_history and Alembic's alembic_version; and which
// migrations of the project the tool's rows say are applied.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/project/project.h"
#include "runtime/db/driver.h"

namespace migrac::history {

// The tools whose histories adopt reads.
enum class Tool { GolangMigrate, Dbmate, Flyway, Alembic };

std::optional<Tool> parse_tool(std::string_view name);
std::string_view tool_name(Tool tool);
// The table the tool keeps its history in by default.
std::string_view tool_table(Tool tool);
// The directory convention the tool's files follow (Alembic: none migrac reads).
std::optional<Convention> tool_convention(Tool tool);
// The query that reads the tool's table (`table` as given, maybe schema-qualified).
std::string tool_query(Tool tool, const std::string& table);

// One Flyway repeatable as flyway_schema_history records its last run.
struct ToolRepeatable {
  std::string script;    // as recorded ("R__views.sql", maybe under a folder)
  std::string checksum;  // Flyway's checksum (flyway_checksum), as text
};

// What the tool's rows say, before they are matched with the files.
struct ToolHistory {
  std::vector<std::string> versions;        // applied versions (Alembic: revisions), as recorded
  std::optional<std::string> up_to;         // golang-migrate: this version and every one before it
  std::vector<std::string> baselines;       // Flyway: baselines (every version up to each one)
  std::vector<ToolRepeatable> repeatables;  // Flyway: each repeatable's last run (version NULL)
  std::string refusal;  // not empty: a dirty or failed state, which adopt refuses
};

// Reads the rows of tool_query's result.
ToolHistory read_tool_rows(Tool tool, const std::vector<db::Row>& rows);

// The migrations the tool applied, as graph revisions in graph order, or the
// reasons there are none (a version without a file, a gap in the history).
struct Adoption {
  std::vector<std::size_t> applied;
  std::vector<std::string> errors;
};

// Matches the tool's versions with the project's migrations (their ids are
// the versions under the tool's convention). For Alembic, `target` is the
// migration the user names for the recorded revision: it and its ancestors.
Adoption match_tool_history(Tool tool, const ToolHistory& history, const Project& project,
                            std::optional<std::size_t> target);

// Flyway's checksum of a script: CRC-32 of its lines (without line breaks, a
// leading byte-order mark dropped) as a signed 32-bit number.
std::int32_t flyway_checksum(std::string_view text);

// A Flyway repeatable of the project, matched with the run the tool recorded.
struct AdoptedRepeatable {
  std::size_t repeatable = 0;  // index into the project's repeatables
  bool unchanged = false;      // the file's Flyway checksum is the one recorded
  std::string tool_checksum;
};

// The project's repeatables that Flyway recorded as run (matched by file name).
std::vector<AdoptedRepeatable> match_tool_repeatables(const ToolHistory& history,
                                                      const Project& project);

}  // namespace migrac::history
