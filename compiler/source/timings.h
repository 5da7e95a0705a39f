#pragma once
// Phase timings for measuring the compiler: with MIGRAC_TIMINGS set in the
// environment, each mark prints to stderr the wall time since the previous
// mark (the first: since the program started; a last "exit" line: the
// teardown after the last mark), the CPU time all threads spent in it (more
// than the wall time when the phase runs in parallel) and the resident
// memory after it, e.g.
//   timing parse          59.9 ms  cpu    115.2 ms  resident   40.9 MB
// Without it a mark costs one branch. The benchmark scripts read these lines
// to say where a run's time goes.

namespace migrac {

// Ends the phase `name` (a string literal).
void timing_mark(const char* name);

}  // namespace migrac
