"""Rendered pages kept by the hash of everything they are made from.

A page's HTML depends on its ``meta``, its address, the templates, the engine's settings
(site name, navigation, language...) and the engine's code. When none of these changed, the
page from the previous build is linked into the new output instead of being rendered again:
a rebuild with nothing changed renders no page, and a preview edit renders only the pages
that show what was edited (bench/README.md)."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..output import place

ENGINE_DIR = Path(__file__).parent
# What the plugin does to every rendered page besides its meta: the typography (French ’).
TYPOGRAPHY = ENGINE_DIR.parent / "locales" / "typography.py"


class PageCache:
    def __init__(self, directory: Path | None, theme_dir: Path, engine_config: dict):
        self.directory = Path(directory) if directory else None
        self._base = _fingerprint(theme_dir, engine_config)
        self._digests: dict[int, bytes] = {}  # values shared by many pages (site, labels), by id
        self.used: set[str] = set()

    def key(self, src: str, url: str, meta: dict) -> str:
        digest = hashlib.sha256(self._base)
        digest.update(f"{src}\0{url}\0".encode())
        for name, value in meta.items():
            digest.update(name.encode())
            digest.update(self._digest(value))
        key = digest.hexdigest()
        self.used.add(key)
        return key

    def take(self, key: str, target: Path) -> bool:
        """Put the cached page at ``target``, unless it is there already; False when there is none.

        Otherwise ``target`` is removed: the page is rendered into a new file, never written
        into a file the cache shares (the preview updates its folder in place)."""
        cached = self.directory / f"{key}.html" if self.directory else None
        try:
            found = os.stat(cached).st_ino if cached else None
        except FileNotFoundError:
            found = None
        try:
            if found is not None and os.stat(target).st_ino == found:
                return True
            os.unlink(target)
        except FileNotFoundError:
            pass
        if found is None:
            return False
        try:
            place(cached, target)
        except FileNotFoundError:  # pruned by another build meanwhile
            return False
        return True

    def put(self, key: str, rendered: Path) -> None:
        if self.directory is not None and rendered.is_file():
            place(rendered, self.directory / f"{key}.html")

    def prune(self) -> None:
        """Forget the pages this build did not use: dates move on and offers change every day."""
        if self.directory is None or not self.directory.is_dir():
            return
        for entry in os.scandir(self.directory):
            if entry.name.removesuffix(".html") not in self.used:
                os.unlink(entry.path)

    def _digest(self, value) -> bytes:
        # Safe to key on id(): every page's meta is alive for the whole build. Pickle is twice
        # as fast as JSON here, and as stable for what meta holds (str, numbers, dates, lists,
        # dicts; a set, ordered by string hashing, would only make the cache miss).
        found = self._digests.get(id(value))
        if found is None:
            found = self._digests[id(value)] = hashlib.sha256(pickle.dumps(value, 5)).digest()
        return found


def _fingerprint(theme_dir: Path, engine_config: dict) -> bytes:
    """Everything every page depends on: engine settings, templates, versions, this engine's code."""
    digest = hashlib.sha256(json.dumps(engine_config, sort_keys=True, default=str).encode())
    digest.update(engine_fingerprint().encode())
    _add_files(digest, Path(theme_dir))
    return digest.digest()


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """The versions of the engine's packages and the source of this engine layer."""
    digest = hashlib.sha256()
    for package in ("mkdocs", "mkdocs-material", "territoire", "Jinja2"):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(package.encode())
    _add_files(digest, ENGINE_DIR)
    digest.update(TYPOGRAPHY.read_bytes())
    return digest.hexdigest()[:16]


def _add_files(digest, folder: Path) -> None:
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".html", ".py", ".xml")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
