"""The web editor at ``/admin/``: Decap CMS, vendored (``bundle.py``), configured from the content
model (``config.py``). ``files`` gives what the build publishes under ``admin/``; the page is out
of the navigation and the sitemap, ``noindex``, and holds no secret."""

from __future__ import annotations

from functools import lru_cache
from html import escape

import yaml

from ..content.model import SiteConfig
from ..locales import words
from .bundle import SCRIPT, VERSION, published_files
from .config import editor_config

FOLDER = "admin"

PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<title>{title}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<noscript>{noscript}</noscript>
<script src="{script}?v={version}"></script>
</body>
</html>
"""


@lru_cache(maxsize=1)
def _bundle() -> tuple[tuple[str, bytes], ...]:
    return tuple((path.name, path.read_bytes()) for path in published_files())


def files(config: SiteConfig) -> dict[str, bytes]:
    """Every file of ``/admin/``, by its path in the site."""
    t = words(config.site.language, "admin")
    page = PAGE.format(lang=config.site.language, title=escape(f"{t['title']} — {config.site.name}"),
                       noscript=escape(t["noscript"]), script=SCRIPT, version=VERSION)
    found = {f"{FOLDER}/{name}": data for name, data in _bundle()}
    found[f"{FOLDER}/index.html"] = page.encode("utf-8")
    found[f"{FOLDER}/config.yml"] = config_yaml(config).encode("utf-8")
    return found


def config_yaml(config: SiteConfig) -> str:
    header = f"# Généré par Territoire à chaque construction, depuis le modèle de contenu : ne pas modifier.\n" \
             f"# Decap CMS {VERSION}\n"
    # libyaml's dumper: the pure-Python one took 0.25 s, 4 % of a 2,400-offer build.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return header + yaml.dump(editor_config(config), Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)


__all__ = ["FOLDER", "config_yaml", "files"]
