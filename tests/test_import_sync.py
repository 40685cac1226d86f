"""territoire import, whatever the source: mapping onto the model, sync by upstream id, officer
overrides, --dry-run, all-or-nothing writes, and the pages withdrawn offers leave behind."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.project import load_project
from generator.imports import importer
from generator.imports.mapping import city_of, html_to_markdown, salary_from_text, text_to_markdown
from generator.imports.records import Snapshot, SourceError, UpstreamOffer
from generator.site.rich_text import render as markdown_html
from project_factory import make_project

TODAY = "2026-12-03"
IMPORTS = """
imports:
  - source: spreadsheet
    name: partenaires
    file: imports/offres.csv
    sectors: {"Santé et social": sante, "BTP": btp}
"""


def offer(number: int, **changes) -> UpstreamOffer:
    data = dict(id=f"P{number:04d}", title=f"Infirmier·e {number}", employer="CH de Testville",
                sector_codes=("Santé et social",), contract="CDI", city="Testville", postal_code="41000",
                salary_text="Mensuel de 2100.00 Euros à 2500.00 Euros sur 12 mois", posted=date(2026, 11, 2),
                description="Poste à temps plein.\nNuits : 1 sur 3.", apply_email="rh@ch-testville.fr")
    data.update(changes)
    return UpstreamOffer(**data)


class ProjectRoot(type(Path())):
    """The project's folder, and what the stub source gives (``upstream``)."""


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = ProjectRoot(make_project(tmp_path / "projet"))
    with (root / "site_config.yml").open("a", encoding="utf-8") as config:
        config.write(IMPORTS)
    upstream = {"offers": [offer(n) for n in range(1, 41)], "complete": True}
    monkeypatch.setattr(importer, "_reader", lambda source: lambda settings, root, environ, msg: Snapshot(
        list(upstream["offers"]), complete=upstream["complete"]))
    root.upstream = upstream  # the test's handle on what the source gives
    return root


def _import(root, *extra) -> int:
    return main(["import", "--project", str(root), "--today", TODAY, *extra])


def _data(root) -> dict:
    return json.loads((root / "content/imports/partenaires.json").read_text("utf-8"))


# --- mapping --------------------------------------------------------------------------------------

def test_france_travail_salary_and_place_labels_are_read():
    assert salary_from_text("Mensuel de 1600.00 Euros à 1800.00 Euros sur 12 mois") == {"min": 1600, "max": 1800, "period": "month"}
    assert salary_from_text("Horaire de 11,88 Euros sur 12 mois") == {"min": 11.88, "period": "hour"}
    assert salary_from_text("Annuel de 32 000 Euros") == {"min": 32000, "period": "year"}
    assert salary_from_text("Selon profil et expérience") == {"text": "Selon profil et expérience"}
    assert city_of("05 - GAP") == "Gap"
    assert city_of("05 - ST BONNET EN CHAMPSAUR") == "St Bonnet en Champsaur"
    assert city_of("2A - Ajaccio") == "Ajaccio"


def test_plain_text_stays_text_and_html_is_never_trusted():
    text = "Missions :\n- soins *urgents* <script>alert(1)</script> & suivi\n1. garde\n\n# pas un titre\n!!! note"
    html = markdown_html(text_to_markdown(text))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<em>" not in html and "<li>" not in html and "<h1" not in html and "admonition" not in html
    assert "*urgents*" in html and "<br" in html  # line breaks kept
    cleaned = markdown_html(html_to_markdown('<p>Bonjour <img src=x onerror="alert(1)"><a href="javascript:x">lien</a></p>'
                                             "<ul><li>un</li><li>deux</li></ul><style>p{}</style>"))
    assert "onerror" not in cleaned and "javascript" not in cleaned and "<style" not in cleaned
    assert "<li>un</li>" in cleaned.replace("\n", "")


# --- sync -----------------------------------------------------------------------------------------

