"""Worker processes for the image work of a build (responsive variants, social cards).

The engine renders pages on one core; a 2,400-offer site also needs about 6 s of CPU for its
images (bench/README.md). Workers draw them into the cache at low priority while the pages
render, so the rendering keeps its core and the images take whatever CPU is left."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

MAX_WORKERS = 4


def _lower_priority() -> None:
    if hasattr(os, "nice"):
        os.nice(10)


def _cores() -> int:
    """The cores this process may use (fewer than the machine's under taskset or a CI runner)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Workers:
    """A pool started on the first task, or the caller's own process when there is one core."""

    def __init__(self, max_workers: int | None = None):
        self.max_workers = max_workers or min(MAX_WORKERS, _cores())
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, fn, *args) -> Future:
        if self._pool is None and self.max_workers > 1:
            try:
                # spawn, not fork: the preview server has threads, and fork is gone from macOS
                self._pool = ProcessPoolExecutor(self.max_workers, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_lower_priority)
            except (OSError, NotImplementedError):  # no semaphores (some sandboxes): work inline
                self.max_workers = 1
        if self._pool is not None:
            try:
                return self._pool.submit(fn, *args)
            except BrokenProcessPool:  # a worker was killed (out of memory...): go on without them
                self.close(cancel=True)
                self.max_workers = 1
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except Exception as err:  # noqa: BLE001 - raised by result(), as a worker's error would be
            future.set_exception(err)
        return future

    def close(self, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=cancel)
            self._pool = None

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(cancel=exc_type is not None)


def done(future: Future) -> int:
    """A task's result (how many files it made); 0 if the pool died: the caller makes them itself."""
    try:
        return future.result()
    except BrokenProcessPool:
        return 0
