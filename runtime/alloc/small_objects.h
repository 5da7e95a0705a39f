#pragma once
// Small objects: the allocator behind the migrac executable's operator new
// (replace_new.cpp). A compile makes and frees hundreds of thousands of small
// objects (parse-tree nodes, tokens, AST strings and vectors), many on one
// thread and freed on another; the C library's allocator spends a quarter of
// the compiler's instructions on them. Here a block of up to kLargestSmall
// bytes comes from a per-thread free list of its size class, or is carved
// from a page of that class; a freed block goes onto the freeing thread's
// list. No lock is taken on either path.
//
// The pages lie in one region of address space reserved at the first
// allocation (PROT_NONE, made usable a slice at a time), so that release()
// knows a block by its address alone: a pointer outside the region came from
// the C library and goes back to it. Each page holds blocks of one class; a
// table says which. When the region cannot be reserved or is used up,
// everything goes to malloc. Pages are never given back to the system: the
// process reuses them (a compile's peak is its high-water mark anyway).
//
// A thread's free lists outlive it: at its exit they go to a shared pool
// that threads take from before carving new pages.

#include <cstddef>

namespace migrac::alloc {

// Blocks of up to this many bytes are small; larger ones go to malloc.
inline constexpr std::size_t kLargestSmall = 512;

// A block of at least n bytes, aligned to 16, or nullptr when out of memory.
void* allocate(std::size_t n) noexcept;

// Gives back a block from allocate() or from malloc (or nullptr: nothing).
void release(void* p) noexcept;

// Whether p lies in the small-object region (for tests).
bool is_small(const void* p) noexcept;

}  // namespace migrac::alloc
