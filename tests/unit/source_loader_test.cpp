// Source positions, the directory loader and v1 checksums.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "compiler/project/loader.h"

using namespace migrac;
namespace fs = std::filesystem;

namespace {

// A fresh temporary directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / fs::path("migrac-unit-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(counter()++));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
  static int& counter() {
    static int c = 0;
    return c;
  }
};

}  // namespace

TEST_CASE("positions are 1-based lines and byte columns", "[source]") {
  SourceFile f("a.mig", "ab\ncd\r\n\nxyz");
  CHECK(f.pos_at(0).line == 1);
  CHECK(f.pos_at(0).column == 1);
  CHECK(f.pos_at(4).line == 2);
  CHECK(f.pos_at(4).column == 2);
  CHECK(f.pos_at(8).line == 4);
  CHECK(f.line_text(2) == "cd");
  CHECK(f.line_text(3).empty());
  CHECK(f.line_text(4) == "xyz");
  CHECK(f.line_text(9).empty());
}

TEST_CASE("checksums ignore line endings and separate files in order", "[source]") {
  std::string lf = checksum_v1({"a\nb\n"});
  CHECK(lf.rfind("v1:", 0) == 0);
  CHECK(lf.size() == 3 + 64);
  CHECK(checksum_v1({"a\r\nb\r\n"}) == lf);
  CHECK(checksum_v1({"a\rb\r"}) == lf);
  CHECK(checksum_v1({"a\nb\n "}) != lf);
  // SHA-256 of the empty text.
  CHECK(checksum_v1({""}) == "v1:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("migration ids", "[source]") {
  CHECK(is_valid_migration_id("0001_initial_schema"));
  CHECK(is_valid_migration_id("Abc_9"));
  CHECK_FALSE(is_valid_migration_id(""));
  CHECK_FALSE(is_valid_migration_id("0001-initial"));
  CHECK_FALSE(is_valid_migration_id("a.b"));
}

TEST_CASE("the loader finds .mig and .up.sql/.down.sql files sorted by id", "[source]") {
  TempDir dir;
  dir.write("0002_b.up.sql", "SELECT 1;\n");
  dir.write("0002_b.down.sql", "SELECT 2;\n");
  dir.write("0001_a.mig", "create table t (id int);\n");
  dir.write("README.md", "not a migration\n");
  SourceSet sources;
  Diagnostics diags;
  auto files = load_directory(dir.path.string(), sources, diags);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(files.size() == 2);
  CHECK(files[0].id == "0001_a");
  CHECK(files[0].format == MigrationFormat::Mig);
  CHECK(files[1].id == "0002_b");
  CHECK(files[1].format == MigrationFormat::RawSql);
  REQUIRE(files[1].down_file >= 0);
  CHECK(sources[files[1].down_file].text == "SELECT 2;\n");
  CHECK(sources[files[0].file].path == dir.path.string() + "/0001_a.mig");
}

TEST_CASE("the loader reports bad names, orphan down files and missing folders", "[source]") {
  TempDir dir;
  dir.write("bad-name.mig", "");
  dir.write("0003_c.down.sql", "");
  SourceSet sources;
  Diagnostics diags;
  load_directory(dir.path.string(), sources, diags);
  diags.sort();
  REQUIRE(diags.all().size() == 2);
  // sorted by file: 0003_c.down.sql is read before bad-name.mig
  CHECK(diags.all()[0].kind == DiagKind::DownWithoutUp);
  CHECK(diags.all()[1].kind == DiagKind::BadFileName);

  Diagnostics missing;
  load_directory((dir.path / "nope").string(), sources, missing);
  REQUIRE(missing.all().size() == 1);
  CHECK(missing.all()[0].kind == DiagKind::CannotReadDirectory);
}
