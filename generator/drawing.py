"""Text on images (posters, social cards): fonts, wrapping, fitting a text in a box."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageDraw, ImageFont

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts")


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        path = Path(folder) / name
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)  # Pillow's own scalable font


def wrap(draw: ImageDraw.ImageDraw, text: str, face, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=face) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    return lines + ([line] if line else [])


def fit_text(draw, text: str, width: int, max_lines: int, start: int, bold=True, height: int | None = None):
    """The largest font size (down from ``start``) at which the text fits in ``max_lines`` and ``height``."""
    size = start
    while size > 12:
        face = font(size, bold)
        lines = wrap(draw, text, face, width)
        fits_height = height is None or len(lines) * size * 1.2 <= height
        if len(lines) <= max_lines and fits_height and all(draw.textlength(ln, font=face) <= width for ln in lines):
            return face, lines
        size = int(size * 0.9)
    face = font(size, bold)
    return face, wrap(draw, text, face, width)
