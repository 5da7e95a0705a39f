// DROP TABLE, DROP INDEX and DROP TYPE (see ddl_reader.h), with what
// CASCADE drops beside them in the model: other tables' foreign keys to a
// table, the columns of an enum type.

#include <utility>

#include "compiler/pgsql/ddl_reader.h"

namespace migrac::pgsql {

namespace {

// The name parts of one object of a DropStmt: a list of String nodes for
// tables and indexes, a TypeName for types.
std::vector<std::string> object_name(Node obj) {
  if (obj.has("List")) return string_list(obj["List"]["items"]);
  if (obj.has("TypeName")) return string_list(obj["TypeName"]["names"]);
  return {std::string(string_value(obj))};
}

}  // namespace

void DdlReader::drop(Node s) {
  std::string_view type = s.str("removeType");
  bool cascade = s.str("behavior") == "DROP_CASCADE";
  std::vector<std::pair<std::string, model::Constraint>> drops;
  for (Node obj : s["objects"]) {
    std::vector<std::string> n = object_name(obj);
    if (n.empty()) continue;
    const std::string& name = n.back();
    if (type == "OBJECT_TABLE") {
      if (!schema_.table(name)) continue;
      // CASCADE drops the foreign keys of other tables that reference it.
      if (cascade)
        for (const auto& [other_name, other] : schema_.tables) {
          if (other_name == name) continue;
          for (const model::Constraint& k : other.constraints)
            if (k.kind == ast::ConstraintKind::ForeignKey && k.ref_table == name)
              drops.emplace_back(other_name, k);
        }
      for (const auto& [table, k] : drops) emit(model::DropConstraint{table, k});
      drops.clear();
      if (const model::Table* t = schema_.table(name)) emit(model::DropTable{*t});
    } else if (type == "OBJECT_INDEX") {
      auto owner = schema_.index_owner.find(name);
      if (owner == schema_.index_owner.end()) continue;
      model::Index index;
      index.name = name;
      index.table = owner->second;
      if (const model::Table* t = schema_.table(owner->second))
        if (const model::Index* i = t->index(name)) index = *i;
      emit(model::DropIndex{std::move(index)});
    } else if (type == "OBJECT_TYPE") {
      if (!schema_.enum_type(name)) continue;
      // CASCADE drops the columns of the type.
      std::vector<std::pair<std::string, model::Column>> columns;
      if (cascade)
        for (const auto& [table_name, t] : schema_.tables)
          for (const model::Column& c : t.columns)
            if (c.type.kind == ast::TypeKind::Enum && c.type.name == name)
              columns.emplace_back(table_name, c);
      for (const auto& [table, c] : columns) emit(model::DropColumn{table, c});
      if (const model::Enum* e = schema_.enum_type(name)) emit(model::DropEnum{*e});
    }
  }
}

}  // namespace migrac::pgsql
