// small_objects: per-thread free lists of size classes, carved from pages of
// one reserved region (small_objects.h).
#include "runtime/alloc/small_objects.h"

#include <sys/mman.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <mutex>

namespace migrac::alloc {
namespace {

// Class c < kFine holds blocks of c * kGrain bytes (class 0 is unused);
// above kFineLargest, each doubling of the size has kSteps classes, evenly
// spaced (so that a block wastes at most a fifth of itself).
constexpr std::size_t kGrain = 16;
constexpr std::size_t kFineLargest = 512;
constexpr std::size_t kFine = kFineLargest / kGrain + 1;
constexpr std::size_t kSteps = 4;
constexpr std::size_t kDoublings = 5;  // 512 -> 16 KiB
static_assert(kFineLargest << kDoublings == kLargestSmall);
constexpr std::size_t kClasses = kFine + kDoublings * kSteps;
constexpr std::size_t kPageShift = 16;  // 64 KiB pages, one class each
constexpr std::size_t kPage = std::size_t{1} << kPageShift;
constexpr std::size_t kRegion = std::size_t{4} << 30;  // 4 GiB of address space
constexpr std::size_t kPages = kRegion / kPage;
constexpr std::size_t kSlice = std::size_t{8} << 20;  // made usable 8 MiB at a time

// The block size of each class.
constexpr auto kSizes = [] {
  std::array<std::size_t, kClasses> sizes{};
  for (std::size_t c = 1; c < kFine; ++c) sizes[c] = c * kGrain;
  for (std::size_t d = 0; d < kDoublings; ++d)
    for (std::size_t k = 1; k <= kSteps; ++k)
      sizes[kFine + d * kSteps + k - 1] = (kFineLargest << d) + k * ((kFineLargest << d) / kSteps);
  return sizes;
}();
static_assert(kSizes[kClasses - 1] == kLargestSmall);

// A thread that holds this many free blocks of a class (32 KiB of them, or
// 8 blocks) hands them to the pool: when one thread frees what another
// allocates (the checker's changes, freed by the planner), the memory goes
// round instead of piling up on the freeing thread.
constexpr std::size_t kHandOverBytes = std::size_t{32} << 10;
constexpr auto kHandOver = [] {
  std::array<std::size_t, kClasses> limits{};
  for (std::size_t c = 1; c < kClasses; ++c)
    limits[c] = std::max<std::size_t>(8, kHandOverBytes / kSizes[c]);
  return limits;
}();

// The smallest class whose blocks hold n bytes (n <= kLargestSmall).
std::size_t class_of(std::size_t n) {
  if (n <= kFineLargest) return n == 0 ? 1 : (n + kGrain - 1) / kGrain;
  std::size_t half = std::bit_floor(n - 1);  // kFineLargest << d < n <= 2 * half
  std::size_t d = static_cast<std::size_t>(std::countr_zero(half / kFineLargest));
  std::size_t step = half / kSteps;
  return kFine + d * kSteps + (n - half + step - 1) / step - 1;
}

// A free block: the next one of its list in its first bytes.
struct Block {
  Block* next;
};

// The region. Written once, by the first allocation (before main, on one
// thread); relaxed atomics so that release() reads them without a lock.
std::atomic<std::uintptr_t> g_base{0};
std::atomic<std::size_t> g_size{0};  // 0 while there is no region
std::atomic<std::size_t> g_next_page{0};
std::mutex g_grow_mutex;
std::uintptr_t g_usable = 0;  // the end of the part made usable (under g_grow_mutex)
// The class of each page, written by the thread that takes the page before
// any of its blocks is handed out.
std::uint8_t g_class[kPages];

// A free list: its first block, while it has one its last, and its length.
struct List {
  Block* head;
  Block* last;
  std::size_t count;
};

// The unused rest of a page that a thread was carving when it ended, kept
// in its own first bytes.
struct Spare {
  Spare* next;
  std::uintptr_t end;
};

// The free lists of threads that have ended, and those that threads freeing
// more than they allocate have handed over; the rests of the pages that
// ended threads were carving (a short-lived thread, a reader of the loader,
// leaves one of each class it used).
std::mutex g_pool_mutex;
List g_pool[kClasses];
Spare* g_spare[kClasses];

// One thread's free lists and the unused rest of its current page of each
// class. Trivial, so that reaching it costs no TLS guard.
struct Cache {
  Block* free[kClasses];
  Block* last[kClasses];        // the last block of free[c], while it has one
  std::size_t count[kClasses];  // the length of free[c]
  std::uintptr_t bump[kClasses];
  std::uintptr_t end[kClasses];
  bool reaper_armed;  // t_reaper is made (so that its destructor runs at exit)
};
thread_local Cache t_cache;

// Moves the thread's free list of class c to the pool (under g_pool_mutex).
void give(Cache& t, std::size_t c) {
  t.last[c]->next = g_pool[c].head;
  if (!g_pool[c].head) g_pool[c].last = t.last[c];
  g_pool[c].head = t.free[c];
  g_pool[c].count += t.count[c];
  t.free[c] = nullptr;
  t.count[c] = 0;
}

// At a thread's exit, moves its free lists and the rests of its pages to the
// pool. Made by the thread's first refill (setting `armed` is what makes it),
// not on every allocation.
struct Reaper {
  bool armed = false;
  ~Reaper() {
    std::lock_guard lock(g_pool_mutex);
    Cache& t = t_cache;
    for (std::size_t c = 1; c < kClasses; ++c) {
      if (t.free[c]) give(t, c);
      if (t.end[c] - t.bump[c] >= kSizes[c]) {
        auto* spare = reinterpret_cast<Spare*>(t.bump[c]);
        *spare = Spare{g_spare[c], t.end[c]};
        g_spare[c] = spare;
      }
      t.bump[c] = t.end[c] = 0;
    }
  }
};
thread_local Reaper t_reaper;

// Reserves the region, unless the address-space limit is too tight to spare it.
bool reserve() {
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      limit.rlim_cur / 4 < kRegion)
    return false;
  void* mapped = mmap(nullptr, kRegion, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1,
                      0);
  if (mapped == MAP_FAILED) return false;
  // Backed by 4 KiB pages, not by huge pages, even where transparent_hugepage
  // is "always": a huge page is cheap only while the system has one at hand.
  // Where freed memory goes back to a virtual machine's host, a process that
  // starts after a few idle seconds pays 0.7-2.7 ms per MiB of fresh huge
  // pages (the host backs them anew; a compile's were a third of its time)
  // and 0.3-0.4 ms per MiB of 4 KiB pages; only back to back are huge pages
  // cheaper (bench/bench_pages.py).
  madvise(mapped, kRegion, MADV_NOHUGEPAGE);
  auto base = reinterpret_cast<std::uintptr_t>(mapped);
  g_base.store(base, std::memory_order_relaxed);
  g_usable = base;
  g_size.store(kRegion, std::memory_order_relaxed);
  return true;
}

// A fresh page for class c, or 0 when the region is missing or used up.
std::uintptr_t take_page(std::size_t c) {
  static const bool reserved = reserve();
  if (!reserved) return 0;
  std::size_t index = g_next_page.fetch_add(1, std::memory_order_relaxed);
  if (index >= kPages) return 0;
  std::uintptr_t page = g_base.load(std::memory_order_relaxed) + index * kPage;
  {
    std::lock_guard lock(g_grow_mutex);
    while (page + kPage > g_usable) {
      if (mprotect(reinterpret_cast<void*>(g_usable), kSlice, PROT_READ | PROT_WRITE) != 0)
        return 0;
      g_usable += kSlice;
    }
  }
  g_class[index] = static_cast<std::uint8_t>(c);
  return page;
}

// A block of class c when the thread has none free and its page is used up:
// from the pool's free list, else from the rest of a page an ended thread
// left, else from a new page; nullptr when none has one.
void* refill(Cache& t, std::size_t c) {
  if (!t.reaper_armed) {
    t.reaper_armed = true;
    t_reaper.armed = true;
  }
  {
    std::lock_guard lock(g_pool_mutex);
    if (Block* b = g_pool[c].head) {
      t.free[c] = b->next;
      t.last[c] = g_pool[c].last;
      t.count[c] = g_pool[c].count - 1;
      g_pool[c] = List{};
      return b;
    }
    if (Spare* spare = g_spare[c]) {
      g_spare[c] = spare->next;
      t.bump[c] = reinterpret_cast<std::uintptr_t>(spare) + kSizes[c];
      t.end[c] = spare->end;
      return spare;
    }
  }
  std::uintptr_t page = take_page(c);
  if (page == 0) return nullptr;
  std::size_t size = kSizes[c];
  t.bump[c] = page + size;
  t.end[c] = page + kPage;
  return reinterpret_cast<void*>(page);
}

// p's offset in the region; the region's size or more when p lies outside it.
std::uintptr_t offset_in_region(const void* p) {
  return reinterpret_cast<std::uintptr_t>(p) - g_base.load(std::memory_order_relaxed);
}

}  // namespace

