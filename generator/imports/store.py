"""``content/imports/<name>.json``: one import's offers, as the last import left them.

One JSON file per source rather than a file per offer: the web editor lists none of the thousands
of imported offers (it edits content/jobs/), a nightly import changes one file whose diff shows
each created, changed or withdrawn offer (indented, sorted by id, one field a line), and the build
reads 2,400 offers in one ``json.loads`` (YAML would take seconds). Written only by
``territoire import``; the officer's decisions are ``overrides:`` in site_config.yml."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

FORMAT = 1


@dataclass
class Entry:
    id: str  # the source's identifier
    slug: str  # the offer's address, kept for ever
    job: dict  # the Job's data, as mapped and validated when imported
    first_seen: date
    withdrawn: date | None = None  # the import that found it gone from the source

    def to_json(self) -> dict:
        return {"id": self.id, "slug": self.slug, "first_seen": self.first_seen.isoformat(),
                "withdrawn": self.withdrawn.isoformat() if self.withdrawn else None, "job": self.job}

    @classmethod
    def from_json(cls, data: dict) -> "Entry":
        """KeyError, TypeError or ValueError for anything but what ``to_json`` writes."""
        if not isinstance(data, dict) or not isinstance(data["job"], dict):
            raise TypeError("entry")
        for key in ("id", "slug"):
            if not isinstance(data[key], str):
                raise TypeError(key)
        withdrawn = data.get("withdrawn")
        return cls(data["id"], data["slug"], data["job"], date.fromisoformat(data["first_seen"]),
                   date.fromisoformat(withdrawn) if withdrawn else None)


@dataclass
class ImportFile:
    name: str
    source: str
    entries: dict[str, Entry]  # by upstream id

    def text(self) -> str:
        entries = [self.entries[key].to_json() for key in sorted(self.entries)]
        data = {"format": FORMAT, "import": self.name, "source": self.source, "offers": entries}
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def parse(text: str) -> ImportFile:
    """ValueError (with what is wrong) for a file this module did not write."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("offers"), list):
        raise ValueError("format")
    entries: dict[str, Entry] = {}
    for number, item in enumerate(data["offers"]):
        try:
            entry = Entry.from_json(item)
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"offers[{number}]") from None
        entries[entry.id] = entry
    return ImportFile(str(data.get("import", "")), str(data.get("source", "")), entries)


def read(path: Path, name: str, source: str) -> ImportFile:
    """The file as the last import left it; an empty one before the first import."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return ImportFile(name, source, {})
    return parse(text)


def write_all(files: dict[Path, str]) -> None:
    """Every file, or none: each is written beside its target first, then all are swapped in."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((temp, path))
            os.chmod(temp, 0o644)  # mkstemp makes it private; a content file is read by all, as git makes them
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
    except BaseException:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise
    for temp, path in staged:
        os.replace(temp, path)
