// `migrac stamp ID|head|base`: record the database as being at ID without
// running anything, as Alembic's stamp does: ID and its ancestors recorded as
// applied (checksums re-recorded), the records of every other revision
// removed (base: every record). `stamp --delete ID` removes one record (also
// an id no file has), refused while a recorded migration depends on it.
#include <iostream>

#include <fmt/format.h>

#include "runtime/cli/db_verb.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

bool ok_or_report(const db::Result& r) {
  if (r.ok()) return true;
  std::cerr << fmt::format("migrac stamp: {}\n", r.error->one_line());
  return false;
}

// One write to the history table.
bool write_or_report(Session& s, const std::string& sql) {
  return ok_or_report(s.db->run(db::Statement::history(sql)));
}

int stamp_delete(Session& s, const Project& project, const history::State& state, const std::string& spec,
                 bool quiet) {
  // The literal id first (it may be unknown to the files), then a revision name.
  std::string id = spec;
  bool recorded = false;
  for (const history::Row& row : s.rows) recorded = recorded || row.id == spec;
  if (!recorded) {
    auto ref = resolve_revision(project, spec);
    if (!ref || ref->is_base) return kUsage;
    id = project.migrations[ref->rev].id;
    if (!state.recorded(ref->rev)) {
      std::cerr << fmt::format("migrac stamp: '{}' is not recorded in the database\n", id);
      return kDatabaseDisagrees;
    }
  }
  for (const history::Row& row : s.rows) {
    for (const std::string& parent : row.parents) {
      if (parent != id) continue;
      std::cerr << fmt::format(
          "migrac stamp: '{}' is recorded as applied and depends on '{}'\n"
          "  help: delete the records of its descendants first, or use 'migrac stamp <revision>'\n",
          row.id, id);
      return kDatabaseDisagrees;
    }
  }
  if (!write_or_report(s, s.store->sql().remove(id))) return kDatabaseError;
  if (!quiet) std::cout << fmt::format("removed the record of {}\n", id);
  return kOk;
}

}  // namespace

int verb_stamp(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("delete", "remove the record of ID instead (also an id no file has)");
  auto db_opts = database_options(kConnectOptions);
  db_opts.add_options()("lock-wait", po::value<std::string>()->default_value("60s"),
                        "wait this long for another runner to finish");
  opts.add(db_opts);
  int code = kOk;
  const char* usage = "stamp ID|head|base [--delete]";
  auto inv = parse_invocation("stamp", usage, args, opts, 1, code);
  if (!inv) return code;
  if (inv->positional.empty()) {
    std::cerr << fmt::format("migrac stamp: missing the revision\nusage: migrac {}\n", usage);
    return kUsage;
  }
  auto settings = db_settings(*inv);
  if (!settings) return kUsage;
  auto emitter = emitter_or_report(*inv);
  if (!emitter) return kUsage;
  auto project = compile_or_report(*inv, code, false, false);
  if (!project) return code;
  const std::string& spec = inv->positional[0];

  std::optional<RevisionRef> target;
  if (!inv->vm.count("delete")) {
    target = resolve_revision(project.value(), spec);
    if (!target) return kUsage;
  }
  auto session = open_session(*inv, *settings, SessionMode::Write, code);
  if (!session) return code;
  history::State state = history::compare(project->migrations, project->graph, session->rows);
  if (inv->vm.count("delete")) return stamp_delete(*session, *project, state, spec, settings->quiet);

  const RevisionGraph& g = project->graph;
  std::vector<bool> keep;
  if (!target->is_base) keep = g.ancestors_of(target->rev);
  // Records of what is not an ancestor of the target go (newest first); with
  // base, every record, also unknown ones.
  std::vector<std::string> removed;
  for (auto it = g.order.rbegin(); it != g.order.rend(); ++it) {
    if (state.recorded(*it) && (target->is_base || !keep[*it])) removed.push_back(project->migrations[*it].id);
  }
  if (target->is_base) {
    for (const history::Row* row : state.unknown) removed.push_back(row->id);
  }
  // Ancestors not recorded as complete, or recorded with another checksum.
  std::vector<std::size_t> to_record;
  if (!target->is_base) {
    for (std::size_t r : g.order) {
      if (!keep[r]) continue;
      const history::Row* row = state.row_of[r];
      if (!row || !row->complete() || row->checksum != project->migrations[r].checksum) to_record.push_back(r);
    }
  }
  auto plans = plan_or_report(*project, to_record, *emitter, code);
  if (!plans) return code;

  if (!ok_or_report(session->db->begin())) return kDatabaseError;
  for (const std::string& id : removed) {
    if (!write_or_report(*session, session->store->sql().remove(id))) return kDatabaseError;
  }
  for (const MigrationPlan& p : *plans) {
    HistoryRowKey key{p.id, p.checksum, p.parents, static_cast<int>(p.up.size()), "stamp"};
    if (!write_or_report(*session, session->store->sql().stamp(key))) return kDatabaseError;
  }
  if (!ok_or_report(session->db->commit())) return kDatabaseError;
  if (!settings->quiet) {
    for (const std::string& id : removed) std::cout << fmt::format("removed the record of {}\n", id);
    for (const MigrationPlan& p : *plans) std::cout << fmt::format("recorded {} as applied\n", p.id);
    if (removed.empty() && plans->empty()) std::cout << "nothing to change: the database is recorded at " << spec << "\n";
  }
  return kOk;
}

}  // namespace migrac::cli
