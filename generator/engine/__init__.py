"""The rendering engine, behind one thin layer: MkDocs 1.6 with Material for MkDocs.

Only this package imports MkDocs. To move to another engine (ProperDocs, Zensical),
replace it: the content model and the page logic (``generator.site``) stay as they are,
and the templates read only ``page.meta``."""

from .mkdocs_engine import render_site

__all__ = ["render_site"]
