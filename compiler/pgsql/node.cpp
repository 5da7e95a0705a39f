// Safe reading of the parse tree (see node.h).

#include "compiler/pgsql/node.h"

#include <nlohmann/json.hpp>

namespace migrac::pgsql {

bool Node::missing() const { return j_ == nullptr; }
bool Node::is_object() const { return j_ != nullptr && j_->is_object(); }
bool Node::is_array() const { return j_ != nullptr && j_->is_array(); }
bool Node::is_string() const { return j_ != nullptr && j_->is_string(); }

bool Node::has(std::string_view key) const { return !get(key).missing(); }

Node Node::get(std::string_view key) const {
  if (!is_object()) return Node();
  auto it = j_->find(key);
  if (it == j_->end()) return Node();
  return Node(&*it);
}

Node Node::at(std::size_t i) const {
  if (!is_array() || i >= j_->size()) return Node();
  return Node(&(*j_)[i]);
}

std::size_t Node::size() const { return is_array() ? j_->size() : 0; }

std::string_view Node::str() const {
  if (!is_string()) return {};
  return j_->get_ref<const std::string&>();
}

std::int64_t Node::integer(std::int64_t fallback) const {
  if (j_ == nullptr || !j_->is_number_integer()) return fallback;
  return j_->get<std::int64_t>();
}

bool Node::flag() const { return j_ != nullptr && j_->is_boolean() && j_->get<bool>(); }

long Node::location() const { return static_cast<long>(get("location").integer(-1)); }

std::string_view Node::kind() const {
  if (!is_object() || j_->size() != 1) return {};
  return j_->begin().key();
}

Node Node::body() const {
  if (!is_object() || j_->size() != 1) return Node();
  return Node(&j_->begin().value());
}

void Node::for_each_member(const std::function<void(std::string_view, Node)>& f) const {
  if (!is_object()) return;
  for (auto it = j_->begin(); it != j_->end(); ++it) f(it.key(), Node(&it.value()));
}

void walk(Node node, const std::function<void(Node)>& visit) {
  if (node.is_object()) {
    visit(node);
    node.for_each_member([&](std::string_view, Node child) { walk(child, visit); });
  } else if (node.is_array()) {
    for (Node child : node) walk(child, visit);
  }
}

std::string_view string_value(Node string_node) { return string_node["String"].str("sval"); }

std::vector<std::string> string_list(Node list) {
  std::vector<std::string> out;
  for (Node n : list) out.emplace_back(string_value(n));
  return out;
}

std::string last_name(Node list) { return std::string(string_value(list.back())); }

std::string relation_name(Node range_var) {
  std::string name(range_var.str("relname"));
  std::string_view schema = range_var.str("schemaname");
  return schema.empty() ? name : std::string(schema) + "." + name;
}

std::string type_name(Node type_node) { return last_name(type_node["names"]); }

bool type_has_modifiers(Node type_node) {
  Node mods = type_node["typmods"];
  if (mods.empty()) return false;
  // `char` without a length is parsed as bpchar(1) with a modifier at location -1.
  return mods.front().body().location() >= 0;
}

long first_location(Node node) {
  long best = -1;
  auto take = [&](long l) {
    if (l >= 0 && (best < 0 || l < best)) best = l;
  };
  if (node.is_object()) {
    node.for_each_member([&](std::string_view key, Node value) {
      if (key == "location") take(static_cast<long>(value.integer(-1)));
      else take(first_location(value));
    });
  } else if (node.is_array()) {
    for (Node v : node) take(first_location(v));
  }
  return best;
}

}  // namespace migrac::pgsql
