#include "runtime/runner/run_lock.h"

#include <chrono>
#include <iostream>
#include <random>
#include <thread>

#include <fmt/format.h>

namespace migrac::runner {

LockOutcome acquire_run_lock(db::Driver& db, std::int64_t key, std::int64_t wait_ms, bool quiet,
                             std::string& message) {
  using Clock = std::chrono::steady_clock;
  auto deadline = Clock::now() + std::chrono::milliseconds(wait_ms);
  std::minstd_rand jitter(static_cast<unsigned>(Clock::now().time_since_epoch().count()));
  bool announced = false;
  std::string holder;
  for (;;) {
    bool taken = false;
    db::Result r = db.try_run_lock(key, taken);
    if (!r.ok()) {
      message = fmt::format("cannot take the migration lock: {}", r.error->one_line());
      return LockOutcome::Failed;
    }
    if (taken) return LockOutcome::Taken;
    if (!announced || holder.empty()) {
      db::LockHolder h = db.run_lock_holder(key);
      if (h.held) holder = h.who;
    }
    if (Clock::now() >= deadline) {
      message = fmt::format(
          "another runner is applying migrations to this database{}; gave up waiting after {} s",
          holder.empty() ? "" : " (" + holder + ")", static_cast<double>(wait_ms) / 1000.0);
      return LockOutcome::TimedOut;
    }
    if (!announced && !quiet) {
      std::cerr << fmt::format(
          "migrac: another runner holds the migration lock{}; waiting up to {} s\n",
          holder.empty() ? "" : " (" + holder + ")", static_cast<double>(wait_ms) / 1000.0);
      announced = true;
    }
    auto pause = std::chrono::milliseconds(100 + static_cast<long>(jitter() % 100));
    std::this_thread::sleep_for(std::min<Clock::duration>(pause, deadline - Clock::now() +
                                                                     std::chrono::milliseconds(1)));
  }
}

}  // namespace migrac::runner
