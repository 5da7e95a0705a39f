// Directory conventions: file names, version order, detection, and the
// loader's implied parents, no-transaction markers and dbmate sections.
#include <catch2/catch.hpp>

#include <filesystem>

#include "compiler/project/loader.h"
#include "compiler/syntax/parse.h"
#include "compiler/syntax/raw_sql_tool.h"
#include "temp_dir.h"

using namespace migrac;
namespace fs = std::filesystem;

namespace {

// A fresh temporary directory, removed at the end of the test.
struct ConventionDir : test::TempDir {
  ConventionDir() : TempDir("migrac-conv") {}
};

// The directory loaded and every raw migration parsed.
struct Loaded {
  SourceSet sources;
  Diagnostics diags;
  LoadedDirectory dir;
  std::vector<ast::Migration> migrations;
};

Loaded load(const ConventionDir& d, std::optional<Convention> c = std::nullopt) {
  Loaded l;
  l.dir = load_migrations(d.dir.string(), c, l.sources, l.diags);
  for (std::size_t i = 0; i < l.dir.files.size(); ++i) {
    const MigrationFile& f = l.dir.files[i];
    l.migrations.push_back(f.format == MigrationFormat::RawSql
                               ? parse_raw_sql(l.sources, f, l.dir.tool[i], l.diags)
                               : parse_mig(l.sources, f, l.diags));
  }
  return l;
}

const ast::Migration& find(const Loaded& l, const std::string& id) {
  for (const ast::Migration& m : l.migrations)
    if (m.id == id) return m;
  FAIL("no migration " << id);
  return l.migrations.front();
}

std::string parent(const ast::Migration& m) {
  return m.parents.size() == 1 ? m.parents[0].name
                               : std::string("<" + std::to_string(m.parents.size()) + ">");
}

}  // namespace

TEST_CASE("convention names", "[convention]") {
  CHECK(parse_convention("golang-migrate") == Convention::GolangMigrate);
  CHECK(parse_convention("morph") == Convention::GolangMigrate);
  CHECK(parse_convention("dbmate") == Convention::Dbmate);
  CHECK(parse_convention("flyway") == Convention::Flyway);
  CHECK(parse_convention("migrac") == Convention::Migrac);
  CHECK_FALSE(parse_convention("liquibase").has_value());
  CHECK(convention_name(Convention::GolangMigrate) == "golang-migrate");
}

TEST_CASE("file names under each convention", "[convention]") {
  ConventionFile g = classify_file(Convention::GolangMigrate,
                                   "000056_upgrade_channels_v6.0.up.sql");
  CHECK(g.kind == ConventionFileKind::Up);
  CHECK(g.id == "000056");
  CHECK(classify_file(Convention::GolangMigrate, "000056_x.down.sql").kind ==
        ConventionFileKind::Down);
  CHECK(classify_file(Convention::GolangMigrate, "init.up.sql").kind ==
        ConventionFileKind::Unsupported);
  CHECK(classify_file(Convention::GolangMigrate, "README.md").kind == ConventionFileKind::Other);

  ConventionFile d = classify_file(Convention::Dbmate, "20240101120000_create-users.sql");
  CHECK(d.kind == ConventionFileKind::Both);
  CHECK(d.id == "20240101120000");

  ConventionFile v = classify_file(Convention::Flyway, "V1_2_3__add users.sql");
  CHECK(v.kind == ConventionFileKind::Up);
  CHECK(v.id == "1.2.3");
  CHECK(classify_file(Convention::Flyway, "V1.2__x.sql").id == "1.2");
  CHECK(classify_file(Convention::Flyway, "U1.2__x.sql").kind == ConventionFileKind::Down);
  ConventionFile r = classify_file(Convention::Flyway, "R__views.sql");
  CHECK(r.kind == ConventionFileKind::Repeatable);
  CHECK(r.id == "R__views");
  CHECK(classify_file(Convention::Flyway, "R__.sql").kind == ConventionFileKind::Unsupported);
  CHECK(classify_file(Convention::Flyway, "R__views.sql.conf").kind == ConventionFileKind::Config);
  CHECK(classify_file(Convention::Flyway, "B5__base.sql").kind == ConventionFileKind::Unsupported);
  CHECK(classify_file(Convention::Flyway, "V1..2__x.sql").kind == ConventionFileKind::Unsupported);
  ConventionFile conf = classify_file(Convention::Flyway, "V3__x.sql.conf");
  CHECK(conf.kind == ConventionFileKind::Config);
  CHECK(conf.id == "3");
  CHECK(classify_file(Convention::Flyway, "0001_a.mig").kind == ConventionFileKind::Mig);
}

