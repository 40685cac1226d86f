"""The Territoire plugin: wires MkDocs events to the site made by ``generator.site``."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

from jinja2 import FileSystemBytecodeCache, pass_context
from mkdocs.plugins import BasePlugin
from mkdocs.utils import normalize_url
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from .config import TerritoireConfig
from .fragments import FragmentCache
from .material import material_meta, source_of
from .page_cache import PageCache, engine_fingerprint


class GeneratedPage(Page):
    """A page whose whole content comes from its template and ``page.meta``: MkDocs' Markdown
    pass (a Markdown instance per page, a third of a millisecond each) has nothing to do."""

    def render(self, config, files) -> None:
        self.content, self.toc, self.present_anchor_ids, self.links_to_anchors = "", TableOfContents([]), set(), {}


class PageFile(File):
    """A generated page's file; ``stale`` is False when the page cache already has its HTML, and
    MkDocs' "dirty" build then skips it."""

    stale = True
    cache_key: str | None = None

    def is_modified(self) -> bool:
        return self.stale


class TerritoirePlugin(BasePlugin[TerritoireConfig]):
    def __init__(self, site, templates=(), cache: PageCache | None = None, compiled: Path | None = None):
        super().__init__()
        self.site = site
        self.templates = tuple(templates)  # template names of the Territoire theme
        self.cache = cache
        self.compiled = compiled  # where compiled templates are kept between builds
        # What Material's templates read besides ours, added to every page's meta here (engine-specific).
        self.by_src = {source_of(p.url): material_meta(p.meta) for p in site.pages}
        self.pages: list[PageFile] = []
        self.rendered = 0  # pages rendered, not taken from the cache

    def on_files(self, files: Files, *, config) -> Files:
        in_nav = {source_of(url) for _, url in self.site.nav}
        for spec in self.site.pages:
            src = source_of(spec.url)
            file = PageFile.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            if self.cache is not None:
                file.cache_key = self.cache.key(src, spec.url, self.by_src[src])
                # Linked now, not after the build: another build pruning the cache cannot take it away.
                file.stale = not self.cache.take(file.cache_key, Path(file.abs_dest_path))
            elif os.path.lexists(file.abs_dest_path):  # a folder updated in place
                os.unlink(file.abs_dest_path)
            files.append(file)
            self.pages.append(file)
            if src not in in_nav:  # MkDocs makes its own Page for the few pages of the nav
                GeneratedPage(None, file, config)
        return files

    def on_post_build(self, *, config) -> None:
        for file in self.pages:
            if file.stale:
                self.rendered += 1
                if self.cache is not None:
                    self.cache.put(file.cache_key, Path(file.abs_dest_path))
        if self.cache is not None:
            self.cache.prune()

    def on_env(self, env, *, config, files):
        # Our templates escape every value unless marked safe (sanitised HTML is Markup);
        # Material's own templates keep their behaviour.
        ours = set(self.templates)
        env.autoescape = lambda name: name is not None and name in ours
        # The 404 page is served at any depth: its links must be absolute, as MkDocs makes them
        # for error templates, even though we hand it a page for its meta.
        relative_url = env.filters["url"]

        @pass_context
        def url(context, value):
            if getattr(context.get("page"), "is_error_page", False):
                return normalize_url(str(value), page=None, base=context["base_url"])
            return relative_url(context, value)

        env.filters["url"] = url
        env.add_extension(FragmentCache)
        # One environment per build: no need to stat every template at each include (50,000
        # times at 2,400 offers); the preview makes a new environment for each rebuild.
        env.auto_reload = False
        if self.compiled is not None:
            # Compiling Material's and our templates took 0.2 s a build; Jinja checks each
            # template's source against its compiled copy. The engine's code is in the names:
            # the cache extension changes what templates compile to.
            self.compiled.mkdir(parents=True, exist_ok=True)
            prefix = engine_fingerprint()
            for stale in self.compiled.glob("*.cache"):  # compiled by another version of the engine
                if not stale.name.startswith(prefix):
                    stale.unlink(missing_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(self.compiled), f"{prefix}-%s.cache")
        return env

    def on_page_markdown(self, markdown, *, page, config, files):
        # Pages carry no Markdown of their own: everything templates show is in page.meta.
        page.meta = self.by_src[page.file.src_uri]
        return markdown

    def on_post_page(self, output, *, page, config):
        # The site's typography (French ’), on everything a visitor reads of the page.
        return self.site.typeset(output)

    def on_post_template(self, output_content, *, template_name, config):
        return self.site.typeset(output_content) if template_name.endswith(".html") else output_content  # 404.html

    def on_template_context(self, context, *, template_name, config):
        if template_name == "404.html" and self.site.not_found is not None:
            # MkDocs renders 404.html without a page; give the template its meta like any other.
            meta = material_meta(self.site.not_found.meta)
            context["page"] = SimpleNamespace(meta=meta, title=meta["title"],
                                              url="404.html", is_homepage=False, toc=[], content="",
                                              is_error_page=True)
        return context
