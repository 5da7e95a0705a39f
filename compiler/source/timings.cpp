#include "compiler/source/timings.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace migrac {

namespace {

using Clock = std::chrono::steady_clock;

// The first phase starts with the program (static initialization).
Clock::time_point last = Clock::now();

// The process's resident memory in MB (from /proc/self/statm; 0 where
// there is none). Not the C library's heap figures: most of the compiler's
// small objects come from the executable's own allocator.
double resident_mb() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long size = 0, resident = 0;
  int read = std::fscanf(f, "%lu %lu", &size, &resident);
  std::fclose(f);
  if (read != 2) return 0;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) /
         (1024.0 * 1024.0);
}

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
  double ms = std::chrono::duration<double, std::milli>(now - last).count();
  std::fprintf(stderr, "timing %-10s %8.1f ms  resident %6.1f MB\n", name, ms, resident_mb());
  last = now;
}

}  // namespace migrac