TEST_CASE("versions compare part by part as numbers", "[convention]") {
  CHECK(compare_versions("1.2", "1.10") < 0);
  CHECK(compare_versions("000056", "56") == 0);
  CHECK(compare_versions("2", "10") < 0);
  CHECK(compare_versions("1.0", "1") == 0);
  CHECK(compare_versions("1.2.3", "1.2") > 0);
  CHECK(is_valid_convention_id(Convention::Flyway, "1.2.3"));
  CHECK_FALSE(is_valid_convention_id(Convention::Migrac, "1.2.3"));
  CHECK(mig_after_id("1.2.3") == "\"1.2.3\"");
  CHECK(mig_after_id("000056") == "000056");
}

TEST_CASE("detection from the files", "[convention]") {
  auto detect = [](std::vector<DetectInput> files) { return detect_convention(files); };
  CHECK(detect({{"V1__a.sql", ""}, {"V2__b.sql", ""}}) == Convention::Flyway);
  CHECK(detect({{"20240101_a.sql", "-- migrate:up\nselect 1;\n"}}) == Convention::Dbmate);
  // A plain .sql without dbmate's marker is not a migration for migrac.
  CHECK(detect({{"0001_a.sql", "select 1;\n"}, {"0002_b.mig", ""}}) == Convention::Migrac);
  CHECK(detect({{"1_a.up.sql", ""}, {"1_a.down.sql", ""}, {"2_b.up.sql", ""}}) ==
        Convention::GolangMigrate);
  CHECK(detect({{"1_a.v2.up.sql", ""}}) == Convention::GolangMigrate);
  // migrac's own raw files: one migration, an `after` header, or a .mig beside them.
  CHECK(detect({{"0001_a.up.sql", ""}}) == Convention::Migrac);
  CHECK(detect({{"0001_a.up.sql", ""}, {"0002_b.up.sql", "-- migrac:after 0001_a\n"}}) ==
        Convention::Migrac);
  CHECK(detect({{"0001_a.up.sql", ""}, {"0002_b.up.sql", ""}, {"0003_c.mig", ""}}) ==
        Convention::Migrac);
}

TEST_CASE("golang-migrate: version ids, implied parents, morph's marker", "[convention]") {
  ConventionDir d;
  d.write("000001_init.up.sql", "CREATE TABLE a (id int);\n");
  d.write("000001_init.down.sql", "DROP TABLE a;\n");
  d.write("000010_later.up.sql", "ALTER TABLE a ADD COLUMN c int;\n");
  d.write("000002_upgrade_v6.0.up.sql",
          "-- morph:nontransactional\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n");
  d.write("000002_upgrade_v6.0.down.sql", "");
  d.write("000011_branch.up.sql", "-- migrac:after 000002\nSELECT 1;\n");
  Loaded l = load(d);
  REQUIRE_FALSE(l.diags.has_errors());
  CHECK(l.dir.convention == Convention::GolangMigrate);
  CHECK(l.dir.detected);
  REQUIRE(l.migrations.size() == 4);
  CHECK(find(l, "000001").parents.empty());
  CHECK(find(l, "000001").raw_down.size() == 1);
  CHECK(parent(find(l, "000002")) == "000001");
  CHECK(find(l, "000002").no_transaction);
  CHECK(find(l, "000002").down_file >= 0);
  CHECK(find(l, "000002").raw_down.empty());
  CHECK(parent(find(l, "000010")) == "000002");
  CHECK_FALSE(find(l, "000010").no_transaction);
  // `-- migrac:after` wins over the version order.
  CHECK(parent(find(l, "000011")) == "000002");
}

