// The diagnostics registry and its text and JSON renderers.
#include <catch2/catch.hpp>

#include <set>

#include "compiler/diag/json_text.h"
#include "compiler/diag/render.h"
#include "compiler/diag/render_ci.h"

using namespace migrac;

TEST_CASE("every registry code is unique and well formed", "[diag]") {
  std::set<std::string_view> codes;
  for (const DiagInfo& info : all_diag_infos()) {
    CHECK(codes.insert(info.code).second);
    REQUIRE(info.code.size() == 5);
    // E errors, W warnings (lint rules may default to another severity), I information.
    CHECK((info.code[0] == 'E' || info.code[0] == 'W' || info.code[0] == 'I'));
    if (info.code[0] == 'E') CHECK(info.severity == Severity::Error);
    if (info.code[0] == 'I') CHECK(info.severity == Severity::Info);
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

TEST_CASE("bytes that are not UTF-8 are shown escaped by every renderer", "[diag]") {
  SourceSet sources;
  int f = sources.add("m/0001_\xff.mig", "x \"\xff\xfe\" y\n");
  Diagnostics diags;
  Diagnostic& d = diags.report(DiagKind::BadFileName, sources.range(f, 2, 6),
                               "unknown table '\xff\xfe'", "not '\xc3'");
  d.note(sources.range(f, 0, 1), "note \x80");
  // The record itself holds valid UTF-8.
  CHECK(d.message == "unknown table '\\xff\\xfe'");
  CHECK(d.help == "not '\\xc3'");
  CHECK(d.notes.at(0).message == "note \\x80");
  // A record built past report() (or a path) can still hold any bytes.
  d.notes.push_back({sources.range(f, 0, 1), "raw \xfe"});

  std::string text = render_text(diags, sources);
  CHECK(text ==
        "m/0001_\\xff.mig:1:3: error[E0003]: unknown table '\\xff\\xfe'\n"
        "    1 | x \"\\xff\\xfe\" y\n"
        "      |   ^^^^^^^^^^\n"
        "  help: not '\\xc3'\n"
        "  note: m/0001_\\xff.mig:1:1: note \\x80\n"
        "  note: m/0001_\\xff.mig:1:1: raw \\xfe\n");

  std::string json = render_json(diags, sources);
  CHECK(json.find(R"("message": "unknown table '\\xff\\xfe'")") != std::string::npos);
  CHECK(json.find(R"("file": "m/0001_\\xff.mig")") != std::string::npos);
  CHECK(json.find(R"("message": "raw \\xfe")") != std::string::npos);

  std::string sarif = render_sarif(diags, sources);
  CHECK(sarif.find(R"("text": "unknown table '\\xff\\xfe'\nhelp: not '\\xc3'")") !=
        std::string::npos);
  CHECK(sarif.find(R"("uri": "m/0001_%FF.mig")") != std::string::npos);
  CHECK(sarif.find(R"("text": "raw \\xfe")") != std::string::npos);

  std::string github = render_github(diags, sources);
  CHECK(github.find("::error file=m/0001_\\xff.mig,line=1,col=3,") == 0);
  CHECK(github.find("::unknown table '\\xff\\xfe'%0Ahelp: not '\\xc3'%0Anote: ") !=
        std::string::npos);
  CHECK(github.find("raw \\xfe") != std::string::npos);
}

TEST_CASE("the caret stays under the range after characters of several bytes", "[diag]") {
  SourceSet sources;
  int f = sources.add("a.mig", "\xc3\xa9\xc3\xa9 \xff x\n");
  Diagnostics diags;
  diags.report(DiagKind::BadFileName, sources.range(f, 5, 8), "here");
  CHECK(render_text(diags, sources) ==
        "a.mig:1:6: error[E0003]: here\n"
        "    1 | \xc3\xa9\xc3\xa9 \\xff x\n"
        "      |    ^^^^^^\n");
}

TEST_CASE("JSON documents from any bytes: every string value is made valid UTF-8", "[diag]") {
  nlohmann::json doc = {{"id", "0001_\xff"},
                        {"list", {"ok", "bad \xc3", 3, nullptr}},
                        {"nested", {{"message", "\xed\xa0\x80"}}}};
  CHECK_THROWS(doc.dump());  // what json_text() is for
  std::string text = json_text(doc);
  CHECK(text ==
        "{\n"
        "  \"id\": \"0001_\\\\xff\",\n"
        "  \"list\": [\n"
        "    \"ok\",\n"
        "    \"bad \\\\xc3\",\n"
        "    3,\n"
        "    null\n"
        "  ],\n"
        "  \"nested\": {\n"
        "    \"message\": \"\\\\xed\\\\xa0\\\\x80\"\n"
        "  }\n"
        "}\n");
}
