"""The plugin's typed configuration, and the MkDocs configuration Territoire writes for a site."""

from __future__ import annotations

from html import escape
from pathlib import Path

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .material import source_of


class TerritoireConfig(Config):
    enabled = c.Type(bool, default=True)


# What ``mkdocs_config`` escaped for Material's templates. Marked as markup so that the few places
# where Material escapes them itself (``title="{{ config.site_name | e }}"``) do not do it twice.
ESCAPED_SETTINGS = ("site_name", "site_description")


def mark_escaped(config) -> None:
    for key in ESCAPED_SETTINGS:
        if config.get(key):
            config[key] = Markup(config[key])


def mkdocs_config(site, theme_dir: Path, docs_dir: Path, site_dir: Path) -> dict:
    """Plain data for ``mkdocs.config.load_config``: no mkdocs.yml for the officer to maintain."""
    cfg = site.content.config
    return {
        # Material's templates print these as they are (no autoescape): escaped here, marked as
        # such once loaded (``mark_escaped``). The URL is a validated one (fields.SiteUrl).
        "site_name": escape(cfg.site.name),
        "site_url": cfg.site.base_url,
        "site_description": escape(cfg.site.description) if cfg.site.description else None,
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "custom_dir": str(theme_dir),
            "language": cfg.site.language,
            "font": False,  # system fonts: no request to Google Fonts
            "features": ["navigation.tabs", "navigation.tabs.sticky"],
            "icon": {"logo": "material/home-city"},
        },
        # Small explicit navigation; job and event pages stay out of it.
        "nav": [{escape(title): source_of(url)} for title, url in site.nav],
        "plugins": [],  # no search plugin: no index of thousands of offers to download
        "markdown_extensions": [],
        "extra": {"generator": False},
        "validation": {"nav": {"omitted_files": "ignore", "not_found": "warn"}, "links": {"not_found": "ignore", "anchors": "ignore", "unrecognized_links": "ignore"}},
        "strict": False,
    }
