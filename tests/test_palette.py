"""The palette: white text on the primary colour, black text on the accent, 4.5:1 at least."""

from __future__ import annotations

import colorsys
from pathlib import Path

import pytest
import yaml

from generator.content.contrast import BLACK, WHITE, contrast, readable_variant, relative_luminance, rgb, shown_ratio
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


def test_dark_accent_is_an_error_in_english(tmp_path):
    found = problems(tmp_path, 'colors: {primary: "#1d4e89", accent: "#1d4e89"}', language="en")
    assert found == [
        "site_config.yml:7: site.colors.accent: contrast of 2.5:1 between the black text of call-to-action buttons "
        "and #1d4e89, at least 4.5:1 is needed; use a lighter colour, for example \"#2b75cd\""
    ]


def test_both_colours_reported_in_one_run(tmp_path):
    found = problems(tmp_path, 'colors:\n    primary: "#87ceeb"\n    accent: "#8b0000"')
    assert [f.split(": ")[:2] for f in found] == [["site_config.yml:8", "site.colors.primary"],
                                                 ["site_config.yml:9", "site.colors.accent"]]
    assert "entre le texte noir des boutons d'action et #8b0000" in found[1]
    assert "éclaircissez la couleur" in found[1]


def test_default_colours_pass(tmp_path):
    config = FILES["site_config.yml"].replace(f"  {DEFAULT_COLORS}\n", "")
    make_project(tmp_path, **{"site_config.yml": config})
    assert load_project(tmp_path).config.site.colors.primary == "#1d4e89"


@pytest.mark.parametrize("path", ["site_config.yml", "generator/starter/site_config.yml"])
def test_demo_and_starter_palettes_pass(path):
    colors = yaml.safe_load((REPO / path).read_text("utf-8"))["site"]["colors"]
    assert contrast(colors["primary"], WHITE) >= 4.5
    assert contrast(colors["accent"], BLACK) >= 4.5
