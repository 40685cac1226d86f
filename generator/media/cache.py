"""The build's cache: files named by the hash of everything they are made from, kept between builds.

Image variants, social cards and posters share one life cycle. A page (or the print kit) asks
for an entry; when the cache lacks it, worker processes start making it into the cache while
the pages render. At the end each entry is placed into the output from the cache (a hard link,
no copy); what is still missing then (no workers, a worker killed) is made in this process and
stored. A file reaches the cache whole or not at all (``write_file``): a build that was killed
leaves no half file that a later build would publish."""

from __future__ import annotations

import hashlib
import json
import shutil
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from ..output import place as _link, write_file
from .workers import Workers, done

CACHE_DIR = ".territoire-cache"  # images, social cards, posters, pages and templates, by content hash

# Makes an entry's files, by their name in the cache, from what a page asked for. Run in a
# worker process, it must pickle: a module-level function, a partial of one, or a bound
# method of an object that pickles.
Make = Callable[[Any], Mapping[str, bytes]]


def cache_dir(project: Path) -> Path:
    return Path(project) / CACHE_DIR


def content_hash(*parts, sort_keys: bool = False) -> str:
    """The hash that names an entry. ``sort_keys`` only because posters were named with it and
    social cards without: either way a dict's key order is fixed by the code, and dropping the
    difference would make every cached file anew once."""
    return hashlib.sha256(json.dumps(parts, sort_keys=sort_keys, default=str).encode()).hexdigest()


def file_hash(path: Path | None) -> str | None:
    if path is None or not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


class MediaCache:
    """One folder of entries (``.territoire-cache/images``...), or none: every entry made when placed.

    ``batch``: entries per worker task, so that many small ones (social cards) cost one
    message between processes, not one each."""

    def __init__(self, folder: Path | None, make: Make, workers: Workers | None = None, batch: int = 1):
        self.folder = Path(folder) if folder else None
        self.make = make
        self.workers = workers if self.folder else None  # workers make entries into the folder only
        self.batch = batch
        self._asked: set[tuple[str, ...]] = set()
        self._queue: list = []
        self._making: list[Future] = []

    def has(self, names: Iterable[str]) -> bool:
        return self.folder is not None and all((self.folder / name).is_file() for name in names)

    def ask(self, item, names: Iterable[str]) -> None:
        """The entry ``make(item)``, whose files are ``names``, will be placed: when missing, the
        workers start making it now rather than when the output is written."""
        names = tuple(names)
        if self.workers is None or names in self._asked:
            return
        self._asked.add(names)
        if not self.has(names):
            self._queue.append(item)
            if len(self._queue) >= self.batch:
                self.flush()

    def flush(self) -> None:
        """Hand the entries asked for so far to the workers."""
        if self._queue:
            self._making.append(self.workers.submit(_make_into, self.folder, self.make, self._queue))
            self._queue = []

    def wait(self) -> int:
        """Once the workers are done: how many entries they made (none for a worker that died,
        whose entries ``place`` then makes)."""
        self.flush()
        made = sum(done(future) for future in self._making)
        self._making = []
        return made

    def place(self, item, targets: Mapping[str, Path], link: bool = True) -> bool:
        """Put the entry's files at ``targets`` (name in the cache → path in the output); True
        when it had to be made here. ``link=False`` copies: for files people take away and may
        edit in place (the print kit), which must not change the cache with them."""
        made = not self.has(targets)
        if made:
            files = self.make(item)
            if self.folder is None:
                for name, target in targets.items():
                    write_file(target, files[name])
                return True
            for name in targets:
                write_file(self.folder / name, files[name])
        for name, target in targets.items():
            if link:
                _link(self.folder / name, target)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(self.folder / name, target)
        return made


def _make_into(folder: Path, make: Make, items: list) -> int:
    """In a worker: entries straight into the cache; how many."""
    for item in items:
        for name, data in make(item).items():
            write_file(folder / name, data)
    return len(items)
