"""Tracked QR codes: short links, host rules, registry of published codes, print kit."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from generator.cli import main
from generator.content.errors import ContentError
from generator.content.project import load_project

from project_factory import FILES, make_project

TODAY = "2026-11-23"
SHORT = "https://vivre.example.fr/q/bastille/"
UTM = "utm_source=qr&utm_medium=affiche&utm_campaign=soignants&utm_content=bastille"
TWO_PLACEMENTS = FILES["content/campaigns/soignants.yml"] + (
    "  - {code: flyer, medium: flyer, label: \"Flyer salon\"}\n"
    "  - {code: fb, medium: social, source: facebook, label: \"Post Facebook\"}\n"
)


def build(project: Path) -> int:
    return main(["build", "--project", str(project), "--today", TODAY])


def test_short_link_page_redirects_with_and_without_javascript(tmp_path):
    make_project(tmp_path)
    assert build(tmp_path) == 0
    page = (tmp_path / "site/q/bastille/index.html").read_text()
    target = f"../../soignants/?{UTM}"
    assert '<meta name="robots" content="noindex">' in page
    assert f'<meta http-equiv="refresh" content="0; url={target.replace("&", "&amp;")}">' in page
    assert f'location.replace("{target}")' in page
    assert f'<a href="{target.replace("&", "&amp;")}">' in page


def test_host_redirect_rules(tmp_path):
    make_project(tmp_path, **{"content/campaigns/soignants.yml": TWO_PLACEMENTS})
    assert build(tmp_path) == 0
    netlify = (tmp_path / "site/_redirects").read_text()
    assert f"/q/bastille /soignants/?{UTM} 302!\n/q/bastille /soignants/?{UTM} 302\n" in netlify  # Netlify, then Cloudflare
    assert f"/q/bastille/ /soignants/?{UTM} 302!\n/q/bastille/ /soignants/?{UTM} 302\n" in netlify
    assert "/q/fb/ /soignants/?utm_source=facebook&utm_medium=social&utm_campaign=soignants&utm_content=fb 302" in netlify
    assert "/q/flyer/ /soignants/?utm_source=qr&utm_medium=flyer" in netlify
    apache = (tmp_path / "site/.htaccess").read_text()
    assert f"RedirectMatch 302 ^/q/bastille/?$ /soignants/?{UTM}" in apache
    nginx = (tmp_path / "site.nginx.conf").read_text()
    assert f"location = /q/bastille/ {{ return 302 /soignants/?{UTM}; }}" in nginx
    assert not (tmp_path / "site/site.nginx.conf").exists()  # not published


def test_site_under_a_sub_path(tmp_path):
    config = FILES["site_config.yml"].replace("https://vivre.example.fr", "https://agence.example.fr/vivre")
    make_project(tmp_path, **{"site_config.yml": config})
    assert build(tmp_path) == 0
    assert f"/vivre/q/bastille/ /vivre/soignants/?{UTM} 302" in (tmp_path / "site/_redirects").read_text()


REGISTERED = """\
bastille:
  campaign: soignants
  medium: affiche
  label: "Affiche Bastille"
  published: 2026-10-01
