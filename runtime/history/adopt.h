#pragma once
// Another tool's history table, read for `migrac adopt`: golang-migrate's
// schema_migrations(version, dirty), dbmate's schema_migrations(version),
// Flyway's flyway_schema_history and Alembic's alembic_version; and which
// migrations of the project the tool's rows say are applied.

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

// What the tool's rows say, before they are matched with the files.
struct ToolHistory {
  std::vector<std::string> versions;   // applied versions (Alembic: revisions), as recorded
  std::optional<std::string> up_to;    // golang-migrate: this version and every one before it
  std::vector<std::string> baselines;  // Flyway: baselines (every version up to each one)
  std::string refusal;                 // not empty: a dirty or failed state, which adopt refuses
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

}  // namespace migrac::history
