// ALTER TABLE/INDEX ... RENAME (see ddl_reader.h).

#include "compiler/pgsql/ddl_reader.h"

namespace migrac::pgsql {

void DdlReader::rename(Node s) {
  std::string_view type = s.str("renameType");
  std::string to(s.str("newname"));
  std::string relation(s["relation"].str("relname"));
  if (type == "OBJECT_TYPE") {
    std::vector<std::string> n = string_list(s["object"]["List"]["items"]);
    if (n.empty()) n = string_list(s["object"]["TypeName"]["names"]);
    if (!n.empty() && schema_.enum_type(n.back())) {
      Unfollowed& u = note(UnfollowedKind::Unfollowed, "ALTER TYPE ... RENAME");
      u.object = "type '" + n.back() + "'";
    }
    return;
  }
  if (type == "OBJECT_INDEX") {
    if (!schema_.index_owner.count(relation)) return;
    emit(model::RenameIndex{relation, to});
    return;
  }
  const model::Table* t = schema_.table(relation);
  std::string from(s.str("subname"));
  bool of_table = type == "OBJECT_TABLE" || type == "OBJECT_COLUMN" ||
                  type == "OBJECT_TABCONSTRAINT";
  if (!of_table || to.empty()) return;
  // A name the database has and the model does not: the model cannot follow it.
  auto lost = [&](const std::string& words) {
    if (s.flag("missing_ok")) return;
    note(UnfollowedKind::Unfollowed, "ALTER TABLE ... RENAME").tables = {relation};
    pending_.back().object = words;
  };
  if (!t) {
    lost("table '" + relation + "'");
    return;
  }
  if (type == "OBJECT_TABLE") {
    if (schema_.table(to)) return;
    emit(model::RenameTable{relation, to});
  } else if (type == "OBJECT_COLUMN") {
    if (!t->column(from)) lost("column '" + from + "'");
    if (!t->column(from) || t->column(to)) return;
    emit(model::RenameColumn{relation, from, to});
  } else if (type == "OBJECT_TABCONSTRAINT") {
    if (!t->constraint(from)) lost("constraint '" + from + "'");
    if (!t->constraint(from)) return;
    emit(model::RenameConstraint{relation, from, to});
  }
}

}  // namespace migrac::pgsql
