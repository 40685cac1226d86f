"""One ``territoire import`` run: read every selected source, map, sync, then write all the files
or none. A source that cannot be read, or a code left unmapped, stops the run before anything is
written: the site keeps yesterday's offers rather than losing today's."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Mapping

from ..content.fields import DEFAULT_TIMEZONE
from ..content.imports import IMPORTS_FOLDER, ImportSource
from ..content.kinds import KINDS
from ..content.messages import Messages
from ..content.project import load_config
from ..content.yaml_source import parse_yaml
from . import store
from .mapping import Mapper
from .records import SETUP, UNAVAILABLE, Skipped, Snapshot, SourceError
from .sync import Changes, sync



@dataclass
class Outcome:
    """What one source gave and what it changed."""

    settings: ImportSource
    read: int  # offers the source gave
    skipped: list[Skipped]
    changes: Changes
    path: Path
    written: bool = False
    text: str = field(default="", repr=False)


def _reader(source: str) -> Callable[[ImportSource, Path, Mapping[str, str], Messages], Snapshot]:
    if source == "france_travail":
        from .france_travail import read as read_ft

        return lambda settings, root, environ, msg: read_ft(settings, environ, msg)
    if source == "spreadsheet":
        from .spreadsheets import read_spreadsheet

        return lambda settings, root, environ, msg: read_spreadsheet(settings, root, msg)
    from .feeds import read_indeed_xml, read_jobposting

    reader = read_jobposting if source == "jobposting" else read_indeed_xml
    return lambda settings, root, environ, msg: reader(settings, root, msg)


def run(root: Path, *, names: list[str] | None = None, dry_run: bool = False, today: date | None = None,
        environ: Mapping[str, str] | None = None) -> list[Outcome]:
    """Import, and write unless ``dry_run``. SourceError when any selected source fails."""
    root = Path(root)
    environ = os.environ if environ is None else environ
    today = today or date.today()
    config, _ = load_config(root)
    msg = Messages(config.site.language)
    known = [entry.key for entry in config.imports]
    if not known:
        return []  # the nightly workflow runs import for every project: none configured is no error
    sources = {entry.source for entry in config.imports}
    for name in names or ():
        if name not in known and name not in sources:
            raise SourceError(msg("import_unknown_name", name=name, expected=", ".join(known), hint=msg.guess(name, known)), SETUP)
    # --source names an import (its name:), or all the imports of one source (spreadsheet).
    selected = [entry for entry in config.imports if not names or entry.key in names or entry.source in names]
    context = {"timezone": config.site.timezone or DEFAULT_TIMEZONE, "media_dir": root / "content" / "media", "media_files": []}

    previous = {entry.key: _previous(root, entry, msg) for entry in config.imports}
    read_as = {key: found.read_as for key, found in previous.items()}
    hand_written = _hand_written(root)
    pinned = _pinned(root, msg)
    outcomes: list[Outcome] = []
    for entry in selected:
        snapshot = _reader(entry.source)(entry, root, environ, msg)
        mapped = Mapper(entry, config.site.sectors, msg, context, today).map_all(snapshot.offers)
        mapped.skipped[:0] = snapshot.skipped
        if problems := mapped.problems(entry, msg):
            raise SourceError("\n".join(problems), SETUP)
        published = sum(1 for e in previous[entry.key].entries.values() if e.withdrawn is None)
        if not snapshot.offers and published:
            # An empty answer is far likelier a feed gone wrong than a territory without jobs:
            # withdrawing everything would send every shared address to 410 for one bad night.
            raise SourceError(msg("import_empty", name=entry.key, count=published, file=entry.data_file), UNAVAILABLE)
        # Addresses taken elsewhere: hand-written offers, the other imports (as just synced).
        taken = hand_written | {e.slug for key, f in previous.items() if key != entry.key for e in f.entries.values()}
        named = {o.offer for o in entry.overrides} | pinned
        synced, changes = sync(previous[entry.key], mapped, complete=snapshot.complete, today=today,
                               keep_withdrawn=entry.keep_withdrawn, taken=taken, named=named)
        previous[entry.key] = synced
        path = root / entry.data_file
        outcomes.append(Outcome(entry, len(snapshot.offers), mapped.skipped, changes, path, text=synced.text()))
    if not dry_run:
        # Unchanged files are left alone: no commit, no rebuild, for a night without news.
        changed = {o.path: o.text for o in outcomes if o.text != read_as[o.settings.key]}
        try:
            store.write_all(changed)
        except OSError as err:  # a full disk, a read-only checkout: the officer's (or CI's) to fix
            raise SourceError(msg("import_unwritable", file=IMPORTS_FOLDER, reason=msg.os_error(err)), SETUP) from None
        for o in outcomes:
            o.written = o.path in changed
    return outcomes


def _previous(root: Path, entry: ImportSource, msg: Messages) -> store.ImportFile:
    try:
        return store.read(root / entry.data_file, entry.key, entry.source)
    except store.BrokenFile as err:  # starting afresh would give offers new addresses: the officer decides
        raise SourceError(str(err.problem(entry.data_file, msg)), SETUP) from None
    except UnicodeDecodeError:
        raise SourceError(str(store.BrokenFile("import_file_not_json").problem(entry.data_file, msg)), SETUP) from None
    except OSError as err:
        raise SourceError(msg("import_unreadable", file=entry.data_file, reason=msg.os_error(err)), SETUP) from None


def _hand_written(root: Path) -> set[str]:
    folder = root / KINDS["job"].path
    suffixes = KINDS["job"].suffixes
    return {p.stem for p in folder.iterdir() if p.suffix in suffixes} if folder.is_dir() else set()


def _pinned(root: Path, msg: Messages) -> set[str]:
    """Offers the campaigns list by address: a withdrawn one is kept (410) while a campaign names
    it, or the campaign would stop building. A campaign that cannot be read is check's to say."""
    folder = root / KINDS["campaign"].path
    found: set[str] = set()
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else ():
        try:
            data, _, problems = parse_yaml(path.read_text("utf-8"), path.name, msg)
        except (OSError, UnicodeDecodeError):
            continue
        show = data.get("show") if isinstance(data, dict) and not problems else None
        jobs = show.get("jobs") if isinstance(show, dict) else None
        if isinstance(jobs, list):
            found |= {slug for slug in jobs if isinstance(slug, str)}
    return found


__all__ = ["IMPORTS_FOLDER", "Outcome", "run"]
