"""``content/imports/<name>.json``: one import's offers, as the last import left them.

One JSON file per source rather than a file per offer: the web editor lists none of the thousands
of imported offers (it edits content/jobs/), a nightly import changes one file whose diff shows
each created, changed or withdrawn offer (indented, sorted by id, one field a line), and the build
reads 2,400 offers in one ``json.loads`` (YAML would take seconds). Written only by
``territoire import``; the officer's decisions are ``overrides:`` in site_config.yml."""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..content.errors import Problem

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
    read_as: str = ""  # the text it was read from ("" before the first import): unchanged, not rewritten

    def text(self) -> str:
        entries = [self.entries[key].to_json() for key in sorted(self.entries)]
        data = {"format": FORMAT, "import": self.name, "source": self.source, "offers": entries}
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


class BrokenFile(ValueError):
    """A file this module did not write (edited by hand, cut short): ``key`` says what in the
    catalogue's words, ``line`` where, when it is known."""

    def __init__(self, key: str, line: int | None = None):
        super().__init__(key)
        self.key, self.line = key, line

    def problem(self, rel: str, msg) -> Problem:
        return Problem(rel, self.line, None, msg("import_file_broken", detail=msg(self.key)))


# ``text`` writes each offer's "{", then "id", then "slug" on lines of their own.
_SLUG_LINE = re.compile(r'^\s*"slug": "([a-z0-9-]+)",$')
_OFFER_START = re.compile(r"^ {2}\{$")


def offer_lines(text: str) -> dict[str, int]:
    """slug → the line of its offer's "{" in a file ``text`` wrote: where to look."""
    return {found.group(1): number - 2 for number, line in enumerate(text.split("\n"), 1)
            if (found := _SLUG_LINE.match(line))}


def parse(text: str) -> ImportFile:
    """The file's offers; BrokenFile for anything this module did not write."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise BrokenFile("import_file_not_json", err.lineno) from None
    except (ValueError, RecursionError):  # nested past what Python reads
        raise BrokenFile("import_file_not_json") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("offers"), list):
        raise BrokenFile("import_file_not_ours", 1)
    starts = [number for number, line in enumerate(text.split("\n"), 1) if _OFFER_START.match(line)]
    entries: dict[str, Entry] = {}
    for number, item in enumerate(data["offers"]):
        try:
            entry = Entry.from_json(item)
        except (KeyError, TypeError, ValueError):
            raise BrokenFile("import_file_offer", starts[number] if number < len(starts) else None) from None
        entries[entry.id] = entry
    return ImportFile(str(data.get("import", "")), str(data.get("source", "")), entries, text)


def read(path: Path, name: str, source: str) -> ImportFile:
    """The file as the last import left it; an empty one before the first import. BrokenFile,
    UnicodeDecodeError or OSError when it cannot be read."""
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
