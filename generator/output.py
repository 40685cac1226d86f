"""Atomic output: build into a fresh folder, then swap it in only when everything succeeded."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path


def refuse_dangerous_output(project: Path, out: Path, default: str) -> None:
    """The output folder is replaced whole: it must never be the project or hold its content."""
    project, out = Path(project).resolve(), Path(out).resolve()
    if out == project or project.is_relative_to(out) or out.is_relative_to(project / "content"):
        raise ValueError(f"--out {out} remplacerait les fichiers du projet lui-même ; "
                         f"choisissez un autre dossier, par exemple {project / default}")


@contextmanager
def atomic_dir(target: Path):
    """Yield an empty folder beside ``target``; on success it replaces ``target`` in one rename.

    On any error the new folder is removed and ``target`` is left exactly as it was."""
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    os.chmod(tmp, 0o755)  # mkdtemp makes it private; a published site is world-readable
    old = None
    if target.exists():
        old = target.parent / f".{target.name}.old-{uuid.uuid4().hex[:8]}"
        target.rename(old)
    tmp.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_file(path: Path, data: bytes) -> None:
    """Write through a temporary name: an interrupted build never leaves half a file in the cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    part.write_bytes(data)
    os.replace(part, path)


def place(source: Path, target: Path) -> None:
    """Put a cached file in the output (or the reverse): a hard link on the same disk, no copy.

    Nothing may then write into ``target`` in place: the cache would change with it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except FileExistsError:
        pass
    except OSError:  # another disk, or no hard links: a copy (FileNotFoundError too, raised again)
        shutil.copyfile(source, target)