"""


def test_dropping_a_published_code_fails_the_build(tmp_path):
    campaign = FILES["content/campaigns/soignants.yml"].split("placements:")[0]
    make_project(tmp_path, **{"qr-codes.yml": REGISTERED, "content/campaigns/soignants.yml": campaign})
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    [problem] = err.value.problems
    assert str(problem).startswith("qr-codes.yml:1: bastille: le code « bastille » (Affiche Bastille) a été publié pour la campagne « soignants »")
    assert "retired: /" in str(problem)
    assert build(tmp_path) == 1
    assert not (tmp_path / "site").exists()


def test_retired_code_keeps_redirecting(tmp_path):
    campaign = FILES["content/campaigns/soignants.yml"].split("placements:")[0]
    make_project(tmp_path, **{"qr-codes.yml": REGISTERED + "  retired: /\n", "content/campaigns/soignants.yml": campaign})
    assert build(tmp_path) == 0
    page = (tmp_path / "site/q/bastille/index.html").read_text()
    assert 'location.replace("../../?utm_source=qr&utm_medium=affiche&utm_campaign=soignants&utm_content=bastille")' in page
    assert "/q/bastille/ /?utm_source=qr" in (tmp_path / "site/_redirects").read_text()


def test_retargeting_a_published_code_fails(tmp_path):
    other = "title: Autre\nplacements:\n  - {code: bastille, medium: affiche, label: Affiche}\n"
    campaign = FILES["content/campaigns/soignants.yml"].split("placements:")[0]
    make_project(tmp_path, **{"qr-codes.yml": REGISTERED, "content/campaigns/soignants.yml": campaign,
                              "content/campaigns/autre.yml": other})
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    [problem] = err.value.problems
    assert str(problem).startswith("content/campaigns/autre.yml:3: placements.code: le code « bastille » est déjà publié pour la campagne « soignants » (qr-codes.yml:1)")


def test_retired_destination_must_exist(tmp_path):
    campaign = FILES["content/campaigns/soignants.yml"].split("placements:")[0]
    make_project(tmp_path, **{"qr-codes.yml": REGISTERED + "  retired: soignant\n", "content/campaigns/soignants.yml": campaign})
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    assert str(err.value.problems[0]).startswith("qr-codes.yml:6: bastille.retired: destination « soignant » inconnue")


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("kit"), **{"content/campaigns/soignants.yml": TWO_PLACEMENTS})
    assert main(["print", "--project", str(root), "--today", TODAY]) == 0
    return root


def decode(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def test_every_qr_file_decodes_to_its_short_link(kit):
    for code in ("bastille", "flyer", "fb"):
        folder = kit / "print/soignants" / code
        assert decode(Image.open(folder / "qr.png")) == [f"https://vivre.example.fr/q/{code}/"]
        svg = (folder / "qr.svg").read_text()
        assert svg.startswith("<svg") and "<path" in svg
        assert (folder / "qr.pdf").read_bytes().startswith(b"%PDF")


def test_posters_decode_also_at_a_quarter_of_their_size(kit):
    posters = {"bastille": "affiche-A3.png", "flyer": "flyer-A5.png"}
    for code, name in posters.items():
        poster = Image.open(kit / "print/soignants" / code / name)
        assert poster.info["dpi"][0] == pytest.approx(300, abs=1)
        quarter = poster.resize((poster.width // 4, poster.height // 4), Image.LANCZOS)
        expected = [f"https://vivre.example.fr/q/{code}/"]
        assert decode(poster) == expected and decode(quarter) == expected
        assert (kit / "print/soignants" / code / name.replace(".png", ".pdf")).read_bytes().startswith(b"%PDF")
    assert poster.size == (1748, 2480)  # A5 at 300 dpi
    assert not list((kit / "print/soignants/fb").glob("*-A*.png"))  # no poster for a social post


def test_qr_width_follows_reading_distance():
    from generator.codes.posters import READING_DISTANCE_M, qr_width_mm

    for size, distance in READING_DISTANCE_M.items():
        assert qr_width_mm(size) >= distance * 1000 / 10


def test_codes_table(kit):
    rows = list(csv.DictReader((kit / "print/qr-codes.csv").open(encoding="utf-8")))
    assert [r["code"] for r in rows] == ["bastille", "flyer", "fb"]
    assert rows[0] == {"code": "bastille", "campaign": "soignants", "medium": "affiche", "source": "qr",
                       "label": "Affiche Bastille", "short_link": SHORT,
                       "target_url": f"https://vivre.example.fr/soignants/?{UTM}", "size": "A3"}
    assert rows[1]["size"] == "A5" and rows[2]["size"] == "" and rows[2]["source"] == "facebook"


def test_print_registers_new_codes_and_keeps_the_officers_lines(kit, capsys):
    registry = (kit / "qr-codes.yml").read_text()
    assert re.search(r"^bastille:\n  campaign: soignants\n  medium: affiche\n", registry, re.M)
    assert "published: 2026-11-23" in registry
    (kit / "qr-codes.yml").write_text(registry + "# une note de l'agente\n")
    assert main(["print", "--project", str(kit), "--today", "2026-12-01"]) == 0
    again = (kit / "qr-codes.yml").read_text()
    assert again == registry + "# une note de l'agente\n"  # nothing new, nothing lost
    assert "2 affiches (2 déjà à jour)" in capsys.readouterr().out  # posters come from the cache


def test_retired_code_keeps_its_source(tmp_path):
    campaign = FILES["content/campaigns/soignants.yml"].split("placements:")[0]
    registry = "fb:\n  campaign: soignants\n  medium: social\n  label: Post\n  published: 2026-10-01\n  source: facebook\n  retired: /\n"
    make_project(tmp_path, **{"qr-codes.yml": registry, "content/campaigns/soignants.yml": campaign})
    assert build(tmp_path) == 0
    assert "utm_source=facebook&utm_medium=social" in (tmp_path / "site/q/fb/index.html").read_text()


def test_print_records_a_custom_source(kit):
    assert "fb:\n  campaign: soignants\n  medium: social\n  label: \"Post Facebook\"\n  published: 2026-11-23\n  source: facebook\n" in (kit / "qr-codes.yml").read_text()


def test_print_refuses_to_replace_the_project(tmp_path, capsys):
    make_project(tmp_path)
    assert main(["print", "--project", str(tmp_path), "--out", str(tmp_path)]) == 1
    assert "remplacerait les fichiers du projet" in capsys.readouterr().err
    assert (tmp_path / "content/territory.yml").is_file()


def test_posters_carry_the_campaign_s_own_call_to_action(tmp_path, monkeypatch):
    """"Je m'inscris" (the campaign's button), not a generic "Scannez pour en savoir plus"."""
    from generator.codes import print_kit

    drawn = []
    real = print_kit.draw_poster
    monkeypatch.setattr(print_kit, "draw_poster", lambda size, code, text, *rest: drawn.append(text.call) or real(size, code, text, *rest))
    make_project(tmp_path)
    assert main(["print", "--project", str(tmp_path), "--today", "2026-11-23"]) == 0
    assert drawn == ["Je m’inscris"]  # typed "Je m'inscris": printed with the French apostrophe
