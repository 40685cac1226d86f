"""Officer-written Markdown to safe HTML: rendered with Python-Markdown, then sanitised by nh3."""

from __future__ import annotations

import re
import threading

import markdown as _markdown
import nh3
from markupsafe import Markup

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}
_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"}, "abbr": {"title"}, "div": {"class"}, "p": {"class"},
    "span": {"class"}, "th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "ol": {"start"},
}
_SCHEMES = {"https", "http", "mailto", "tel"}
_local = threading.local()


def _converter() -> _markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = _markdown.Markdown(
            extensions=["tables", "sane_lists", "def_list", "abbr", "admonition", "toc"],
            extension_configs={"toc": {"permalink": False}},
            output_format="html",
        )
        _local.md = md
    return md


_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+\S")


def _lists_need_no_blank_line(text: str) -> str:
    """Officers write a list right under its paragraph; Markdown wants a blank line between them."""
    out: list[str] = []
    in_list = False
    for line in text.split("\n"):
        item = bool(_LIST_ITEM.match(line))
        if item and not in_list and out and out[-1].strip():
            out.append("")
        continuation = in_list and line.startswith((" ", "\t")) and bool(line.strip())
        in_list = item or continuation
        out.append(line)
    return "\n".join(out)


def render(text: str | None, *, shift_headings: bool = True) -> Markup:
    """Safe HTML for a Markdown field (headings start at h2: the page has its own h1)."""
    if not text:
        return Markup("")
    md = _converter()
    html = md.reset().convert(_lists_need_no_blank_line(text))
    if shift_headings:
        html = html.replace("<h1", "<h2").replace("</h1>", "</h2>")
    clean = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES, link_rel="noopener")
    return Markup(clean)


def text_of(html: str) -> str:
    """The words of sanitised HTML, on one line."""
    return " ".join(nh3.clean(str(html), tags=set()).split())


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def plain(text: str | None, limit: int = 160) -> str:
    """A one-line text version of a Markdown field (for meta descriptions and cards)."""
    return shorten(text_of(render(text)), limit) if text else ""
