#pragma once
// The revision graph: migrations as nodes, `after` clauses as edges to parents.

#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diag.h"

namespace migrac {

// One node: indexes into the migrations vector the graph was built from.
struct Revision {
  std::size_t migration = 0;
  std::vector<std::size_t> parents;  // revisions (== migration indexes)
  std::vector<std::size_t> children;
};

// The DAG of a project. Index i of `revisions` is migration i.
struct RevisionGraph {
  std::vector<Revision> revisions;
  std::unordered_map<std::string, std::size_t> by_id;
  std::vector<std::size_t> order;  // topological; ties broken by id, so deterministic
  std::vector<std::size_t> heads;  // no children, sorted by id
  std::vector<std::size_t> roots;  // no parents, sorted by id
  bool valid = false;              // no missing parent, cycle or duplicate id

  // The revision named `id`, or -1.
  long find(const std::string& id) const;
  // `rev` and all its ancestors.
  std::vector<bool> ancestors_of(std::size_t rev) const;
  // Revisions in `order` that are ancestors of `to` (inclusive) but not of any of `from`.
  std::vector<std::size_t> range(const std::vector<std::size_t>& from, std::size_t to) const;
};

// Builds the graph; reports missing parents, cycles and duplicate ids.
RevisionGraph build_graph(const std::vector<ast::Migration>& migrations, Diagnostics& diags);

// Reports an error naming every head when there is more than one (`what` says
// what needed a single head, e.g. "'sql head'").
bool require_single_head(const RevisionGraph& graph, const std::vector<ast::Migration>& migrations,
                         Diagnostics& diags);

}  // namespace migrac
