// create enum, alter enum add value, drop enum.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/check/checker.h"

namespace migrac {

namespace {

std::vector<std::string> enum_names(const model::Schema& schema) {
  std::vector<std::string> names;
  for (const auto& [name, e] : schema.enums) names.push_back(name);
  return names;
}

}  // namespace

void Checker::on(const ast::CreateEnum& op) {
  const std::string& name = op.name.name;
  if (st_.schema.enum_type(name)) {
    Diagnostic& d = diags_.report(DiagKind::DuplicateEnum, op.name.range,
                                  fmt::format("enum '{}' already exists", name));
    note_origin(d, st_.enum_at, name, "enum");
    return;
  }
  if (st_.schema.table(name)) {
    // A PostgreSQL table has a row type of its own name.
    diags_.report(DiagKind::NameInUse, op.name.range,
                  fmt::format("name '{}' is already used by table '{}'", name, name),
                  "a table's name is also the name of its row type");
    return;
  }
  model::Enum e{name, {}};
  for (const ast::StringLit& v : op.values) {
    if (std::find(e.values.begin(), e.values.end(), v.value) != e.values.end()) {
      diags_.report(DiagKind::DuplicateEnumValue, v.range,
                    fmt::format("value '{}' appears twice in enum '{}'", v.value, name));
      continue;
    }
    e.values.push_back(v.value);
  }
  commit(model::CreateEnum{std::move(e)}, {}, EditSites{op.name.range, {}});
}

void Checker::on(const ast::AlterEnumAddValue& op) {
  auto it = st_.schema.enums.find(op.name.name);
  if (it == st_.schema.enums.end()) {
    diags_.report(DiagKind::UnknownEnum, op.name.range,
                  fmt::format("unknown enum '{}'", op.name.name),
                  did_you_mean(op.name.name, enum_names(st_.schema)));
    return;
  }
  const std::vector<std::string>& values = it->second.values;
  if (std::find(values.begin(), values.end(), op.value.value) != values.end()) {
    diags_.report(DiagKind::DuplicateEnumValue, op.value.range,
                  fmt::format("enum '{}' already has value '{}'", op.name.name, op.value.value));
    return;
  }
  if (op.neighbor && std::find(values.begin(), values.end(), op.neighbor->value) == values.end()) {
    diags_.report(DiagKind::UnknownEnumValue, op.neighbor->range,
                  fmt::format("enum '{}' has no value '{}'", op.name.name, op.neighbor->value),
                  did_you_mean(op.neighbor->value, values));
    return;
  }
  std::optional<std::string> neighbor;
  if (op.neighbor) neighbor = op.neighbor->value;
  model::AddEnumValue change{op.name.name, op.value.value, std::move(neighbor), op.before};
  // The tables hold the enum's name, not its values: the same before and after the change.
  for (const auto& [table_name, table] : st_.schema.tables) {
    bool uses = std::any_of(table.columns.begin(), table.columns.end(),
                            [&](const model::Column& c) {
                              return c.type.kind == ast::TypeKind::Enum &&
                                     c.type.name == op.name.name;
                            });
    if (uses) change.tables.push_back(table);
  }
  commit(std::move(change));
}

void Checker::on(const ast::DropEnum& op) {
  auto it = st_.schema.enums.find(op.name.name);
  if (it == st_.schema.enums.end()) {
    diags_.report(DiagKind::UnknownEnum, op.name.range,
                  fmt::format("unknown enum '{}'", op.name.name),
                  did_you_mean(op.name.name, enum_names(st_.schema)));
    return;
  }
  std::vector<std::string> users;
  for (const auto& [table_name, table] : st_.schema.tables)
    for (const model::Column& c : table.columns)
      if (c.type.kind == ast::TypeKind::Enum && c.type.name == op.name.name)
        users.push_back(fmt::format("'{}.{}'", table_name, c.name));
  if (!users.empty()) {
    std::string list;
    for (const std::string& u : users) list += (list.empty() ? "" : ", ") + u;
    diags_.report(DiagKind::EnumInUse, op.name.range,
                  fmt::format("enum '{}' is still used by column{} {}", op.name.name,
                              users.size() == 1 ? "" : "s", list),
                  "drop those columns or change their type first");
    return;
  }
  commit(model::DropEnum{it->second});
}

}  // namespace migrac
