"""One apostrophe style: French pages print ’ (U+2019) wherever the catalogue, the templates or
the officer wrote ' between two letters, and never touch an address, an attribute that is not
read as text, code, a script or a style sheet. English keeps the straight apostrophe."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import build
from generator.locales import VISITOR_SECTIONS, Plural, raw, words
from generator.locales.typography import apostrophes, html

from project_factory import FILES, make_project

TODAY = date(2026, 11, 23)
STRAIGHT = re.compile(r"[^\W\d_]'[^\W\d_]")
# What a visitor reads of an element's attributes, and of a <meta>.
TEXT_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}
TEXT_META = {"description", "og:title", "og:description", "og:site_name", "og:image:alt", "twitter:title",
             "twitter:description"}
NOT_TEXT = {"script", "style", "code", "pre", "textarea"}


class VisibleText(HTMLParser):
    """The texts a visitor reads: text nodes (entities decoded) and the attributes read as text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in NOT_TEXT:
            self.hidden += 1
        self.texts += [value for name, value in attrs if name in TEXT_ATTRIBUTES and value]
        if tag == "meta" and (values.get("name") in TEXT_META or values.get("property") in TEXT_META):
            self.texts.append(values.get("content") or "")

    def handle_endtag(self, tag):
        if tag in NOT_TEXT:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.texts.append(data)


def visible(page: str) -> list[str]:
    parser = VisibleText()
    parser.feed(page)
    return parser.texts


ADDRESS = re.compile(r"\S*(?:://|@)\S*|\bwww\.\S*")  # an address written out keeps what it has


def straight(page: str) -> list[str]:
    return [text.strip()[:120] for text in visible(page) if STRAIGHT.search(ADDRESS.sub("", text))]


# --- the rule ---------------------------------------------------------------------------------

def test_an_apostrophe_between_letters_becomes_typographic():
    assert apostrophes("l'offre d'emploi, aujourd'hui, Access'Vallon") == "l’offre d’emploi, aujourd’hui, Access’Vallon"
    assert apostrophes("'cité' entre guillemets, 12', ' seul, l' ") == "'cité' entre guillemets, 12', ' seul, l' "
    # an address written out stays as it is
    assert apostrophes("voir https://ex.fr/l'offre ou www.ex.fr/l'a, o'brien@ex.fr") == \
        "voir https://ex.fr/l'offre ou www.ex.fr/l'a, o'brien@ex.fr"


def test_only_what_a_visitor_reads_of_a_page_changes():
    page = ('<html><head><title>Offres d&#39;emploi</title><meta name="description" content="L&#39;été">'
            '<meta property="og:url" content="https://ex.fr/l&#39;a/"><meta http-equiv="refresh" content="0; url=l&#39;a">'
            '<style>q::before{content:"l\'a"}</style><script>var s = "n\'importe";</script>'
            '<script type="application/ld+json">{"name":"l\'a"}</script></head>'
            '<body><p title="l&#39;été" data-x="l&#39;a"><img alt="Vue de l\'église" src="/media/l\'a.jpg">'
            '<a href="https://ex.fr/l&#39;a" aria-label="Aller à l&#39;accueil">l\'accueil</a> https://ex.fr/l\'a</p>'
            '<pre>n\'importe</pre><p><code>l\'code</code></p><textarea>j\'écris</textarea>'
            '<!-- l\'a --><input value="l&#39;a" placeholder="Votre m&#39;ssage"></body></html>')
    assert html(page) == (
        '<html><head><title>Offres d’emploi</title><meta name="description" content="L’été">'
        '<meta property="og:url" content="https://ex.fr/l&#39;a/"><meta http-equiv="refresh" content="0; url=l&#39;a">'
        '<style>q::before{content:"l\'a"}</style><script>var s = "n\'importe";</script>'
        '<script type="application/ld+json">{"name":"l\'a"}</script></head>'
        '<body><p title="l’été" data-x="l&#39;a"><img alt="Vue de l’église" src="/media/l\'a.jpg">'
        '<a href="https://ex.fr/l&#39;a" aria-label="Aller à l’accueil">l’accueil</a> https://ex.fr/l\'a</p>'
        '<pre>n\'importe</pre><p><code>l\'code</code></p><textarea>j\'écris</textarea>'
        '<!-- l\'a --><input value="l&#39;a" placeholder="Votre m’ssage"></body></html>')