TEST_CASE("dbmate: sections of one file and transaction:false", "[convention]") {
  ConventionDir d;
  d.write("20240101000000_a.sql",
          "-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\nDROP TABLE a;\n");
  d.write("20240102000000_b.sql",
          "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY a_i ON a (id);\n");
  d.write("20240103000000_c.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
  Loaded l = load(d);
  REQUIRE_FALSE(l.diags.has_errors());
  CHECK(l.dir.convention == Convention::Dbmate);
  const ast::Migration& a = find(l, "20240101000000");
  REQUIRE(a.raw_up.size() == 1);
  CHECK(a.raw_up[0].text == "CREATE TABLE a (id int)");
  CHECK(a.raw_up[0].range.begin.line == 2);
  REQUIRE(a.raw_down.size() == 1);
  CHECK(a.raw_down[0].text == "DROP TABLE a");
  CHECK(a.raw_down[0].range.begin.line == 5);
  const ast::Migration& b = find(l, "20240102000000");
  CHECK(b.no_transaction);
  CHECK(b.down_file < 0);
  CHECK(parent(b) == "20240101000000");
  const ast::Migration& c = find(l, "20240103000000");
  CHECK(c.down_file >= 0);
  CHECK(c.raw_down.empty());

  ConventionDir bad;
  bad.write("20240101000000_a.sql", "CREATE TABLE a (id int);\n");
  Loaded lb = load(bad, Convention::Dbmate);
  REQUIRE(lb.diags.all().size() == 1);
  CHECK(lb.diags.all()[0].kind == DiagKind::BadFileName);
}

TEST_CASE("Flyway: dotted versions in version order, undo files, .conf, repeatables beside",
          "[convention]") {
  ConventionDir d;
  d.write("V1__init.sql", "CREATE TABLE a (id int);\n");
  d.write("U1__init.sql", "DROP TABLE a;\n");
  d.write("V1.10__ten.sql", "SELECT 10;\n");
  d.write("V1_2__two.sql", "CREATE INDEX CONCURRENTLY a_i ON a (id);\n");
  d.write("V1_2__two.sql.conf", "executeInTransaction = false\n");
  d.write("V2__more.sql", "SELECT 2;\n");
  d.write("0100_next.mig", "after \"2\";\ncreate table n (id int);\n");
  Loaded l = load(d);
  REQUIRE_FALSE(l.diags.has_errors());
  CHECK(l.dir.convention == Convention::Flyway);
  CHECK(find(l, "1").down_file >= 0);
  CHECK(parent(find(l, "1.2")) == "1");
  CHECK(find(l, "1.2").no_transaction);
  CHECK(parent(find(l, "1.10")) == "1.2");
  CHECK(parent(find(l, "2")) == "1.10");
  CHECK(parent(find(l, "0100_next")) == "2");

  // Repeatables are no migrations of the graph: read beside them, in
  // description order, each with its .conf.
  d.write("R__views.sql", "CREATE VIEW v AS SELECT 1;\n");
  d.write("R__functions.sql", "SELECT 1;\n");
  d.write("R__functions.sql.conf", "executeInTransaction=false\n");
  Loaded with = load(d);
  REQUIRE_FALSE(with.diags.has_errors());
  CHECK(with.dir.files.size() == l.dir.files.size());
  REQUIRE(with.dir.repeatables.size() == 2);
  CHECK(with.dir.repeatables[0].id == "R__functions");
  CHECK(with.dir.repeatables[1].id == "R__views");
  CHECK(with.dir.repeatable_tool[0].no_transaction);
  CHECK_FALSE(with.dir.repeatable_tool[1].no_transaction);

  d.write("B2__base.sql", "SELECT 1;\n");
  Loaded refused = load(d);
  REQUIRE(refused.diags.has_errors());
  CHECK(refused.diags.all()[0].kind == DiagKind::BadFileName);
}

TEST_CASE("a set convention is used as set", "[convention]") {
  ConventionDir d;
  d.write("0001_a.up.sql", "SELECT 1;\n");
  Loaded migrac_own = load(d);
  CHECK(migrac_own.dir.convention == Convention::Migrac);
  CHECK(migrac_own.migrations[0].id == "0001_a");
  Loaded golang = load(d, Convention::GolangMigrate);
  CHECK_FALSE(golang.dir.detected);
  CHECK(golang.migrations[0].id == "0001");
}
