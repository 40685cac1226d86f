"""Posters print the territory's logo: an SVG drawn by resvg from its sanitised copy, a PNG or
JPEG as it is, the territory's name when there is no logo that can be drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops

from generator.codes.posters import PosterText, draw_poster, logo_image, mm_to_px, qr_width_mm
from generator.codes.qr_codes import make_code
from generator.content.project import load_project

ROOT = Path(__file__).resolve().parent.parent
DEMO_LOGO = ROOT / "content/media/logo.svg"  # 320×80: mountains in teal, a river in orange, the name
TEAL, ORANGE = (0x1F, 0x5F, 0x5B), (0xE0, 0x7A, 0x2F)
PRIMARY, ACCENT = "#5b2a86", "#2a9d8f"  # none of the logo's colours: what is found of them is the logo's
TEXT = PosterText(title="Soignants", slogan="Ici, on prend soin de ceux qui soignent", call="Je m’inscris",
                  short_link="vivre.example.fr/q/flyer", territory="Haut-Vallon")


def poster(logo: Path | None, size: str = "A5", primary: str = PRIMARY, accent: str = ACCENT) -> Image.Image:
    return draw_poster(size, make_code("https://vivre.example.fr/q/flyer/", "M"), TEXT, None, logo, primary, accent)


def column(image: Image.Image, size: str, below: float = 0.6) -> Image.Image:
    """The right-hand column beside the code, from ``below`` of the height down: the call to
    action, the accent stroke and the logo (or the name)."""
    margin = round(image.width * 0.06)
    return image.crop((2 * margin + mm_to_px(qr_width_mm(size)), round(image.height * below), image.width, image.height))


def mask(image: Image.Image, colour, tolerance: int = 40) -> Image.Image:
    """White where ``image`` has ``colour`` (each channel within ``tolerance``), black elsewhere."""
    r, g, b = ImageChops.difference(image.convert("RGB"), Image.new("RGB", image.size, colour)).split()
    return ImageChops.lighter(ImageChops.lighter(r, g), b).point(lambda v: 255 if v <= tolerance else 0)


def count(image: Image.Image, colour) -> int:
    return mask(image, colour).histogram()[255]


def test_the_demo_poster_prints_the_svg_logo():
    content = load_project(ROOT)
    site = content.config.site
    logo = content.media_dir / site.logo
    assert logo == DEMO_LOGO
    image = poster(logo, primary=site.colors.primary, accent=site.colors.accent)
    # The demo's accent is the logo's orange: under the accent stroke, only the logo's river has it.
    foot = column(image, "A5", below=0.85)
    assert count(foot, ORANGE) > 2000
    assert count(column(poster(None, primary=site.colors.primary, accent=site.colors.accent), "A5", below=0.85), ORANGE) == 0


def test_the_svg_logo_replaces_the_name():
    with_logo, with_name = column(poster(DEMO_LOGO), "A5"), column(poster(None), "A5")
    assert count(with_logo, TEAL) > 5000 and count(with_logo, ORANGE) > 2000
    assert count(with_name, TEAL) == count(with_name, ORANGE) == 0
    # The name is written in the primary colour where the logo is not
    assert count(with_name, PRIMARY_RGB) > count(with_logo, PRIMARY_RGB) + 2000


PRIMARY_RGB = tuple(int(PRIMARY[i:i + 2], 16) for i in (1, 3, 5))


def test_the_svg_logo_keeps_its_proportions_and_fills_its_box():
    assert logo_image(DEMO_LOGO, (2000, 300)).size == (1200, 300)  # 4:1, as high as the box
    assert logo_image(DEMO_LOGO, (400, 300)).size == (400, 100)  # as wide as the box
    mark = logo_image(DEMO_LOGO, (1200, 300))
    assert mark.mode == "RGBA" and mark.getpixel((0, 0))[3] == 0  # transparent around the drawing


def test_the_logo_is_drawn_at_the_paper_s_resolution():
    """Larger on a larger poster, as wide as its column allows, never an enlarged small picture."""
    def drawn_box(image):
        """The box of what is not white: under the accent stroke, the logo."""
        left, top, right, bottom = ImageChops.invert(mask(image, (255, 255, 255), tolerance=60)).getbbox()
        return right - left, bottom - top

    alone = logo_image(DEMO_LOGO, (3200, 800))  # the logo alone, large
    flat = Image.new("RGB", alone.size, "white")
    flat.paste(alone, mask=alone)
    width, height = drawn_box(flat)
    widths = {}
    for size in ("A5", "A4", "A3"):
        w, h = drawn_box(column(poster(DEMO_LOGO, size), size, below=0.8))
        widths[size] = w / 300 * 25.4  # mm at 300 dpi
        assert abs(h / w - height / width) < 0.01, size  # not stretched
    assert 50 < widths["A5"] < widths["A4"] < widths["A3"], widths


def test_a_png_logo_is_drawn(tmp_path):
    logo = tmp_path / "logo.png"
    image = Image.new("RGBA", (400, 100), (0, 0, 0, 0))
    image.paste((255, 0, 255, 255), (0, 0, 400, 100))
    image.save(logo)
    found = mask(column(poster(logo), "A5"), (255, 0, 255))
    left, top, right, bottom = found.getbbox()
    assert round((right - left) / (bottom - top)) == 4


def test_no_logo_or_one_that_cannot_be_drawn_prints_the_name(tmp_path):
    gif = tmp_path / "logo.gif"
    Image.new("RGB", (40, 10), (255, 0, 255)).save(gif)
    missing = tmp_path / "absent.svg"
    name = column(poster(None), "A5")
    for logo in (gif, missing):
        assert column(poster(logo), "A5").tobytes() == name.tobytes(), logo


@pytest.mark.parametrize("inside", [
    '<image href="{png}" width="100" height="100"/>',
    '<image xlink:href="file://{png}" width="100" height="100"/>',
    '<style>@import url("file://{png}");</style>',
    '<rect width="100" height="100" fill="url(file://{png})"/>',
])
def test_the_raw_svg_is_never_rendered(tmp_path, inside):
    """resvg would read a local file an <image> names: the poster draws the sanitised SVG, and
    the allow-list refuses such a file, so the poster prints the name and nothing of the file."""
    png = tmp_path / "secret.png"
    Image.new("RGB", (100, 100), (255, 0, 255)).save(png)
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                    f'width="100" height="100"><rect width="100" height="100" fill="#00ff00"/>{inside.format(png=png)}</svg>')
    drawn = column(poster(logo), "A5")
    assert count(drawn, (255, 0, 255)) == count(drawn, (0, 255, 0)) == 0
    assert drawn.tobytes() == column(poster(None), "A5").tobytes()
