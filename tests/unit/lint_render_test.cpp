// SARIF 2.1.0 and GitHub workflow-command renderers.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "compiler/diag/render_ci.h"

using namespace migrac;

namespace {

struct Fixture {
  SourceSet sources;
  Diagnostics diags;
  Fixture() {
    int f = sources.add("migrations/0002_drop.mig", "after 0001;\ndrop column users.bio;\n");
    Diagnostic& d = diags.report(DiagKind::LintDropColumn, sources.range(f, 12, 33),
                                 "dropping column 'users.bio' deletes its data, 100%",
                                 "stop using it: first");
    d.notes.push_back({sources.range(f, 0, 5), "parent here"});
    diags.report(DiagKind::LintPreferText, sources.range(f, 12, 16), "info finding");
  }
};

}  // namespace

TEST_CASE("SARIF has the required fields and one rule per kind", "[lint][render]") {
  Fixture fx;
  SarifOptions o;
  o.describe = [](DiagKind k) -> std::optional<RuleDescription> {
    if (k == DiagKind::LintDropColumn) return RuleDescription{"drop-column", "why", "instead"};
    return std::nullopt;
  };
  auto j = nlohmann::json::parse(render_sarif(fx.diags, fx.sources, o));
  CHECK(j["version"] == "2.1.0");
  REQUIRE(j["runs"].size() == 1);
  const auto& run = j["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "migrac");
  const auto& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 2);
  CHECK(rules[0]["id"] == "W0602");
  CHECK(rules[0]["name"] == "drop-column");
  CHECK(rules[0]["help"]["text"] == "instead");
  CHECK(rules[1]["defaultConfiguration"]["level"] == "note");
  const auto& r = run["results"][0];
  CHECK(r["ruleId"] == "W0602");
  CHECK(r["ruleIndex"] == 0);
  CHECK(r["level"] == "warning");
  CHECK(r["message"]["text"] ==
        "dropping column 'users.bio' deletes its data, 100%\nhelp: stop using it: first");
  const auto& loc = r["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "migrations/0002_drop.mig");
  CHECK(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(loc["region"]["startLine"] == 2);
  CHECK(loc["region"]["startColumn"] == 1);
  CHECK(loc["region"]["endColumn"] == 22);
  CHECK(r["relatedLocations"][0]["message"]["text"] == "parent here");
}

TEST_CASE("GitHub commands escape data and properties", "[lint][render]") {
  Fixture fx;
  std::string out = render_github(fx.diags, fx.sources, [](DiagKind) {
    return std::optional<RuleDescription>(RuleDescription{"drop-column", "", ""});
  });
  CHECK(out ==
        "::warning file=migrations/0002_drop.mig,line=2,col=1,endLine=2,endColumn=22,"
        "title=W0602 drop-column::dropping column 'users.bio' deletes its data, 100%25"
        "%0Ahelp: stop using it: first%0Anote: migrations/0002_drop.mig:1: parent here\n"
        "::notice file=migrations/0002_drop.mig,line=2,col=1,endLine=2,endColumn=5,"
        "title=W0619 drop-column::info finding\n");
}
