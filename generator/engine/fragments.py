"""Material's navigation drawer, tabs and configuration script, rendered once per folder.

On a page that is not in the navigation (2,280 offer pages out of 2,640 at 2,400 offers), the
navigation only depends on the folder its relative links start from: every offer page shows
the same drawer, tabs and script, which were a third of the rendering time (bench/README.md).
``{% cache "name" %}…{% endcache %}`` keeps the first rendering for the others, after the
fragment-cache example of Jinja's documentation."""

from __future__ import annotations

from jinja2 import nodes
from jinja2.ext import Extension


def fragment_key(context) -> tuple:
    """What Material's navigation fragments depend on for the page being rendered."""
    page = context.get("page")
    meta = getattr(page, "meta", None) or {}
    hide = tuple(meta.get("hide") or ())
    url = getattr(page, "url", "")
    if getattr(page, "is_error_page", False):  # absolute links, whatever its address
        return ("error", hide)
    nav = context.get("nav")
    if nav is not None and any(page is p for p in nav.pages):  # its own entry is the active one
        return ("nav", url, hide)
    return ("page", url.rstrip("/").rpartition("/")[0], hide)


class FragmentCache(Extension):
    tags = {"cache"}

    def __init__(self, environment):
        super().__init__(environment)
        environment.extend(fragment_cache={})

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        name = parser.parse_expression()
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_cached", [nodes.ContextReference(), name]), [], [], body).set_lineno(lineno)

    def _cached(self, context, name, caller):
        key = (name, *fragment_key(context))
        cache = self.environment.fragment_cache
        if key not in cache:
            cache[key] = caller()
        return cache[key]

