#include "runtime/cli/live_schema.h"

#include <algorithm>
#include <cctype>
#include <type_traits>

#include <fmt/format.h>

#include "compiler/dialect/normalize.h"
#include "runtime/history/state.h"
#include "runtime/introspect/introspect.h"

namespace migrac::cli {

namespace {

// The table a change is on ("" for enums and raw SQL).
std::string table_of(const model::ChangeKind& kind) {
  return std::visit(
      [](const auto& k) -> std::string {
        using K = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<K, model::AddTable> || std::is_same_v<K, model::DropTable>) {
          return k.table.name;
        } else if constexpr (std::is_same_v<K, model::CreateIndex> ||
                             std::is_same_v<K, model::DropIndex>) {
          return k.index.table;
        } else if constexpr (std::is_same_v<K, model::RenameTable>) {
          return k.to;
        } else if constexpr (requires { k.table; }) {
          if constexpr (std::is_convertible_v<decltype(k.table), std::string>) return k.table;
          return {};
        } else {
          return {};
        }
      },
      kind);
}

// The table a difference is about: "users" of "users.nick"; an index's table
// from either schema.
std::string table_of(const model::Difference& d) {
  if (d.object_kind == "column" || d.object_kind == "constraint")
    return d.object.substr(0, d.object.find('.'));
  return d.object;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

LiveSchema read_live_schema(const Session& session, const std::string& verb) {
  CatalogOptions options;
  options.history_schema = session.table.schema;
  options.history_name = session.table.name;
  try {
    return introspect::read_live_schema(*session.db, options);
  } catch (const CatalogError& e) {
    fail(kDatabaseError, "migrac {}: reading the catalogs of {}: {}", verb, session.db->describe(),
         e.what());
  }
}

std::vector<model::Difference> compare_live(const Session& session, const model::Schema& model,
                                            const model::Schema& live) {
  return model::compare(model, live, normalizer(session.db->dialect()));
}

SourceRange difference_location(const Project& project, std::size_t rev, bool down,
                                const model::Difference& d) {
  const ast::Migration& m = project.migrations[rev];
  std::string table = table_of(d);
  if (m.format == MigrationFormat::RawSql) {
    const std::vector<ast::RawStatement>& raw = down ? m.raw_down : m.raw_up;
    for (const ast::RawStatement& s : raw) {
      if (lower(s.text).find(lower(table)) != std::string::npos) return s.range;
    }
    if (!raw.empty()) return raw.front().range;
    if (down && m.down_file >= 0) return project.sources.range(m.down_file, 0, 0);
    return m.id_range;
  }
  long pos = project.history.position[rev];
  if (pos < 0) return m.id_range;
  const CheckedMigration& cm = project.history.checked[static_cast<std::size_t>(pos)];
  const std::vector<model::Change>* changes = &cm.up;
  if (down && cm.explicit_down) changes = &*cm.explicit_down;
  for (const model::Change& c : *changes) {
    if (table_of(c.kind) == table) return c.source;
  }
  return m.id_range;
}

model::Schema model_of(const Project& project, const std::vector<std::size_t>& revs) {
  const std::vector<std::size_t>& order = project.graph.order;
  bool prefix = revs.size() <= order.size() && std::equal(revs.begin(), revs.end(), order.begin());
  if (revs.empty()) return {};
  // The history's entry is the schema of the last one's ancestors: it holds
  // when the first ones in order are exactly those (no sibling branch among them).
  if (prefix && revs.size() <= project.history.schema_after.size()) {
    std::vector<bool> mine = project.graph.ancestors_of(revs.back());
    if (static_cast<std::size_t>(std::count(mine.begin(), mine.end(), true)) == revs.size())
      return project.history.schema_after[revs.size() - 1];
  }
  RevisionGraph graph = project.graph;
  graph.order = revs;
  Diagnostics diags;
  return check_history(project.migrations, graph, project.sources, CheckOptions{}, diags)
      .final_schema;
}

RecordedModel recorded_model(const Project& project, const Session& session) {
  RecordedModel out;
  history::State state = history::compare(project.migrations, project.graph, session.rows);
  for (std::size_t rev : project.graph.order) {
    const history::Row* row = state.row_of[rev];
    if (!row) continue;
    const std::string& id = project.migrations[rev].id;
    if (row->partly_applied()) {
      out.notes.push_back(fmt::format(
          "migration '{}' is partly applied ({} of {} segments): the model is taken without it", id,
          row->segments_done, row->segments_total));
      continue;
    }
    if (row->partly_reverted()) {
      out.notes.push_back(
          fmt::format("migration '{}' is partly reverted: the model is taken with it", id));
    }
    out.applied.push_back(rev);
  }
  for (const history::Row* row : state.unknown) {
    out.notes.push_back(fmt::format(
        "the history records migration '{}', which no file has: the model is taken without it",
        row->id));
  }
  out.schema = model_of(project, out.applied);
  return out;
}

void report_differences(Diagnostics& diags, DiagKind kind, const std::string& prefix,
                        const std::vector<model::Difference>& differences, const Project& project,
                        std::size_t rev, bool down) {
  for (const model::Difference& d : differences) {
    diags.report(kind, difference_location(project, rev, down, d), prefix + model::describe(d));
  }
}

}  // namespace migrac::cli
