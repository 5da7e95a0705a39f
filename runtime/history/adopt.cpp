// Reading another tool's history for `migrac adopt` (see adopt.h).

#include "runtime/history/adopt.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace migrac::history {

namespace {

std::string text_of(const db::Row& row, std::size_t column) {
  return column < row.size() && row[column] ? *row[column] : std::string{};
}

bool is_true(const std::string& v) { return v == "t" || v == "true" || v == "1"; }

// The revision of the migration whose id is `version` under a tool's
// convention (versions compared as the tool compares them); -1 when none.
long find_version(const Project& project, const std::string& version) {
  for (std::size_t i = 0; i < project.migrations.size(); ++i) {
    const ast::Migration& m = project.migrations[i];
    if (m.format == MigrationFormat::RawSql && compare_versions(m.id, version) == 0)
      return static_cast<long>(i);
  }
  return -1;
}

}  // namespace

std::optional<Tool> parse_tool(std::string_view name) {
  if (name == "golang-migrate" || name == "morph") return Tool::GolangMigrate;
  if (name == "dbmate") return Tool::Dbmate;
  if (name == "flyway") return Tool::Flyway;
  if (name == "alembic") return Tool::Alembic;
  return std::nullopt;
}

std::string_view tool_name(Tool tool) {
  switch (tool) {
    case Tool::GolangMigrate: return "golang-migrate";
    case Tool::Dbmate: return "dbmate";
    case Tool::Flyway: return "flyway";
    case Tool::Alembic: return "alembic";
  }
  return "";
}

std::string_view tool_table(Tool tool) {
  switch (tool) {
    case Tool::GolangMigrate:
    case Tool::Dbmate: return "schema_migrations";
    case Tool::Flyway: return "flyway_schema_history";
    case Tool::Alembic: return "alembic_version";
  }
  return "";
}

std::optional<Convention> tool_convention(Tool tool) {
  switch (tool) {
    case Tool::GolangMigrate: return Convention::GolangMigrate;
    case Tool::Dbmate: return Convention::Dbmate;
    case Tool::Flyway: return Convention::Flyway;
    case Tool::Alembic: return std::nullopt;
  }
  return std::nullopt;
}

std::string tool_query(Tool tool, const std::string& table) {
  switch (tool) {
    case Tool::GolangMigrate: return fmt::format("SELECT version, dirty FROM {}", table);
    case Tool::Dbmate: return fmt::format("SELECT version FROM {} ORDER BY version", table);
    case Tool::Flyway:
      return fmt::format(
          "SELECT version, type, success, script, checksum FROM {} ORDER BY installed_rank", table);
    case Tool::Alembic: return fmt::format("SELECT version_num FROM {}", table);
  }
  return {};
}

ToolHistory read_tool_rows(Tool tool, const std::vector<db::Row>& rows) {
  ToolHistory h;
  switch (tool) {
    case Tool::GolangMigrate: {
      if (rows.size() > 1) {
        h.refusal = fmt::format("schema_migrations has {} rows (golang-migrate keeps one)",
                                rows.size());
        break;
      }
      if (rows.empty()) break;
      std::string version = text_of(rows[0], 0);
      if (is_true(text_of(rows[0], 1))) {
        h.refusal = fmt::format(
            "golang-migrate left the database dirty at version {}: a migration failed part-way\n"
            "  help: repair the schema by hand, then 'migrate force <version>' with the version "
            "the schema is at, and adopt again",
            version);
        break;
      }
      h.up_to = version;
      break;
    }
    case Tool::Dbmate:
      for (const db::Row& row : rows) h.versions.push_back(text_of(row, 0));
      break;
    case Tool::Flyway:
      for (const db::Row& row : rows) {
        std::string version = text_of(row, 0);
        std::string type = text_of(row, 1);
        if (!is_true(text_of(row, 2))) {
          h.refusal = fmt::format(
              "flyway_schema_history has a failed migration: version {} ({})\n"
              "  help: repair the schema by hand and run 'flyway repair', then adopt again",
              version.empty() ? "repeatable" : version, text_of(row, 3));
          break;
        }
        if (version.empty() && type != "SCHEMA" && type != "DELETE") {
          // A repeatable's run: the last one of each script counts.
          std::string script = text_of(row, 3);
          std::erase_if(h.repeatables, [&](const ToolRepeatable& r) { return r.script == script; });
          h.repeatables.push_back({script, text_of(row, 4)});
          continue;
        }
        if (version.empty() || type == "SCHEMA" || type == "DELETE") continue;
        if (type == "BASELINE") {
          h.baselines.push_back(version);
        } else if (type == "UNDO_SQL") {
          std::erase_if(h.versions,
                        [&](const std::string& v) { return compare_versions(v, version) == 0; });
        } else {
          h.versions.push_back(version);
        }
      }
      break;
    case Tool::Alembic:
      for (const db::Row& row : rows) h.versions.push_back(text_of(row, 0));
      if (h.versions.size() > 1) {
        h.refusal = fmt::format("alembic_version records {} heads; adopt reads a history at one",
                                h.versions.size());
      }
      break;
  }
  return h;
}

