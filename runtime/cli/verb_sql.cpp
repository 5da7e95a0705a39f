// `migrac sql [FROM:]TO [--down] [--dialect D] [--format plain|psql|mysql] [--out DIR]`:
// print (or write) the SQL of a range of migrations for review or for psql.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "compiler/project/plan_ahead.h"
#include "compiler/script/script.h"
#include "compiler/source/timings.h"
#include "runtime/cli/range.h"
#include "runtime/cli/verb.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

bool write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

int verb_sql(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("down", "print the downgrade of the range instead")(
      "format", po::value<std::string>()->default_value("plain"),
      "plain, psql or mysql (the mysql client's script, with its bookkeeping)")(
      "out", po::value<std::string>(), "write one up and one down file per migration into DIR");
  const char* usage =
      "sql [FROM:]TO [--down] [--dialect D] [--format plain|psql|mysql] [--out DIR]";
  Invocation inv = parse_invocation("sql", usage, args, opts, 1);
  bool down = inv.vm.count("down") > 0;
  std::string format_name = inv.vm["format"].as<std::string>();
  ScriptOptions script;
  if (format_name == "psql") script.format = ScriptFormat::Psql;
  else if (format_name == "mysql") script.format = ScriptFormat::Mysql;
  else if (format_name != "plain")
    fail(kUsage, "migrac sql: unknown format '{}' (plain, psql or mysql)", format_name);
  Dialect dialect = config_dialect(inv.config);
  script.dialect = dialect;
  if (script.format == ScriptFormat::Mysql && dialect != Dialect::Mysql)
    fail(kUsage, "migrac sql: --format mysql is the mysql client's script: add --dialect mysql");
  script.history_table = inv.config.history_table;
  auto emitter = make_emitter(dialect);
  if (!emitter) fail(kUsage, "migrac sql: the {} dialect is not available", dialect_name(dialect));
  std::string spec = inv.positional.empty() ? (down ? "base" : "head") : inv.positional[0];
  // An upgrade script to stdout says whether each migration can be reverted, not how.
  PlanOptions plan_options;
  plan_options.lower_down = down || inv.vm.count("out") > 0;
  // A range of the whole history is planned beside the checker; a plain
  // script to stdout is also rendered there, migration by migration.
  std::optional<PlanAhead> ahead;
  bool out_dir = inv.vm.count("out") > 0;
  if (range_is_whole(spec, down)) {
    RenderPlan render;
    if (script.format == ScriptFormat::Plain && !out_dir) {
      render = [down](const MigrationPlan& plan, const SourceSet& sources) {
        return render_plain_migration(plan, sources, down);
      };
    }
    ahead.emplace(*emitter, plan_options, std::move(render));
  }
  timing_mark("startup");
  Project project = compile_or_fail(inv, false, true, false, ahead ? &*ahead : nullptr);
  timing_mark("diagnostics");

  std::vector<std::size_t> revs = select_range(project, spec, down);
  Diagnostics plan_diags;
  std::vector<std::string> rendered;  // the migrations' texts rendered ahead ("" where not)
  std::vector<MigrationPlan> plans = ahead ? ahead->take(project, revs, plan_diags, &rendered)
                                           : plan_revisions(project, revs, *emitter, plan_diags,
                                                            plan_options);
  // Flyway repeatables run after the whole history (and are never reverted).
  if (!down && range_reaches_end(project, spec)) {
    for (MigrationPlan& p : plan_repeatables(project, *emitter, plan_diags))
      plans.push_back(std::move(p));
  }
  timing_mark("plan");
  std::string plan_text = render_text(plan_diags, project.sources);
  if (plan_diags.has_errors())
    throw VerbError{kMigrationErrors, plan_text + render_summary(plan_diags)};
  // The plan's warnings, then (--down) why a migration cannot be reverted.
  if (down && !check_reversible(plans, plan_diags)) {
    throw VerbError{kMigrationErrors, plan_text + render_text(plan_diags, project.sources) +
                                          render_summary(plan_diags)};
  }
  std::cerr << plan_text;

  if (out_dir) {
    namespace fs = std::filesystem;
    fs::path dir = inv.vm["out"].as<std::string>();
    std::error_code ec;
    fs::create_directories(dir, ec);
    for (const MigrationPlan& p : plans) {
      ScriptOptions up = script, dn = script;
      up.down = false;
      dn.down = true;
      std::string ext = dialect_name(dialect) == "postgres"
                            ? "sql"
                            : std::string(dialect_name(dialect)) + ".sql";
      if (!write_file(dir / fmt::format("{}.up.{}", p.id, ext),
                      render_migration_script(p, project.sources, up)) ||
          (p.reversible && !write_file(dir / fmt::format("{}.down.{}", p.id, ext),
                                       render_migration_script(p, project.sources, dn)))) {
        fail(kDatabaseError, "migrac sql: cannot write into '{}'", dir.string());
      }
    }
    std::cout << fmt::format("wrote {} migration{} into {}\n", plans.size(),
                             plans.size() == 1 ? "" : "s", dir.string());
    return kOk;
  }
  script.down = down;
  write_script(std::cout, plans, project.sources, script, &rendered);
  std::cout << std::flush;
  timing_mark("render");
  keep_until_exit(std::move(plans));
  keep_until_exit(std::move(project));
  return kOk;
}

}  // namespace migrac::cli
