"""Issue 16's "done when": 2,400 offers from a fake France Travail server on 127.0.0.1, then a second
snapshot (50 gone, 30 changed, 20 new) gives exactly those changes, keeps the officer's overrides,
and the withdrawn offers answer 410 on Apache and nginx as expired ones do."""

from __future__ import annotations

import json
import re

import pytest

from fake_france_travail import FakeFranceTravail, make_offers, second_snapshot, special_ids
from generator.cli import main
from generator.content.project import load_project
from project_factory import make_project
from web_servers import apache, get, needs_apache, needs_nginx

FIRST, SECOND = "2026-11-30", "2026-12-01"
IMPORTS = """
imports:
  - source: france_travail
    departements: ["05"]
    sectors: {"86": sante, "87": sante, "43": btp, "F16": btp}
    default_sector: btp
"""


def _entries(root) -> dict[str, dict]:
    data = json.loads((root / "content/imports/france-travail.json").read_text("utf-8"))
    return {o["id"]: o for o in data["offers"]}


@pytest.fixture(scope="module")
def synced(tmp_path_factory):
    """Both nights, imported and built once for the module's tests."""
    root = make_project(tmp_path_factory.mktemp("ft") / "projet")
    with (root / "site_config.yml").open("a", encoding="utf-8") as config:
        config.write(IMPORTS)
    offers = make_offers(2400)
    with pytest.MonkeyPatch.context() as mp, FakeFranceTravail(offers) as ft:
        mp.setattr("generator.imports.france_travail.MIN_INTERVAL", 0)
        for name, value in ft.environ().items():
            mp.setenv(name, value)
        assert main(["import", "--project", str(root), "--today", FIRST]) == 0
        first = _entries(root)

        # The officer's decisions, between the two nights.
        ordinary = sorted(set(first) - special_ids(offers))
        hidden, corrected, pinned = (first[i]["slug"] for i in ordinary[:3])
        with (root / "site_config.yml").open("a", encoding="utf-8") as config:
            config.write(f"    overrides:\n      - {{offer: {hidden}, hidden: true}}\n"
                         f"      - {{offer: {corrected}, sector: sante, title: \"Titre corrigé\"}}\n")
        campaign = root / "content/campaigns/soignants.yml"
        campaign.write_text(campaign.read_text("utf-8").replace("jobs: {sector: sante}", f"jobs: [{pinned}]"), "utf-8")

        night, gone, changed, new = second_snapshot(offers)
        ft.offers = night
        dry = _run_capturing(root, "--dry-run")
        assert _entries(root) == first
        assert main(["import", "--project", str(root), "--today", SECOND]) == 0
        searches = len(ft.searches)
    assert main(["build", "--project", str(root), "--today", SECOND]) == 0
    return dict(root=root, first=first, second=_entries(root), gone=gone, changed=changed, new=new, dry=dry,
                hidden=hidden, corrected=corrected, pinned=pinned, searches=searches, offers=offers)


def _run_capturing(root, *extra) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import", "--project", str(root), "--today", SECOND, *extra]) == 0
    return out.getvalue()


def test_2400_offers_are_imported_with_their_odd_places_and_salaries(synced):
    first, offers = synced["first"], synced["offers"]
    assert len(first) == 2400
    departement, label_only, comment_only = (first[o["id"]]["job"] for o in offers[:3])
    assert label_only["location"] == {"city": "Embrun", "remote": False}
    assert comment_only["salary"] == {"text": "Selon profil et expérience <à négocier>", "period": "month"}
    assert departement["location"]["city"] == "Hautes-Alpes"
    assert all(not e["withdrawn"] for e in first.values())
    sectors = {e["job"]["sector"] for e in first.values()}
    assert sectors == {"sante", "btp"}
    towns = {e["job"]["location"].get("city") for e in first.values()}
    assert "Briançon" in towns and "Briancon" not in towns  # "05 - BRIANCON" named as its commune is elsewhere


def test_the_second_night_gives_exactly_the_upstream_changes(synced):
    first, second = synced["first"], synced["second"]
    withdrawn = {i for i, e in second.items() if e["withdrawn"]}
    assert withdrawn == synced["gone"]
    assert set(second) - set(first) == synced["new"]
    updated = {i for i in first if i in second and not second[i]["withdrawn"] and second[i]["job"] != first[i]["job"]}
    assert updated == synced["changed"]
    assert all(second[i]["slug"] == first[i]["slug"] for i in first)  # addresses never change
    assert re.search(r"20 nouvelles, 30 modifiées, 50 retirées, 0 oubliée, 2320 inchangées", synced["dry"].replace("\u202f", "").replace("\u00a0", ""))


def test_the_officers_overrides_survive_the_second_night(synced):
    content = load_project(synced["root"])
    assert synced["hidden"] in content.withdrawn
    assert content.jobs[synced["corrected"]].sector == "sante"
    assert content.jobs[synced["corrected"]].title == "Titre corrigé"
    landing = (synced["root"] / "site/soignants/index.html").read_text("utf-8")
    assert f"/offres/{synced['pinned']}/" in landing


def test_withdrawn_offers_leave_the_gone_page_behind(synced):
    root, second = synced["root"], synced["second"]
    slug = second[sorted(synced["gone"])[0]]["slug"]
    page = (root / "site/offres" / slug / "index.html").read_text("utf-8")
    assert "plus disponible" in page and "noindex" in page
    listing = (root / "site/offres/index.html").read_text("utf-8")
    assert f"/offres/{slug}/" not in listing
    nginx_rules = (root / "site.nginx.conf").read_text("utf-8")
    assert all(f"/offres/{second[i]['slug']}/" in nginx_rules for i in synced["gone"])


def _gone_and_live(synced):
    second = synced["second"]
    gone = second[sorted(synced["gone"])[0]]["slug"]
    live = next(e["slug"] for i, e in sorted(second.items()) if not e["withdrawn"] and e["slug"] != synced["hidden"])
    return gone, live


@needs_apache
def test_apache_answers_410_for_withdrawn_offers(synced, tmp_path):
    gone, live = _gone_and_live(synced)
    with apache(synced["root"] / "site", tmp_path / "apache") as port:
        base = f"http://127.0.0.1:{port}"
        answer = get(f"{base}/offres/{gone}/")
        assert answer.status == 410 and "plus disponible" in answer.body
        assert get(f"{base}/offres/{synced['hidden']}/").status == 410  # hidden by the officer
        assert get(f"{base}/offres/{live}/").status == 200


@needs_nginx
def test_nginx_answers_410_for_withdrawn_offers(synced, tmp_path):
    from web_servers import nginx

    gone, live = _gone_and_live(synced)
    root = synced["root"]
    with nginx(root / "site", root / "site.nginx.conf", tmp_path / "nginx") as port:
        base = f"http://127.0.0.1:{port}"
        answer = get(f"{base}/offres/{gone}/")
        assert answer.status == 410 and "plus disponible" in answer.body
        assert get(f"{base}/offres/{live}/").status == 200


def test_an_offer_from_france_travail_cites_it(synced):
    second = synced["second"]
    upstream_id, entry = next((i, e) for i, e in sorted(second.items()) if not e["withdrawn"] and e["slug"] != synced["hidden"])
    page = (synced["root"] / "site/offres" / entry["slug"] / "index.html").read_text("utf-8")
    assert f'href="https://candidat.francetravail.fr/offres/recherche/detail/{upstream_id}"' in page
    assert f"Source : France Travail, offre n° {upstream_id}" in page
