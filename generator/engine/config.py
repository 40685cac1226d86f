"""The plugin's typed configuration, and the MkDocs configuration Territoire writes for a site."""

from __future__ import annotations

from html import escape
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class TerritoireConfig(Config):
    enabled = c.Type(bool, default=True)


def mkdocs_config(site, theme_dir: Path, docs_dir: Path, site_dir: Path) -> dict:
    """Plain data for ``mkdocs.config.load_config``: no mkdocs.yml for the officer to maintain."""
    cfg = site.content.config
    return {
        "site_name": escape(cfg.site.name),  # Material prints it unescaped
        "site_url": cfg.site.base_url,
        "site_description": cfg.site.description,
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
        "nav": [{escape(title): src} for title, src in site.nav],
        "plugins": [],  # no search plugin: no index of thousands of offers to download
        "markdown_extensions": [],
        "extra": {"generator": False},
        "validation": {"nav": {"omitted_files": "ignore", "not_found": "warn"}, "links": {"not_found": "ignore", "anchors": "ignore", "unrecognized_links": "ignore"}},
        "strict": False,
    }
