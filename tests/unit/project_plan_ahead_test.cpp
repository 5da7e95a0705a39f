// Planning beside the checker (compiler/project/plan_ahead.h) gives the plans
// and plan diagnostics of planning after it, on a history with branches, a
// merge, raw SQL and a migration that warns, also for a part of the history
// in another order; after an error nothing more is planned ahead; rendered
// ahead, the plans' texts make the same script. write_script writes
// render_script's text.
#include <catch2/catch.hpp>

#include <filesystem>

#include <fmt/format.h>
#include <sstream>
#include <stdexcept>

#include "compiler/diag/render.h"
#include "compiler/project/plan_ahead.h"
#include "compiler/project/project.h"
#include "compiler/script/script.h"
#include "temp_dir.h"

using namespace migrac;
namespace fs = std::filesystem;

namespace {

// A migrations directory, removed afterwards.
struct Dir : test::TempDir {
  Dir() : TempDir("migrac-ahead") {}

  Project compile(PlanAhead* ahead) const {
    ProjectOptions o;
    o.dir = dir.string();
    o.plan_ahead = ahead;
    return compile_project(o);
  }
};

// The history: a root, two branches, their merge, an enum value (whose
// reverse is irreversible on PostgreSQL), raw SQL, and an index on an
// existing table (built concurrently, outside a transaction).
void write_history(const Dir& d) {
  d.write("0001_users.mig",
          "create table users (\n  id bigint identity primary key,\n  email text not null\n);\n");
  d.write("0002_a.mig",
          "after 0001_users;\n\nadd column users.nick varchar(40);\n"
          "create index on users (nick);\n");
  d.write("0002_b.mig",
          "after 0001_users;\n\ncreate enum mood ('ok', 'meh');\n"
          "create table notes (id bigint primary key, body text, m mood);\n");
  d.write("0003_merge.mig", "after 0002_a, 0002_b;\n\nalter enum mood add value 'bad';\n");
  d.write("0004_raw.up.sql",
          "-- migrac:after 0003_merge\nalter table notes add column author bigint;\n");
  d.write("0005_concurrent.mig",
          "after 0004_raw;\n\ncreate index on notes (author);\n"
          "rename column users.nick to handle;\n");
}

std::vector<std::size_t> all_revs(const Project& p) { return p.graph.order; }

// The whole history planned after the checker (plan_revisions), with the
// plans' diagnostics: what planning ahead must match.
struct Serial {
  Project project;
  Diagnostics diags;
  std::vector<MigrationPlan> plans;
};
Serial plan_after(const Dir& d, const Emitter& emitter, const PlanOptions& options) {
  Serial s;
  s.project = d.compile(nullptr);
  REQUIRE_FALSE(s.project.diags.has_errors());
  s.plans = plan_revisions(s.project, all_revs(s.project), emitter, s.diags, options);
  return s;
}

}  // namespace

TEST_CASE("plans made beside the checker are those made after it", "[project][plan_ahead]") {
  Dir d;
  write_history(d);
  auto emitter = make_emitter(Dialect::Postgres);
  for (bool lower_down : {false, true}) {
    PlanOptions options;
    options.lower_down = lower_down;

    Serial after = plan_after(d, *emitter, options);

    PlanAhead ahead(*emitter, options);
    Project project = d.compile(&ahead);
    REQUIRE_FALSE(project.diags.has_errors());
    CHECK(ahead.published() == project.graph.order.size());
    Diagnostics ahead_diags;
    std::vector<MigrationPlan> plans = ahead.take(project, all_revs(project), ahead_diags);

    REQUIRE(plans.size() == after.plans.size());
    for (bool down : {false, true}) {
      ScriptOptions script;
      script.down = down;
      CHECK(render_script(plans, project.sources, script) ==
            render_script(after.plans, after.project.sources, script));
    }
    CHECK(render_text(ahead_diags, project.sources) ==
          render_text(after.diags, after.project.sources));
    // A second take plans anew, the same.
    Diagnostics again_diags;
    std::vector<MigrationPlan> again = ahead.take(project, all_revs(project), again_diags);
    CHECK(render_script(again, project.sources, {}) ==
          render_script(after.plans, after.project.sources, {}));
  }
}

TEST_CASE("a part of the history, in another order, is taken as planned after the checker",
          "[project][plan_ahead]") {
  Dir d;
  write_history(d);
  auto emitter = make_emitter(Dialect::Postgres);
  PlanOptions options;
  options.lower_down = true;
  PlanAhead ahead(*emitter, options);
  Project project = d.compile(&ahead);
  REQUIRE_FALSE(project.diags.has_errors());
  // The downgrade's order, without the root.
  std::vector<std::size_t> revs(project.graph.order.rbegin(), project.graph.order.rend() - 1);
  Diagnostics ahead_diags, after_diags;
  std::vector<MigrationPlan> plans = ahead.take(project, revs, ahead_diags);
  std::vector<MigrationPlan> after = plan_revisions(project, revs, *emitter, after_diags, options);
  REQUIRE(plans.size() == revs.size());
  for (std::size_t i = 0; i < revs.size(); ++i)
    CHECK(plans[i].id == project.migrations[revs[i]].id);
  ScriptOptions script;
  script.down = true;
  CHECK(render_script(plans, project.sources, script) ==
        render_script(after, project.sources, script));
  CHECK(render_text(ahead_diags, project.sources) == render_text(after_diags, project.sources));
}

