"""Colour contrast as WCAG 2.1 measures it, the text colour a brand colour takes, and a readable
variant of the same hue.

The primary colour is read on white (links, headings) and carries white text (the header): it
must reach 4.5:1, the level AA minimum for normal text, against white. On the accent colour
(call-to-action buttons) the text is white or black, whichever contrasts more: one of them always
reaches 4.5:1, so any accent colour is readable."""

from __future__ import annotations

import colorsys
import math

MINIMUM = 4.5
WHITE = "#ffffff"
BLACK = "#000000"


def rgb(color: str) -> tuple[int, int, int]:
    """``#1d4e89`` or ``#fff`` as three 0-255 integers."""
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_color(r: int, g: int, b: int) -> str:
    return f"#{r:02x}{g:02x}{b:02x}"


def relative_luminance(color: str) -> float:
    """WCAG 2.1: sRGB channels linearised, weighted 0.2126 R + 0.7152 G + 0.0722 B."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter colour on top: 1 to 21."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def text_on(color: str) -> str:
    """White or black, whichever reads better on ``color``. At least 4.58:1 whatever the colour: the
    two contrasts are equal at a luminance of about 0.18, where each is 4.58."""
    return WHITE if contrast(color, WHITE) > contrast(color, BLACK) else BLACK


def shown_ratio(ratio: float) -> float:
    """The ratio rounded down to one decimal: 4.47 shows as 4.4, never as a passing 4.5."""
    return math.floor(ratio * 10) / 10


def readable_variant(color: str, text: str, minimum: float = MINIMUM) -> str:
    """The closest colour of the same hue and saturation (HSL) on which ``text`` reaches
    ``minimum``: darker under white text, lighter under black text. ``color`` itself if it does."""
    if contrast(color, text) >= minimum:
        return color
    r, g, b = rgb(color)
    h, lightness, s = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    darken = relative_luminance(text) > 0.5  # white text: go darker; black text: go lighter

    def at(lum: float) -> str:
        return hex_color(*(round(c * 255) for c in colorsys.hls_to_rgb(h, lum, s)))

    # Binary search on the lightness between the colour and black (or white), then make sure
    # the rounded hex value passes too.
    passing, failing = (0.0, lightness) if darken else (1.0, lightness)
    for _ in range(40):
        middle = (passing + failing) / 2
        if contrast(at(middle), text) >= minimum:
            passing = middle
        else:
            failing = middle
    step = -0.002 if darken else 0.002
    candidate = passing
    while contrast(at(candidate), text) < minimum and 0.0 <= candidate <= 1.0:
        candidate += step
    return at(min(max(candidate, 0.0), 1.0))
