// `migrac stamp ID|head|base [--delete | --rehash | --purge]`: change the
// history table without running any migration.
//   stamp ID          records ID and its ancestors as applied (Alembic's
//                     stamp); refused (exit 4) when that would remove the
//                     record of any other migration, or when a recorded
//                     ancestor was edited, naming each one
//   stamp ID --purge  the same, and removes the records of every migration
//                     that is not ID or an ancestor of it (base: every
//                     record, also of ids no file has)
//   stamp ID --rehash records the file's checksum for ID, which must be
//                     recorded, and changes nothing else: how a reviewed
//                     edit of an applied migration is accepted
//   stamp --delete ID removes one record (also an id no file has), refused
//                     while a recorded migration depends on it
// Before stamp ID (and --purge) records anything, the live schema is held
// against the model at ID: a difference refuses the stamp (exit 4, each
// difference named) unless --force, so that the history never records a lie.
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/diag/json_text.h"

#include "runtime/cli/live_schema.h"
#include "runtime/cli/session.h"
#include "runtime/cli/steps.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

// A database call that must succeed; fails with exit 3.
void ok_or_fail(const db::Result& r) {
  if (!r.ok()) fail(kDatabaseError, "migrac stamp: {}", r.error->one_line());
}

// One write to the history table; fails with exit 3.
void write_or_fail(Session& s, const std::string& sql) {
  ok_or_fail(s.db->run(db::Statement::history(sql)));
}

std::string path_of(const Project& project, const ast::Migration& m) {
  return m.file >= 0 ? project.sources[m.file].path : m.id;
}

int stamp_delete(Session& s, const Project& project, const history::State& state,
                 const std::string& spec, bool quiet) {
  // The literal id first (it may be unknown to the files), then a revision name.
  std::string id = spec;
  bool recorded = false;
  for (const history::Row& row : s.rows) recorded = recorded || row.id == spec;
  if (!recorded) {
    RevisionRef ref = resolve_revision(project, spec);
    if (ref.is_base)
      fail(kUsage, "migrac stamp: --delete removes the record of one migration id, not 'base'");
    id = project.migrations[ref.rev].id;
    if (!state.recorded(ref.rev))
      fail(kDatabaseDisagrees, "migrac stamp: '{}' is not recorded in the database", id);
  }
  for (const history::Row& row : s.rows) {
    for (const std::string& parent : row.parents) {
      if (parent != id) continue;
      fail(kDatabaseDisagrees,
           "migrac stamp: '{}' is recorded as applied and depends on '{}'\n"
           "  help: delete the records of its descendants first, or use 'migrac stamp <revision> "
           "--purge'",
           row.id, id);
    }
  }
  write_or_fail(s, s.store->sql().remove(id));
  if (!quiet) std::cout << fmt::format("removed the record of {}\n", id);
  return kOk;
}

int stamp_rehash(Session& s, const Project& project, const history::State& state,
                 const RevisionRef& ref, bool quiet) {
  if (ref.is_base)
    fail(kUsage, "migrac stamp: --rehash records the checksum of one migration, not of 'base'");
  const ast::Migration& m = project.migrations[ref.rev];
  const history::Row* row = state.row_of[ref.rev];
  if (!row) {
    fail(kDatabaseDisagrees,
         "migrac stamp: '{}' is not recorded in the database, so it has no checksum to re-record\n"
         "  help: 'migrac stamp {}' records it (and its ancestors) as applied",
         m.id, m.id);
  }
  if (row->checksum == m.checksum) {
    if (quiet) return kOk;
    std::cout << fmt::format("nothing to change: {} is recorded with the checksum of {} ({})\n",
                             m.id, path_of(project, m), m.checksum);
    return kOk;
  }
  if (auto err = s.store->rehash(m.id, m.checksum))
    fail(kDatabaseError, "migrac stamp: {}", err->one_line());
  if (quiet) return kOk;
  std::cout << fmt::format("re-recorded the checksum of {}: {} (was {})\n", m.id, m.checksum,
                           row->checksum);
  return kOk;
}

