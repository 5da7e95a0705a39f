// Suppression comments: `-- migrac:allow <rule> <reason>` above an operation
// or at the top of a file; the reason is required; unused ones are reported.
#include <catch2/catch.hpp>

#include <set>

#include <fmt/format.h>

#include "compiler/lint/lint.h"
#include "compiler/lint/rule.h"

using namespace migrac;

namespace {

std::vector<std::string> lint_sql(const std::string& text) {
  SourceSet sources;
  ast::Migration m;
  m.id = "0001_x";
  m.format = MigrationFormat::RawSql;
  m.file = sources.add("0001_x.up.sql", text);
  m.down_file = sources.add("0001_x.down.sql", "SELECT 1;\n");
  Diagnostics d = lint::lint_raw_migration(sources, m);
  std::vector<std::string> out;
  for (const Diagnostic& x : d.all()) {
    out.push_back(fmt::format("{} {}: {}", diag_info(x.kind).code, x.range.begin.line, x.message));
  }
  return out;
}

const std::string kHead = "SET lock_timeout = '1s';\n";

}  // namespace

TEST_CASE("a suppression above a statement silences that rule there only", "[lint][suppress]") {
  auto f = lint_sql(kHead +
                    "-- migrac:allow drop-column unused since release 41\n"
                    "ALTER TABLE a DROP COLUMN b;\n"
                    "ALTER TABLE a DROP COLUMN c;\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0] == "W0602 4: dropping column 'a.c' deletes its data");
}

TEST_CASE("rule codes work like names", "[lint][suppress]") {
  CHECK(lint_sql(kHead + "-- migrac:allow W0602 unused\nALTER TABLE a DROP COLUMN b;\n").empty());
}

TEST_CASE("a suppression at the top of the file covers the file", "[lint][suppress]") {
  auto f = lint_sql("-- migrac:allow drop-column the whole table is being retired\n\n" + kHead +
                    "ALTER TABLE a DROP COLUMN b;\nALTER TABLE a DROP COLUMN c;\n");
  CHECK(f.empty());
}

TEST_CASE("the reason is required", "[lint][suppress]") {
  auto f = lint_sql(kHead + "-- migrac:allow drop-column\nALTER TABLE a DROP COLUMN b;\n");
  REQUIRE(f.size() == 2);
  CHECK(f[0] == "W0691 2: this suppression of 'drop-column' gives no reason");
  CHECK(f[1] == "W0602 3: dropping column 'a.b' deletes its data");
}

TEST_CASE("unknown rules get a suggestion", "[lint][suppress]") {
  SourceSet sources;
  ast::Migration m;
  m.id = "0001_x";
  m.format = MigrationFormat::RawSql;
  m.file = sources.add("0001_x.up.sql", kHead + "-- migrac:allow drop-colum typo\nSELECT 1;\n");
  m.down_file = sources.add("0001_x.down.sql", "SELECT 1;\n");
  Diagnostics d = lint::lint_raw_migration(sources, m);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].message == "unknown lint rule 'drop-colum' in this suppression");
  CHECK(d.all()[0].help == "did you mean 'drop-column'?");
}

TEST_CASE("a suppression that silences nothing is reported", "[lint][suppress]") {
  auto f = lint_sql(kHead +
                    "-- migrac:allow drop-table not needed\nALTER TABLE a DROP COLUMN b;\n");
  REQUIRE(f.size() == 2);
  CHECK(f[0] ==
        "W0690 2: this suppression of 'drop-table' silences nothing in the operation below");
}

TEST_CASE("a suppression in the middle, not above an operation, is misplaced", "[lint][suppress]") {
  auto f = lint_sql(kHead +
                    "ALTER TABLE a DROP COLUMN b;\n-- migrac:allow drop-column why\n\n"
                    "ALTER TABLE a DROP COLUMN c;\n");
  CHECK(f.size() == 3);
  CHECK(f[1] == "W0691 3: this suppression of 'drop-column' is not on the line above an operation");
}

TEST_CASE("history rules cannot be suppressed", "[lint][suppress]") {
  auto f = lint_sql(kHead + "-- migrac:allow edited-migration why\nSELECT 1;\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0] == "W0691 2: rule 'edited-migration' cannot be suppressed");
}

TEST_CASE("the registry: every lint code has exactly one rule", "[lint][registry]") {
  std::set<std::string_view> names;
  for (const DiagInfo& info : all_diag_infos()) {
    if (info.code[0] != 'W' || info.code.substr(0, 3) != "W06") continue;
    const lint::Rule* r = lint::rule_for(info.kind);
    REQUIRE(r != nullptr);
    CHECK(names.insert(r->name).second);
    CHECK_FALSE(r->rationale.empty());
    CHECK_FALSE(r->alternative.empty());
    CHECK(lint::find_rule(r->name) == r);
    CHECK(lint::find_rule(info.code) == r);
  }
  CHECK(names.size() == lint::all_rules().size());
}
