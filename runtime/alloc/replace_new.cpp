// The global operator new and delete of the migrac executable (and of the unit
// tests): small objects from alloc/small_objects.h, larger ones from malloc.
// Not in the sanitizer build, whose own allocator checks every block.
#include <new>

#include "runtime/alloc/small_objects.h"

namespace {

// As the standard operator new: calls the new-handler until memory comes or
// there is no handler, then throws.
void* allocate_or_throw(std::size_t n) {
  for (;;) {
    if (void* p = migrac::alloc::allocate(n)) return p;
    std::new_handler handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}

void* allocate_or_null(std::size_t n) noexcept {
  try {
    return allocate_or_throw(n);
  } catch (...) {
    return nullptr;
  }
}

}  // namespace

void* operator new(std::size_t n) { return allocate_or_throw(n); }
void* operator new[](std::size_t n) { return allocate_or_throw(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate_or_null(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate_or_null(n); }
void operator delete(void* p) noexcept { migrac::alloc::release(p); }
void operator delete[](void* p) noexcept { migrac::alloc::release(p); }
void operator delete(void* p, std::size_t) noexcept { migrac::alloc::release(p); }
void operator delete[](void* p, std::size_t) noexcept { migrac::alloc::release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { migrac::alloc::release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { migrac::alloc::release(p); }