def test_first_import_then_changes_by_upstream_id(project, capsys):
    assert _import(project) == 0
    first = _data(project)
    slugs = {o["id"]: o["slug"] for o in first["offers"]}
    assert len(slugs) == 40 and slugs["P0001"] == "infirmier-e-1-p0001"
    job = first["offers"][0]["job"]
    assert job["salary"] == {"min": 2100.0, "max": 2500.0, "period": "month"} and job["contract"] == "cdi"
    assert job["sector"] == "sante" and job["location"] == {"city": "Testville", "postal_code": "41000", "remote": False}

    offers = project.upstream["offers"]
    project.upstream["offers"] = [o for o in offers if o.id not in ("P0001", "P0002")]  # withdrawn upstream
    project.upstream["offers"][0] = offer(3, title="Infirmier·e de nuit")  # changed: keeps its address
    project.upstream["offers"].append(offer(41))
    capsys.readouterr()
    assert _import(project, "--dry-run") == 0
    said = capsys.readouterr().out
    assert "1 nouvelle, 1 modifiée, 2 retirées" in said and "rien n'a été écrit" in said
    assert _data(project) == first  # a dry run writes nothing

    assert _import(project) == 0
    second = {o["id"]: o for o in _data(project)["offers"]}
    assert second["P0003"]["slug"] == slugs["P0003"] and second["P0003"]["job"]["title"] == "Infirmier·e de nuit"
    assert second["P0001"]["withdrawn"] == TODAY and second["P0041"]["withdrawn"] is None

    content = load_project(project)
    assert slugs["P0001"] in content.withdrawn and slugs["P0003"] not in content.withdrawn
    assert main(["build", "--project", str(project), "--today", TODAY]) == 0
    site = project / "site"
    gone = (site / "offres" / slugs["P0001"] / "index.html").read_text("utf-8")
    assert "plus disponible" in gone and "noindex" in gone
    assert f"/offres/{slugs['P0001']}/" in (project / "site.nginx.conf").read_text("utf-8")
    assert "Infirmier·e de nuit" in (site / "offres" / slugs["P0003"] / "index.html").read_text("utf-8")


def test_nothing_changed_leaves_the_file_alone(project, capsys):
    assert _import(project) == 0
    path = project / "content/imports/partenaires.json"
    before = path.stat().st_mtime_ns
    assert _import(project) == 0
    assert path.stat().st_mtime_ns == before and "Inchangé" in capsys.readouterr().out


def test_withdrawn_offers_are_forgotten_after_keep_withdrawn(project):
    assert _import(project) == 0
    project.upstream["offers"] = project.upstream["offers"][1:]
    assert _import(project) == 0
    assert main(["import", "--project", str(project), "--today", "2027-12-04"]) == 0  # 366 days later
    assert "P0001" not in {o["id"] for o in _data(project)["offers"]}


def test_a_partial_snapshot_withdraws_nothing(project):
    assert _import(project) == 0
    project.upstream.update(offers=project.upstream["offers"][:5], complete=False)
    assert _import(project) == 0
    assert not any(o["withdrawn"] for o in _data(project)["offers"])


def test_officer_overrides_survive_every_import(project):
    assert _import(project) == 0
    slugs = {o["id"]: o["slug"] for o in _data(project)["offers"]}
    with (project / "site_config.yml").open("a", encoding="utf-8") as config:
        config.write(f"    overrides:\n      - {{offer: {slugs['P0004']}, hidden: true}}\n"
                     f"      - {{offer: {slugs['P0005']}, sector: btp, title: \"Infirmier·e (corrigé)\"}}\n")
    campaign = project / "content/campaigns/soignants.yml"  # a pin is the offer's address: it holds
    campaign.write_text(campaign.read_text("utf-8").replace("jobs: {sector: sante}", f"jobs: [{slugs['P0006']}]"), "utf-8")
    project.upstream["offers"][4] = offer(5, description="Texte mis à jour en amont.")
    assert _import(project) == 0
    content = load_project(project)
    assert slugs["P0004"] in content.withdrawn
    corrected = content.jobs[slugs["P0005"]]
    assert corrected.sector == "btp" and corrected.title == "Infirmier·e (corrigé)"
    assert "Texte mis à jour" in corrected.description  # upstream's change, the officer's correction
    assert main(["build", "--project", str(project), "--today", TODAY]) == 0
    landing = (project / "site/soignants/index.html").read_text("utf-8")
    assert f"/offres/{slugs['P0006']}/" in landing


def test_unmapped_codes_are_all_listed_and_nothing_is_written(project, capsys):
    project.upstream["offers"] += [offer(90, sector_codes=("Agriculture",)), offer(91, sector_codes=("Industrie",)),
                                   offer(92, sector_codes=("Industrie",), contract="FULL_TIME")]
    assert _import(project) == 2
    said = capsys.readouterr().err
    assert "« Agriculture » (1 offre)" in said and "« Industrie » (2 offres)" in said
    assert "« FULL_TIME » (1 offre)" in said and "default_sector" in said
    assert not (project / "content/imports/partenaires.json").exists()


