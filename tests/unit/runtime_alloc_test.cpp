// The small-object allocator: classes, alignment, reuse, blocks freed on
// another thread, free lists and page rests of ended threads, and blocks
// that stay intact under threads that allocate and free at once.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "runtime/alloc/small_objects.h"

using namespace migrac;

namespace {

bool aligned16(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % 16 == 0; }

// Fills a block of n bytes with a byte made of seed, and checks it.
void fill(void* p, std::size_t n, unsigned seed) {
  std::memset(p, static_cast<int>(seed & 0xff), n);
}
bool intact(const void* p, std::size_t n, unsigned seed) {
  const auto* b = static_cast<const unsigned char*>(p);
  for (std::size_t i = 0; i < n; ++i)
    if (b[i] != (seed & 0xff)) return false;
  return true;
}

}  // namespace

TEST_CASE("small blocks come from the region, aligned, and large ones from malloc", "[alloc]") {
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{15}, std::size_t{16},
                        std::size_t{17}, std::size_t{100}, std::size_t{512}, std::size_t{513},
                        std::size_t{1000}, std::size_t{4097}, alloc::kLargestSmall}) {
    void* p = alloc::allocate(n);
    REQUIRE(p != nullptr);
    CHECK(aligned16(p));
    CHECK(alloc::is_small(p));
    fill(p, n, 7);
    CHECK(intact(p, n, 7));
    alloc::release(p);
  }
  void* big = alloc::allocate(alloc::kLargestSmall + 1);
  REQUIRE(big != nullptr);
  CHECK_FALSE(alloc::is_small(big));
  alloc::release(big);
  alloc::release(nullptr);  // nothing happens
}

TEST_CASE("a freed block is the next of its class on the same thread", "[alloc]") {
  void* a = alloc::allocate(40);
  alloc::release(a);
  void* again = alloc::allocate(48);  // 40 and 48 bytes are one class
  CHECK(again == a);
  void* b = alloc::allocate(40);
  CHECK(b != a);
  alloc::release(b);
  alloc::release(a);
}

TEST_CASE("above 512 bytes each doubling of the size has four classes", "[alloc]") {
  // 513 to 640 bytes are one class, 641 the next; 14337 to 16384 bytes are the largest.
  for (auto [low, high] : {std::pair<std::size_t, std::size_t>{513, 640},
                           std::pair<std::size_t, std::size_t>{14337, alloc::kLargestSmall}}) {
    void* a = alloc::allocate(low);
    alloc::release(a);
    void* again = alloc::allocate(high);
    CHECK(again == a);
    void* next = alloc::allocate(high + 1);
    CHECK(next != a);
    alloc::release(next);
    alloc::release(again);
  }
}

TEST_CASE("every size up to the largest small one gets a block that holds it", "[alloc]") {
  std::vector<std::pair<void*, std::size_t>> kept;
  for (std::size_t n = 1; n <= alloc::kLargestSmall; n += 1 + n / 16) {
    void* p = alloc::allocate(n);
    REQUIRE(p != nullptr);
    CHECK(alloc::is_small(p));
    fill(p, n, static_cast<unsigned>(n));
    kept.emplace_back(p, n);
  }
  bool all_intact = true;
  for (const auto& [p, n] : kept) all_intact = all_intact && intact(p, n, static_cast<unsigned>(n));
  CHECK(all_intact);
  for (const auto& [p, n] : kept) alloc::release(p);
}

TEST_CASE("blocks of one page do not overlap", "[alloc]") {
  // Small sizes of several classes, and every tenth one of the larger classes.
  auto size = [](unsigned i) -> std::size_t {
    return i % 10 == 9 ? 600 + (i % 9) * 1500 : 16 + (i % 7) * 24;
  };
  std::vector<void*> blocks;
  for (unsigned i = 0; i < 10000; ++i) {
    void* p = alloc::allocate(size(i));
    fill(p, size(i), i);
    blocks.push_back(p);
  }
  bool all_intact = true;
  for (unsigned i = 0; i < blocks.size(); ++i)
    all_intact = all_intact && intact(blocks[i], size(i), i);
  CHECK(all_intact);
  CHECK(std::set<void*>(blocks.begin(), blocks.end()).size() == blocks.size());
  for (void* p : blocks) alloc::release(p);
}

TEST_CASE("blocks freed on another thread are reused there", "[alloc]") {
  std::vector<void*> made;
  std::thread maker([&] {
    for (int i = 0; i < 5000; ++i) made.push_back(alloc::allocate(200));
  });
  maker.join();
  std::set<void*> theirs(made.begin(), made.end());
  for (void* p : made) alloc::release(p);
  void* again = alloc::allocate(200);
  CHECK(theirs.count(again) == 1);
  alloc::release(again);
}

