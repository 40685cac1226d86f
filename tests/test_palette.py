"""The palette: the primary colour is read on white (4.5:1 at least); the accent takes white or black text,
whichever reads better, so any accent is readable."""

from __future__ import annotations

import colorsys
from pathlib import Path

import pytest
import yaml

from generator.content.contrast import BLACK, WHITE, contrast, hex_color, readable_variant, relative_luminance, rgb, shown_ratio, text_on
from generator.content.errors import ContentError
from generator.content.project import load_project

from project_factory import FILES, make_project

REPO = Path(__file__).resolve().parents[1]
DEFAULT_COLORS = 'colors: {primary: "#1d4e89", accent: "#f29100"}'


def problems(tmp_path, colors: str, language: str = "fr") -> list[str]:
    config = FILES["site_config.yml"].replace(DEFAULT_COLORS, colors).replace("language: fr", f"language: {language}")
    make_project(tmp_path, **{"site_config.yml": config})
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    return [str(p) for p in err.value.problems]


# --- the WCAG 2.1 formula ----------------------------------------------------------------

@pytest.mark.parametrize("a, b, expected", [
    ("#ffffff", "#000000", 21.0),
    ("#777777", "#ffffff", 4.48),  # the classic "almost passes" grey
    ("#767676", "#ffffff", 4.54),
    ("#1d4e89", "#ffffff", 8.39),
    ("#f29100", "#000000", 8.83),
    ("#fff", "#ffffff", 1.0),  # shorthand hex
])
def test_contrast_ratio(a, b, expected):
    assert contrast(a, b) == pytest.approx(expected, abs=0.01)
    assert contrast(b, a) == contrast(a, b)


def test_relative_luminance_uses_linearised_channels():
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1)
    assert relative_luminance("#808080") == pytest.approx(0.2159, abs=1e-4)  # not 0.5: sRGB is not linear
    assert relative_luminance("#00ff00") == pytest.approx(0.7152)


def test_ratio_shown_rounded_down():
    assert shown_ratio(4.4999) == 4.4  # never shown as a passing 4.5
    assert shown_ratio(2.38) == 2.3


def _hue(color: str) -> float:
    r, g, b = (c / 255 for c in rgb(color))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


@pytest.mark.parametrize("color, text", [
    ("#f29100", WHITE), ("#e07a2f", WHITE), ("#ffff00", WHITE), ("#87ceeb", WHITE), ("#777777", WHITE),
    ("#1d4e89", BLACK), ("#c2410c", BLACK), ("#000080", BLACK), ("#8b0000", BLACK), ("#333333", BLACK),
])
def test_suggestion_passes_and_keeps_the_hue(color, text):
    suggestion = readable_variant(color, text)
    assert contrast(suggestion, text) >= 4.5
    assert contrast(suggestion, text) < 5.2  # the closest passing shade, not black or white
    if len(set(rgb(color))) > 1:  # a grey has no hue
        assert abs(_hue(suggestion) - _hue(color)) < 4
    darker = relative_luminance(suggestion) < relative_luminance(color)
    assert darker == (text == WHITE)


def test_passing_colour_is_its_own_suggestion():
    assert readable_variant("#1d4e89", WHITE) == "#1d4e89"


# --- content errors ----------------------------------------------------------------------

def test_light_primary_is_an_error_with_ratio_and_suggestion(tmp_path):
    found = problems(tmp_path, 'colors:\n    primary: "#F29100"\n    accent: "#f29100"')
    assert found == [
        "site_config.yml:8: site.colors.primary: contraste de 2,3:1 entre le texte blanc de l'en-tête et #f29100, "
        "il faut au moins 4,5:1 ; foncez la couleur, par exemple \"#ab6600\""
    ]
    assert contrast("#ab6600", WHITE) >= 4.5


@pytest.mark.parametrize("accent, text", [("#c8102e", WHITE), ("#8b0000", WHITE), ("#1d4e89", WHITE),
                                          ("#f29100", BLACK), ("#ffe600", BLACK), ("#777777", BLACK)])
def test_any_accent_takes_the_text_colour_that_reads(accent, text):
    assert text_on(accent) == text and contrast(accent, text) >= 4.5


def test_every_colour_has_a_readable_text():
    """One of white or black always reaches 4.5:1 (4.58 at worst): no accent can be refused."""
    worst = min(max(contrast(hex_color(v, v, v), WHITE), contrast(hex_color(v, v, v), BLACK)) for v in range(256))
    assert worst >= 4.5
    assert all(contrast(c, text_on(c)) >= 4.5 for c in ("#ff0000", "#00ff00", "#0000ff", "#767676", "#959595", "#c8102e"))


def test_a_dark_red_accent_builds_with_white_button_text(tmp_path):
    """The issue's case: a territory whose brand accent is a dark red."""
    from generator.cli import main

    make_project(tmp_path, **{"site_config.yml": FILES["site_config.yml"].replace(
        DEFAULT_COLORS, 'colors: {primary: "#1d4e89", accent: "#c8102e"}')})
    assert main(["build", "--project", str(tmp_path), "--today", "2026-11-23"]) == 0
    home = (tmp_path / "site/index.html").read_text("utf-8")
    assert "--territoire-accent:#c8102e" in home and "--t-on-accent:#ffffff" in home


def test_a_light_yellow_read_on_white_is_still_refused(tmp_path):
    found = problems(tmp_path, 'colors:\n    primary: "#ffe600"\n    accent: "#c8102e"')
    assert len(found) == 1 and found[0].startswith("site_config.yml:8: site.colors.primary: contraste de 1,2:1 ")


def test_default_colours_pass(tmp_path):
    config = FILES["site_config.yml"].replace(f"  {DEFAULT_COLORS}\n", "")
    make_project(tmp_path, **{"site_config.yml": config})
    assert load_project(tmp_path).config.site.colors.primary == "#1d4e89"


@pytest.mark.parametrize("path", ["site_config.yml", "generator/starter/site_config.yml"])
def test_demo_and_starter_palettes_pass(path):
    colors = yaml.safe_load((REPO / path).read_text("utf-8"))["site"]["colors"]
    assert contrast(colors["primary"], WHITE) >= 4.5
    assert contrast(colors["accent"], text_on(colors["accent"])) >= 4.5


@pytest.mark.browser
def test_buttons_on_a_dark_red_accent_pass_axe(tmp_path, browser, axe):
    """In Chromium, axe-core finds no contrast violation on a campaign page whose buttons are dark red."""
    from browser_support import Server
    from generator.cli import main

    make_project(tmp_path, **{"site_config.yml": FILES["site_config.yml"].replace(
        DEFAULT_COLORS, 'colors: {primary: "#1d4e89", accent: "#c8102e"}')})
    assert main(["build", "--project", str(tmp_path), "--today", "2026-11-23"]) == 0
    server = Server(tmp_path / "site")
    page = browser.new_page()
    try:
        page.goto(server.base + "soignants/")
        button = page.locator(".md-button--primary").first
        assert button.evaluate("b => getComputedStyle(b).color") == "rgb(255, 255, 255)"
        result = axe.run(page, options={"runOnly": {"type": "rule", "values": ["color-contrast"]}, "resultTypes": ["violations"]})
        assert result.violations_count == 0, result.generate_report()
    finally:
        page.close()
        server.close()
