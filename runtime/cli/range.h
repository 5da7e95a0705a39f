#pragma once
// Which revisions a verb's target selects: a range "[FROM:]TO" of the files
// (sql, and upgrade/downgrade --sql), and what upgrade or downgrade does on a
// database ("+N" / "-N", an id, head, base). Each fails with a VerbError.

#include <cstddef>
#include <string>
#include <vector>

#include "compiler/project/project.h"
#include "runtime/history/state.h"

namespace migrac::cli {

// "[FROM:]TO" split at its colon; `from` is empty without one.
struct RangeSpec {
  std::string from;
  std::string to;
};
RangeSpec split_range(const std::string& spec);

// Up: the revisions after FROM (default base) up to TO, in order. Down: those
// after TO up to FROM (default head), newest first. Fails as resolve_revision.
std::vector<std::size_t> select_range(const Project& project, const std::string& spec, bool down);

// select_range for an offline script, which has no database to count from:
// a relative target ("+N", "-N") fails with exit 2.
std::vector<std::size_t> offline_range(const Project& project, const std::string& spec, bool down);

// What `upgrade SPEC` applies, in order: the first N pending ("+N"), the
// pending ancestors of a revision, nothing for base. "+N" with fewer than N
// pending fails with exit 2, saying how many there are.
std::vector<std::size_t> select_upgrade(const Project& project, const history::State& state,
                                        const std::string& spec);

// What `downgrade SPEC` reverts, newest first: the N newest recorded ("-N"),
// or the recorded revisions that are not ancestors of a revision (all for
// base). "-N" with fewer than N recorded fails with exit 2, saying how many.
std::vector<std::size_t> select_downgrade(const Project& project, const history::State& state,
                                          const std::string& spec);

}  // namespace migrac::cli
