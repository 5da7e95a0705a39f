#!/usr/bin/env python3
"""Runs one command and prints its wall time in seconds and peak RSS in KiB.

    timed_run.py DIR OUT ERR CMD...

The command runs in DIR with stdout to OUT and stderr to ERR. The clock
starts just before the fork and stops when wait4 returns, so neither this
interpreter's start nor a shell's is counted (the benchmarks compare whole
processes, from exec to exit); the peak RSS is the child's, from wait4.
Exits with the command's status.
"""
import os
import sys
import time


def main() -> int:
    directory, out, err, *cmd = sys.argv[1:]
    out_fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err_fd = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(directory)
            os.dup2(out_fd, 1)
            os.dup2(err_fd, 2)
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    print(f"{wall:.4f} {usage.ru_maxrss}")
    return os.waitstatus_to_exitcode(status) & 0xFF


if __name__ == "__main__":
    sys.exit(main())
