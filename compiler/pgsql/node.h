#pragma once
// Safe reading of PostgreSQL's parse tree (libpg_query's JSON form). A Node
// is a read-only view of one value of the tree; every accessor is total: a
// missing key, an index past the end or a value of another type gives an
// empty Node (or "", 0, false, -1), never undefined behaviour or an
// exception. libpg_query leaves out fields that hold their default (false,
// 0, ""), so a missing key is the normal way a tree says "default".
//
// The tree's nodes are wrappers of one key: {"ColumnDef": {"colname": ...}};
// kind() is the key and body() the fields.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace migrac::pgsql {

// A read-only view of one value of a parse tree (see above).
class Node {
 public:
  Node() = default;
  explicit Node(const nlohmann::json* value) : j_(value) {}

  // --- shape
  bool missing() const;  // no value at all (a missing key)
  bool is_object() const;
  bool is_array() const;
  bool is_string() const;
  // Whether the object has member `key`.
  bool has(std::string_view key) const;

  // --- members and elements
  // Member `key` of an object; empty for a missing key or a non-object.
  Node get(std::string_view key) const;
  Node operator[](std::string_view key) const { return get(key); }
  // Element `i` of an array; empty past the end or for a non-array.
  Node at(std::size_t i) const;
  // Elements of an array (0 for anything else).
  std::size_t size() const;
  bool empty() const { return size() == 0; }
  Node front() const { return at(0); }
  Node back() const { return size() == 0 ? Node() : at(size() - 1); }

  // --- scalars
  std::string_view str() const;                           // "" unless a string
  std::int64_t integer(std::int64_t fallback = 0) const;  // fallback unless an integer
  bool flag() const;                                      // false unless true
  // Scalars of a member.
  std::string_view str(std::string_view key) const { return get(key).str(); }
  std::int64_t integer(std::string_view key, std::int64_t fallback = 0) const {
    return get(key).integer(fallback);
  }
  bool flag(std::string_view key) const { return get(key).flag(); }
  // The `location` member (a byte offset into the parsed text), or -1.
  long location() const;

  // --- wrappers ({"Kind": {...}})
  // The key of a one-member object, else "".
  std::string_view kind() const;
  // The value of a one-member object, else empty.
  Node body() const;
  // The body if this is a wrapper of `kind`, else empty.
  Node as(std::string_view k) const { return kind() == k ? body() : Node(); }

  // Calls f(key, value) for each member of an object, in order.
  void for_each_member(const std::function<void(std::string_view, Node)>& f) const;

  // Iteration over the elements of an array (none for anything else).
  class iterator {
   public:
    iterator(const Node* parent, std::size_t i) : parent_(parent), i_(i) {}
    Node operator*() const { return parent_->at(i_); }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const iterator& o) const { return i_ != o.i_; }

   private:
    const Node* parent_;
    std::size_t i_;
  };
  iterator begin() const { return iterator(this, 0); }
  iterator end() const { return iterator(this, size()); }

 private:
  const nlohmann::json* j_ = nullptr;
};

// Calls `visit` on every object of the subtree (pre-order).
void walk(Node node, const std::function<void(Node)>& visit);

// --- reading common node shapes

// The sval of a {"String": {"sval": ...}} node, else "".
std::string_view string_value(Node string_node);
// The svals of a list of String nodes (qualified names, column lists).
std::vector<std::string> string_list(Node list);
// The last component of a list of String nodes, else "".
std::string last_name(Node list);
// A RangeVar as written: `schema.table` or `table`.
std::string relation_name(Node range_var);
// The last component of a TypeName (`int4`, `varchar`, `serial`, ...).
std::string type_name(Node type_node);
// Whether a TypeName was written with modifiers (`varchar(20)`).
bool type_has_modifiers(Node type_node);
// The smallest location in a subtree, where its text starts (an operator
// node's own location is the operator's), or -1.
long first_location(Node node);

}  // namespace migrac::pgsql
