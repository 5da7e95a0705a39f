// ALTER TABLE/INDEX ... RENAME (see ddl_reader.h).

#include "compiler/pgsql/ddl_reader.h"

namespace migrac::pgsql {

void DdlReader::rename(Node s) {
  std::string_view type = s.str("renameType");
  std::string to(s.str("newname"));
  std::string relation(s["relation"].str("relname"));
  if (type == "OBJECT_INDEX") {
    if (!schema_.index_owner.count(relation)) return;
    emit(model::RenameIndex{relation, to});
    return;
  }
  const model::Table* t = schema_.table(relation);
  if (!t || to.empty()) return;
  std::string from(s.str("subname"));
  if (type == "OBJECT_TABLE") {
    if (schema_.table(to)) return;
    emit(model::RenameTable{relation, to});
  } else if (type == "OBJECT_COLUMN") {
    if (!t->column(from) || t->column(to)) return;
    emit(model::RenameColumn{relation, from, to});
  } else if (type == "OBJECT_TABCONSTRAINT") {
    if (!t->constraint(from)) return;
    emit(model::RenameConstraint{relation, from, to});
  }
}

}  // namespace migrac::pgsql
