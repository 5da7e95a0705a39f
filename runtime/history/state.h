#pragma once
// Where a database stands against the migration files: which revisions are
// recorded (complete, partly applied, partly reverted), which were edited
// after they were applied, which recorded ids no file has; and which
// revisions an upgrade or downgrade target selects.

#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/graph/graph.h"
#include "runtime/history/history.h"

namespace migrac::history {

// The database against the files.
struct State {
  std::vector<const Row*> row_of;           // per revision: its row, or null
  std::vector<std::size_t> edited;          // recorded checksum differs from the file's
  std::vector<std::size_t> partly_applied;  // in graph order
  std::vector<std::size_t> partly_reverted;
  std::vector<const Row*> unknown;  // rows whose id no file has

  bool recorded(std::size_t rev) const { return row_of[rev] != nullptr; }
  bool complete(std::size_t rev) const { return row_of[rev] && row_of[rev]->complete(); }
};

// Rows of Flyway repeatables (repeatable_row_id) are no revision's: compare
// passes over them (repeatable_runs reads them).
State compare(const std::vector<ast::Migration>& migrations, const RevisionGraph& graph,
              const std::vector<Row>& rows);

// One repeatable that is due: it never ran, or last ran with another checksum.
struct RepeatableRun {
  std::size_t repeatable = 0;  // index into the project's repeatables
  std::string row_id;          // the row its run records ("<id>#<n>")
  std::string last_checksum;   // "" when it never ran
};

// The repeatables that are due, in their order.
std::vector<RepeatableRun> repeatable_runs(const std::vector<ast::Migration>& repeatables,
                                           const std::vector<Row>& rows);

// Recorded revisions with no recorded child (what `current` prints), in graph order.
std::vector<std::size_t> applied_heads(const RevisionGraph& graph, const State& state);

// Revisions not complete, in graph order: all of them, or the ancestors of `target` (inclusive).
std::vector<std::size_t> pending(const RevisionGraph& graph, const State& state,
                                 std::optional<std::size_t> target = std::nullopt);

// Recorded revisions that are not ancestors of `target` (all recorded ones when
// target is nullopt: base), newest first: what `downgrade TARGET` reverts.
std::vector<std::size_t> to_revert(const RevisionGraph& graph, const State& state,
                                   std::optional<std::size_t> target);
// The `n` newest recorded revisions, newest first: what `downgrade -N` reverts.
std::vector<std::size_t> last_recorded(const RevisionGraph& graph, const State& state,
                                       std::size_t n);

// A relative step "+N" / "-N": N, or nullopt when `spec` is not one with that sign.
std::optional<std::size_t> relative_steps(const std::string& spec, char sign);

}  // namespace migrac::history
