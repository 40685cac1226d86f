"""Building a site: contract URLs, expiry, escaping, atomic output and the command line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from generator.cli import main

from project_factory import FILES, make_project

TODAY = "2026-11-23"


def build(project: Path, *extra: str) -> int:
    return main(["build", "--project", str(project), "--today", TODAY, *extra])


def html(project: Path, url: str) -> str:
    return (project / "site" / url / "index.html").read_text("utf-8")


@pytest.fixture
def built(tmp_path) -> Path:
    make_project(tmp_path)
    assert build(tmp_path) == 0
    return tmp_path


CONTRACT_FR = ["", "soignants/", "offres/", "offres/infirmier/", "agenda/", "agenda/job-dating/", "agenda/webinaire/",
               "temoignages/", "temoignages/claire/", "contact/", "mentions-legales/", "donnees-personnelles/",
               "accessibilite/", "faq/"]
CONTRACT_EN = ["", "soignants/", "jobs/", "jobs/infirmier/", "events/", "events/job-dating/", "stories/", "stories/claire/",
               "contact/", "legal-notice/", "privacy/", "accessibility/", "faq/"]


def test_every_page_type_at_its_contract_url(built):
    for url in CONTRACT_FR:
        assert (built / "site" / url / "index.html").is_file(), url
    assert (built / "site" / "404.html").is_file()
    assert list((built / "site" / "media").glob("hero-*-64.webp"))  # responsive variants, never the original


def test_english_urls_and_labels(tmp_path):
    make_project(tmp_path, **{"site_config.yml": FILES["site_config.yml"].replace("language: fr", "language: en")})
    assert build(tmp_path) == 0
    for url in CONTRACT_EN:
        assert (tmp_path / "site" / url / "index.html").is_file(), url
    assert 'lang="en"' in html(tmp_path, "")
    assert "Legal notice" in html(tmp_path, "")


def test_summary_line_on_success(tmp_path, capsys):
    make_project(tmp_path)
    assert main(["check", "--project", str(tmp_path), "--today", TODAY]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out == ["Contenu valide : 1 campagne, 1 offre dont 0 expirée, 2 événements, 1 témoignage, 1 page."]


def test_check_writes_nothing(tmp_path):
    make_project(tmp_path)
    assert main(["check", "--project", str(tmp_path)]) == 0
    assert not (tmp_path / "site").exists()


def test_content_error_exit_1_without_traceback(tmp_path):
    make_project(tmp_path, **{"content/jobs/infirmier.yml": FILES["content/jobs/infirmier.yml"].replace("sector: sante", "sector: sant")})
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--project", str(tmp_path)],
                         capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "content/jobs/infirmier.yml:3: sector: secteur « sant » inconnu" in run.stderr
    assert "1 erreur à corriger — le site n'a pas été modifié." in run.stderr


def test_failed_build_leaves_previous_site_untouched(built):
    site = built / "site"
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (built / "content/events/job-dating.yml").write_text(FILES["content/events/job-dating.yml"].replace("kind: job_dating", "kind: dating"))
    assert build(built) == 1
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in built.iterdir() if p.name.startswith(".site")] == []  # no temporary folder left


def test_engine_failure_leaves_previous_site_untouched(built, monkeypatch):
    import generator.engine.mkdocs_engine as engine

    marker = (built / "site" / "index.html").read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(engine, "mkdocs_build", broken)
    assert build(built) == 3  # an unexpected error: told as one (tests/test_hostile_content.py)
    assert (built / "site" / "index.html").read_bytes() == marker


def test_refuses_to_replace_the_project(tmp_path, capsys):
    make_project(tmp_path)
    assert build(tmp_path, "--out", str(tmp_path)) == 1
    assert "remplacerait les fichiers du projet" in capsys.readouterr().err
    assert (tmp_path / "content" / "territory.yml").is_file()


def test_expired_job_is_not_published(tmp_path):
    make_project(tmp_path)
    assert main(["build", "--project", str(tmp_path), "--today", "2027-06-30"]) == 0
    assert (tmp_path / "site/offres/infirmier/index.html").is_file()  # valid through that day
    assert main(["build", "--project", str(tmp_path), "--today", "2027-07-01"]) == 0
    # Only the "no longer available" page stays at its address (noindex), linked from nowhere.
    gone = (tmp_path / "site/offres/infirmier/index.html").read_text("utf-8")
    assert "n’est plus disponible" in gone and '<meta name="robots" content="noindex">' in gone
    others = [p for p in (tmp_path / "site").rglob("*.html") if p.parent.name != "infirmier"]
    site_text = "".join(p.read_text("utf-8") for p in others)
    assert "offres/infirmier/" not in site_text and 'href="../infirmier/"' not in site_text
    assert "infirmier" not in (tmp_path / "site/sitemap.xml").read_text()


def test_source_date_epoch_sets_the_reference_date(tmp_path, monkeypatch):
    make_project(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1814400000")  # 2027-07-01
    assert main(["build", "--project", str(tmp_path)]) == 0
    assert "noindex" in (tmp_path / "site/offres/infirmier/index.html").read_text("utf-8")  # expired


def test_events_upcoming_first_and_past_with_replay(built):
    page = html(built, "agenda/")
    upcoming, past = page.index("Job dating santé"), page.index("Webinaire passé")
    assert upcoming < past
    assert "https://replay.example.fr/webinaire" in page
    event = html(built, "agenda/webinaire/")
    assert "Terminé" in event and "https://replay.example.fr/webinaire" in event
    # Once over, the job dating shows no registration any more.
    assert main(["build", "--project", str(built), "--today", "2027-04-09"]) == 0
    assert "helloasso" not in html(built, "agenda/job-dating/")


def test_event_date_in_words(built):
    assert "jeudi 8 avril 2027, de 9\u00a0h à 17\u00a0h" in html(built, "agenda/job-dating/")  # never split


def test_plain_text_is_escaped(tmp_path):
    make_project(tmp_path, **{"content/jobs/infirmier.yml": FILES["content/jobs/infirmier.yml"].replace(
        "title: Infirmier·e", 'title: "<script>alert(1)</script> Infirmier & co"')})
    assert build(tmp_path) == 0
    for url in ("offres/infirmier/", "offres/", "soignants/"):
        page = html(tmp_path, url)
        assert "<script>alert(1)" not in page, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Infirmier &amp; co" in page, url


def test_markdown_is_sanitised(tmp_path):
    evil = ('description: "Bonjour <script>alert(1)</script> <img src=x onerror=alert(2)> '
            '[clic](javascript:alert(3)) <a href=\\"https://ok.example.fr\\" onclick=\\"alert(4)\\">ok</a> **gras**"\n')
    make_project(tmp_path, **{"content/jobs/infirmier.yml": re.sub(r"description: .*\n", evil, FILES["content/jobs/infirmier.yml"])})
    assert build(tmp_path) == 0
    page = html(tmp_path, "offres/infirmier/")
    body = page.split('id="contenu"', 1)[1]
    for bad in ("alert(1)", "onerror", "javascript:", "onclick"):
        assert bad not in body, bad
    assert "<strong>gras</strong>" in body and 'href="https://ok.example.fr"' in body


def test_job_and_event_pages_stay_out_of_the_nav(built):
    home = html(built, "")
    nav = home.split('class="md-tabs"', 1)[1].split("</nav>", 1)[0]
    assert "offres/infirmier" not in nav and "agenda/job-dating" not in nav
    assert "offres/" in nav and "agenda/" in nav and "contact/" in nav


def test_footer_links_legal_pages_everywhere(built):
    for url in CONTRACT_FR:
        page = html(built, url)
        for legal in ("mentions-legales/", "donnees-personnelles/", "accessibilite/"):
            assert legal in page, (url, legal)
    assert "Accessibilité : partiellement conforme" in html(built, "")


def test_no_third_party_reference_in_pages(built):
    for page in (built / "site").rglob("*.html"):
        text = page.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        for src in re.findall(r'(?:src|href)="(https?://[^"]+)"', text):
            assert not src.endswith((".js", ".css", ".woff2")), (page, src)


def test_404_uses_absolute_links(built):
    page = (built / "site" / "404.html").read_text("utf-8")
    assert 'href="/assets/territoire/territoire.css"' in page
    assert 'href="/offres/"' in page


def test_no_engine_banner(tmp_path):
    make_project(tmp_path)
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--project", str(tmp_path)],
                         capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert run.returncode == 0, run.stderr
    assert "Zensical" not in run.stderr + run.stdout and "end of life" not in run.stderr + run.stdout


def test_list_right_under_a_paragraph_is_still_a_list():
    from generator.site.rich_text import render

    html = str(render("**Au programme**\n- vendredi : accueil\n- samedi : visites\n  de logements\n\nFin."))
    assert "<ul>\n<li>vendredi : accueil</li>\n<li>samedi : visites\nde logements</li>\n</ul>" in html
    assert "<p>Fin.</p>" in html
    numbered = str(render("Étapes :\n2. candidater\n3. visiter"))
    assert '<ol start="2">\n<li>candidater</li>\n<li>visiter</li>\n</ol>' in numbered


def test_documented_markdown_syntax():
    """Every syntax of docs/contenu.md's table, as officers write it."""
    from generator.site.rich_text import render

    html = str(render('# Titre\n\n## Été & co\n\n## Été & co\n\n*nuance* **gras** [lien](/offres/) https://exemple.fr\n\n'
                      '| horaire | poste |\n|---|---|\n| 7 h | matin |\n\n'
                      '!!! tip "Bon à savoir"\n    Le logement est **offert**.\n\n    Second paragraphe.\n\n'
                      '!!! warning\n    Sans titre.\n\nAprès.'))
    assert '<h2 id="titre">Titre</h2>' in html  # the page's own h1 is above
    assert '<h2 id="ete-co">Été &amp; co</h2>' in html and '<h2 id="ete-co_1">' in html
    assert "<em>nuance</em> <strong>gras</strong>" in html and '<a href="/offres/" rel="noopener">lien</a>' in html
    assert '<a href="https://exemple.fr" rel="noopener">https://exemple.fr</a>' in html
    assert "<th>horaire</th>" in html and "<td>matin</td>" in html
    assert ('<div class="admonition tip">\n<p class="admonition-title">Bon à savoir</p>\n'
            "<p>Le logement est <strong>offert</strong>.</p>\n<p>Second paragraphe.</p>\n</div>") in html
    assert '<div class="admonition warning">\n<p class="admonition-title">Warning</p>\n<p>Sans titre.</p>\n</div>' in html
    assert html.rstrip().endswith("<p>Après.</p>")


