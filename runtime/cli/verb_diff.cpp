// `migrac diff [--url URL] [--format text|json]`: drift. Reads the live
// database and holds it against the model at the revisions its history table
// records. It never changes the database. Exit 0: no difference; 4: the
// database disagrees with the files.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "runtime/cli/live_schema.h"
#include "runtime/cli/session.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

std::string_view kind_name(model::DiffKind k) {
  switch (k) {
    case model::DiffKind::Missing: return "missing";
    case model::DiffKind::Unexpected: return "unexpected";
    case model::DiffKind::Changed: return "changed";
  }
  return "changed";
}

std::string revisions_text(const Project& project, const std::vector<std::size_t>& applied) {
  if (applied.empty()) return "base (nothing applied)";
  // The recorded revisions with no recorded child.
  std::string out;
  for (std::size_t rev : applied) {
    bool has_child = false;
    for (std::size_t child : project.graph.revisions[rev].children) {
      if (std::find(applied.begin(), applied.end(), child) != applied.end()) has_child = true;
    }
    if (has_child) continue;
    out += (out.empty() ? "" : ", ") + project.migrations[rev].id;
  }
  return out;
}

}  // namespace

int verb_diff(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add(database_options(kConnectOptions));
  Invocation inv = parse_invocation("diff", "diff [--url URL] [--format text|json]", args, opts, 0);
  DbSettings settings = db_settings(inv);
  Project project = compile_or_fail(inv, false, !settings.quiet, true);
  Session session = open_session(inv, settings, SessionMode::Read);
  RecordedModel recorded = recorded_model(project, session);
  LiveSchema live = read_live_schema(session, "diff");
  std::vector<model::Difference> diffs = compare_live(session, recorded.schema, live.schema);
  std::string at = revisions_text(project, recorded.applied);

  if (settings.format == runner::OutputFormat::Json) {
    nlohmann::json doc;
    doc["database"] = session.db->describe();
    doc["revisions"] = nlohmann::json::array();
    for (std::size_t rev : recorded.applied) doc["revisions"].push_back(project.migrations[rev].id);
    doc["differences"] = nlohmann::json::array();
    for (const model::Difference& d : diffs) {
      doc["differences"].push_back({{"kind", kind_name(d.kind)},
                                    {"object_kind", d.object_kind},
                                    {"object", d.object},
                                    {"property", d.property},
                                    {"model", d.expected},
                                    {"database", d.actual},
                                    {"message", model::describe(d)}});
    }
    doc["unmodeled"] = nlohmann::json::array();
    for (const UnmodeledObject& o : live.unmodeled)
      doc["unmodeled"].push_back({{"kind", o.kind}, {"name", o.name}, {"note", o.note}});
    doc["notes"] = recorded.notes;
    std::cout << doc.dump(2) << "\n";
    return diffs.empty() ? kOk : kDatabaseDisagrees;
  }
  std::cout << fmt::format("diff: {} at {}\n", session_line(session), at);
  for (const std::string& note : recorded.notes) std::cout << "  note: " << note << "\n";
  if (!session.table_exists)
    std::cout << "  note: the database has no history table: it is held against base (the "
                 "empty schema)\n";
  for (const model::Difference& d : diffs) std::cout << "  " << model::describe(d) << "\n";
  for (const UnmodeledObject& o : live.unmodeled) {
    std::cout << fmt::format("  info: not in the model (not compared): {} '{}'{}\n", o.kind, o.name,
                             o.note.empty() ? "" : " (" + o.note + ")");
  }
  if (diffs.empty()) {
    std::cout << "no differences: the database is the model at its recorded revisions\n";
    return kOk;
  }
  std::cout << fmt::format("{} difference{}: the database disagrees with the files\n", diffs.size(),
                           diffs.size() == 1 ? "" : "s");
  return kDatabaseDisagrees;
}

}  // namespace migrac::cli
