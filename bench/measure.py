"""Run one command and report its wall time and peak memory.

    python bench/measure.py REPORT.json -- COMMAND [ARG...]

A fresh wrapper process per measured command, with a single child: after ``wait``,
``getrusage(RUSAGE_CHILDREN).ru_maxrss`` is exactly the peak resident set size of that child
(or of the largest of its own waited-for children), which a long-lived parent measuring
several commands in a row cannot tell apart. A build also has worker processes (images,
social cards): on Linux the wrapper adds up the resident memory of the command and all its
descendants every 20 ms, and the peak reported is the larger of the two figures. The
command's output goes where the wrapper's goes; the report is JSON: ``{"seconds",
"cpu_seconds", "peak_bytes", "returncode"}`` (CPU = user + system time of the command and its
workers, less sensitive than wall time to other load on the machine).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc; 0 elsewhere)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii", errors="replace") as status:
                total += next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    stack.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return total


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    report, command = argv[0], argv[2:]
    started = time.perf_counter()
    process = subprocess.Popen(command)
    tree_peak = 0
    while process.poll() is None:
        tree_peak = max(tree_peak, tree_rss(process.pid))
        time.sleep(0.02)
    returncode = process.returncode
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = usage.ru_maxrss
    peak_bytes = peak if sys.platform == "darwin" else peak * 1024  # KiB on Linux, bytes on macOS
    peak_bytes = max(peak_bytes, tree_peak)
    with open(report, "w", encoding="utf-8") as handle:
        json.dump({"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_bytes": peak_bytes,
                   "returncode": returncode}, handle)
    return returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
