"""The job board (issue 5) on a 2,400-offer territory: pages of 30 newest first, sector pages
with counts, the filters' JSON index, expired offers (only their "no longer available" page,
410 in the host rules), schema.org JobPosting on job pages, Atom feeds, JSON and CSV exports."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urljoin

import feedparser
from babel.numbers import format_decimal
from feedgen.feed import FeedGenerator
import jsonschema
import pytest

from generator.cli import main
from generator.content.errors import ContentError
from generator.content.fields import POSTAL_CODE_RE
from generator.content.project import load_project
from generator.site.clock import Clock
from generator.site.job_board import PER_PAGE
from generator.site.structured_data import job_posting_json_ld

from job_board_support import TODAY, build_board
from project_factory import FILES, make_project
from web_servers import apache, get, needs_apache, needs_nginx, nginx

LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
CARD = 'class="territoire-card territoire-card--job"'
GOOGLE_TYPES = ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"]
HTTPS = {"type": "string", "pattern": r"^https://\S+$"}
TEXT = {"type": "string", "minLength": 1}
# Google's JobPosting: required properties, and the recommended ones we give, with their types.
JOB_POSTING = {
    "type": "object",
    "required": ["@context", "@type", "title", "description", "datePosted", "hiringOrganization", "employmentType",
                 "directApply"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "JobPosting"},
        "title": TEXT,
        "description": {"type": "string", "pattern": r"^<(p|h2|ul|ol)[ >]"},  # HTML
        "datePosted": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "validThrough": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T23:59:59[+-]\d{2}:\d{2}$"},
        "employmentType": {"oneOf": [{"enum": GOOGLE_TYPES},
                                     {"type": "array", "items": {"enum": GOOGLE_TYPES}, "minItems": 2, "uniqueItems": True}]},
        "hiringOrganization": {
            "type": "object", "required": ["@type", "name"], "additionalProperties": False,
            "properties": {"@type": {"const": "Organization"}, "name": TEXT, "sameAs": HTTPS, "logo": HTTPS},
        },
        "jobLocation": {
            "type": "object", "required": ["@type", "address"],
            "properties": {
                "@type": {"const": "Place"},
                "address": {
                    "type": "object", "required": ["@type", "addressLocality", "addressCountry"],
                    "properties": {"@type": {"const": "PostalAddress"}, "addressLocality": TEXT,
                                   "postalCode": {"type": "string", "pattern": POSTAL_CODE_RE.pattern},
                                   "addressCountry": {"const": "FR"}},
                },
            },
        },
        "jobLocationType": {"const": "TELECOMMUTE"},
        "applicantLocationRequirements": {
            "type": "object", "required": ["@type", "name"],
            "properties": {"@type": {"const": "Country"}, "name": {"const": "France"}},
        },
        "baseSalary": {
            "type": "object", "required": ["@type", "currency", "value"],
            "properties": {
                "@type": {"const": "MonetaryAmount"}, "currency": {"const": "EUR"},
                "value": {
                    "type": "object", "required": ["@type", "unitText"],
                    "properties": {"@type": {"const": "QuantitativeValue"}, "unitText": {"enum": ["HOUR", "MONTH", "YEAR"]},
                                   "value": {"type": "number", "exclusiveMinimum": 0},
                                   "minValue": {"type": "number", "exclusiveMinimum": 0},
                                   "maxValue": {"type": "number", "exclusiveMinimum": 0}},
                    "anyOf": [{"required": ["value"]}, {"required": ["minValue"]}, {"required": ["maxValue"]}],
                },
            },
        },
        "directApply": {"const": False},
        "identifier": {"type": "object", "required": ["@type", "name", "value"]},
        "url": HTTPS,
    },
    # On site, or fully remote (then open to applicants in France), or both.
    "anyOf": [{"required": ["jobLocation"]}, {"required": ["jobLocationType"]}],
    "dependentRequired": {"jobLocationType": ["applicantLocationRequirements"]},
}


# --- helpers ---------------------------------------------------------------------------------

def read(result, url: str) -> str:
    return (result.out / url / "index.html").read_text("utf-8")


def published(result) -> list[dict]:
    """Cards of the published offers, newest first (the order of the list)."""
    cards = [p.meta["job"] for p in result.site.pages if p.template == "job.html"]
    return sorted(cards, key=lambda c: (c["posted"], c["slug"]), reverse=True)


def expired(result) -> list[str]:
    return [p.meta["gone"]["slug"] for p in result.site.pages if p.template == "job_gone.html"]


def card_slugs(html: str) -> list[str]:
    block = html.split('id="offres-liste"', 1)[1].split('id="offres-plus"', 1)[0]
    return re.findall(r'<h3 class="territoire-card__title"><a href="(?:\.\./)*(?:offres/)?([a-z0-9-]+)/"', block)


# --- list pages ------------------------------------------------------------------------------

def test_index_in_pages_of_30_newest_first(board):
    cards = published(board)
    slugs = [c["slug"] for c in cards]
    pages = -(-len(cards) // PER_PAGE)
    assert len(cards) == 2400 - len(expired(board)) and pages > 50
    first = read(board, "offres/")
    assert first.count(CARD) == PER_PAGE
    assert card_slugs(first) == slugs[:PER_PAGE]
    seen = []
    for n in range(1, pages + 1):
        html = read(board, "offres/" if n == 1 else f"offres/page/{n}/")
        seen += card_slugs(html)
        nav = html.split('class="territoire-pagination"', 1)[1].split("</nav>", 1)[0]
        assert f'aria-current="page" aria-label="Page {n}">{n}</a>' in nav
        assert ('rel="prev"' in nav) == (n > 1) and ('rel="next"' in nav) == (n < pages)
    assert seen == slugs  # every offer once, in order, over the numbered pages
    assert not (board.out / f"offres/page/{pages + 1}").exists()
    assert "<title>Offres d’emploi – page 2 –" in read(board, "offres/page/2/")


def test_sector_pages_with_counts(board):
    cards = published(board)
    index = read(board, "offres/")
    sectors = board.site.content.config.site.sectors
    for key, label in sectors.items():
        mine = [c["slug"] for c in cards if c["sector"] == key]
        if not mine:
            continue
        assert f'<a href="{key}/">{label} ({format_decimal(len(mine), locale="fr")})</a>' in index
        seen, n = [], 1
        while (board.out / (f"offres/{key}/" if n == 1 else f"offres/{key}/page/{n}/")).is_dir():
            html = read(board, f"offres/{key}/" if n == 1 else f"offres/{key}/page/{n}/")
            seen += card_slugs(html)
            n += 1
        assert seen == mine, key
        sector_page = read(board, f"offres/{key}/")
        assert f'<option value="{key}" data-label="{label}" selected>' in sector_page
        assert f"<h1>Offres d’emploi : {label}" in sector_page


def test_filter_form_hidden_without_javascript_and_counts_like_the_script(board):
    html = read(board, "offres/")
    form = html.split('<form class="territoire-filters"', 1)[1].split("</form>", 1)[0]
    assert " hidden" in form.split(">", 1)[0]
    cards = published(board)
    contracts = {c["contract"] for c in cards}
    for contract in contracts:
        n = sum(1 for c in cards if c["contract"] == contract)
        assert re.search(rf'<option value="{contract}" data-label="[^"]+">[^<]+ \({format_decimal(n, locale="fr")}\)</option>', form)
    for label, name in (("Secteur", "secteur"), ("Contrat", "contrat"), ("Commune", "ville")):
        assert re.search(rf'<label for="offres-\w+">{label}</label>\s*<select id="offres-\w+" name="{name}">', form)
    assert 'name="teletravail"' in form and 'type="reset"' in form


def test_json_index_compact_newest_first_without_expired(board):
    raw = (board.out / "offres/index.json").read_bytes()
    assert len(raw) < 450_000  # about 130 bytes an offer; ~50 KB gzipped
    data = json.loads(raw)
    cards = published(board)
    assert [r[0] for r in data["jobs"]] == [c["slug"] for c in cards]
    by_slug = {c["slug"]: c for c in cards}
    for row in data["jobs"][:200]:
        slug, title, employer, contract, sector, town, place, remote, salary, posted, closing = row
        card = by_slug[slug]
        job = board.site.content.jobs[slug]
        day0 = date.fromisoformat(data["day0"])
        assert day0 + timedelta(days=posted) == job.posted
        assert (day0 + timedelta(days=closing) if closing >= 0 else None) == job.valid_through
        assert (title, employer) == (card["title"], card["employer"])
        assert data["contracts"][contract][0] == card["contract"] and data["sectors"][sector][0] == card["sector"]
        assert data["places"][place] == card["place"] and bool(remote) == card["remote"]
        assert (data["salaries"][salary] if salary >= 0 else None) == card["salary"]
        assert town == -1 or data["towns"][town] in card["place"]
    assert not set(expired(board)) & set(by_slug)


# --- expired offers -----------------------------------------------------------------------------

def test_expired_offers_only_on_their_no_longer_available_page(board):
    gone = expired(board)
    assert len(gone) > 50
    pattern = re.compile(r'["/](' + "|".join(map(re.escape, gone)) + r')/["?#<]')
    for path in board.out.rglob("*"):
        if not path.is_file() or path.suffix not in (".html", ".json", ".xml", ".csv", ".txt") or path.name == "410.html":
            continue
        if path.parent.name in gone:
            continue
        found = pattern.search(path.read_text("utf-8"))
        assert not found, f"{path.relative_to(board.out)} shows expired offer {found.group(1)}"
    for slug in gone[:20]:
        html = read(board, f"offres/{slug}/")
        assert '<meta name="robots" content="noindex">' in html and "JobPosting" not in html
        assert "<h1>Cette offre n’est plus disponible</h1>" in html
        job = board.site.content.jobs[slug]
        assert re.search(rf'<a href="\.\./{job.sector}/">Voir les offres du secteur', html)
        assert (board.out / f"offres/{slug}/410.html").read_bytes() == html.encode()


def test_host_rules_answer_410_for_expired_offers(board):
    netlify = (board.out / "_redirects").read_text()
    apache = (board.out / ".htaccess").read_text()
    nginx = (board.out.parent / "site.nginx.conf").read_text()
    for slug in expired(board):
        assert f"/offres/{slug}/ /offres/{slug}/410.html 410!" in netlify
        assert f"RedirectMatch 410 ^/offres/{slug}/$" in apache
        assert f'<If "%{{REQUEST_URI}} =~ m#^/offres/{slug}/$#">\n  ErrorDocument 410 /offres/{slug}/410.html\n</If>' in apache
        assert f"location = /offres/{slug}/ {{ error_page 410 /offres/{slug}/410.html; return 410; }}" in nginx
    for slug in [c["slug"] for c in published(board)[:50]]:
        assert f"/offres/{slug}/" not in netlify + apache + nginx
    assert "/q/" in netlify  # short links still there


# --- job pages ------------------------------------------------------------------------------------

def test_every_job_page_has_a_valid_job_posting(board):
    validator = jsonschema.Draft202012Validator(JOB_POSTING)
    checked = 0
    for page in board.site.pages:
        if page.template != "job.html":
            continue
        job = board.site.content.jobs[page.meta["job"]["slug"]]
        scripts = LD.findall(read(board, page.url))
        if job.contract in ("liberal", "reprise"):  # not employment: the page says so, no markup
            assert scripts == [] and "territoire-notice" in read(board, page.url)
            continue
        assert len(scripts) == 1, page.url
        data = json.loads(scripts[0])
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, f"{page.url}: {errors}"
        assert date.fromisoformat(data["datePosted"]) == job.posted
        if job.valid_through:
            end = datetime.fromisoformat(data["validThrough"])
            assert end.date() == job.valid_through and end.utcoffset() is not None
        assert ("jobLocation" in data) == bool(job.location.city)
        assert ("jobLocationType" in data) == job.location.remote
        checked += 1
    assert checked > 1500
    for page in board.site.pages:  # only there
        if page.template != "job.html" and page.template in ("jobs.html", "job_gone.html", "home.html"):
            assert "JobPosting" not in (page.meta.get("json_ld") or "")


def test_job_posting_mapping():
    clock = Clock.make("Europe/Paris", TODAY)
    base = load_project(make_project(Path(__import__("tempfile").mkdtemp()))).jobs["infirmier"]
    expected = {"cdi": "FULL_TIME", "cdd": "TEMPORARY", "saisonnier": "TEMPORARY", "interim": "TEMPORARY",
                "alternance": ["FULL_TIME", "INTERN"], "stage": "INTERN", "liberal": None, "reprise": None}
    for contract, kind in expected.items():
        job = base.model_copy(update={"contract": contract})
        markup = job_posting_json_ld(job, slug="x", description_html="<p>x</p>", page_url="https://a.fr/offres/x/",
                                     logo_url=None, clock=clock)
        assert (json.loads(markup)["employmentType"] if markup else None) == kind
    same = base.model_copy(update={"salary": base.salary.model_copy(update={"min": 12.5, "max": 12.5, "period": "hour"}),
                                   "location": base.location.model_copy(update={"remote": True})})
    data = json.loads(job_posting_json_ld(same, slug="x", description_html="<p>x</p>", page_url="https://a.fr/",
                                          logo_url="https://a.fr/media/logo.png", clock=clock))
    assert data["baseSalary"]["value"] == {"@type": "QuantitativeValue", "unitText": "HOUR", "value": 12.5}
    assert data["jobLocation"]["address"]["postalCode"] == "41000" and data["jobLocationType"] == "TELECOMMUTE"
    assert data["validThrough"] == "2027-06-30T23:59:59+02:00"
    assert data["hiringOrganization"]["logo"] == "https://a.fr/media/logo.png"
    hostile = base.model_copy(update={"title": "</script><script>alert(1)</script>"})
    assert "</script>" not in job_posting_json_ld(hostile, slug="x", description_html="<p>x</p>", page_url="https://a.fr/",
                                                  logo_url=None, clock=clock)


def test_job_page_shows_everything(board):
    pages = [p for p in board.site.pages if p.template == "job.html"]
    by_url = next(p for p in pages if board.site.content.jobs[p.meta["job"]["slug"]].apply.url)
    html = read(board, by_url.url)
    assert html.count('data-attribution="query"') == 2  # both apply buttons carry the campaign
    by_mail = next(p for p in pages if board.site.content.jobs[p.meta["job"]["slug"]].apply.email)
    assert 'href="mailto:' in read(board, by_mail.url) and 'data-attribution' not in read(board, by_mail.url)
    for page in pages[:300]:
        view = page.meta["job"]
        assert len(view["stories"]) <= 2 and view["contract_words"]
    with_stories = [p for p in pages if p.meta["job"]["stories"]]
    assert with_stories and 'id="temoins"' in read(board, with_stories[0].url)
    remote = next(p for p in pages if p.meta["job"]["remote"] and p.meta["job"]["place"] == "Télétravail complet")
    assert "<dd>Télétravail complet</dd>" in read(board, remote.url)
    cdi = next(p for p in pages if p.meta["job"]["contract"] == "cdi")
    assert "CDI (contrat à durée indéterminée)" in read(board, cdi.url)


# --- feeds and exports ------------------------------------------------------------------------------

def test_feeds_parse_newest_first_with_stable_ids(board):
    cards = published(board)
    feed = feedparser.parse((board.out / "offres/flux.xml").read_bytes())
    assert not feed.bozo and feed.version == "atom10"
    assert len(feed.entries) == 50
    assert [e.id for e in feed.entries] == ["https://bench-territoire.example.fr/" + c["url"] for c in cards[:50]]
    assert [e.link for e in feed.entries] == [e.id for e in feed.entries]
    newest = date.fromisoformat(cards[0]["posted"])
    assert feed.feed.updated.startswith(newest.isoformat())  # content's date, never the build's clock
    assert all(e.updated.startswith(c["posted"]) for e, c in zip(feed.entries, cards))
    assert feed.entries[0].content[0].type == "text/html"
    for key in board.site.content.config.site.sectors:
        mine = [c for c in cards if c["sector"] == key]
        sector_feed = feedparser.parse((board.out / f"offres/{key}/flux.xml").read_bytes())
        assert not sector_feed.bozo
        assert [e.id.rsplit("/", 2)[-2] for e in sector_feed.entries] == [c["slug"] for c in mine[:50]]


def _machine_clock_at(monkeypatch, instant: datetime) -> None:
    """From now on the generator, and the feed library it uses, read ``instant`` as the time of the
    machine that builds (the modules already imported: a build has imported them all)."""
    real = datetime

    class Meta(type):
        def __instancecheck__(cls, obj):
            return isinstance(obj, real)  # the content's own datetimes stay datetimes for the code

    class MachineClock(real, metaclass=Meta):
        def __new__(cls, *args, **kwargs):
            return real(*args, **kwargs)  # what the build makes stays plain, picklable for its workers

        @classmethod
        def now(cls, tz=None):
            return instant.astimezone(tz) if tz else instant.astimezone().replace(tzinfo=None)

    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] in ("generator", "feedgen"):
            for attribute, value in list(vars(module).items()):
                if value is real:
                    monkeypatch.setattr(module, attribute, MachineClock)
    # Without these, a patch that missed the clock's readers would make the test pass for nothing.
    assert Clock.make("Europe/Paris").now.date() == instant.date()
    assert FeedGenerator().updated() == instant


def test_feed_is_reproducible(tmp_path, monkeypatch):
    """Two reference dates and two machine clocks years apart (the second one patched, no sleeping
    for the clock to move): the same bytes, dated by the content only."""
    make_project(tmp_path)
    feeds = []
    for today, machine_time in (("2026-11-23", None), ("2026-12-24", datetime(2041, 5, 2, 17, 45, 12, tzinfo=timezone.utc))):
        if machine_time:
            _machine_clock_at(monkeypatch, machine_time)
        assert main(["build", "--project", str(tmp_path), "--today", today]) == 0
        feeds.append((tmp_path / "site/offres/flux.xml").read_bytes())
    assert feeds[0] == feeds[1]
    assert b"<updated>2026-10-01T00:00:00+02:00</updated>" in feeds[0]


def test_jobs_pages_link_feeds_and_exports(board):
    index = read(board, "offres/")
    assert '<link rel="alternate" type="application/atom+xml" title="Flux Atom des nouvelles offres" href="flux.xml">' in index
    for href in ("flux.xml", "offres.json", "offres.csv"):
        assert re.search(rf'<li><a href="{href}" type="[^"]+">', index)
    sector = read(board, "offres/sante/page/2/")
    assert 'type="application/atom+xml" title="Flux Atom : Santé" href="../../flux.xml"' in sector
    assert 'href="../../../flux.xml"' in sector  # and the feed of all offers
    # Named for what they do, at the end of the page, for partners
    exports = index[index.index('class="territoire-jobs__exports"'):]
    assert index.index('id="offres-liste"') < index.index('class="territoire-jobs__exports"')
    for label in ("Recevoir les nouvelles offres (flux Atom)", "Télécharger les offres (tableur CSV)",
                  "Les offres pour les sites partenaires (JSON)"):
        assert label in exports
    assert "Recevoir les nouvelles offres : Santé (flux Atom)" in sector


def test_cards_show_their_publication_date(board):
    index = read(board, "offres/")
    cards = published(board)[:PER_PAGE]
    shown = re.findall(r'<p class="territoire-card__date"><time datetime="([\d-]+)">([^<]+)</time></p>', index)
    assert [d for d, _ in shown] == [c["posted"] for c in cards]
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"]
    for iso, label in shown:
        day = date.fromisoformat(iso)
        year = "" if day.year == TODAY.year else f" {day.year}"
        assert label == f"Publiée le {day.day} {months[day.month - 1]}{year}"


def test_filter_form_has_search_and_sort(board):
    index = read(board, "offres/")
    form = index[index.index('<form class="territoire-filters"'):index.index("</form>")]
    assert re.search(r'<input type="search" id="offres-q" name="q"', form)
    assert re.search(r'<select id="offres-tri" name="tri"><option value="" data-sort="newest">[^<]+</option>'
                     r'<option value="date-limite" data-sort="closing">', form)
    assert re.search(r'<details class="territoire-filters__fold" id="offres-plier">\s*<summary>Filtrer et trier', form)


def test_csv_and_json_exports(board):
    cards = published(board)
    raw = (board.out / "offres/offres.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the accents
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(cards) and [r["id"] for r in rows] == [c["slug"] for c in cards]
    assert b"\r\n" in raw
    first = rows[0]
    assert first["url"].startswith("https://") and first["teletravail"] in ("oui", "non")
    assert first["publiee_le"] == cards[0]["posted"] and first["description"]
    data = json.loads((board.out / "offres/offres.json").read_bytes())
    assert data["count"] == len(cards) == len(data["offers"])
    offer = data["offers"][0]
    assert set(offer) >= {"id", "url", "title", "employer", "sector", "sector_label", "contract", "contract_label", "city",
                          "postal_code", "remote", "salary", "posted", "valid_through", "description", "description_html", "apply"}
    assert offer["id"] == cards[0]["slug"] and offer["description"] == first["description"]


# --- content checks ----------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["fr", "en"])
def test_job_slug_may_not_take_a_sector_or_page_address(tmp_path, language):
    config = FILES["site_config.yml"].replace("language: fr", f"language: {language}")
    job = FILES["content/jobs/infirmier.yml"]
    make_project(tmp_path, **{"site_config.yml": config, "content/jobs/sante.yml": job, "content/jobs/page.yml": job})
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    text = [str(p) for p in err.value.problems]
    jobs = "offres" if language == "fr" else "jobs"
    if language == "fr":
        assert text == [
            "content/jobs/page.yml:1: l'adresse /offres/page/ est réservée aux pages suivantes de la liste des offres "
            "(/offres/page/2/…) ; renommez le fichier de l'offre, par exemple « offre-page.yml »",
            "content/jobs/sante.yml:1: l'adresse /offres/sante/ est celle de la page du secteur « Santé » ; "
            "renommez le fichier de l'offre, par exemple « offre-sante.yml »",
        ]
    else:
        assert len(text) == 2 and f"/{jobs}/sante/ is the page of the sector “Santé”" in text[1]


def test_job_slug_index_is_reserved(tmp_path):
    make_project(tmp_path, **{"content/jobs/index.yml": FILES["content/jobs/infirmier.yml"]})
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    assert [str(p) for p in err.value.problems] == [
        "content/jobs/index.yml:1: le nom « index » est réservé à la page de la liste des offres (/offres/) ; "
        "renommez le fichier de l'offre"]


def test_sector_key_page_is_reserved(tmp_path):
    config = FILES["site_config.yml"].replace("    btp: Bâtiment\n", "    btp: Bâtiment\n    page: Pages\n")
    make_project(tmp_path, **{"site_config.yml": config})
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    assert [str(p) for p in err.value.problems] == [
        "site_config.yml:11: site.sectors.page: la clé de secteur « page » est réservée (pages suivantes de la liste "
        "des offres, /offres/page/2/…) ; choisissez une autre clé"]


# --- the English site ---------------------------------------------------------------------------------

def test_english_job_board(tmp_path):
    result = build_board(tmp_path, 150, language="en")
    out = result.out
    cards = published(result)
    assert (out / "jobs/index.html").is_file() and (out / "jobs/page/2/index.html").is_file()
    sector = cards[0]["sector"]
    assert (out / f"jobs/{sector}/index.html").is_file() and (out / f"jobs/{sector}/feed.xml").is_file()
    assert not feedparser.parse((out / "jobs/feed.xml").read_bytes()).bozo
    assert (out / "jobs/jobs.csv").read_text("utf-8-sig").startswith("id,url,title,employer,")
    assert json.loads((out / "jobs/jobs.json").read_bytes())["count"] == len(cards)
    html = (out / "jobs/index.html").read_text("utf-8")
    assert 'name="sector"' in html and 'name="remote"' in html and "Show more jobs" in html
    gone = expired(result)
    assert gone
    page = (out / f"jobs/{gone[0]}/index.html").read_text("utf-8")
    assert "<h1>This job is no longer available</h1>" in page and "noindex" in page
    assert f"/jobs/{gone[0]}/ /jobs/{gone[0]}/410.html 410!" in (out / "_redirects").read_text()


# --- the rules, served by real Apache and nginx when installed -----------------------------------------

UTM = "utm_source=qr&utm_medium=affiche&utm_campaign=soignants&utm_content=bastille"


@pytest.fixture
def small_site(tmp_path):
    make_project(tmp_path)
    assert main(["build", "--project", str(tmp_path), "--today", "2027-07-01"]) == 0  # infirmier has expired
    return tmp_path


def _short_link_redirects(base: str) -> None:
    for path in ("/q/bastille/", "/q/bastille"):  # a real redirect, counted in the access log
        answer = get(base + path)
        assert answer.status == 302 and answer.location.endswith(f"/soignants/?{UTM}"), answer[:2]
        assert get(urljoin(base + path, answer.location)).status == 200  # to the campaign, on this host


@needs_apache
def test_apache_answers_410_with_the_page(small_site):
    with apache(small_site / "site", small_site / "apache") as port:
        base = f"http://127.0.0.1:{port}"
        gone = get(base + "/offres/infirmier/")
        assert gone.status == 410 and "plus disponible" in gone.body
        assert get(base + "/offres/").status == 200
        assert get(base + "/nulle-part/").status == 404
        _short_link_redirects(base)


@needs_nginx
def test_nginx_answers_410_with_the_page(small_site):
    with nginx(small_site / "site", small_site / "site.nginx.conf", small_site / "nginx") as port:
        base = f"http://127.0.0.1:{port}"
        gone = get(base + "/offres/infirmier/")
        assert gone.status == 410 and "plus disponible" in gone.body
        _short_link_redirects(base)
