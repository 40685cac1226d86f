"""Where a theme's templates are: the project's own ``themes/`` first, then the bundled ones."""

from __future__ import annotations

from pathlib import Path

BUNDLED = Path(__file__).resolve().parent.parent / "themes"


def _roots(project: Path) -> list[Path]:
    return [Path(project) / "themes", BUNDLED]


def theme_dir(project: Path, name: str) -> Path | None:
    for root in _roots(project):
        candidate = root / name
        if (candidate / "main.html").is_file():
            return candidate
    return None


def available_themes(project: Path) -> list[str]:
    return sorted({p.name for root in _roots(project) if root.is_dir() for p in root.iterdir() if (p / "main.html").is_file()})
