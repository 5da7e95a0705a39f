// `migrac heads` and `migrac history [--verbose]`: the revision graph as text.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/diag/json_text.h"

#include "runtime/cli/marks.h"
#include "runtime/cli/verb.h"
#include "runtime/cli/verbs.h"

namespace migrac::cli {

namespace {

std::string join_ids(const Project& p, const std::vector<std::size_t>& revs) {
  std::string s;
  for (std::size_t r : revs) s += (s.empty() ? "" : ", ") + p.migrations[r].id;
  return s;
}

// The first comment line of a .mig file, as its message (Alembic's docstring).
std::string message_of(const Project& p, const ast::Migration& m) {
  if (m.file < 0) return {};
  const SourceFile& f = p.sources[m.file];
  for (std::uint32_t line = 1; line <= f.line_starts.size(); ++line) {
    std::string_view text = f.line_text(line);
    if (text.empty()) continue;
    if (text.rfind("-- ", 0) != 0) return {};
    std::string_view msg = text.substr(3);
    if (msg.rfind("migrac:", 0) == 0) continue;
    return std::string(msg);
  }
  return {};
}

// --format text|json; fails with exit 2 for another value.
bool json_format(const Invocation& inv) {
  std::string format = inv.vm["format"].as<std::string>();
  if (format != "text" && format != "json")
    fail(kUsage, "migrac {}: unknown format '{}' (text or json)", inv.verb, format);
  return format == "json";
}

boost::program_options::options_description format_option() {
  namespace po = boost::program_options;
  po::options_description opts;
  opts.add_options()("format", po::value<std::string>()->default_value("text"), "text or json");
  return opts;
}

// The JSON form of history: oldest first, each revision with its parents,
// marks and (with a database) what is applied.
nlohmann::json history_json(const Project& project, const std::vector<std::string>& db_marks) {
  const RevisionGraph& g = project.graph;
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t rev : g.order) {
    const Revision& r = g.revisions[rev];
    const ast::Migration& m = project.migrations[rev];
    nlohmann::json parents = nlohmann::json::array();
    for (std::size_t p : r.parents) parents.push_back(project.migrations[p].id);
    nlohmann::json entry{{"id", m.id},
                         {"parents", parents},
                         {"head", r.children.empty()},
                         {"merge", r.parents.size() > 1},
                         {"branchpoint", r.children.size() > 1},
                         {"message", message_of(project, m)},
                         {"path", m.file >= 0 ? project.sources[m.file].path : std::string()},
                         {"checksum", m.checksum}};
    if (!db_marks.empty()) {
      const std::string& mark = db_marks[rev];
      entry["applied"] = mark.find(" (applied)") != std::string::npos;
      entry["partly_applied"] = mark.find("partly applied") != std::string::npos;
      entry["partly_reverted"] = mark.find("partly reverted") != std::string::npos;
      entry["current"] = mark.find("(current)") != std::string::npos;
    }
    list.push_back(std::move(entry));
  }
  return nlohmann::json{{"migrations", std::move(list)}};
}

}  // namespace

int verb_heads(const Args& args) {
  Invocation inv = parse_invocation("heads", "heads [--format text|json]", args, format_option(),
                                    0);
  bool json = json_format(inv);
  Project project = compile_or_fail(inv, false, false);
  if (json) {
    nlohmann::json heads = nlohmann::json::array();
    for (std::size_t h : project.graph.heads) heads.push_back(project.migrations[h].id);
    std::cout << json_text(nlohmann::json{{"heads", std::move(heads)}});
    return kOk;
  }
  for (std::size_t h : project.graph.heads) std::cout << project.migrations[h].id << " (head)\n";
  return kOk;
}

int verb_history(const Args& args) {
  namespace po = boost::program_options;
  po::options_description opts = format_option();
  opts.add_options()("verbose,v", "show file, parents, checksum and settings");
  Invocation inv = parse_invocation("history", "history [--verbose] [--format text|json]", args,
                                    opts, 0);
  bool json = json_format(inv);
  Project project = compile_or_fail(inv, false, false);
  bool verbose = inv.vm.count("verbose") > 0;
  // With a database URL configured: what is applied there.
  std::vector<std::string> db_marks = applied_marks(inv, project);
  if (json) {
    std::cout << json_text(history_json(project, db_marks));
    return kOk;
  }
  const RevisionGraph& g = project.graph;
  // Newest first, as Alembic prints it.
  for (auto it = g.order.rbegin(); it != g.order.rend(); ++it) {
    const Revision& r = g.revisions[*it];
    const ast::Migration& m = project.migrations[*it];
    std::string parents = r.parents.empty() ? "<base>" : join_ids(project, r.parents);
    std::string marks;
    if (r.children.empty()) marks += " (head)";
    if (r.parents.size() > 1) marks += " (merge)";
    if (r.children.size() > 1) marks += " (branchpoint)";
    if (!db_marks.empty()) marks += db_marks[*it];
    std::string msg = message_of(project, m);
    if (!verbose) {
      std::cout << fmt::format("{} -> {}{}{}\n", parents, m.id, marks,
                               msg.empty() ? "" : ", " + msg);
      continue;
    }
    std::cout << fmt::format("Rev: {}{}\n", m.id, marks);
    std::cout << fmt::format("Parent: {}\n", parents);
    std::cout << fmt::format("Path: {}\n", project.sources[m.file].path);
    std::cout << fmt::format("Checksum: {}\n", m.checksum);
    if (!msg.empty()) std::cout << fmt::format("\n    {}\n", msg);
    std::cout << "\n";
  }
  return kOk;
}

}  // namespace migrac::cli