TEST_CASE("the free lists of an ended thread go to the others", "[alloc]") {
  constexpr std::size_t kSize = 496;  // a class little else uses
  std::set<void*> theirs;
  std::thread t([&] {
    std::vector<void*> blocks;
    for (int i = 0; i < 2000; ++i) blocks.push_back(alloc::allocate(kSize));
    for (void* p : blocks) {
      theirs.insert(p);
      alloc::release(p);
    }
  });
  t.join();
  // This thread's own free blocks of the class come first, then the pool's.
  std::vector<void*> mine;
  bool reused = false;
  for (int i = 0; i < 100000 && !reused; ++i) {
    void* p = alloc::allocate(kSize);
    reused = theirs.count(p) == 1;
    mine.push_back(p);
  }
  CHECK(reused);
  for (void* p : mine) alloc::release(p);
}

TEST_CASE("the rest of the page an ended thread was carving goes to the others", "[alloc]") {
  constexpr std::size_t kSize = 5000;  // a class little else uses (4609 to 5120 bytes)
  constexpr std::size_t kBlock = 5120;
  void* theirs = nullptr;
  std::thread t([&] { theirs = alloc::allocate(kSize); });  // kept: on no free list
  t.join();
  // Blocks of the class come from this thread's free list, the pool's, then
  // the rests of pages; one of them follows `theirs` in its 64 KiB page (a
  // page of this thread's own would be another page: 64 KiB is no multiple
  // of the block size).
  const auto start = reinterpret_cast<std::uintptr_t>(theirs);
  std::vector<void*> mine;
  bool follows = false;
  for (int i = 0; i < 2000 && !follows; ++i) {
    mine.push_back(alloc::allocate(kSize));
    const auto at = reinterpret_cast<std::uintptr_t>(mine.back());
    follows = at > start && at - start < 65536 && (at - start) % kBlock == 0;
  }
  CHECK(follows);
  for (void* p : mine) alloc::release(p);
  alloc::release(theirs);
}

TEST_CASE("a thread that frees what another allocated hands the blocks back while it runs",
          "[alloc]") {
  constexpr std::size_t kSize = 1800;  // a class little else uses (1793 to 2048 bytes)
  std::vector<void*> made;
  for (int i = 0; i < 1000; ++i) made.push_back(alloc::allocate(kSize));
  const std::set<void*> ours(made.begin(), made.end());
  std::mutex m;
  std::condition_variable cv;
  bool freed = false, again = false;
  std::thread t([&] {
    for (void* p : made) alloc::release(p);
    std::unique_lock lock(m);
    freed = true;
    cv.notify_all();
    cv.wait(lock, [&] { return again; });  // alive until this thread has allocated again
  });
  {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return freed; });
  }
  // This thread's own free blocks of the class come first, then the pool's
  // (other tests' blocks, then the ones handed over).
  std::vector<void*> next;
  bool reused = false;
  for (int i = 0; i < 20000 && !reused; ++i) {
    next.push_back(alloc::allocate(kSize));
    reused = ours.count(next.back()) == 1;
  }
  {
    std::lock_guard lock(m);
    again = true;
  }
  cv.notify_all();
  t.join();
  CHECK(reused);
  for (void* p : next) alloc::release(p);
}

TEST_CASE("threads that allocate, hand over and free at once keep every block intact", "[alloc]") {
  constexpr int kThreads = 4;
  constexpr int kRounds = 20000;
  std::mutex mutex;
  std::vector<std::pair<void*, unsigned>> shared;  // blocks handed between threads, with their seed
  std::vector<int> broken(kThreads, 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < kThreads; ++t) {
    pool.emplace_back([&, t] {
      std::vector<std::pair<void*, unsigned>> own;
      unsigned seed = static_cast<unsigned>(t) * 7919u + 1;
      for (int r = 0; r < kRounds; ++r) {
        seed = seed * 1103515245u + 12345u;
        std::size_t n = (seed >> 8) % (alloc::kLargestSmall + 100);
        void* p = alloc::allocate(n);
        fill(p, n, seed);
        own.emplace_back(p, seed);
        if (own.size() > 64 || r + 1 == kRounds) {
          std::lock_guard lock(mutex);
          for (auto& block : own) shared.push_back(block);
          own.clear();
          // Free half of what any thread handed over.
          for (std::size_t i = 0; i < shared.size() / 2; ++i) {
            auto [q, s] = shared.back();
            shared.pop_back();
            if (!intact(q, (s >> 8) % (alloc::kLargestSmall + 100), s)) ++broken[t];
            alloc::release(q);
          }
        }
      }
    });
  }
  for (std::thread& t : pool) t.join();
  int total = 0;
  for (auto [q, s] : shared) {
    if (!intact(q, (s >> 8) % (alloc::kLargestSmall + 100), s)) ++total;
    alloc::release(q);
  }
  for (int b : broken) total += b;
  CHECK(total == 0);
}
