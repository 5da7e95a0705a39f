#include "compiler/source/timings.h"

#include <sys/resource.h>
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

// The CPU time of all the process's threads so far (user and system), in ms.
double cpu_ms() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  auto ms = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_usec) / 1000.0;
  };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
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
  static double last_cpu = 0;
  Clock::time_point now = Clock::now();
  double cpu = cpu_ms();
  double ms = std::chrono::duration<double, std::milli>(now - last).count();
  std::fprintf(stderr, "timing %-10s %8.1f ms  cpu %8.1f ms  resident %6.1f MB\n", name, ms,
               cpu - last_cpu, resident_mb());
  last = now;
  last_cpu = cpu;
}

}  // namespace migrac