TEST_CASE("plans rendered beside the checker write the script of plans made after it",
          "[project][plan_ahead]") {
  Dir d;
  write_history(d);
  auto emitter = make_emitter(Dialect::Postgres);
  for (bool down : {false, true}) {
    PlanOptions options;
    options.lower_down = down;
    ScriptOptions script;
    script.down = down;

    Serial after = plan_after(d, *emitter, options);

    PlanAhead ahead(*emitter, options, [down](const MigrationPlan& plan, const SourceSet& s) {
      return render_plain_migration(plan, s, down);
    });
    Project project = d.compile(&ahead);
    REQUIRE_FALSE(project.diags.has_errors());
    // The planner took the checked changes out of the history.
    for (const CheckedMigration& cm : project.history.checked) {
      CHECK(cm.up.empty());
      CHECK_FALSE(cm.explicit_down.has_value());
    }
    Diagnostics ahead_diags;
    std::vector<std::string> texts;
    std::vector<MigrationPlan> plans = ahead.take(project, all_revs(project), ahead_diags, &texts);
    REQUIRE(plans.size() == after.plans.size());
    REQUIRE(texts.size() == plans.size());
    for (std::size_t i = 0; i < plans.size(); ++i) {
      CHECK_FALSE(texts[i].empty());
      CHECK(plans[i].up.empty());  // rendered: only the plan's facts are kept
      CHECK(plans[i].down.empty());
      CHECK(plans[i].id == after.plans[i].id);
      CHECK(plans[i].reversible == after.plans[i].reversible);
    }
    std::ostringstream out;
    CHECK(write_script(out, plans, project.sources, script, &texts));
    CHECK(out.str() == render_script(after.plans, after.project.sources, script));
    CHECK(render_text(ahead_diags, project.sources) ==
          render_text(after.diags, after.project.sources));
    // The changes are gone: a second take cannot plan them again.
    Diagnostics again;
    CHECK_THROWS_AS(ahead.take(project, all_revs(project), again), std::logic_error);
  }
}

TEST_CASE("rendering ahead frees each migration's changes while the checker edits the table",
          "[project][plan_ahead]") {
  // Every migration changes the one table: the checker copies the table's
  // snapshot while a planned Change still holds the old one, which the
  // planner then frees at any moment (the sanitizer build catches a read of it).
  Dir d;
  d.write("0000_t.mig", "create table t (id bigint primary key, c text, n int);\n");
  std::string previous = "0000_t";
  for (int i = 1; i <= 400; ++i) {
    std::string id = fmt::format("{:04}_m", i);
    d.write(id + ".mig", fmt::format("after {};\n\nalter column t.c {} not null;\n"
                                     "alter column t.n set default {};\n",
                                     previous, i % 2 ? "set" : "drop", i));
    previous = id;
  }
  auto emitter = make_emitter(Dialect::Postgres);
  Serial after = plan_after(d, *emitter, PlanOptions{});
  const std::string expected = render_script(after.plans, after.project.sources, {});
  for (int round = 0; round < 5; ++round) {
    PlanAhead ahead(*emitter, PlanOptions{}, [](const MigrationPlan& plan, const SourceSet& s) {
      return render_plain_migration(plan, s, false);
    });
    Project project = d.compile(&ahead);
    REQUIRE_FALSE(project.diags.has_errors());
    Diagnostics diags;
    std::vector<std::string> texts;
    std::vector<MigrationPlan> plans = ahead.take(project, all_revs(project), diags, &texts);
    std::ostringstream out;
    CHECK(write_script(out, plans, project.sources, {}, &texts));
    CHECK(out.str() == expected);
  }
}

TEST_CASE("after an error, nothing more is planned ahead", "[project][plan_ahead]") {
  Dir d;
  write_history(d);
  // 0002_a now indexes a column nobody added: an error in the third migration checked.
  d.write("0002_a.mig", "after 0001_users;\n\ncreate index on users (nick);\n");
  auto emitter = make_emitter(Dialect::Postgres);
  PlanAhead ahead(*emitter, PlanOptions{});
  Project project = d.compile(&ahead);
  REQUIRE(project.diags.has_errors());
  long bad = project.graph.find("0002_a");
  REQUIRE(bad >= 0);
  long before = 0;
  for (std::size_t rev : project.graph.order) {
    if (static_cast<long>(rev) == bad) break;
    ++before;
  }
  CHECK(ahead.published() == static_cast<std::size_t>(before));
}

TEST_CASE("write_script writes render_script's text", "[script]") {
  Dir d;
  write_history(d);
  Project project = d.compile(nullptr);
  REQUIRE_FALSE(project.diags.has_errors());
  auto emitter = make_emitter(Dialect::Postgres);
  Diagnostics diags;
  std::vector<MigrationPlan> plans = plan_revisions(project, all_revs(project), *emitter, diags,
                                                    PlanOptions{});
  for (ScriptFormat format : {ScriptFormat::Plain, ScriptFormat::Psql}) {
    for (bool down : {false, true}) {
      for (std::size_t count : {std::size_t{0}, std::size_t{1}, plans.size()}) {
        std::vector<MigrationPlan> some(plans.begin(), plans.begin() + static_cast<long>(count));
        ScriptOptions options;
        options.format = format;
        options.down = down;
        std::ostringstream out;
        CHECK(write_script(out, some, project.sources, options));
        CHECK(out.str() == render_script(some, project.sources, options));
      }
    }
  }
}
