"""Render a ``Site`` into a folder with MkDocs and Material."""

from __future__ import annotations

import io
import logging
import os
import tempfile
from pathlib import Path

import yaml

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # officers need no banner about the engine's future

from mkdocs.commands.build import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from .config import mark_escaped, mkdocs_config  # noqa: E402
from .page_cache import PageCache  # noqa: E402
from .plugin import TerritoirePlugin  # noqa: E402


class _NoDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build")


logging.getLogger("mkdocs.commands.build").addFilter(_NoDirtyWarning())


def render_site(site, theme_dir: Path, out_dir: Path, *, cache_dir: Path | None = None, quiet: bool = True) -> int:
    """Render every page into ``out_dir``; returns how many pages were rendered, the others being
    unchanged since a previous build and taken from ``cache_dir`` (where the compiled templates
    are kept too). ``out_dir`` is new and empty, or the preview's folder, updated in place: its
    pages still there are replaced, and nothing else of it is removed."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING if quiet else logging.INFO)
    with tempfile.TemporaryDirectory(prefix="territoire-docs-") as docs_dir:
        data = mkdocs_config(site, theme_dir, Path(docs_dir), out_dir)
        config = load_config(io.StringIO(yaml.safe_dump(data, allow_unicode=True)))
        mark_escaped(config)
        templates = [p.relative_to(theme_dir).as_posix() for p in Path(theme_dir).rglob("*.html")]
        settings = {k: v for k, v in data.items() if k not in ("docs_dir", "site_dir")}  # temporary folders
        cache = PageCache(Path(cache_dir) / "pages", theme_dir, settings) if cache_dir else None
        plugin = TerritoirePlugin(site, templates, cache, Path(cache_dir) / "templates" if cache_dir else None)
        plugin.load_config({})
        config.plugins["territoire"] = plugin
        # "Dirty" mode renders only the pages whose file says it is modified: the others come
        # from the page cache. It also skips cleaning the folder, which is new or updated in place.
        mkdocs_build(config, dirty=True)
        return plugin.rendered
