#pragma once
// Phase timings for measuring the compiler: with MIGRAC_TIMINGS set in the
// environment, each mark prints to stderr the wall time since the previous
// mark (the first: since the program started; a last "exit" line: the
// teardown after the last mark) and the heap the main allocator holds, e.g.
//   timing parse       212.4 ms  heap 31.1 MB
// Without it a mark costs one branch. The benchmark scripts read these lines
// to say where a run's time goes.

namespace migrac {

// Ends the phase `name` (a string literal).
void timing_mark(const char* name);

}  // namespace migrac
