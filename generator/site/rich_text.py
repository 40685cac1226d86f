"""Officer-written Markdown to safe HTML: rendered with cmark-gfm, then sanitised by nh3.

cmark-gfm (GitHub's CommonMark, in C) with nh3 makes a job description's HTML 12 times faster
than Python-Markdown did (0.05 ms against 0.65 ms): at 2,400 offers that was half of
`territoire check` (bench/README.md).
The two syntaxes Python-Markdown gave on top of CommonMark and the officer guide documents,
admonitions (``!!! tip "Titre"``) and heading anchors, are added here."""

from __future__ import annotations

import html as _html
import re
from functools import lru_cache

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from markupsafe import Markup
from slugify import slugify

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}
_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"}, "abbr": {"title"}, "div": {"class"}, "p": {"class"},
    "span": {"class"}, "th": {"scope", "colspan", "rowspan", "align"}, "td": {"colspan", "rowspan", "align"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "ol": {"start"},
}
_SCHEMES = {"https", "http", "mailto", "tel"}
# Raw HTML is kept for nh3 to clean (officers paste from web pages); it is never trusted as is.
_OPTIONS = Options.CMARK_OPT_UNSAFE
# GitHub's set without "tagfilter": nh3 removes a pasted <script> whole, where tagfilter would
# show its code as text.
_EXTENSIONS = ["table", "strikethrough", "autolink"]

_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+\S")
# Python-Markdown's syntax, which the officer guide documents: `!!! tip "Bon à savoir"`,
# then the text indented by 4 spaces.
_ADMONITION = re.compile(r'^!!! ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *$')
_HEADING = re.compile(r"<h([2-4])>(.*?)</h\1>", re.S)


def _lists_need_no_blank_line(text: str) -> str:
    """Officers write a list right under its paragraph; CommonMark only allows it for lists
    starting at 1 or with a bullet: a blank line makes every list a list."""
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


def _dedent(line: str) -> str:
    return line[4:] if line.startswith("    ") else line[1:] if line.startswith("\t") else line.lstrip(" ")


def _markdown(text: str) -> str:
    """CommonMark + GFM tables, with admonitions as Material styles them."""
    out: list[str] = []
    lines = text.split("\n")
    plain: list[str] = []
    i = 0
    while i < len(lines):
        match = _ADMONITION.match(lines[i])
        if not match:
            plain.append(lines[i])
            i += 1
            continue
        body: list[str] = []
        i += 1
        while i < len(lines) and (lines[i].startswith(("    ", "\t")) or not lines[i].strip()):
            body.append(_dedent(lines[i]))
            i += 1
        while body and not body[-1].strip():  # blank lines after the box belong to the text
            body.pop()
        out.append(_gfm("\n".join(plain)))
        plain = []
        classes, title = match.group(1), match.group(2)
        if title is None:
            title = classes.split()[0].capitalize()
        heading = f'<p class="admonition-title">{_html.escape(title)}</p>\n' if title else ""
        out.append(f'<div class="admonition {_html.escape(classes)}">\n{heading}{_markdown(chr(10).join(body))}</div>\n')
    out.append(_gfm("\n".join(plain)))
    return "".join(out)


def _gfm(text: str) -> str:
    if not text.strip():
        return ""
    return cmarkgfm.markdown_to_html_with_extensions(_lists_need_no_blank_line(text), _OPTIONS, _EXTENSIONS)


def _anchored(html: str) -> str:
    """Headings get an id, as Python-Markdown's toc gave them: `[voir](#faire-connaissance)` works."""
    seen: set[str] = set()

    def anchor(match: re.Match) -> str:
        base = slugify(text_of(match.group(2))) or "section"
        slug, n = base, 0
        while slug in seen:
            n += 1
            slug = f"{base}_{n}"
        seen.add(slug)
        return f'<h{match.group(1)} id="{slug}">{match.group(2)}</h{match.group(1)}>'

    return _HEADING.sub(anchor, html)


def render(text: str | None, *, shift_headings: bool = True) -> Markup:
    """Safe HTML for a Markdown field (headings start at h2: the page has its own h1)."""
    return _render(text, shift_headings) if text else Markup("")


@lru_cache(maxsize=20_000)  # the preview renders the same texts at every rebuild
def _render(text: str, shift_headings: bool) -> Markup:
    html = _markdown(text)
    if shift_headings:
        html = html.replace("<h1", "<h2").replace("</h1>", "</h2>")
    clean = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES, link_rel="noopener")
    return Markup(_anchored(clean))


def text_of(html: str) -> str:
    """The words of sanitised HTML, on one line, as text ("R&D", not "R&amp;D"): whoever prints
    it escapes it once (templates, Material's meta, JSON in a script, calendars)."""
    return " ".join(_html.unescape(nh3.clean(str(html), tags=set())).split())


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def plain(text: str | None, limit: int = 160) -> str:
    """A one-line text version of a Markdown field (for meta descriptions and cards)."""
    return shorten(text_of(render(text)), limit) if text else ""
