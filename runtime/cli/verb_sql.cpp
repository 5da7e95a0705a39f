// `migrac sql [FROM:]TO [--down] [--dialect D] [--format plain|psql] [--out DIR]`:
// print (or write) the SQL of a range of migrations for review or for psql.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "compiler/script/script.h"
#include "runtime/cli/verb.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

// Up: the revisions after FROM up to TO, in order. Down: those after TO up
// to FROM (default head), newest first.
std::optional<std::vector<std::size_t>> select_range(const Project& project,
                                                     const std::string& spec, bool down,
                                                     int& exit_code) {
  std::string from_spec, to_spec = spec;
  if (auto colon = spec.find(':'); colon != std::string::npos) {
    from_spec = spec.substr(0, colon);
    to_spec = spec.substr(colon + 1);
  }
  if (down && from_spec.empty()) from_spec = "head";
  auto to = resolve_revision(project, to_spec, exit_code);
  if (!to) return std::nullopt;
  std::optional<RevisionRef> from;
  if (!from_spec.empty()) {
    from = resolve_revision(project, from_spec, exit_code);
    if (!from) return std::nullopt;
  }
  // The newer end and the older end of the range.
  std::optional<RevisionRef> newer = down ? from : to;
  std::optional<RevisionRef> older = down ? to : from;
  if (!newer || newer->is_base) return std::vector<std::size_t>{};
  std::vector<std::size_t> exclude;
  if (older && !older->is_base) exclude.push_back(older->rev);
  std::vector<std::size_t> revs = project.graph.range(exclude, newer->rev);
  if (down) std::reverse(revs.begin(), revs.end());
  return revs;
}

bool write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

int verb_sql(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()
      ("down", "print the downgrade of the range instead")
      ("format", po::value<std::string>()->default_value("plain"), "plain or psql")
      ("out", po::value<std::string>(), "write one up and one down file per migration into DIR");
  int code = kOk;
  const char* usage = "sql [FROM:]TO [--down] [--dialect D] [--format plain|psql] [--out DIR]";
  auto inv = parse_invocation("sql", usage, args, opts, 1, code);
  if (!inv) return code;
  bool down = inv->vm.count("down") > 0;
  std::string format_name = inv->vm["format"].as<std::string>();
  ScriptOptions script;
  if (format_name == "psql") script.format = ScriptFormat::Psql;
  else if (format_name != "plain") {
    std::cerr << fmt::format("migrac sql: unknown format '{}' (plain or psql)\n", format_name);
    return kUsage;
  }
  auto dialect = config_dialect(inv->config);
  if (!dialect) return kUsage;
  script.dialect = *dialect;
  script.history_table = inv->config.history_table;
  auto emitter = make_emitter(*dialect);
  if (!emitter) {
    std::cerr << fmt::format("migrac sql: the {} dialect is not available\n", dialect_name(*dialect));
    return kUsage;
  }
  auto project = compile_or_report(*inv, code);
  if (!project) return code;

  std::string spec = inv->positional.empty() ? (down ? "base" : "head") : inv->positional[0];
  auto revs = select_range(*project, spec, down, code);
  if (!revs) return code;

  Diagnostics plan_diags;
  std::vector<MigrationPlan> plans = plan_revisions(*project, *revs, *emitter, plan_diags);
  std::cerr << render_text(plan_diags, project->sources);
  if (plan_diags.has_errors()) {
    std::cerr << render_summary(plan_diags);
    return kMigrationErrors;
  }
  if (down && !check_reversible(plans, plan_diags)) {
    std::cerr << render_text(plan_diags, project->sources) << render_summary(plan_diags);
    return kMigrationErrors;
  }

  if (inv->vm.count("out")) {
    namespace fs = std::filesystem;
    fs::path dir = inv->vm["out"].as<std::string>();
    std::error_code ec;
    fs::create_directories(dir, ec);
    for (const MigrationPlan& p : plans) {
      ScriptOptions up = script, dn = script;
      up.down = false;
      dn.down = true;
      std::string ext = dialect_name(*dialect) == "postgres" ? "sql" : std::string(dialect_name(*dialect)) + ".sql";
      if (!write_file(dir / fmt::format("{}.up.{}", p.id, ext), render_migration_script(p, project->sources, up)) ||
          (p.reversible &&
           !write_file(dir / fmt::format("{}.down.{}", p.id, ext), render_migration_script(p, project->sources, dn)))) {
        std::cerr << fmt::format("migrac sql: cannot write into '{}'\n", dir.string());
        return kDatabaseError;
      }
    }
    std::cout << fmt::format("wrote {} migration{} into {}\n", plans.size(), plans.size() == 1 ? "" : "s", dir.string());
    return kOk;
  }
  script.down = down;
  std::cout << render_script(plans, project->sources, script);
  return kOk;
}

}  // namespace migrac::cli
