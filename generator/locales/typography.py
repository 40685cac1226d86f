"""The apostrophe a language prints, decided here once for everything a visitor reads.

French prints the typographic apostrophe ’ (U+2019); officers type the straight one ('), and
the catalogue, the templates and the content are written with either. ``apostrophes`` turns a
straight apostrophe between two letters (l'offre, aujourd'hui) into ’ and leaves every other
quote alone ('quoted', 12', a YAML or code example), and any word that is an address written
out (https://…, www.…, an e-mail address). English keeps the straight apostrophe,
as its catalogue is written.

Where it is applied:

- the catalogue's sections that visitors read (``locales.words``);
- every French page, once rendered (``html``): text nodes and the attributes read as text
  (``alt``, ``title``, ``aria-label``, ``placeholder``, the description and Open Graph texts of
  ``<meta>``), never an address, a form value, ``<script>`` (JSON-LD, JavaScript), ``<style>``,
  ``<code>``, ``<pre>`` or ``<textarea>``;
- the texts of what is not HTML: calendars, feeds, JSON-LD, social cards, posters
  (``for_language``)."""

from __future__ import annotations

import re
from typing import Callable

# Languages that print ’ for the apostrophe written '.
TYPOGRAPHIC = frozenset({"fr"})
APOSTROPHE = "\u2019"

_LETTER = r"[^\W\d_]"
_BETWEEN_LETTERS = re.compile(rf"(?<={_LETTER})'(?={_LETTER})")
# In HTML the straight apostrophe is also written as an entity (Jinja and MarkupSafe write &#39;).
# Found first, its letters checked after: a look-behind tried at every character of a page
# costs ten times more.
_IN_HTML = re.compile(r"'|&#39;|&#[xX]27;|&apos;")
# What is never prose: the whole element, or a comment.
_NOT_TEXT = re.compile(r"<(script|style|pre|code|textarea)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"[^"]*|'[^']*)$""")
# data-label: the job filters' option text, which jobs.js writes back after each change.
_TEXT_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "placeholder", "data-label"})
# <meta> whose content is read as text (search results, link previews); never og:url nor og:image.
_TEXT_META = re.compile(
    r"""\b(?:name|property)\s*=\s*["'](?:description|og:title|og:description|og:site_name|og:image:alt|"""
    r"""twitter:title|twitter:description|twitter:image:alt)["']""", re.I)


_WORD_END = re.compile(r"[\s<>\"]")


def _in_address(text: str, at: int) -> bool:
    """Whether position ``at`` is in a word written as an address: a URL or an e-mail address."""
    start = at
    while start > 0 and not _WORD_END.match(text[start - 1]):
        start -= 1
    end = _WORD_END.search(text, at)
    word = text[start:end.start() if end else len(text)]
    return "@" in word or "://" in word or word.lower().startswith("www.")


def _apostrophe(match: re.Match) -> str:
    return match.group() if _in_address(match.string, match.start()) else APOSTROPHE


def apostrophes(text: str) -> str:
    """``text`` with ’ for each straight apostrophe between two letters, outside addresses."""
    return _BETWEEN_LETTERS.sub(_apostrophe, text) if "'" in text else text


def unchanged(text: str) -> str:
    """The typography of a language that writes its apostrophe as it is typed."""
    return text


def for_language(language: str, *, markup: bool = False) -> Callable[[str], str]:
    """What the language does to a plain text (``apostrophes`` in French, nothing in English),
    or with ``markup`` to HTML (``html``)."""
    if language not in TYPOGRAPHIC:
        return unchanged
    return html if markup else apostrophes


def html(page: str) -> str:
    """A French page with ’ in what visitors read of it (see the module's note)."""
    found = [m for m in _IN_HTML.finditer(page)
             if 0 < m.start() and m.end() < len(page) and page[m.start() - 1].isalpha() and page[m.end()].isalpha()]
    if not found:
        return page
    skipped = [(m.start(), m.end()) for m in _NOT_TEXT.finditer(page)]
    out: list[str] = []
    done = 0
    region = 0
    for match in found:
        at = match.start()
        while region < len(skipped) and skipped[region][1] <= at:
            region += 1
        if region < len(skipped) and skipped[region][0] <= at:
            continue  # inside <script>, <style>, <code>, <pre>, <textarea> or a comment
        if not _is_text(page, at) or _in_address(page, at):
            continue
        out.append(page[done:at])
        out.append(APOSTROPHE)
        done = match.end()
    out.append(page[done:])
    return "".join(out)


def _is_text(page: str, at: int) -> bool:
    """Whether position ``at`` is in a text node or in an attribute read as text."""
    opened = page.rfind("<", 0, at)
    if opened <= page.rfind(">", 0, at):
        return True  # between tags: a text node
    attribute = _ATTRIBUTE.search(page, opened, at)
    if attribute is None:
        return False
    name = attribute.group(1).lower()
    if name in _TEXT_ATTRIBUTES:
        return True
    if name == "content" and page.startswith("<meta", opened):
        end = page.find(">", at)
        return bool(_TEXT_META.search(page, opened, end if end != -1 else len(page)))
    return False
