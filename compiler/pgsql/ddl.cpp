// The raw-DDL reader: parsing and dispatch by statement kind (see ddl.h).

#include "compiler/pgsql/ddl.h"

#include "compiler/pgsql/ddl_reader.h"
#include "compiler/pgsql/parse.h"

namespace migrac::pgsql {

void DdlReader::statement(Node stmt) {
  std::string_view kind = stmt.kind();
  Node s = stmt.body();
  if (kind == "CreateStmt") create_table(s);
  else if (kind == "AlterTableStmt") alter_table(s);
  else if (kind == "RenameStmt") rename(s);
  else if (kind == "IndexStmt") create_index(s);
  else if (kind == "DropStmt") drop(s);
  else if (kind == "CreateEnumStmt") create_enum(s);
  else if (kind == "AlterEnumStmt") alter_enum(s);
}

void read_ddl(std::string_view sql, const model::Schema& schema, const EditSink& apply) {
  ParsedSql parsed = parse(sql);
  if (parsed.error) return;
  DdlReader reader(sql, schema, apply);
  for (const Statement& s : parsed.statements) reader.statement(s.node);
}

}  // namespace migrac::pgsql
