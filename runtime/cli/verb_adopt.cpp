// `migrac adopt --from golang-migrate|dbmate|flyway|alembic [ID] [--table T]`:
// continue a database another tool migrated. Reads the tool's history table
// (runtime/history/adopt.h), matches its versions with the files (read under
// the tool's directory convention), and records those migrations in
// migrac's history table, with the checksums of the files as they are now,
// in one transaction. The tool's table is only read. Refused (exit 4, nothing
// recorded) for a dirty golang-migrate state, a failed Flyway row, a version
// no file has, a history table that already records something else, or a
// live schema that is not the model at the adopted revision (as `stamp`
// holds it, with the same --force). Flyway's repeatables are recorded with
// the checksum they ran with: an unchanged one as the file's (not run
// again), a changed one as Flyway's (run by the next upgrade).
// Alembic's files are not migrac's: the user names the migration (ID) that
// matches the revision alembic_version records, typically the baseline
// `migrac import` wrote.
#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "runtime/cli/live_schema.h"
#include "runtime/cli/session.h"
#include "runtime/cli/steps.h"
#include "runtime/cli/verbs.h"
#include "runtime/history/adopt.h"

namespace migrac::cli {

namespace {

// A table name as adopt accepts it: letters, digits, '_' and one '.'.
bool plain_table_name(const std::string& name) {
  if (name.empty()) return false;
  int dots = 0;
  for (char c : name) {
    if (c == '.') {
      ++dots;
      continue;
    }
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_';
    if (!ok) return false;
  }
  return dots <= 1 && name.front() != '.' && name.back() != '.';
}

// Refuses with exit 4, saying that nothing was recorded.
[[noreturn]] void refuse(const std::string& text) {
  throw VerbError{kDatabaseDisagrees, text + "migrac adopt: nothing was recorded\n"};
}

// The rows of migrac's history that stand in the way: records of migrations
// the tool did not apply, or with another checksum. Returns the revisions
// still to record.
std::vector<std::size_t> to_record(const Project& project, const history::State& state,
                                   const std::vector<std::size_t>& applied) {
  std::vector<bool> adopted(project.migrations.size(), false);
  for (std::size_t r : applied) adopted[r] = true;
  std::string refusals;
  for (std::size_t r = 0; r < project.migrations.size(); ++r) {
    if (state.recorded(r) && !adopted[r]) {
      refusals += fmt::format(
          "migrac adopt: the history table records {}, which the other tool's table does not\n",
          project.migrations[r].id);
    }
  }
  for (const history::Row* row : state.unknown) {
    refusals += fmt::format("migrac adopt: the history table records {}, which no file has\n",
                            row->id);
  }
  std::vector<std::size_t> out;
  for (std::size_t r : applied) {
    const history::Row* row = state.row_of[r];
    const ast::Migration& m = project.migrations[r];
    if (row && row->checksum != m.checksum) {
      refusals += fmt::format("migrac adopt: {} is recorded with checksum {}, its files have {}\n",
                              m.id, row->checksum, m.checksum);
      continue;
    }
    if (!row || !row->complete()) out.push_back(r);
  }
  if (!refusals.empty()) refuse(refusals);
  return out;
}

// Refuses (exit 4) when the live schema, without the tool's table, is not
// the model after `revs` (graph order, closed under parents).
void check_adopted_schema(Session& session, const Project& project,
                          const std::vector<std::size_t>& revs, const std::string& tool_table,
                          const std::string& at) {
  LiveSchema live = read_live_schema(session, "adopt");
  std::string name = tool_table.substr(tool_table.find('.') + 1);
  live.schema.tables.erase(name);
  std::erase_if(live.schema.index_owner, [&](const auto& e) { return e.second == name; });
  std::erase_if(live.schema.key_owner, [&](const auto& e) { return e.second == name; });
  std::vector<model::Difference> diffs = compare_live(session, model_of(project, revs),
                                                      live.schema);
  if (diffs.empty()) return;
  std::string text = fmt::format("migrac adopt: the database is not the model at {}:\n", at);
  for (const model::Difference& d : diffs) text += "  " + model::describe(d) + "\n";
  text += fmt::format(
      "  help: the other tool's history does not match the schema (a change made by hand, or a "
      "file edited since it ran); to record it anyway, 'migrac adopt --from ... --force'\n");
  refuse(text);
}

}  // namespace

int verb_adopt(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("from", po::value<std::string>(),
                     "the tool that migrated the database: golang-migrate, dbmate, flyway or "
                     "alembic")("table", po::value<std::string>(),
                                "the tool's history table (default: its own name for it)")(
      "force", "record even though the live schema is not the model at the adopted revision");
  auto db_opts = database_options(kConnectOptions);
  db_opts.add_options()("lock-wait", po::value<std::string>()->default_value("60s"),
                        "wait this long for another runner to finish");
  opts.add(db_opts);
  const char* usage =
      "adopt --from golang-migrate|dbmate|flyway|alembic [ID] [--table T] [--force]";
  Invocation inv = parse_invocation("adopt", usage, args, opts, 1);
  if (!inv.vm.count("from")) usage_error(inv, "missing --from TOOL");
  std::optional<history::Tool> tool = history::parse_tool(inv.vm["from"].as<std::string>());
  if (!tool) {
    usage_error(inv, fmt::format("unknown tool '{}' (golang-migrate, dbmate, flyway or alembic)",
                                 inv.vm["from"].as<std::string>()));
  }
  std::string name(history::tool_name(*tool));
  bool alembic = *tool == history::Tool::Alembic;
  if (alembic && inv.positional.empty()) {
    usage_error(inv,
                "with --from alembic, name the migration that matches the revision alembic "
                "recorded (e.g. the baseline 'migrac import' wrote)");
  }
  if (!alembic && !inv.positional.empty())
    usage_error(inv, fmt::format("--from {} takes no ID: the versions come from its table", name));
  std::string table = inv.vm.count("table") ? inv.vm["table"].as<std::string>()
                                            : std::string(history::tool_table(*tool));
  if (!plain_table_name(table))
    usage_error(inv, fmt::format("'{}' is not a table name (letters, digits, '_', schema.table)",
                                 table));
  // Under the tool's convention the ids are its versions.
  if (std::optional<Convention> c = history::tool_convention(*tool)) {
    if (inv.config.convention.empty()) {
      inv.config.convention = std::string(convention_name(*c));
    } else if (parse_convention(inv.config.convention) != c) {
      usage_error(inv, fmt::format("the convention is {}: --from {} reads a {} directory",
                                   inv.config.convention, name, convention_name(*c)));
    }
  }
  DbSettings settings = db_settings(inv);
  std::unique_ptr<Emitter> emitter = emitter_or_fail(inv);
  Project project = compile_or_fail(inv, false, false);
  std::optional<std::size_t> target;
  if (alembic) {
    RevisionRef ref = resolve_revision(project, inv.positional[0]);
    if (ref.is_base) usage_error(inv, "'base' is not a migration to record");
    target = ref.rev;
  }

  Session session = open_session(inv, settings, SessionMode::Write);
  db::Result read = session.db->exec(history::tool_query(*tool, table));
  if (!read.ok()) {
    if (read.error->kind == db::ErrorKind::Missing) {
      refuse(fmt::format("migrac adopt: the database has no {} table ({}'s history): {}\n", table,
                         name, read.error->one_line()));
    }
    fail(kDatabaseError, "migrac adopt: reading {}: {}", table, read.error->one_line());
  }
  history::ToolHistory tool_history = history::read_tool_rows(*tool, read.rows);
  if (!tool_history.refusal.empty())
    refuse(fmt::format("migrac adopt: {}\n", tool_history.refusal));
  if (alembic && tool_history.versions.empty())
    refuse("migrac adopt: alembic_version records no revision\n");
  history::Adoption adoption = history::match_tool_history(*tool, tool_history, project, target);
  if (!adoption.errors.empty()) {
    std::string text;
    for (const std::string& e : adoption.errors) text += "migrac adopt: " + e + "\n";
    refuse(text);
  }
  history::State state = history::compare(project.migrations, project.graph, session.rows);
  std::vector<std::size_t> revs = to_record(project, state, adoption.applied);
  std::vector<MigrationPlan> plans = plan_or_fail(project, revs, *emitter);
  std::string from = alembic ? fmt::format("alembic revision {} as {}", tool_history.versions[0],
                                           project.migrations[*target].id)
                             : fmt::format("{}'s {}", name, table);
  // Flyway's repeatables that ran, and that migrac's history has no run of.
  std::vector<history::AdoptedRepeatable> repeatables;
  std::vector<MigrationPlan> repeatable_plans;
  std::vector<history::RepeatableRun> due = history::repeatable_runs(project.repeatables,
                                                                     session.rows);
  for (const history::AdoptedRepeatable& r :
       history::match_tool_repeatables(tool_history, project)) {
    bool never_ran = std::any_of(due.begin(), due.end(), [&](const history::RepeatableRun& d) {
      return d.repeatable == r.repeatable && d.last_checksum.empty();
    });
    if (never_ran) repeatables.push_back(r);
  }
  if (!repeatables.empty()) repeatable_plans = plan_repeatables_or_fail(project, *emitter);
  if (!inv.vm.count("force") && (!plans.empty() || !repeatables.empty())) {
    std::string at = adoption.applied.empty() ? "base"
                                              : project.migrations[adoption.applied.back()].id;
    check_adopted_schema(session, project, adoption.applied, table, at);
  }
  if (plans.empty() && repeatables.empty()) {
    if (!settings.quiet) {
      std::cout << fmt::format("nothing to record: the history table has every migration of {}\n",
                               from);
    }
    return kOk;
  }
  ensure_history_table(session, "adopt");
  auto ok_or_fail = [](const db::Result& r) {
    if (!r.ok()) fail(kDatabaseError, "migrac adopt: {}", r.error->one_line());
  };
  ok_or_fail(session.db->begin());
  for (const MigrationPlan& p : plans) {
    HistoryRowKey key{p.id, p.checksum, p.parents, static_cast<int>(p.up.size()), "adopt"};
    db::Result r = session.db->run(db::Statement::history(session.store->sql().stamp(key)));
    if (!r.ok()) {
      session.db->rollback();
      fail(kDatabaseError, "migrac adopt: {} (nothing was recorded)", r.error->one_line());
    }
  }
  // A repeatable's run, recorded as its first: with the file's checksum when
  // the file is as it ran, else with Flyway's, so that the next upgrade runs it.
  for (const history::AdoptedRepeatable& r : repeatables) {
    const MigrationPlan& p = repeatable_plans[r.repeatable];
    std::string checksum = r.unchanged ? p.checksum : "flyway:" + r.tool_checksum;
    HistoryRowKey key{
        repeatable_row_id(p.id, 1), checksum, {}, static_cast<int>(p.up.size()), "adopt"};
    db::Result res = session.db->run(db::Statement::history(session.store->sql().stamp(key)));
    if (!res.ok()) {
      session.db->rollback();
      fail(kDatabaseError, "migrac adopt: {} (nothing was recorded)", res.error->one_line());
    }
  }
  ok_or_fail(session.db->commit());
  if (settings.quiet) return kOk;
  if (!plans.empty()) {
    std::cout << fmt::format("recorded {} migration{} from {} ({} .. {}); {} is left as it was\n",
                             plans.size(), plans.size() == 1 ? "" : "s", from, plans.front().id,
                             plans.back().id, table);
  }
  for (const history::AdoptedRepeatable& r : repeatables) {
    const ast::Migration& m = project.repeatables[r.repeatable];
    std::cout << fmt::format("recorded repeatable {} as Flyway ran it{}\n", m.id,
                             r.unchanged
                                 ? ""
                                 : " (its file changed since: 'migrac upgrade' runs it again)");
  }
  return kOk;
}

}  // namespace migrac::cli
