#pragma once
// A test-only hook for the crash-safety tests (tests/live/live_crash_safety.sh).
// The runner calls kill_point() at every place where an interruption matters:
// before and after each statement, after a statement is sent and before its
// result arrives, before and after each commit, between backfill batches; a
// transactional segment sent in one round trip has "before batch", "sent
// batch" (the server may be anywhere inside it) and "after batch".
//
//   MIGRAC_TEST_KILL_AT=N        the process kills itself with SIGKILL at the
//                                Nth point it reaches (1-based)
//   MIGRAC_TEST_KILL_AT_LABEL=S  ... at the first point whose label contains S
//                                (labels: "<id> up seg 2/5 autocommit: sent stmt 3 (CREATE ...)")
//   MIGRAC_TEST_KILL_DELAY_MS=M  wait M ms first (at a "sent" point: the server
//                                is then inside the statement)
//   MIGRAC_TEST_POINTS=FILE      append "N label" for every point reached
//
// Without these variables a point costs one branch.

#include <string_view>

namespace migrac::runner {

void kill_point(std::string_view label);

// Whether any hook is configured (so callers can skip building labels).
bool kill_points_enabled();

}  // namespace migrac::runner
