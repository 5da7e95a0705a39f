// The diagnostics registry and its text and JSON renderers.
#include <catch2/catch.hpp>

#include <set>

#include "compiler/diag/render.h"

using namespace migrac;

TEST_CASE("every registry code is unique and well formed", "[diag]") {
  std::set<std::string_view> codes;
  for (const DiagInfo& info : all_diag_infos()) {
    CHECK(codes.insert(info.code).second);
    REQUIRE(info.code.size() == 5);
    CHECK((info.code[0] == 'E' || info.code[0] == 'W'));
    CHECK_FALSE(info.summary.empty());
  }
}

TEST_CASE("text rendering: location, code, source line, caret under the range, help", "[diag]") {
  SourceSet sources;
  int f = sources.add("m/0001_a.mig", "create table t (\n  titel text\n);\n");
  Diagnostics diags;
  diags.report(DiagKind::BadFileName, sources.range(f, 19, 24), "something about 'titel'",
               "did you mean 'title'?");
  std::string text = render_text(diags, sources);
  CHECK(text ==
        "m/0001_a.mig:2:3: error[E0003]: something about 'titel'\n"
        "    2 |   titel text\n"
        "      |   ^^^^^\n"
        "  help: did you mean 'title'?\n");
  CHECK(render_summary(diags) == "1 error, 0 warnings generated\n");
}

TEST_CASE("JSON rendering carries the same record", "[diag]") {
  SourceSet sources;
  int f = sources.add("a.mig", "x\n");
  Diagnostics diags;
  diags.report(DiagKind::BadFileName, sources.range(f, 0, 1), "bad");
  std::string json = render_json(diags, sources);
  CHECK(json.find("\"code\": \"E0003\"") != std::string::npos);
  CHECK(json.find("\"file\": \"a.mig\"") != std::string::npos);
  CHECK(json.find("\"line\": 1") != std::string::npos);
  CHECK(json.find("\"errors\": 1") != std::string::npos);
}

TEST_CASE("nearest names for help lines", "[diag]") {
  std::vector<std::string> names{"title", "slug", "author_id"};
  CHECK(nearest_name("titel", names) == std::optional<std::string>("title"));
  CHECK(nearest_name("slgu", names) == std::optional<std::string>("slug"));
  CHECK_FALSE(nearest_name("completely_else", names));
  CHECK_FALSE(nearest_name("title", names));  // exact: no suggestion
  CHECK(did_you_mean("autor_id", names) == "did you mean 'author_id'?");
}
