// Another tool's history rows as `migrac adopt` reads them.
#include <catch2/catch.hpp>

#include "runtime/history/adopt.h"

using namespace migrac;
using history::Tool;

namespace {

db::Row row(std::vector<std::optional<std::string>> cells) { return cells; }

}  // namespace

TEST_CASE("adopt: tool names and their tables", "[adopt]") {
  CHECK(history::parse_tool("golang-migrate") == Tool::GolangMigrate);
  CHECK(history::parse_tool("alembic") == Tool::Alembic);
  CHECK_FALSE(history::parse_tool("sqitch").has_value());
  CHECK(history::tool_table(Tool::Flyway) == "flyway_schema_history");
  CHECK(history::tool_query(Tool::GolangMigrate, "ops.schema_migrations") ==
        "SELECT version, dirty FROM ops.schema_migrations");
}

TEST_CASE("adopt: golang-migrate's one row, clean or dirty", "[adopt]") {
  history::ToolHistory clean = history::read_tool_rows(Tool::GolangMigrate, {row({"18", "f"})});
  CHECK(clean.refusal.empty());
  REQUIRE(clean.up_to);
  CHECK(*clean.up_to == "18");
  history::ToolHistory dirty = history::read_tool_rows(Tool::GolangMigrate, {row({"4", "t"})});
  CHECK(dirty.refusal.find("dirty at version 4") != std::string::npos);
  CHECK_FALSE(dirty.up_to.has_value());
  history::ToolHistory none = history::read_tool_rows(Tool::GolangMigrate, {});
  CHECK(none.refusal.empty());
  CHECK_FALSE(none.up_to.has_value());
}

TEST_CASE("adopt: Flyway rows in rank order, baselines, undos and failures", "[adopt]") {
  history::ToolHistory h = history::read_tool_rows(
      Tool::Flyway,
      {row({std::nullopt, "SCHEMA", "t", "<< Flyway Schema Creation >>"}),
       row({"1", "BASELINE", "t", "<< Flyway Baseline >>"}),
       row({"1.1", "SQL", "t", "V1.1__a.sql"}), row({"1.2", "SQL", "t", "V1.2__b.sql"}),
       row({"1.2", "UNDO_SQL", "t", "U1.2__b.sql"})});
  CHECK(h.refusal.empty());
  CHECK(h.baselines == std::vector<std::string>{"1"});
  CHECK(h.versions == std::vector<std::string>{"1.1"});
  history::ToolHistory failed = history::read_tool_rows(Tool::Flyway,
                                                        {row({"2", "SQL", "f", "V2__c.sql"})});
  CHECK(failed.refusal.find("failed migration: version 2 (V2__c.sql)") != std::string::npos);
}

TEST_CASE("adopt: dbmate's versions and Alembic's one head", "[adopt]") {
  history::ToolHistory d = history::read_tool_rows(Tool::Dbmate, {row({"20240101000001"}),
                                                                  row({"20240101000002"})});
  CHECK(d.versions.size() == 2);
  history::ToolHistory a = history::read_tool_rows(Tool::Alembic, {row({"ab"}), row({"cd"})});
  CHECK(a.refusal.find("2 heads") != std::string::npos);
}

TEST_CASE("adopt: Flyway's repeatable runs, the last of each script", "[adopt]") {
  history::ToolHistory h = history::read_tool_rows(
      Tool::Flyway, {row({"1", "SQL", "t", "V1__a.sql", "11"}),
                     row({std::nullopt, "SQL", "t", "R__views.sql", "-5"}),
                     row({std::nullopt, "SQL", "t", "R__fns.sql", "7"}),
                     row({std::nullopt, "SQL", "t", "R__views.sql", "42"})});
  CHECK(h.refusal.empty());
  CHECK(h.versions == std::vector<std::string>{"1"});
  REQUIRE(h.repeatables.size() == 2);
  CHECK(h.repeatables[0].script == "R__fns.sql");
  CHECK(h.repeatables[1].script == "R__views.sql");
  CHECK(h.repeatables[1].checksum == "42");
  history::ToolHistory failed = history::read_tool_rows(
      Tool::Flyway, {row({std::nullopt, "SQL", "f", "R__views.sql", "1"})});
  CHECK(failed.refusal.find("failed migration: version repeatable (R__views.sql)") !=
        std::string::npos);
}

TEST_CASE("adopt: Flyway's checksum is CRC-32 of the lines, signed", "[adopt]") {
  // Values of java.util.zip.CRC32 over the lines, as Flyway computes them.
  CHECK(history::flyway_checksum("SELECT 1;\n") == 78787420);
  CHECK(history::flyway_checksum("SELECT 1;") == 78787420);
  CHECK(history::flyway_checksum("\xEF\xBB\xBFSELECT 1;\r\n") == 78787420);
  CHECK(history::flyway_checksum("CREATE VIEW v AS\r\n  SELECT 1;\r\n") == 677094005);
  CHECK(history::flyway_checksum("CREATE VIEW v AS\n  SELECT 1;") == 677094005);
  CHECK(history::flyway_checksum("CREATE VIEW v AS\r  SELECT 1;") == 677094005);
}
