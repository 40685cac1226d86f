"""Atomic output: build into a fresh folder, then swap it in only when everything succeeded."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

from .content.errors import OutputError, Problem
from .content.messages import Messages


MARKER = ".territoire-output"  # in every folder a build or print kit made: only such a folder is replaced


def refuse_dangerous_output(project: Path, out: Path, default: str) -> None:
    """The output folder is replaced whole: it must never be the project or hold its content."""
    project, out = Path(project).resolve(), Path(out).resolve()
    if out == project or project.is_relative_to(out) or out.is_relative_to(project / "content"):
        raise _refused(project, "output_is_project", out, example=project / default)


def _messages(project: Path) -> Messages:
    from .content.project import language_of

    return Messages(language_of(project))


def _message(project: Path, key: str, **values) -> str:
    return _messages(project)(key, **values)


def _refused(project: Path, key: str, path: Path, **values) -> OutputError:
    return OutputError([Problem(str(path), None, None, _message(project, key, path=path, **values))])


@contextmanager
def atomic_dir(target: Path, project: Path, companions: dict[str, bytes] | None = None):
    """Yield an empty folder beside ``target``; on success it replaces ``target`` in one rename.

    ``target`` is replaced only when it is absent, empty, or made by an earlier build (its
    ``MARKER``): never a folder of someone's files, never a file. On any error the new folder is
    removed and ``target`` is left exactly as it was. ``companions``, which the caller may fill
    inside the block, are files written beside ``target`` (``site.nginx.conf``), made before the
    swap and renamed into place right after it: nothing is left half done by a failure."""
    target = Path(target).resolve()
    _check_replaceable(target, project)
    _remove_stale(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-{os.getpid()}-", dir=target.parent))
    except OSError as err:
        raise _refused(project, "output_unwritable", target.parent, reason=_messages(project).os_error(err)) from None
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    staged: list[tuple[Path, Path]] = []
    old = None
    try:
        (tmp / MARKER).write_bytes(f"{_message(project, 'output_marker')}\n".encode())
        for name, data in (companions or {}).items():
            final = target.parent / name
            if final.exists() and not final.is_file():
                raise _refused(project, "companion_not_file", final)
            if final.is_file() and _first_line(final) != data.partition(b"\n")[0]:
                raise _refused(project, "companion_not_ours", final)  # someone's file of that name
            part = target.parent / f".{name}.{os.getpid()}.part"
            staged.append((part, final))
            part.write_bytes(data)
        os.chmod(tmp, 0o755)  # mkdtemp makes it private; a published site is world-readable
        if target.exists():
            old = target.parent / f".{target.name}.old-{os.getpid()}-{uuid.uuid4().hex[:8]}"
            target.rename(old)
        tmp.rename(target)
    except BaseException as err:
        if old is not None and old.exists() and not target.exists():
            old.rename(target)  # the swap itself failed: the previous output comes back
        shutil.rmtree(tmp, ignore_errors=True)
        for part, _ in staged:
            part.unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise _refused(project, "output_unwritable", target.parent, reason=_messages(project).os_error(err)) from None
        raise
    for part, final in staged:
        os.replace(part, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _first_line(path: Path) -> bytes:
    with path.open("rb") as file:
        return file.readline(200).rstrip(b"\n")


def _check_replaceable(target: Path, project: Path) -> None:
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir():
        raise _refused(project, "output_not_folder", target)
    try:
        ours = (target / MARKER).is_file() or not any(target.iterdir())
    except OSError as err:
        raise _refused(project, "output_unwritable", target, reason=_messages(project).os_error(err)) from None
    if not ours:
        raise _refused(project, "output_not_ours", target, marker=MARKER)


_STALE = re.compile(r"\.(?:building|old)-(\d+)-")


def _remove_stale(target: Path) -> None:
    """Folders left beside ``target`` by a build that was killed (SIGKILL, power cut): a live build's
    own folders carry its process id and are left alone."""
    prefix = f".{target.name}."
    try:
        siblings = [p for p in target.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return
    for path in siblings:
        found = _STALE.match(path.name, len(prefix) - 1)
        if found and not _alive(int(found.group(1))) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    return True


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
