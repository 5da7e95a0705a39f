// Lookups of the schema model by name.
#include "compiler/model/schema.h"

namespace migrac::model {

const Column* Table::column(const std::string& n) const {
  for (const Column& c : columns)
    if (c.name == n) return &c;
  return nullptr;
}

Column* Table::column(const std::string& n) {
  for (Column& c : columns)
    if (c.name == n) return &c;
  return nullptr;
}

const Constraint* Table::constraint(const std::string& n) const {
  for (const Constraint& c : constraints)
    if (c.name == n) return &c;
  return nullptr;
}

const Index* Table::index(const std::string& n) const {
  for (const Index& i : indexes)
    if (i.name == n) return &i;
  return nullptr;
}

const Constraint* Table::primary_key() const {
  for (const Constraint& c : constraints)
    if (c.kind == ast::ConstraintKind::PrimaryKey) return &c;
  return nullptr;
}

const Table* Schema::table(const std::string& n) const {
  auto it = tables.find(n);
  return it == tables.end() ? nullptr : &it->second;
}

Table* Schema::table(const std::string& n) {
  auto it = tables.find(n);
  return it == tables.end() ? nullptr : &it->second;
}

const Enum* Schema::enum_type(const std::string& n) const {
  auto it = enums.find(n);
  return it == enums.end() ? nullptr : &it->second;
}

}  // namespace migrac::model