def texts(entry) -> list[str]:
    """Every text of a catalogue section as ``words`` gives it (plurals by their forms)."""
    if isinstance(entry, Plural):
        return list(entry.forms.values())
    if isinstance(entry, dict):
        return [text for value in entry.values() for text in texts(value)]
    if isinstance(entry, list):
        return [text for value in entry for text in texts(value)]
    return [entry] if isinstance(entry, str) else []


def test_french_catalogue_as_visitors_read_it_english_as_written():
    assert raw("fr")["site"]["jobs"] == "Offres d'emploi"  # written as officers type
    assert words("fr", "site")["jobs"] == "Offres d’emploi"  # read as French prints
    for section in VISITOR_SECTIONS:
        assert [text for text in texts(words("fr", section)) if STRAIGHT.search(text)] == [], section
        assert not any("’" in text for text in texts(words("en", section))), section
    # Officers read check's messages in a terminal, where they type ': those are kept as written.
    assert words("fr", "messages")["not_utf8"] == raw("fr")["messages"]["not_utf8"]


# --- the demo ---------------------------------------------------------------------------------

def test_the_demo_has_no_straight_apostrophe_in_what_visitors_read(demo_build):  # noqa: F811
    by_template: dict[str, str] = {}
    for page in demo_build.site.pages:
        by_template.setdefault(page.template, page.url)
    checked = {name: by_template[name] for name in ("home.html", "job.html", "campaign.html", "privacy.html",
                                                    "legal.html", "accessibility.html", "jobs.html", "event.html")}
    for template, url in checked.items():
        page = (demo_build.out / url / "index.html").read_text("utf-8")
        assert straight(page) == [], (template, url)
        assert "’" in "".join(visible(page)), (template, url)  # the French apostrophe is there


# --- what the officer types -------------------------------------------------------------------

OFFICER = {
    "content/jobs/infirmier.yml": FILES["content/jobs/infirmier.yml"]
    .replace("title: Infirmier·e", "title: \"Infirmier·e à l'hôpital d'Aube\"")
    .replace('description: "Rejoignez **notre équipe**."',
             "description: |\n  L'équipe vous attend : [l'accueil](https://ex.fr/l'accueil), `l'exemple`.\n"
             "\n  ```\n  n'importe\n  ```\n\n  Voir https://ex.fr/l'offre aujourd'hui.\n"),
    "content/events/job-dating.yml": FILES["content/events/job-dating.yml"]
    .replace("title: Job dating santé", "title: \"Job dating de l'été\""),
}


@pytest.fixture(scope="module")
def officer_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("typography"), **OFFICER)
    return build(project, project / "site", today=TODAY).out


def test_the_officer_s_straight_apostrophes_are_printed_typographic(officer_site):
    page = (officer_site / "offres/infirmier/index.html").read_text("utf-8")
    assert straight(page) == []
    assert "<h1>Infirmier·e à l’hôpital d’Aube" in page and "<title>Infirmier·e à l’hôpital d’Aube" in page
    assert "L’équipe vous attend" in page and ">l’accueil</a>" in page and "aujourd’hui" in page
    # never in an address, code, or a preformatted block
    assert re.search(r'href="https://ex\.fr/l(\'|&#39;|%27)accueil"', page)
    assert re.search(r"<code>l('|&#39;)exemple</code>", page) and re.search(r"n('|&#39;)importe", page)
    assert re.search(r"https://ex\.fr/l('|&#39;)offre", page)
    # JSON-LD says it as the page does
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["title"] == "Infirmier·e à l’hôpital d’Aube"


def test_calendars_feeds_and_the_board_s_index_say_it_as_the_pages(officer_site):
    ics = (officer_site / "agenda/job-dating.ics").read_text("utf-8")
    assert "SUMMARY:Job dating de l’été" in ics
    event = (officer_site / "agenda/job-dating/index.html").read_text("utf-8")
    assert straight(event) == [] and "Job dating de l’été" in event
    feed = (officer_site / "offres/flux.xml").read_text("utf-8")
    assert "Infirmier·e à l’hôpital d’Aube" in feed and "hôpital d'Aube" not in feed
    index = json.loads((officer_site / "offres/index.json").read_text("utf-8"))
    assert "Infirmier·e à l’hôpital d’Aube" in json.dumps(index, ensure_ascii=False)


def test_english_keeps_the_straight_apostrophe(tmp_path):
    config = FILES["site_config.yml"].replace("language: fr", "language: en")
    project = make_project(tmp_path, **{"site_config.yml": config, **OFFICER})
    out = build(project, project / "site", today=TODAY).out
    page = next(out.glob("jobs/*/index.html")).read_text("utf-8")
    assert "’" not in page.replace("&rsquo;", "")
    assert "hôpital d&#39;Aube" in page
