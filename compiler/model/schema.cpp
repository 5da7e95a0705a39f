// Lookups of the schema model by name.
#include "compiler/model/schema.h"

#include <atomic>

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

TableMap::TableMap(std::initializer_list<std::pair<const std::string, Table>> tables) {
  for (const auto& [name, table] : tables) map_.emplace(name, std::make_shared<Table>(table));
}

Table& TableMap::unshare(Ptr& ptr) {
  // A snapshot held only here may be changed in place; the const is ours:
  // every table of the map is made by make_shared<Table> below or by a writer.
  // The other holders may be on other threads (the planner drops a Change's
  // snapshot when it is done with it): the fence orders their last reads
  // before the writes here.
  if (ptr.use_count() != 1) ptr = std::make_shared<Table>(*ptr);
  else std::atomic_thread_fence(std::memory_order_acquire);
  return const_cast<Table&>(*ptr);
}

Table& TableMap::at(const std::string& name) { return unshare(map_.at(name)); }

Table& TableMap::operator[](const std::string& name) {
  Ptr& ptr = map_[name];
  if (!ptr) ptr = std::make_shared<Table>();
  return unshare(ptr);
}

Table* TableMap::edit(const std::string& name) {
  auto it = map_.find(name);
  return it == map_.end() ? nullptr : &unshare(it->second);
}

TableMap::Ptr TableMap::share(const std::string& name) const {
  auto it = map_.find(name);
  return it == map_.end() ? nullptr : it->second;
}

std::pair<TableMap::const_iterator, bool> TableMap::emplace(const std::string& name, Table table) {
  auto it = map_.find(name);
  if (it != map_.end()) return {const_iterator(it), false};
  it = map_.emplace(name, std::make_shared<Table>(std::move(table))).first;
  return {const_iterator(it), true};
}

void TableMap::insert_or_assign(const std::string& name, Table table) {
  map_.insert_or_assign(name, std::make_shared<Table>(std::move(table)));
}

const Table* Schema::table(const std::string& n) const {
  auto it = tables.find(n);
  return it == tables.end() ? nullptr : it.ptr().get();
}

const Enum* Schema::enum_type(const std::string& n) const {
  auto it = enums.find(n);
  return it == enums.end() ? nullptr : &it->second;
}

}  // namespace migrac::model
