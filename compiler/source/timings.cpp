#include "compiler/source/timings.h"

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace migrac {

namespace {

using Clock = std::chrono::steady_clock;

// The first phase starts with the program (static initialization).
Clock::time_point last = Clock::now();

// Whether marks print, read once.
bool enabled() {
  static const bool on = std::getenv("MIGRAC_TIMINGS") != nullptr;
  return on;
}

}  // namespace

void timing_mark(const char* name) {
  if (!enabled()) return;
  // The last phase: from the last mark to the end of the process's teardown.
  static const bool at_exit = std::atexit([] { timing_mark("exit"); }) == 0;
  (void)at_exit;
  Clock::time_point now = Clock::now();
  struct mallinfo2 heap = mallinfo2();
  double ms = std::chrono::duration<double, std::milli>(now - last).count();
  double mb = static_cast<double>(heap.uordblks + heap.hblkhd) / (1024.0 * 1024.0);
  std::fprintf(stderr, "timing %-10s %8.1f ms  heap %6.1f MB\n", name, ms, mb);
  last = now;
}

}  // namespace migrac
