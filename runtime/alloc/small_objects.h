#pragma once
// Small objects: the allocator behind the migrac executable's operator new
// (replace_new.cpp). A compile makes and frees hundreds of thousands of small
// objects (parse-tree nodes, tokens, AST strings and vectors, table
// snapshots, planned statements), many on one thread and freed on another;
// the C library's allocator spends a quarter of the compiler's instructions
// on them. Here a block of up to kLargestSmall bytes comes from a per-thread
// free list of its size class (16-byte steps up to 512 bytes, then four
// classes per doubling), or is carved from a page of that class; a freed
// block goes onto the freeing thread's list. Neither path takes a lock,
// except to hand a long free list over (below).
//
// The pages lie in one region of address space reserved at the first
// allocation (PROT_NONE, made usable a slice at a time, 4 KiB pages), so
// that release() knows a block by its address alone: a pointer outside the
// region came from the C library and goes back to it. Each page holds blocks
// of one class; a table says which. When the region cannot be reserved or is used up,
// everything goes to malloc. Pages are never given back to the system: the
// process reuses them (a compile's peak is its high-water mark anyway).
//
// Free blocks go round through a shared pool, which threads take from before
// carving new pages: a thread's free lists and the rests of the pages it was
// carving go there at its exit, and a list that grows past 32 KiB goes there
// at once (so that a thread that frees what another allocates does not
// hoard it).

#include <cstddef>

namespace migrac::alloc {

// Blocks of up to this many bytes are small; larger ones go to malloc.
inline constexpr std::size_t kLargestSmall = 16384;

// A block of at least n bytes, aligned to 16, or nullptr when out of memory.
void* allocate(std::size_t n) noexcept;

// Gives back a block from allocate() or from malloc (or nullptr: nothing).
void release(void* p) noexcept;

// Whether p lies in the small-object region (for tests).
bool is_small(const void* p) noexcept;

}  // namespace migrac::alloc