def test_navigation_rendered_once_per_folder_stays_right_on_every_page(built):
    """The drawer and tabs are cached per folder (engine/fragments.py): on every page their links
    must still lead to existing pages from that page, and only the page's own tab be active."""
    site = built / "site"
    with_active: set[str] = set()
    for page in site.rglob("index.html"):
        text = page.read_text("utf-8")
        if 'class="md-tabs"' not in text:
            continue  # short links
        tabs = text.split('class="md-tabs"', 1)[1].split("</nav>", 1)[0]
        drawer = text.split('data-md-type="navigation"', 1)[1].split('data-md-type="toc"', 1)[0]
        for href in re.findall(r'href="([^"#]*)"', tabs + drawer):
            target = (page.parent / href).resolve()
            assert (target / "index.html").is_file() or target.is_file(), (page, href)
        active = re.findall(r'md-tabs__item--active">\s*<a href="([^"]*)"', tabs)
        assert active in ([], ["./"], ["."]), (page, active)  # the page's own tab, or none
        with_active.update([page.parent.relative_to(site).as_posix()] if active else [])
    assert {".", "offres", "agenda", "contact"} <= with_active and not any(u.startswith("offres/") for u in with_active)


def test_the_legal_notice_gives_the_host_s_phone(tmp_path):
    config = FILES["site_config.yml"].replace(
        'host: {name: "Hébergeur", address: "2 rue du Serveur, 75000 Paris"}',
        'host: {name: "Hébergeur", address: "2 rue du Serveur, 75000 Paris", phone: "+33 1 23 45 67 89"}')
    make_project(tmp_path, **{"site_config.yml": config})
    assert build(tmp_path, "--today", "2026-11-23") == 0
    legal = (tmp_path / "site/mentions-legales/index.html").read_text("utf-8")
    assert "2 rue du Serveur, 75000 Paris<br>+33 1 23 45 67 89" in legal