// Plain stamp and --purge.
// Refuses (exit 4) when the live schema is not the model at the target.
void check_live_schema(Session& s, const Project& project, const RevisionRef& target,
                       const std::string& name) {
  std::vector<std::size_t> revs;
  if (!target.is_base) {
    std::vector<bool> keep = project.graph.ancestors_of(target.rev);
    for (std::size_t r : project.graph.order) {
      if (keep[r]) revs.push_back(r);
    }
  }
  LiveSchema live = read_live_schema(s, "stamp");
  std::vector<model::Difference> diffs = compare_live(s, model_of(project, revs), live.schema);
  if (diffs.empty()) return;
  std::string text = fmt::format("migrac stamp: the database is not the model at {}:\n", name);
  for (const model::Difference& d : diffs) text += "  " + model::describe(d) + "\n";
  text += fmt::format(
      "  help: 'migrac diff' compares the database with the revisions it records; to record {} "
      "anyway, 'migrac stamp {} --force'\n"
      "migrac stamp: nothing was changed\n",
      name, name);
  throw VerbError{kDatabaseDisagrees, text};
}

int stamp_to(Session& s, const Project& project, const history::State& state,
             const Emitter& emitter, const RevisionRef& target, const std::string& spec, bool purge,
             bool force, bool quiet) {
  const RevisionGraph& g = project.graph;
  std::vector<bool> keep;
  if (!target.is_base) keep = g.ancestors_of(target.rev);
  std::string name = target.is_base ? "base" : project.migrations[target.rev].id;
  // Records of what is not an ancestor of the target (newest first); with
  // base, every record, also unknown ones.
  std::vector<std::string> removed;
  for (auto it = g.order.rbegin(); it != g.order.rend(); ++it) {
    if (state.recorded(*it) && (target.is_base || !keep[*it]))
      removed.push_back(project.migrations[*it].id);
  }
  if (target.is_base) {
    for (const history::Row* row : state.unknown) removed.push_back(row->id);
  }
  // Ancestors not recorded as complete; an ancestor recorded with another
  // checksum is refused: only --rehash re-records a checksum.
  std::vector<std::size_t> to_record;
  std::string refusals;
  if (!removed.empty() && !purge) {
    std::string records = fmt::format("{} record{}", removed.size(),
                                      removed.size() == 1 ? "" : "s");
    refusals +=
        target.is_base
            ? fmt::format("migrac stamp: stamping base would remove every record ({}):\n", records)
            : fmt::format("migrac stamp: stamping {} would remove {} (not {} or its ancestors):\n",
                          name, records, name);
    for (const std::string& id : removed) refusals += fmt::format("  {}\n", id);
    refusals += fmt::format(
        "  help: to revert them, 'migrac downgrade {}'; to remove their records without running "
        "anything, "
        "'migrac stamp {} --purge'\n"
        "  help: to accept a reviewed edit of an applied migration, 'migrac stamp ID --rehash' "
        "re-records its "
        "checksum and changes nothing else\n",
        spec, spec);
  }
  if (!target.is_base) {
    for (std::size_t r : g.order) {
      if (!keep[r]) continue;
      const history::Row* row = state.row_of[r];
      const ast::Migration& m = project.migrations[r];
      if (row && row->checksum != m.checksum) {
        refusals += fmt::format(
            "migrac stamp: migration '{}' was edited after it was applied: {} has checksum {}, the "
            "database recorded {}\n"
            "  help: restore the file, or, if the edit was reviewed, record the new checksum with "
            "'migrac stamp {} --rehash'\n",
            m.id, path_of(project, m), m.checksum, row->checksum, m.id);
        continue;
      }
      if (!row || !row->complete()) to_record.push_back(r);
    }
  }
  if (!refusals.empty())
    throw VerbError{kDatabaseDisagrees, refusals + "migrac stamp: nothing was changed\n"};
  if (!purge) removed.clear();
  std::vector<MigrationPlan> plans = plan_or_fail(project, to_record, emitter);

  if (removed.empty() && plans.empty()) {
    if (!quiet) std::cout << "nothing to change: the database is recorded at " << spec << "\n";
    return kOk;
  }
  if (!force) check_live_schema(s, project, target, name);
  ensure_history_table(s, "stamp");
  ok_or_fail(s.db->begin());
  for (const std::string& id : removed) write_or_fail(s, s.store->sql().remove(id));
  for (const MigrationPlan& p : plans) {
    HistoryRowKey key{p.id, p.checksum, p.parents, static_cast<int>(p.up.size()), "stamp"};
    write_or_fail(s, s.store->sql().stamp(key));
  }
  ok_or_fail(s.db->commit());
  if (quiet) return kOk;
  for (const std::string& id : removed) std::cout << fmt::format("removed the record of {}\n", id);
  for (const MigrationPlan& p : plans) std::cout << fmt::format("recorded {} as applied\n", p.id);
  return kOk;
}

}  // namespace

