#include "compiler/autogen/sql_source.h"

#include "compiler/check/check.h"
#include "compiler/graph/graph.h"
#include "compiler/syntax/parse.h"

namespace migrac::autogen {

model::Schema read_sql_schema(const SourceSet& sources, int file, Diagnostics& diags) {
  MigrationFile source;
  source.id = "desired_state";
  source.format = MigrationFormat::RawSql;
  source.file = file;
  std::vector<ast::Migration> migrations{parse_raw_sql(sources, source, diags)};
  if (diags.has_errors()) return {};
  RevisionGraph graph = build_graph(migrations, diags);
  CheckOptions options;
  CheckedHistory history = check_history(migrations, graph, sources, options, diags);
  return history.final_schema;
}

}  // namespace migrac::autogen
