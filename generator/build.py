"""The build pipeline: content → validated model → pages → engine → output, I/O at the edges."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .content.project import Content, load_project
from .media.cache import CACHE_DIR, cache_dir  # noqa: F401 - CACHE_DIR: where tests and tools have looked for it
from .media.images import MediaLibrary, images_named
from .locales.typography import for_language
from .output import atomic_dir, refuse_dangerous_output
from .media.social_cards import SocialCards
from .media.workers import Workers
from .codes.redirects import expired_paths, nginx_rules, write_short_links
from .site.short_links import short_links
from .site.pages import Site, make_site
from .themes import theme_dir


@dataclass
class BuildResult:
    site: Site
    out: Path
    rendered: int  # pages rendered; the others were unchanged and came from the cache


def check(project: Path, today: date | None = None, workers: Workers | None = None, parsed: dict | None = None) -> Site:
    """Validate everything and plan the pages, without rendering. Raises ContentError.

    Given workers (a build), the images and social cards missing from the cache start being
    made as soon as a page asks for them. ``parsed``: see ``load_project``."""
    content = load_project(project, parsed)
    cache = cache_dir(project)
    media = MediaLibrary(content.media_dir, cache / "images", workers)
    site = content.config.site
    cards = SocialCards(content.media_dir, for_language(content.language)(site.name), site.colors.primary, site.colors.accent, cache / "social", workers)
    with images_named(content.root):
        made = make_site(content, today, media, cards)
    cards.flush()
    return made


def build(project: Path, out: Path | None = None, today: date | None = None) -> BuildResult:
    project = Path(project).resolve()
    out = (Path(out) if out else project / "site").resolve()
    refuse_dangerous_output(project, out, "site")
    with Workers() as workers:
        site = check(project, today, workers)
        rendered = render(site, out)
    return BuildResult(site=site, out=out, rendered=rendered)


def render(site: Site, out: Path, *, in_place: bool = False) -> int:
    """Write the site into ``out``, replaced only on success, or updated ``in_place`` (the preview);
    returns how many pages were rendered."""
    from .engine import render_site

    content: Content = site.content
    links = short_links(content)
    # The nginx rules live beside the site (never published), replaced with it; not for the preview.
    beside: dict[str, bytes] = {}
    with images_named(content.root), nullcontext(out) if in_place else atomic_dir(out, content.root, beside) as tmp:
        rendered = render_site(site, theme_dir(content.root, content.config.site.theme), tmp,
                               cache_dir=cache_dir(content.root))
        write_short_links(site, links, tmp)
        site.media.write(tmp)
        site.cards.write(tmp)
        for path, data in site.files.items():
            (tmp / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp / path).write_bytes(data)
        beside[f"{Path(out).name}.nginx.conf"] = nginx_rules(links, expired_paths(site)).encode("utf-8")
    return rendered


class Preview:
    """What the live preview keeps between two rebuilds: the files already validated, and the
    layout of its output folder. While the site keeps the same pages and files, the folder is
    updated in place: making 2,600 folders anew cost more than rendering the edited pages."""

    def __init__(self, project: Path):
        self.project = Path(project).resolve()
        self.parsed: dict = {}
        self.layout: frozenset | None = None

    def rebuild(self, out: Path) -> int:
        site = check(self.project, parsed=self.parsed)
        layout = frozenset([*(p.url for p in site.pages), *site.files, *(link.path for link in short_links(site.content))])
        in_place = layout == self.layout and Path(out).is_dir()
        self.layout = None  # until this rebuild is complete
        rendered = render(site, out, in_place=in_place)
        self.layout = layout
        return rendered
