"""What the hostile-input tests share: a project built once, and ``refused``, which checks that
a content error changes nothing anywhere.

Import the fixture into a test module (``from hostile_support import project``): pytest finds it there."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

from project_factory import make_project

TODAY = "2026-11-23"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()} if folder.is_dir() else {}


def refused(capsys, root: Path, commands: tuple[str, ...] = ("check", "build")) -> list[str]:
    """Each of ``commands`` fails as a content error, in French, with no traceback; the previous
    site, its nginx snippet beside it and the folders around the project stay byte for byte (no
    page written outside). Returns the problem lines of the last command."""
    site, snippet = root / "site", root / "site.nginx.conf"
    before, before_snippet = snapshot(site), _contents(snippet)
    outside_before = _pages_outside(root)
    lines = []
    for command in commands:
        assert main([command, "--project", str(root), "--today", TODAY]) == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err
        lines = err.strip().splitlines()
        assert lines[-1].endswith("le site n'a pas été modifié."), err
    assert snapshot(site) == before
    assert _contents(snippet) == before_snippet
    assert _pages_outside(root) == outside_before
    return lines[:-1]


def _contents(path: Path) -> bytes | dict[str, bytes] | None:
    # The snippet may be a folder: a test puts one where the build would write the file.
    return snapshot(path) if path.is_dir() else path.read_bytes() if path.exists() else None


def _pages_outside(root: Path) -> list[Path]:
    return sorted(p for p in root.parent.rglob("index.html") if not p.is_relative_to(root))


@pytest.fixture
def project(tmp_path, capsys) -> Path:
    """A project built once, so that every refusal can show the previous site untouched."""
    root = make_project(tmp_path / "projet")
    assert main(["build", "--project", str(root), "--today", TODAY]) == 0
    capsys.readouterr()
    return root


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def replace_in(root: Path, rel: str, old: str, new: str) -> None:
    """One hostile edit of a project file; ``old`` must be there, so the edit cannot silently miss."""
    text = (root / rel).read_text(encoding="utf-8")
    assert old in text, (rel, old)
    write(root, rel, text.replace(old, new))
