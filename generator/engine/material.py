"""What Material for MkDocs needs of a page besides what our templates read: a Markdown source name,
``hide``, and a title and description escaped for its templates, which print them as they are.
Engine-specific, like the rest of this package: the pages of ``generator.site`` know nothing of it."""

from __future__ import annotations

from markupsafe import escape


# Material shows neither its navigation sidebar nor a table of contents on our pages: each
# template lays out its own page.
HIDDEN = ("navigation", "toc")


def source_of(url: str) -> str:
    """MkDocs makes pages from Markdown sources: ``offres/infirmier/index.md`` is served at the
    page's address, ``offres/infirmier/``."""
    return f"{url}index.md"


def material_meta(meta: dict) -> dict:
    """A page's meta as Material's own templates need it: ``hide``, and the title and description
    escaped, since those templates print them as they are (ours escape every value)."""
    description = meta.get("description")
    return {**meta, "title": escape(meta["title"]), "description": None if description is None else escape(description),
            "hide": list(HIDDEN)}
