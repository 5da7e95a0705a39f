// CREATE TYPE ... AS ENUM and ALTER TYPE ... ADD VALUE (see ddl_reader.h).

#include <algorithm>

#include "compiler/pgsql/ddl_reader.h"

namespace migrac::pgsql {

void DdlReader::create_enum(Node s) {
  std::vector<std::string> n = string_list(s["typeName"]);
  if (n.empty() || schema_.enum_type(n.back())) return;
  emit(model::CreateEnum{model::Enum{n.back(), string_list(s["vals"])}});
}

void DdlReader::alter_enum(Node s) {
  std::vector<std::string> n = string_list(s["typeName"]);
  if (n.empty() || !s["newVal"].is_string()) return;
  if (s.has("oldVal")) {
    // RENAME VALUE: the model has no edit for it.
    Unfollowed& u = note(UnfollowedKind::Unfollowed, "ALTER TYPE ... RENAME VALUE");
    u.object = "type '" + n.back() + "'";
    return;
  }
  const model::Enum* e = schema_.enum_type(n.back());
  if (!e) return;
  std::string value(s.str("newVal"));
  if (std::find(e->values.begin(), e->values.end(), value) != e->values.end()) return;
  model::AddEnumValue change{e->name, value, std::nullopt, false};
  if (s.has("newValNeighbor")) {
    change.neighbor = std::string(s.str("newValNeighbor"));
    // libpg_query leaves out newValIsAfter when it is false: BEFORE.
    change.before = !s.flag("newValIsAfter");
  }
  emit(std::move(change));
}

}  // namespace migrac::pgsql
