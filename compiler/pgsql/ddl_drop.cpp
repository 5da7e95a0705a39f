// DROP TABLE, DROP INDEX and DROP TYPE (see ddl_reader.h).

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
  for (Node obj : s["objects"]) {
    std::vector<std::string> n = object_name(obj);
    if (n.empty()) continue;
    const std::string& name = n.back();
    if (type == "OBJECT_TABLE") {
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
      if (const model::Enum* e = schema_.enum_type(name)) emit(model::DropEnum{*e});
    }
  }
}

}  // namespace migrac::pgsql
