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

// Up: the revisions after FROM (default base) up to TO, in order; TO "heads"
// is every head. Down: those
// after TO up to FROM (default head), newest first. Fails as resolve_revision.
std::vector<std::size_t> select_range(const Project& project, const std::string& spec, bool down);

// select_range for an offline script, which has no database to count from:
// a relative target ("+N", "-N") fails with exit 2.
std::vector<std::size_t> offline_range(const Project& project, const std::string& spec, bool down);

// Whether the range, by its spelling, covers every migration: an upgrade
// from base to "head" or "heads", a downgrade from "head" to base.
bool range_is_whole(const std::string& spec, bool down);

// Whether an upgrade range ends at the end of the history ("head", "heads",
// or the id of the only head): the Flyway repeatables run after it.
bool range_reaches_end(const Project& project, const std::string& spec);

// Fails with exit 1 when `spec` targets "head" ([FROM:]head) and the history
// has several heads, naming them and saying "VERB heads" / "VERB REV".
void refuse_head_of_several(const Project& project, const std::string& spec,
                            const std::string& verb);

// The descendants of `rev` (not `rev` itself), in graph order.
std::vector<std::size_t> descendants(const RevisionGraph& graph, std::size_t rev);

// What `upgrade SPEC` applies, in graph order: the first N pending ("+N"),
// every pending one ("heads"), the pending ancestors of a revision (and the
// revision), nothing for base; on any number of heads. "+N" with fewer than N
// pending fails with exit 2, saying how many there are, and so does "+N" with
// several heads unless the pending migrations are one line; "head" with
// several heads fails as refuse_head_of_several.
std::vector<std::size_t> select_upgrade(const Project& project, const history::State& state,
                                        const std::string& spec);

// What `downgrade SPEC` reverts, newest first: the N newest recorded ("-N"),
// the recorded descendants of a revision (not the revision itself; records on
// other branches stay), or all recorded ones for base. "-N" with fewer than N
// recorded fails with exit 2, saying how many, and so does "-N" with several
// applied heads unless those N are one line.
std::vector<std::size_t> select_downgrade(const Project& project, const history::State& state,
                                          const std::string& spec);

}  // namespace migrac::cli
