// The printer over every .mig of the golden cases and of migrations/: what it
// prints parses to the same AST (ranges aside), with and without the file's
// comments, and printing it again changes nothing.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/print/print.h"
#include "print_ast_equal.h"
#include "syntax_test_support.h"

namespace migrac {
namespace {

std::vector<std::filesystem::path> mig_files() {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  for (const char* dir : {"tests/golden/cases", "migrations"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(MIGRAC_SOURCE_DIR) / dir)) {
      if (e.is_regular_file() && e.path().extension() == ".mig") out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The id of a file, as the loader gives it (the parser reads nothing else of it).
std::string id_of(const std::filesystem::path& p) { return p.stem().string(); }

}  // namespace

TEST_CASE("print: every parsable .mig of the goldens and migrations/ reads back the same") {
  std::size_t checked = 0, skipped = 0;
  for (const std::filesystem::path& path : mig_files()) {
    std::string text = read(path);
    test::Parsed first = test::parse_mig_text(text, id_of(path));
    if (first.diags.has_errors()) {
      ++skipped;
      continue;
    }
    INFO(path.string());
    for (bool with_comments : {true, false}) {
      INFO("with comments: " << with_comments);
      print::Comments comments = with_comments ? print::read_comments(text, first.m)
                                               : print::Comments{};
      std::string printed = print::print_migration(first.m, comments);
      INFO("printed:\n" << printed);
      test::Parsed again = test::parse_mig_text(printed, id_of(path));
      REQUIRE(again.messages() == std::vector<std::string>{});
      CHECK(test::AstEqual()(first.m, again.m) == "");
      print::Comments comments_again = with_comments ? print::read_comments(printed, again.m)
                                                     : print::Comments{};
      CHECK(print::print_migration(again.m, comments_again) == printed);
    }
    ++checked;
  }
  // Most cases parse; the fail_ cases with syntax errors are the ones left out.
  CHECK(checked >= 300);
  CHECK(skipped < 60);
}

}  // namespace migrac
