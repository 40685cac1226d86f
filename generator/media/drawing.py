"""Text on images (posters, social cards): fonts, wrapping, fitting a text in a box."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts")


@lru_cache(maxsize=None)  # a handful of sizes; kept alive, so the caches below can key on id()
def font(size: int, bold: bool = False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        path = Path(folder) / name
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)  # Pillow's own scalable font


# Thousands of social cards repeat the same words ("Infirmier", "(H/F)", "de"...): their widths
# and rendered glyphs are kept per font and size, which makes a card's text 4 times faster.
_widths: dict[tuple, float] = {}
_masks: dict[tuple, tuple[Image.Image, int, int]] = {}
_MAX_MASKS = 4000  # about 70 MB of glyphs at the size of a card's title


def _word_width(face, word: str) -> float:
    key = (id(face), word)
    if key not in _widths:
        _widths[key] = face.getlength(word)
    return _widths[key]


def text_width(face, text: str) -> float:
    """The width of a line, from the widths of its words (kerning across a space is negligible)."""
    words = text.split()
    return sum(_word_width(face, w) for w in words) + _word_width(face, " ") * max(0, len(words) - 1)


def draw_text(image: Image.Image, xy: tuple[int, int], text: str, face, fill) -> None:
    """``ImageDraw.text`` for one line, from the glyphs of each word rendered once."""
    x, y = xy
    space = _word_width(face, " ")
    for word in text.split():
        key = (id(face), word)
        if key not in _masks:
            if len(_masks) >= _MAX_MASKS:
                _masks.clear()
            left, top, right, bottom = face.getbbox(word)
            mask = Image.new("L", (max(1, right - left), max(1, bottom - top)))
            ImageDraw.Draw(mask).text((-left, -top), word, font=face, fill=255)
            _masks[key] = (mask, left, top)
        mask, left, top = _masks[key]
        image.paste(fill, (round(x) + left, y + top), mask)
        x += _word_width(face, word) + space


def wrap(text: str, face, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if text_width(face, trial) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    return lines + ([line] if line else [])


def fit_text(text: str, width: int, max_lines: int, start: int, bold=True, height: int | None = None):
    """The largest font size (down from ``start``) at which the text fits in ``max_lines`` and ``height``."""
    size = start
    while size > 12:
        face = font(size, bold)
        lines = wrap(text, face, width)
        fits_height = height is None or len(lines) * size * 1.2 <= height
        if len(lines) <= max_lines and fits_height and all(text_width(face, ln) <= width for ln in lines):
            return face, lines
        size = int(size * 0.9)
    face = font(size, bold)
    return face, wrap(text, face, width)
