#pragma once
// A minimal parallel loop for the compiler's independent per-file and
// per-migration work (reading, parsing, planning).

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace migrac {

// Runs work(i) for every i < count on up to `threads` workers (0: one per
// core), each taking the next index; with fewer than `grain` items per worker,
// fewer workers. work(i) must only write to slot i of its outputs, so results
// do not depend on scheduling.
template <typename Work>
void parallel_for(std::size_t count, unsigned threads, std::size_t grain, Work work) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, (count + grain - 1) / grain));
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) work(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

}  // namespace migrac
