"""Where a theme's templates are: the project's own ``themes/`` first, then the bundled ones."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def bundled_root() -> Path:
    """The themes shipped with Territoire: ``themes/`` of a source checkout, or the installed copy."""
    checkout = Path(__file__).resolve().parent.parent / "themes"
    if (checkout / "default" / "main.html").is_file():
        return checkout
    spec = importlib.util.find_spec("generator.themes_bundled")
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return checkout


def _roots(project: Path) -> list[Path]:
    return [Path(project) / "themes", bundled_root()]


def theme_dir(project: Path, name: str) -> Path | None:
    for root in _roots(project):
        candidate = root / name
        if (candidate / "main.html").is_file():
            return candidate
    return None


def available_themes(project: Path) -> list[str]:
    return sorted({p.name for root in _roots(project) if root.is_dir() for p in root.iterdir() if (p / "main.html").is_file()})
