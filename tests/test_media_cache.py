"""The build's cache of made files (image variants, social cards, posters): made once, by the
workers when there are some, reused, never half written, and made by the build itself when a
worker dies."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.build import build
from generator.codes.print_kit import make_print_kit
from generator.media.cache import CACHE_DIR, MediaCache, cache_dir
from generator.media.workers import Workers

from project_factory import make_project


# Run in worker processes too: module-level, so that they pickle. An item is
# (log file, entry name, size, the test's process id, what to do in a worker).
def make_entry(item) -> dict[str, bytes]:
    log, name, size, main_pid, in_worker = item
    with open(log, "a", encoding="utf-8") as handle:  # one line per entry made, by any process
        handle.write(f"{name} {os.getpid()}\n")
    if os.getpid() != main_pid and in_worker == "die":
        os._exit(1)
    if os.getpid() != main_pid and in_worker == "die-writing":
        import resource
        import signal

        # A file over this size kills the process in the middle of writing it (Python ignores
        # SIGXFSZ: its default action is restored).
        signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size // 2, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    return {f"{name}.a": b"a" * size, f"{name}.b": b"b" * size}


def names(name: str) -> list[str]:
    return [f"{name}.a", f"{name}.b"]


def targets(out: Path, name: str) -> dict[str, Path]:
    return {entry: out / entry for entry in names(name)}


def makers(log: Path) -> list[str]:
    """The process that made each entry, in order."""
    return log.read_text("utf-8").split("\n")[:-1] if log.is_file() else []


def test_an_entry_is_made_once_then_taken_from_the_cache(tmp_path):
    log = tmp_path / "log"
    item = (log, "card", 100, os.getpid(), None)
    cache = MediaCache(tmp_path / "cache", make_entry)
    assert cache.place(item, targets(tmp_path / "out1", "card")) is True  # made here
    again = MediaCache(tmp_path / "cache", make_entry)  # the next build
    assert again.place(item, targets(tmp_path / "out2", "card")) is False
    assert len(makers(log)) == 1
    for name in names("card"):
        assert (tmp_path / "out2" / name).read_bytes() == (tmp_path / "cache" / name).read_bytes() == name[-1:].encode() * 100


def test_workers_make_each_entry_asked_for_once_into_the_cache(tmp_path):
    log = tmp_path / "log"
    items = [(log, f"image{n}", 100, os.getpid(), None) for n in range(5)]
    with Workers(2) as workers:
        cache = MediaCache(tmp_path / "cache", make_entry, workers, batch=2)
        for item in items + items:  # asked for by two pages each
            cache.ask(item, names(item[1]))
        assert cache.wait() == 5
    assert sorted(line.split()[0] for line in makers(log)) == [f"image{n}" for n in range(5)]
    assert all(int(line.split()[1]) != os.getpid() for line in makers(log))  # none in this process
    assert not any(cache.place(item, targets(tmp_path / "out", item[1])) for item in items)  # nothing left to make
    assert len(makers(log)) == 5


def test_what_is_cached_already_is_not_handed_to_the_workers(tmp_path):
    log = tmp_path / "log"
    item = (log, "poster", 100, os.getpid(), None)
    MediaCache(tmp_path / "cache", make_entry).place(item, targets(tmp_path / "out1", "poster"))
    with Workers(2) as workers:
        cache = MediaCache(tmp_path / "cache", make_entry, workers)
        cache.ask(item, names("poster"))
        assert cache.wait() == 0
    assert len(makers(log)) == 1


@pytest.mark.parametrize("death", ["die", "die-writing"])
def test_a_killed_workers_entries_are_made_by_the_build_whole(tmp_path, death):
    pytest.importorskip("resource")
    log, size = tmp_path / "log", 1 << 20
    item = (log, "hero", size, os.getpid(), death)
    with Workers(2) as workers:
        cache = MediaCache(tmp_path / "cache", make_entry, workers)
        cache.ask(item, names("hero"))
        assert cache.wait() == 0  # the worker died: its entry is not counted as made
        if death == "die-writing":  # it had begun writing: no file under an entry's name
            assert makers(log)[0].split()[1] != str(os.getpid())
            assert not any((tmp_path / "cache" / name).exists() for name in names("hero"))
        assert cache.place(item, targets(tmp_path / "out", "hero")) is True  # made here instead
    assert [int(line.split()[1]) for line in makers(log)][-1] == os.getpid()
    for name in names("hero"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "cache" / name).read_bytes() == name[-1:].encode() * size
    assert MediaCache(tmp_path / "cache", make_entry).has(names("hero"))


def test_without_a_folder_every_entry_is_made_where_it_goes(tmp_path):
    log = tmp_path / "log"
    item = (log, "card", 10, os.getpid(), None)
    with Workers(2) as workers:
        cache = MediaCache(None, make_entry, workers)
        cache.ask(item, names("card"))  # no folder for workers to make it into
        assert cache.wait() == 0
        assert cache.place(item, targets(tmp_path / "out", "card")) is True
    assert (tmp_path / "out/card.a").read_bytes() == b"a" * 10 and len(makers(log)) == 1


def test_placed_files_are_links_to_the_cache_or_copies_when_asked(tmp_path):
    cache = MediaCache(tmp_path / "cache", make_entry)
    item = (tmp_path / "log", "x", 10, os.getpid(), None)
    cache.place(item, targets(tmp_path / "site", "x"))
    cache.place(item, targets(tmp_path / "print", "x"), link=False)
    cached = os.stat(tmp_path / "cache/x.a")
    assert os.stat(tmp_path / "site/x.a").st_ino == cached.st_ino  # same disk: no copy
    assert os.stat(tmp_path / "print/x.a").st_ino != cached.st_ino  # editing a printed file leaves the cache alone


def test_builds_and_print_kits_keep_what_they_made_in_the_one_cache_folder(tmp_path):
    project = make_project(tmp_path / "project")
    assert cache_dir(project) == project / CACHE_DIR
    build(project, today=None)
    make_print_kit(project)
    kinds = {p.name for p in cache_dir(project).iterdir()}
    assert {"images", "social", "posters", "pages"} <= kinds
    assert not (project / "site" / CACHE_DIR).exists() and not (project / "print" / CACHE_DIR).exists()
    assert make_print_kit(project).cached == len(list(cache_dir(project).glob("posters/*.png")))  # all reused