void* allocate(std::size_t n) noexcept {
  if (n > kLargestSmall) return std::malloc(n);
  std::size_t c = class_of(n);
  Cache& t = t_cache;
  if (Block* b = t.free[c]) {
    t.free[c] = b->next;
    --t.count[c];
    return b;
  }
  std::size_t size = kSizes[c];
  if (t.end[c] - t.bump[c] >= size) {
    void* p = reinterpret_cast<void*>(t.bump[c]);
    t.bump[c] += size;
    return p;
  }
  if (void* p = refill(t, c)) return p;
  return std::malloc(n);
}

void release(void* p) noexcept {
  std::uintptr_t offset = offset_in_region(p);
  if (offset >= g_size.load(std::memory_order_relaxed)) {
    std::free(p);
    return;
  }
  std::size_t c = g_class[offset >> kPageShift];
  Block* b = static_cast<Block*>(p);
  Cache& t = t_cache;
  if (!t.free[c]) t.last[c] = b;
  b->next = t.free[c];
  t.free[c] = b;
  if (++t.count[c] >= kHandOver[c]) {
    std::lock_guard lock(g_pool_mutex);
    give(t, c);
  }
}

bool is_small(const void* p) noexcept {
  return offset_in_region(p) < g_size.load(std::memory_order_relaxed);
}

}  // namespace migrac::alloc
