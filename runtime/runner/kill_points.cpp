#include "runtime/runner/kill_points.h"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>

namespace migrac::runner {

namespace {

// The hook's settings, read once from the environment.
struct Hook {
  long kill_at = 0;
  long delay_ms = 0;
  std::string kill_label;
  std::string log_path;
  long reached = 0;

  Hook() {
    if (const char* v = std::getenv("MIGRAC_TEST_KILL_AT")) kill_at = std::atol(v);
    if (const char* v = std::getenv("MIGRAC_TEST_KILL_DELAY_MS")) delay_ms = std::atol(v);
    if (const char* v = std::getenv("MIGRAC_TEST_KILL_AT_LABEL")) kill_label = v;
    if (const char* v = std::getenv("MIGRAC_TEST_POINTS")) log_path = v;
  }
  bool enabled() const { return kill_at > 0 || !kill_label.empty() || !log_path.empty(); }
};

Hook& hook() {
  static Hook h;
  return h;
}

}  // namespace

bool kill_points_enabled() { return hook().enabled(); }

void kill_point(std::string_view label) {
  Hook& h = hook();
  if (!h.enabled()) return;
  ++h.reached;
  if (!h.log_path.empty()) {
    std::ofstream log(h.log_path, std::ios::app);
    log << h.reached << ' ' << label << '\n';
  }
  bool hit = h.reached == h.kill_at ||
             (!h.kill_label.empty() && label.find(h.kill_label) != std::string_view::npos);
  if (!hit) return;
  if (h.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(h.delay_ms));
  ::kill(::getpid(), SIGKILL);
}

}  // namespace migrac::runner