Adoption match_tool_history(Tool tool, const ToolHistory& history, const Project& project,
                            std::optional<std::size_t> target) {
  Adoption a;
  std::vector<bool> applied(project.migrations.size(), false);
  if (tool == Tool::Alembic) {
    if (target) applied = project.graph.ancestors_of(*target);
  }
  if (history.up_to) {
    long rev = find_version(project, *history.up_to);
    if (rev < 0) {
      a.errors.push_back(fmt::format("the database is at version {}, which no file has",
                                     *history.up_to));
    } else {
      applied = project.graph.ancestors_of(static_cast<std::size_t>(rev));
    }
  }
  if (tool != Tool::Alembic) {
    for (const std::string& v : history.versions) {
      long rev = find_version(project, v);
      if (rev < 0) {
        a.errors.push_back(fmt::format("version {} is recorded as applied, and no file has it", v));
        continue;
      }
      applied[static_cast<std::size_t>(rev)] = true;
    }
    for (const std::string& b : history.baselines) {
      for (std::size_t i = 0; i < project.migrations.size(); ++i) {
        const ast::Migration& m = project.migrations[i];
        if (m.format == MigrationFormat::RawSql && compare_versions(m.id, b) <= 0)
          applied[i] = true;
      }
    }
  }
  // Every parent of an applied migration must be applied: migrac's history
  // has no gaps.
  for (std::size_t r : project.graph.order) {
    if (!applied[r]) continue;
    for (std::size_t p : project.graph.revisions[r].parents) {
      if (applied[p]) continue;
      a.errors.push_back(fmt::format("{} is applied, and the migration before it, {}, is not",
                                     project.migrations[r].id, project.migrations[p].id));
    }
    a.applied.push_back(r);
  }
  return a;
}

namespace {

// CRC-32 (IEEE, as zlib and java.util.zip.CRC32 compute it), continued from `crc`.
std::uint32_t crc32_update(std::uint32_t crc, std::string_view bytes) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (unsigned char b : bytes) crc = table[(crc ^ b) & 0xffu] ^ (crc >> 8);
  return ~crc;
}

std::string_view base_name(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::int32_t flyway_checksum(std::string_view text) {
  // Lines as Java's BufferedReader.readLine reads them: ended by \n, \r or \r\n.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::uint32_t crc = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = std::min(text.find_first_of("\r\n", i), text.size());
    crc = crc32_update(crc, text.substr(i, end - i));
    if (end == text.size()) break;
    i = end + 1;
    if (text[end] == '\r' && i < text.size() && text[i] == '\n') ++i;
  }
  return static_cast<std::int32_t>(crc);
}

std::vector<AdoptedRepeatable> match_tool_repeatables(const ToolHistory& history,
                                                      const Project& project) {
  std::vector<AdoptedRepeatable> out;
  for (std::size_t i = 0; i < project.repeatables.size(); ++i) {
    const ast::Migration& m = project.repeatables[i];
    std::string_view file = base_name(project.sources[m.file].path);
    for (const ToolRepeatable& r : history.repeatables) {
      if (base_name(r.script) != file) continue;
      std::string now = std::to_string(flyway_checksum(project.sources[m.file].text));
      out.push_back({i, now == r.checksum, r.checksum});
      break;
    }
  }
  return out;
}

}  // namespace migrac::history
