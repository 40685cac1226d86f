"""Run one command and report its wall time and peak memory.

    python bench/measure.py REPORT.json -- COMMAND [ARG...]

A fresh wrapper process per measured command, with a single child: after ``wait``,
``getrusage(RUSAGE_CHILDREN).ru_maxrss`` is exactly the peak resident set size of that child
(or of the largest of its own waited-for children), which a long-lived parent measuring
several commands in a row cannot tell apart. The command's output goes where the wrapper's
goes; the report is JSON: ``{"seconds", "cpu_seconds", "peak_bytes", "returncode"}`` (CPU = user +
system time of the command, less sensitive than wall time to other load on the machine).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    report, command = argv[0], argv[2:]
    started = time.perf_counter()
    returncode = subprocess.call(command)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = usage.ru_maxrss
    peak_bytes = peak if sys.platform == "darwin" else peak * 1024  # KiB on Linux, bytes on macOS
    with open(report, "w", encoding="utf-8") as handle:
        json.dump({"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_bytes": peak_bytes,
                   "returncode": returncode}, handle)
    return returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
