"""Print-ready posters for printed placements: hero image, slogan, QR code, short link, logo.

Sizes follow the rule of thumb "code width ≥ reading distance / 10"; each paper size assumes
the reading distance below (documented in the README)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import resvg_py
from PIL import Image, ImageDraw, ImageOps

from ..media.images import reading
from ..media.safe_svg import SvgRefused, clean_file
from ..media.drawing import fit_text as _fit_text, font as _font, wrap as _wrap

from .qr_codes import code_image

DPI = 300
PAPER_MM = {"A5": (148, 210), "A4": (210, 297), "A3": (297, 420), "A2": (420, 594), "A1": (594, 841), "A0": (841, 1189)}
READING_DISTANCE_M = {"A5": 0.5, "A4": 1.0, "A3": 1.5, "A2": 2.0, "A1": 3.0, "A0": 4.0}
DEFAULT_SIZE = {"flyer": "A5", "carte": "A5", "presse": "A4", "affiche": "A3", "kakemono": "A1", "banderole": "A1"}


def mm_to_px(mm: float) -> int:
    return round(mm / 25.4 * DPI)


def qr_width_mm(size: str) -> float:
    return READING_DISTANCE_M[size] * 1000 / 10


RASTER_LOGOS = (".png", ".jpg", ".jpeg", ".webp")


def logo_image(logo: Path | None, box: tuple[int, int]) -> Image.Image | None:
    """The territory's logo as large as fits in ``box`` (pixels at 300 dpi), its proportions
    kept, or None when there is none that can be drawn (the poster then prints the name).

    An SVG is drawn by resvg (``resvg-py``: a Rust renderer in the wheel, no system library)
    from the file as the site publishes it, rewritten by ``media.safe_svg``'s allow-list, never
    from the file as it is: only shapes, text and references inside the file are left, so the
    renderer has nothing to fetch (resvg has no network access, and the allow-list leaves no
    ``<image>`` that would make it read a local file). Drawn at the poster's own resolution, the
    logo stays sharp on an A0 as on an A5."""
    if logo is None or not logo.is_file():
        return None
    suffix = logo.suffix.lower()
    if suffix in RASTER_LOGOS:
        with reading(str(logo)), Image.open(logo) as img:
            return ImageOps.contain(img.convert("RGBA"), box, Image.LANCZOS)
    if suffix != ".svg":
        return None
    try:
        svg = clean_file(logo).decode("utf-8")
        png = resvg_py.svg_to_bytes(svg_string=svg, width=box[0], height=box[1])
    except (SvgRefused, ValueError, OSError):
        return None  # content validation refuses such a file first; a poster still prints
    with Image.open(io.BytesIO(png)) as img:
        return img.convert("RGBA")


@dataclass(frozen=True)
class PosterText:
    title: str
    slogan: str | None
    call: str  # "Scannez pour en savoir plus"
    short_link: str  # shown in clear under the code
    territory: str


def draw_poster(size: str, code, text: PosterText, hero: Path | None, logo: Path | None,
                primary: str, accent: str) -> Image.Image:
    width, height = (mm_to_px(v) for v in PAPER_MM[size])
    margin = round(width * 0.06)
    poster = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(poster)

    qr_px = mm_to_px(qr_width_mm(size))
    qr = code_image(code, qr_px)
    qr = qr.resize((qr_px, qr_px), Image.NEAREST) if qr.width != qr_px else qr

    link_font = _font(max(24, round(qr_px * 0.075)), bold=True)
    call_font = _font(max(24, round(qr_px * 0.09)), bold=True)
    bottom_h = qr_px + 2 * margin + round(link_font.size * 1.8)
    band_h = round(height * 0.17)
    hero_h = height - bottom_h - band_h

    # Hero image, cropped to fill its area.
    if hero is not None and hero.is_file():
        with reading(str(hero)), Image.open(hero) as img:
            poster.paste(ImageOps.fit(img.convert("RGB"), (width, hero_h), Image.LANCZOS), (0, 0))
    else:
        draw.rectangle((0, 0, width, hero_h), fill=primary)

    # Slogan band in the territory's colour.
    draw.rectangle((0, hero_h, width, hero_h + band_h), fill=primary)
    headline = text.slogan or text.title
    font, lines = _fit_text(headline, width - 2 * margin, 3, round(band_h * 0.32), height=round(band_h * 0.85))
    line_h = round(font.size * 1.2)
    y = hero_h + (band_h - line_h * len(lines)) // 2
    for line in lines:
        draw.text((margin, y), line, font=font, fill="white")
        y += line_h

    # QR code on the left, the call and the logo on the right.
    top = hero_h + band_h + margin
    poster.paste(qr, (margin, top))
    link_w = draw.textlength(text.short_link, font=link_font)
    if link_w > qr_px + margin:
        link_font = _font(max(16, int(link_font.size * (qr_px + margin) / link_w)), bold=True)
    draw.text((margin, top + qr_px + round(link_font.size * 0.4)), text.short_link, font=link_font, fill="black")

    right = margin * 2 + qr_px
    column = width - right - margin
    y = top + round(call_font.size * 0.2)
    for line in _wrap(text.call, call_font, column):
        draw.text((right, y), line, font=call_font, fill=primary)
        y += round(call_font.size * 1.25)
    draw.rectangle((right, y + call_font.size // 3, right + min(column, qr_px // 2), y + call_font.size // 3 + max(6, margin // 8)), fill=accent)

    # The logo at the bottom of the column, level with the code's foot: at most as high as a
    # third of the code (5 cm code on an A5, 17 mm; 40 cm on an A0, 14 cm), as wide as the column.
    logo_box = (column, round(qr_px * 0.35))
    logo_top = top + qr_px - logo_box[1]
    mark = logo_image(logo, logo_box)
    if mark is not None:
        poster.paste(mark, (right, logo_top + logo_box[1] - mark.height), mark)
    else:  # no logo, or one that cannot be drawn: the territory's name stands in for it
        font, lines = _fit_text(text.territory, column, 2, round(logo_box[1] * 0.4))
        y = logo_top + logo_box[1] - round(font.size * 1.2) * len(lines)
        for line in lines:
            draw.text((right, y), line, font=font, fill=primary)
            y += round(font.size * 1.2)
    return poster