def test_a_source_that_fails_writes_nothing(project, monkeypatch, capsys):
    assert _import(project) == 0
    before = (project / "content/imports/partenaires.json").read_bytes()

    def failing(settings, root, environ, msg):
        raise SourceError("serveur injoignable", 4)
    monkeypatch.setattr(importer, "_reader", lambda source: failing)
    assert _import(project) == 4
    assert "Rien n'a été écrit" in capsys.readouterr().err
    assert (project / "content/imports/partenaires.json").read_bytes() == before


def test_untrusted_records_are_skipped_with_their_id_and_field(project, capsys):
    project.upstream["offers"] += [offer(93, title="  "), offer(94, salary_text=None, salary_min=-5),
                                   offer(95, apply_email="pas une adresse", apply_url="javascript:alert(1)")]
    assert _import(project) == 0
    err = capsys.readouterr().err
    assert "offre P0093 ignorée" in err and "offre P0095 ignorée" in err and "apply" in err
    by_id = {o["id"]: o for o in _data(project)["offers"]}
    assert "P0094" in by_id and "salary" not in by_id["P0094"]["job"]  # a garbled salary is left out, not the offer


def test_a_secret_in_site_config_is_refused(project, capsys):
    with (project / "site_config.yml").open("a", encoding="utf-8") as config:
        config.write("    client_secret: abc123\n")
    assert main(["check", "--project", str(project)]) == 1
    assert "FRANCE_TRAVAIL_CLIENT_SECRET" in capsys.readouterr().err


