// parse_raw_sql: placeholder until the raw SQL reader lands.
#include "compiler/syntax/parse.h"

namespace migrac {

ast::Migration parse_raw_sql(const SourceSet& sources, const MigrationFile& file, Diagnostics& diags) {
  (void)sources;
  (void)diags;
  ast::Migration m;
  m.id = file.id;
  m.format = ast::MigrationFormat::RawSql;
  m.file = file.file;
  m.down_file = file.down_file;
  return m;
}

}  // namespace migrac
