// Rule family "history": the revision graph as a whole, and with
// `--base GITREF` the pull request's migrations against the base branch.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "compiler/lint/history.h"
#include "compiler/lint/rule.h"
#include "compiler/syntax/parse.h"

namespace migrac::lint {

void register_history_rules(std::vector<Rule>& out) {
  out.push_back({DiagKind::LintMultipleHeads, "multiple-heads", "history", RuleScope::History,
                 "Two migrations built on the same parent (two branches merged one after the "
                 "other) leave the history with two heads: `upgrade head` does not know which "
                 "comes first, and the schemas of the two branches were never checked together.",
                 "Write a merge migration (`migrac merge A B`: a .mig whose header is "
                 "`after A, B;`), or rebase the newer migration onto the other head.",
                 "", false});
  out.push_back({DiagKind::LintIdOrder, "id-order", "history", RuleScope::History,
                 "Migration ids are conventionally numbered; a new migration whose id sorts "
                 "before one already merged on the base branch lists out of order in `history` "
                 "and in the directory, and suggests it was branched from an old base.",
                 "Rename the new migration (file and id) so that it sorts after the newest "
                 "merged one.",
                 "", false});
  out.push_back({DiagKind::LintEditedMigration, "edited-migration", "history", RuleScope::History,
                 "A migration merged on the base branch may already be applied somewhere. An "
                 "edit never reaches those databases, and the runtime refuses to run against "
                 "them (checksum mismatch), so schemas drift apart.",
                 "Revert the edit and write a new migration that makes the change.", "", false});
  out.push_back({DiagKind::LintDeletedMigration, "deleted-migration", "history", RuleScope::History,
                 "A merged migration that disappears from the files is unknown to the runtime "
                 "on every database that applied it (it refuses to run), and its children lose "
                 "their parent.",
                 "Restore the file; undo its effect with a new migration instead.", "", false});
  out.push_back({DiagKind::LintStaleParent, "stale-parent", "history", RuleScope::History,
                 "A new migration whose parent is no longer a head of the base branch was "
                 "written against an old schema; once merged, the history has two heads and the "
                 "two changes were never checked together.",
                 "Rebase: change its `after` (or `-- migrac:after`) to the current head of the "
                 "base branch, then run `migrac lint` again.",
                 "", false});
}

namespace {

// A migration as the base branch has it.
struct BaseMigration {
  std::string id;
  std::string main_name;  // .mig or .up.sql
  std::string down_name;  // .down.sql, or empty
  const BaseFile* main = nullptr;
  const BaseFile* down = nullptr;
  bool is_raw = false;
  std::vector<std::string> parents;
};

std::string normalized(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string dir_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// The first line that differs between two texts (1-based), for pointing at an edit.
std::uint32_t first_difference_line(std::string_view a, std::string_view b) {
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    if (a[i] != b[i]) return line;
    if (a[i] == '\n') ++line;
  }
  return line;
}

SourceRange whole_line(const SourceSet& sources, int file, std::uint32_t line) {
  const SourceFile& f = sources[file];
  if (f.line_starts.empty()) return sources.range(file, 0, 0);
  std::uint32_t index = std::min<std::uint32_t>(line,
                                                static_cast<std::uint32_t>(f.line_starts.size())) -
                        1;
  std::uint32_t begin = f.line_starts[index];
  std::uint32_t end = begin + static_cast<std::uint32_t>(f.line_text(index + 1).size());
  return sources.range(file, begin, end);
}

SourceRange first_line(const SourceSet& sources, const ast::Migration& m) {
  if (m.id_range.valid()) return m.id_range;
  if (m.file < 0) return {};
  return whole_line(sources, m.file, 1);
}

// Parents of a migration from its base text (parsed like any migration file).
std::vector<std::string> base_parents(const BaseMigration& bm) {
  SourceSet tmp;
  Diagnostics ignored;
  MigrationFile mf;
  mf.id = bm.id;
  mf.format = bm.is_raw ? MigrationFormat::RawSql : MigrationFormat::Mig;
  mf.file = tmp.add(bm.main_name, bm.main ? bm.main->text : std::string());
  ast::Migration m = bm.is_raw ? parse_raw_sql(tmp, mf, ignored) : parse_mig(tmp, mf, ignored);
  std::vector<std::string> parents;
  for (const ast::Ident& p : m.parents) parents.push_back(p.name);
  return parents;
}

std::string quoted_list(const std::vector<std::string>& ids) {
  std::string s;
  for (const std::string& id : ids) s += (s.empty() ? "" : ", ") + fmt::format("'{}'", id);
  return s;
}

// "0005_add_x" for a new id that should follow `newest` ("0004_y") and was `id` ("0003_add_x").
std::string suggested_id(const std::string& id, const std::string& newest) {
  std::size_t digits = 0;
  while (digits < newest.size() && std::isdigit(static_cast<unsigned char>(newest[digits])))
    ++digits;
  std::size_t own = 0;
  while (own < id.size() && std::isdigit(static_cast<unsigned char>(id[own]))) ++own;
  if (digits == 0 || own == 0 || digits > 18) return {};
  std::string next = std::to_string(std::stoll(newest.substr(0, digits)) + 1);
  if (next.size() < digits) next = std::string(digits - next.size(), '0') + next;
  return next + id.substr(own);
}

void check_heads(const Project& project, const SourceSet& sources, Diagnostics& out) {
  const RevisionGraph& g = project.graph;
  if (!g.valid || g.heads.size() < 2) return;
  std::vector<std::string> ids;
  for (std::size_t h : g.heads) ids.push_back(project.migrations[h].id);
  const ast::Migration& last = project.migrations[g.heads.back()];
  std::string merge;
  for (const std::string& id : ids) merge += (merge.empty() ? "" : " ") + id;
  Diagnostic& d = out.report(DiagKind::LintMultipleHeads, first_line(sources, last),
                             fmt::format("the history has {} heads: {}", ids.size(),
                                         quoted_list(ids)),
                             fmt::format("write a merge migration: migrac merge {}", merge));
  for (std::size_t i = 0; i + 1 < g.heads.size(); ++i) {
    const ast::Migration& m = project.migrations[g.heads[i]];
    d.note(first_line(sources, m), fmt::format("head '{}' is here", m.id));
  }
}

// The migrations of one view of the base, by id.
using BaseMigrations = std::map<std::string, BaseMigration>;

BaseMigrations by_id(const std::vector<BaseFile>& files) {
  BaseMigrations out;
  for (const BaseFile& f : files) {
    auto parsed = parse_migration_file_name(f.name);
    if (!parsed) continue;
    BaseMigration& bm = out[parsed->id];
    bm.id = parsed->id;
    if (parsed->role == MigrationFileRole::Down) {
      bm.down_name = f.name;
      bm.down = &f;
    } else {
      bm.main_name = f.name;
      bm.main = &f;
      bm.is_raw = parsed->role == MigrationFileRole::Up;
    }
  }
  return out;
}

// A base migration with its main file (a lone .down.sql is not a migration).
const BaseMigration* find_main(const BaseMigrations& ms, const std::string& id) {
  auto it = ms.find(id);
  return it == ms.end() || !it->second.main ? nullptr : &it->second;
}

// Whether the working tree's files of `m` are those of `bm` (line endings aside).
bool unchanged(const BaseMigration& bm, const ast::Migration& m, const SourceSet& sources) {
  bool main = bm.main->same_as_worktree ||
              (m.file >= 0 && normalized(bm.main->text) == normalized(sources[m.file].text));
  if (!bm.down) return main && m.down_file < 0;
  return main && m.down_file >= 0 &&
         (bm.down->same_as_worktree ||
          normalized(bm.down->text) == normalized(sources[m.down_file].text));
}

// An edited merged migration, reported at the first line that differs.
void report_edit(const BaseMigration& bm, const ast::Migration& m, SourceSet& sources,
                 const std::string& ref, Diagnostics& out) {
  bool unchanged_main = bm.main->same_as_worktree ||
                        (m.file >= 0 &&
                         normalized(bm.main->text) == normalized(sources[m.file].text));
  int file = m.file;
  std::uint32_t line = 1;
  if (!unchanged_main && m.file >= 0) {
    line = first_difference_line(normalized(bm.main->text), normalized(sources[m.file].text));
  } else if (m.down_file >= 0) {
    file = m.down_file;
    if (bm.down)
      line = first_difference_line(normalized(bm.down->text), normalized(sources[file].text));
  }
  SourceRange at = file >= 0 ? whole_line(sources, file, line) : SourceRange{};
  out.report(DiagKind::LintEditedMigration, at,
             fmt::format("migration '{}' is merged on '{}' and was edited: databases that "
                         "applied it will not see the change",
                         m.id, ref),
             "revert the edit and write a new migration for the change");
}

}  // namespace

void check_history(const Project& project, SourceSet& sources, const BaseTree* base,
                   std::vector<bool>& selected, Diagnostics& out) {
  const std::vector<ast::Migration>& migrations = project.migrations;
  selected.assign(migrations.size(), base == nullptr);
  check_heads(project, sources, out);
  if (!base) return;

  // The base's migrations, by id: where the branch forked, and at the ref's tip.
  const BaseMigrations on_fork = by_id(base->files);
  BaseMigrations on_tip = by_id(base->tip_files);
  std::map<std::string, std::size_t> here;
  for (std::size_t i = 0; i < migrations.size(); ++i) here[migrations[i].id] = i;
  std::string dir;
  for (const ast::Migration& m : migrations) {
    if (m.file >= 0) {
      dir = dir_of(sources[m.file].path);
      break;
    }
  }

  // Merged migrations (at the fork point): deleted or edited on this branch?
  // A file the ref itself deleted or changed since is not this branch's doing.
  for (const auto& [id, bm] : on_fork) {
    if (!bm.main) continue;
    const BaseMigration* at_tip = find_main(on_tip, id);
    auto it = here.find(id);
    if (it == here.end()) {
      if (!at_tip) continue;
      int file = sources.add(dir + bm.main_name, bm.main->text);
      out.report(DiagKind::LintDeletedMigration, whole_line(sources, file, 1),
                 fmt::format("migration '{}' is merged on '{}' but its file was deleted", id,
                             base->ref),
                 fmt::format("restore it: git checkout {} -- {}{}", base->ref, dir, bm.main_name));
      continue;
    }
    const ast::Migration& m = migrations[it->second];
    if (unchanged(bm, m, sources) || (at_tip && unchanged(*at_tip, m, sources))) continue;
    selected[it->second] = true;
    report_edit(bm, m, sources, base->ref, out);
  }
  // Migrations merged on the ref after the fork that this branch also has.
  for (const auto& [id, bm] : on_tip) {
    if (!bm.main || find_main(on_fork, id)) continue;
    auto it = here.find(id);
    if (it == here.end() || unchanged(bm, migrations[it->second], sources)) continue;
    selected[it->second] = true;
    report_edit(bm, migrations[it->second], sources, base->ref, out);
  }

  // The heads of the ref's tip: parents from the tip's text, or from the
  // working tree's file when it is the same.
  for (auto& [id, bm] : on_tip) {
    if (!bm.main) continue;
    auto it = here.find(id);
    if (bm.main->same_as_worktree && it != here.end()) {
      for (const ast::Ident& p : migrations[it->second].parents) bm.parents.push_back(p.name);
    } else {
      bm.parents = base_parents(bm);
    }
  }
  std::set<std::string> has_child;
  for (const auto& [id, bm] : on_tip) {
    for (const std::string& p : bm.parents) has_child.insert(p);
  }
  std::vector<std::string> base_heads;
  std::string newest;
  for (const auto& [id, bm] : on_tip) {
    if (!bm.main) continue;
    if (!has_child.count(id)) base_heads.push_back(id);
    newest = std::max(newest, id);
  }

  // New migrations: parent must be a head of the tip; id should sort after the tip's.
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    const ast::Migration& m = migrations[i];
    if (find_main(on_fork, m.id) || find_main(on_tip, m.id)) continue;
    selected[i] = true;
    if (!base_heads.empty() && m.parents.empty()) {
      out.report(DiagKind::LintStaleParent, first_line(sources, m),
                 fmt::format("new migration '{}' has no parent, but '{}' has head{} {}", m.id,
                             base->ref, base_heads.size() == 1 ? "" : "s", quoted_list(base_heads)),
                 fmt::format("add 'after {}'", base_heads.front()));
    }
    for (const ast::Ident& p : m.parents) {
      if (!find_main(on_tip, p.name)) continue;  // a new parent, or unknown
      if (std::find(base_heads.begin(), base_heads.end(), p.name) != base_heads.end()) continue;
      out.report(DiagKind::LintStaleParent, p.range.valid() ? p.range : first_line(sources, m),
                 fmt::format("new migration '{}' is built on '{}', which is no longer a head on "
                             "'{}' (head{} {})",
                             m.id, p.name, base->ref, base_heads.size() == 1 ? "" : "s",
                             quoted_list(base_heads)),
                 base_heads.size() == 1
                     ? fmt::format("rebase it: change its parent to '{}'", base_heads.front())
                     : std::string("rebase it onto a head of the base branch"));
    }
    if (!newest.empty() && m.id < newest) {
      std::string better = suggested_id(m.id, newest);
      out.report(DiagKind::LintIdOrder, first_line(sources, m),
                 fmt::format("new migration id '{}' sorts before '{}', already merged on '{}'",
                             m.id, newest, base->ref),
                 better.empty() ? std::string("rename it so that it sorts after the merged ones")
                                : fmt::format("rename it to '{}'", better));
    }
  }
}

}  // namespace migrac::lint