int verb_stamp(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("delete", "remove the record of ID instead (also an id no file has)")(
      "rehash",
      "re-record the checksum of the applied migration ID from its file, and change nothing else "
      "(accepts a reviewed edit)")(
      "purge", "also remove the records of every migration that is not ID or an ancestor of it")(
      "force", "record even though the live schema is not the model at ID");
  auto db_opts = database_options(kConnectOptions);
  db_opts.add_options()("lock-wait", po::value<std::string>()->default_value("60s"),
                        "wait this long for another runner to finish");
  opts.add(db_opts);
  const char* usage =
      "stamp ID|head|base [--delete | --rehash | --purge] [--force] [--format text|json]";
  Invocation inv = parse_invocation("stamp", usage, args, opts, 1);
  bool del = inv.vm.count("delete") > 0;
  bool rehash = inv.vm.count("rehash") > 0;
  bool purge = inv.vm.count("purge") > 0;
  if (inv.vm.count("delete") + inv.vm.count("rehash") + inv.vm.count("purge") > 1) {
    usage_error(inv, "--delete, --rehash and --purge do not go together");
  }
  if (inv.positional.empty()) usage_error(inv, "missing the revision");
  DbSettings settings = db_settings(inv);
  std::unique_ptr<Emitter> emitter = emitter_or_fail(inv);
  Project project = compile_or_fail(inv, false, false, true);
  const std::string& spec = inv.positional[0];

  std::optional<RevisionRef> target;
  if (!del) target = resolve_revision(project, spec);
  Session session = open_session(inv, settings, SessionMode::Write);
  history::State state = history::compare(project.migrations, project.graph, session.rows);
  bool json = settings.format == runner::OutputFormat::Json;
  bool quiet = settings.quiet && !json;
  auto run = [&] {
    if (del) return stamp_delete(session, project, state, spec, quiet);
    if (rehash) return stamp_rehash(session, project, state, *target, quiet);
    return stamp_to(session, project, state, *emitter, *target, spec, purge,
                    inv.vm.count("force") > 0, quiet);
  };
  if (!json) return run();
  // The lines for people become the "changes" of one JSON document.
  std::ostringstream text;
  std::streambuf* saved = std::cout.rdbuf(text.rdbuf());
  int rc = kOk;
  try {
    rc = run();
  } catch (...) {
    std::cout.rdbuf(saved);
    throw;
  }
  std::cout.rdbuf(saved);
  nlohmann::json changes = nlohmann::json::array();
  std::istringstream lines(text.str());
  for (std::string line; std::getline(lines, line);) changes.push_back(line);
  std::cout << json_text(nlohmann::json{{"status", "ok"}, {"changes", std::move(changes)}});
  return rc;
}

}  // namespace migrac::cli
