#!/usr/bin/env python3
"""What a process's fresh memory costs: 4 KiB pages beside huge pages.

    bench/bench_pages.py [MIB] [RUNS] [IDLE_SECONDS]

Maps MIB MiB (default 64) of anonymous memory, asks for 4 KiB pages
(MADV_NOHUGEPAGE) or huge pages (MADV_HUGEPAGE), and writes one byte in each
4 KiB, timing the writes (the page faults and the kernel's clearing of the
pages); then unmaps it. Each kind is measured back to back (right after the
previous mapping was given back) and after IDLE_SECONDS (default 5) with
nothing running, as a compile run after another tool meets the machine.
Prints the median ms per MiB of RUNS runs (default 5) of each.

The small-object allocator (runtime/alloc) takes 4 KiB pages because of
what this prints on a virtual machine that gives freed memory back to its
host: there a fresh huge page costs several times a 4 KiB one once the
machine has been idle, while back to back it costs less.
"""
import mmap
import statistics
import sys
import time

PAGE = 4096


def touch_ms_per_mib(mib: int, huge: bool) -> float:
    size = mib << 20
    m = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    m.madvise(mmap.MADV_HUGEPAGE if huge else mmap.MADV_NOHUGEPAGE)
    start = time.perf_counter()
    for offset in range(0, size, PAGE):
        m[offset] = 1
    elapsed = time.perf_counter() - start
    m.close()
    return elapsed * 1000 / mib


def main() -> int:
    mib = int(sys.argv[1]) if len(sys.argv) > 1 else 64
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    idle = float(sys.argv[3]) if len(sys.argv) > 3 else 5.0
    # The loop's own cost, on memory already backed: subtracted from each figure.
    warm = mmap.mmap(-1, mib << 20, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    for offset in range(0, mib << 20, PAGE):
        warm[offset] = 1
    start = time.perf_counter()
    for offset in range(0, mib << 20, PAGE):
        warm[offset] = 2
    loop = (time.perf_counter() - start) * 1000 / mib
    warm.close()
    results = {}
    for huge in (False, True):
        for after_idle in (False, True):
            figures = []
            for _ in range(runs):
                if after_idle:
                    time.sleep(idle)
                else:
                    touch_ms_per_mib(mib, huge)  # the previous mapping, just given back
                figures.append(touch_ms_per_mib(mib, huge) - loop)
            results[(huge, after_idle)] = statistics.median(figures)
    print(f"fresh anonymous memory, {mib} MiB written a byte per 4 KiB "
          f"(median of {runs} runs, ms per MiB)\n")
    print(f"| pages | back to back | after {idle:g} s idle |")
    print("|---|---:|---:|")
    for huge in (False, True):
        name = "huge (MADV_HUGEPAGE)" if huge else "4 KiB (MADV_NOHUGEPAGE)"
        print(f"| {name} | {results[(huge, False)]:.2f} | {results[(huge, True)]:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