def test_a_campaign_shows_its_key_figures_and_arguments_under_its_button(tmp_path):
    make_project(tmp_path)
    campaign = tmp_path / "content/campaigns/soignants.yml"
    campaign.write_text(campaign.read_text("utf-8") + (
        'key_figures:\n  - {value: "120", label: "postes à pourvoir"}\n'
        'arguments:\n  - {title: "Prime d\'installation", body: "Jusqu\'à **5 000 €**.", url: "https://aides.example.fr/"}\n'
    ), "utf-8")
    assert build(tmp_path) == 0
    page = (tmp_path / "site/soignants/index.html").read_text("utf-8")
    button, figure, argument = (page.index(x) for x in ("territoire-cta", "<strong>120</strong>", "Prime d’installation"))
    assert button < figure < argument  # the strongest facts right under the call to action
    assert "<strong>5 000 €</strong>" in page and 'href="https://aides.example.fr/"' in page


def test_an_employers_logo_is_on_its_offers_page(tmp_path):
    make_project(tmp_path)
    Image.new("RGB", (240, 80), (30, 90, 160)).save(tmp_path / "content/media/ch-logo.png")
    job = tmp_path / "content/jobs/infirmier.yml"
    job.write_text(job.read_text("utf-8").replace("{name: Centre hospitalier}", "{name: Centre hospitalier, logo: ch-logo.png}"), "utf-8")
    assert build(tmp_path) == 0
    page = (tmp_path / "site/offres/infirmier/index.html").read_text("utf-8")
    logo = page[page.index("territoire-job__logo"):]
    assert 'alt=""' in logo[:logo.index(">")]  # the name follows: read once