def test_a_hand_edited_import_file_is_named_with_its_line(project, capsys):
    assert _import(project) == 0
    path = project / "content/imports/partenaires.json"
    path.write_text(path.read_text("utf-8").replace('"contract": "cdi"', '"contract": "cdii"', 1), "utf-8")
    assert main(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "content/imports/partenaires.json:" in err and "P0001.contract" in err


# --- every kind of source, through the command, to the published page ------------------------------

def _feed_project(tmp_path, entry: str, name: str, content: bytes | None) -> Path:
    root = make_project(tmp_path / "projet")
    with (root / "site_config.yml").open("a", encoding="utf-8") as config:
        config.write("\nimports:\n" + entry)
    if content is not None:
        (root / "imports").mkdir()
        (root / "imports" / name).write_bytes(content)
    return root


def _xlsx(tmp_path) -> bytes:
    from test_import_spreadsheets import XLSX_ROWS, workbook

    workbook(tmp_path / "offres.xlsx", {"Offres": XLSX_ROWS})
    return (tmp_path / "offres.xlsx").read_bytes()


def _sources(tmp_path):
    from test_import_feeds import INDEED, POSTING
    from test_import_spreadsheets import FRENCH_CSV

    return {
        "jobposting": ("  - {source: jobposting, file: imports/feed.json, contracts: {FULL_TIME: cdi}, default_sector: sante}\n",
                       "feed.json", json.dumps([POSTING]).encode(), "Infirmier (H/F)"),
        "indeed_xml": ("  - {source: indeed_xml, file: imports/indeed.xml, default_sector: btp}\n",
                       "indeed.xml", INDEED.encode(), "Cuisinier / Cuisinière"),
        "csv": ("  - {source: spreadsheet, file: imports/offres.csv, default_sector: sante}\n",
                "offres.csv", (FRENCH_CSV.replace("Colonne à nous", "E-mail pour postuler").replace(";libre", ";rh@ehpad.example")
                               .encode("cp1252")), "Aide-soignant (H/F)"),
        "xlsx": ("  - {source: spreadsheet, file: imports/offres.xlsx, default_sector: btp, default_contract: cdd}\n",
                 "offres.xlsx", None, "Technicien de maintenance"),
    }


@pytest.mark.parametrize("kind", ["jobposting", "indeed_xml", "csv", "xlsx"])
def test_each_kind_of_source_imports_and_publishes(tmp_path, kind, capsys):
    entry, name, content, title = _sources(tmp_path)[kind]
    if kind == "xlsx":
        content = _xlsx(tmp_path)
    root = _feed_project(tmp_path, entry, name, content)
    code = main(["import", "--project", str(root), "--today", TODAY])
    said = capsys.readouterr()
    assert code == 0, said.out + said.err
    data = next((root / "content/imports").glob("*.json"))
    entries = json.loads(data.read_text("utf-8"))["offers"]
    offer = next(e for e in entries if e["job"]["title"] == title)
    assert main(["build", "--project", str(root), "--today", TODAY]) == 0, capsys.readouterr().err
    page = (root / "site/offres" / offer["slug"] / "index.html").read_text("utf-8")
    assert title.replace("'", "&#39;") in page or title in page
    assert "<script>alert" not in page


# --- what a review found: the nights after the first -------------------------------------------------

def test_an_undated_offer_keeps_the_day_it_came_and_its_deadline(project):
    project.upstream["offers"] = [offer(1, posted=None, valid_through=date(2026, 12, 5))]
    assert _import(project) == 0
    assert main(["import", "--project", str(project), "--today", "2026-12-04"]) == 0
    (entry,) = _data(project)["offers"]
    assert entry["job"]["posted"] == TODAY and entry["job"]["valid_through"] == "2026-12-05"
    assert main(["import", "--project", str(project), "--today", "2026-12-07"]) == 0
    (entry,) = _data(project)["offers"]
    assert entry["job"]["posted"] == TODAY and entry["job"]["valid_through"] == "2026-12-05"  # expired: 410, not back online
    assert load_project(project).jobs[entry["slug"]].is_expired(date(2026, 12, 7))


def test_a_sector_the_site_does_not_have_is_said_at_its_line(project, capsys):
    config = project / "site_config.yml"
    config.write_text(config.read_text("utf-8").replace('"BTP": btp', '"BTP": batiment'), "utf-8")
    assert _import(project) == 2
    err = capsys.readouterr().err
    line = next(n for n, text in enumerate(config.read_text("utf-8").splitlines(), 1) if "batiment" in text)
    assert f"site_config.yml:{line}: imports.0.sectors.BTP:" in err and "batiment" in err
    assert not (project / "content/imports").exists()
    assert main(["check", "--project", str(project)]) == 1


def test_a_withdrawn_offer_a_campaign_pins_is_never_forgotten(project):
    assert _import(project) == 0
    slug = _data(project)["offers"][0]["slug"]
    campaign = project / "content/campaigns/soignants.yml"
    campaign.write_text(campaign.read_text("utf-8").replace("jobs: {sector: sante}", f"jobs: [{slug}]"), "utf-8")
    project.upstream["offers"] = project.upstream["offers"][1:]
    assert _import(project) == 0
    assert main(["import", "--project", str(project), "--today", "2028-01-01"]) == 0
    assert slug in {o["slug"] for o in _data(project)["offers"]}
    assert main(["check", "--project", str(project), "--today", "2028-01-01"]) == 0


def test_no_town_is_no_remote_job(project, capsys):
    project.upstream["offers"] = [offer(1), offer(2, city=None)]
    assert _import(project) == 0
    assert "offre P0002 ignorée" in capsys.readouterr().err
    assert [o["id"] for o in _data(project)["offers"]] == ["P0001"]


def test_upstream_text_never_becomes_markup_nor_a_ci_command(project, capsys):
    project.upstream["offers"] = [
        offer(1, title="Titre\n::warning title=Pirate::injecté", description=None,
              description_html="**urgent** [cliquez ici](https://hameconnage.example/login)<br>deuxième ligne"),
        offer(2, description=None, description_html="<p>[x](https://hameconnage.example) *a*</p><ul><li>un</li></ul>")]
    assert _import(project) == 0
    out = capsys.readouterr().out
    assert not any(line.startswith("::") for line in out.splitlines())
    entries = {o["id"]: o for o in _data(project)["offers"]}
    assert entries["P0001"]["job"]["title"] == "Titre ::warning title=Pirate::injecté"
    assert main(["build", "--project", str(project), "--today", TODAY]) == 0
    for entry in entries.values():
        page = (project / "site/offres" / entry["slug"] / "index.html").read_text("utf-8")
        assert ">cliquez ici<" not in page and '">x</a>' not in page and "<em>a</em>" not in page
    first = (project / "site/offres" / entries["P0001"]["slug"] / "index.html").read_text("utf-8")
    assert "**urgent**" in first and "<br" in first


def test_an_offer_without_employer_is_nobodys_other_offer(project):
    project.upstream["offers"] = [offer(1, employer=None), offer(2, employer=None), offer(3)]
    assert _import(project) == 0
    assert main(["build", "--project", str(project), "--today", TODAY]) == 0
    entries = {o["id"]: o for o in _data(project)["offers"]}
    assert entries["P0001"]["job"]["employer"]["name"] == "Employeur non communiqué"
    page = (project / "site/offres" / entries["P0001"]["slug"] / "index.html").read_text("utf-8")
    assert entries["P0002"]["slug"] not in page  # not listed as the same employer's
    assert '"@type":"JobPosting"' not in page  # no hiringOrganization made up
    assert '"@type":"JobPosting"' in (project / "site/offres" / entries["P0003"]["slug"] / "index.html").read_text("utf-8")


def test_an_empty_source_withdraws_nothing(project, capsys):
    assert _import(project) == 0
    before = (project / "content/imports/partenaires.json").read_bytes()
    project.upstream["offers"] = []
    assert _import(project) == 4
    assert "aucune offre" in capsys.readouterr().err
    assert (project / "content/imports/partenaires.json").read_bytes() == before


def test_source_selects_by_name_or_by_source_and_files_are_readable(project):
    assert _import(project, "--source", "spreadsheet") == 0
    assert (project / "content/imports/partenaires.json").stat().st_mode & 0o777 == 0o644
    assert _import(project, "--source", "nulle-part") == 2


def test_a_postal_code_a_spreadsheet_shortened_is_whole_again(project):
    project.upstream["offers"] = [offer(1, postal_code="5000")]
    assert _import(project) == 0
    assert _data(project)["offers"][0]["job"]["location"]["postal_code"] == "05000"


def test_an_invalid_site_config_is_for_the_officer_to_fix(project, capsys):
    config = project / "site_config.yml"
    config.write_text(config.read_text("utf-8").replace("source: spreadsheet", "source: tableur"), "utf-8")
    assert _import(project) == 2
    assert "site_config.yml:" in capsys.readouterr().err


def test_two_imports_with_one_name_are_said_at_the_second(project, capsys):
    with (project / "site_config.yml").open("a", encoding="utf-8") as config:
        config.write("  - source: spreadsheet\n    name: partenaires\n    file: imports/autres.csv\n")
    lines = (project / "site_config.yml").read_text("utf-8").splitlines()
    assert main(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert f"site_config.yml:{len(lines) - 1}: imports.1.name:" in err and "partenaires" in err


def test_the_starters_commented_example_is_a_valid_setting(tmp_path, capsys):
    assert main(["new", str(tmp_path / "site")]) == 0
    config = tmp_path / "site" / "site_config.yml"
    lines = config.read_text("utf-8").splitlines()
    start = lines.index("# imports:")
    example = [line[2:] if line.startswith("# ") else line for line in lines[start:]]
    config.write_text("\n".join(lines[:start] + example) + "\n", "utf-8")
    assert main(["check", "--project", str(tmp_path / "site")]) == 0, capsys.readouterr().err


def test_a_town_is_named_as_the_cog_writes_it():
    from generator.imports.communes import commune_name

    assert commune_name("05023") == "Briançon" and commune_name("2A004") == "Ajaccio" and commune_name("00000") is None
    assert city_of("05 - BRIANCON") == "Briancon"  # what the label alone gives: why the code is read first


def test_an_offer_with_its_insee_code_gets_the_accented_name(project):
    project.upstream["offers"] = [offer(1, city=None, place_label="05 - BRIANCON", commune="05023", postal_code="05100"),
                                  offer(2, city=None, place_label="05 - ST BONNET", commune="99999", postal_code="05500")]
    assert _import(project) == 0
    towns = {o["id"]: o["job"]["location"]["city"] for o in _data(project)["offers"]}
    assert towns == {"P0001": "Briançon", "P0002": "St Bonnet"}  # an unknown code: the label


def test_an_address_the_model_refuses_sends_a_france_travail_offer_to_its_page():
    from generator.content.imports import ImportSource
    from generator.content.messages import Messages
    from generator.imports.mapping import Mapper

    settings = ImportSource(source="france_travail", departements=["05"], default_sector="sante")
    mapper = Mapper(settings, {"sante": "Santé"}, Messages("fr"), {"timezone": "Europe/Paris"}, date(2026, 12, 3))
    mapped = mapper.map_all([offer(1, apply_email="andré@mairie-gap.fr"), offer(2, apply_email="rh/gap@mairie.fr")])
    assert not mapped.skipped
    assert {j["apply"]["url"] for j in mapped.jobs.values()} == {
        "https://candidat.francetravail.fr/offres/recherche/detail/P0001",
        "https://candidat.francetravail.fr/offres/recherche/detail/P0002"}
