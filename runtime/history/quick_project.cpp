#include "runtime/history/quick_project.h"

#include "compiler/project/loader.h"
#include "compiler/source/headers.h"
#include "compiler/syntax/parse.h"
#include "compiler/syntax/raw_sql_tool.h"

namespace migrac::history {

std::optional<Project> quick_project(const std::string& dir, std::optional<Convention> convention) {
  Project p;
  LoadedDirectory loaded = load_migrations(dir, convention, p.sources, p.diags);
  p.convention = loaded.convention;
  p.convention_detected = loaded.detected;
  const std::vector<MigrationFile>& files = loaded.files;
  if (p.diags.has_errors()) return std::nullopt;
  p.migrations.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const MigrationFile& f = files[i];
    if (f.format != MigrationFormat::Mig) {
      p.migrations.push_back(parse_raw_sql(p.sources, f, loaded.tool[i], p.diags));
      continue;
    }
    const SourceFile& src = p.sources[f.file];
    auto parents = source::mig_parents(src.text);
    if (!parents) return std::nullopt;
    ast::Migration m;
    m.id = f.id;
    m.format = f.format;
    m.file = f.file;
    m.down_file = f.down_file;
    m.checksum = checksum_v1({src.text});
    for (std::string& id : *parents) m.parents.push_back(ast::Ident{std::move(id), false, {}});
    p.migrations.push_back(std::move(m));
  }
  for (std::size_t i = 0; i < loaded.repeatables.size(); ++i) {
    p.repeatables.push_back(parse_raw_sql(p.sources, loaded.repeatables[i],
                                          loaded.repeatable_tool[i], p.diags));
  }
  if (p.diags.has_errors()) return std::nullopt;
  p.graph = build_graph(p.migrations, p.diags);
  if (!p.graph.valid || p.diags.has_errors()) return std::nullopt;
  return p;
}

}  // namespace migrac::history
