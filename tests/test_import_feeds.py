"""Job feeds read into upstream records (generator/imports/feeds.py): schema.org JobPosting as a
JSON feed or as JSON-LD in a page, an Indeed-style XML feed, from a file or from an address; and
what a hostile or broken feed gets: entity declarations refused, records without an identifier
skipped, errors in French with the line."""

from __future__ import annotations

import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from generator.content.imports import ImportSource
from generator.content.messages import Messages
from generator.imports.feeds import read_date, read_indeed_xml, read_jobposting, source_name
from generator.imports.records import SourceError

MSG = Messages("fr")

POSTING = {
    "@context": "https://schema.org", "@type": "JobPosting",
    "identifier": {"@type": "PropertyValue", "name": "Clinique des Alpes", "value": "INF-2026-07"},
    "title": "  Infirmier (H/F)  ",
    "hiringOrganization": {"@type": "Organization", "name": "Clinique des Alpes", "sameAs": "https://clinique.example"},
    "industry": "Santé", "occupationalCategory": {"@type": "CategoryCode", "codeValue": "J1506", "name": "Soins infirmiers"},
    "employmentType": ["FULL_TIME", "TEMPORARY"],
    "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Gap", "postalCode": "05000"}},
    "jobLocationType": "TELECOMMUTE",
    "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                   "value": {"@type": "QuantitativeValue", "minValue": 2100, "maxValue": "2 400,50", "unitText": "MONTH"}},
    "datePosted": "2026-10-01", "validThrough": "2026-11-30T23:59:00+01:00",
    "description": "<p>Soins <strong>de jour</strong></p>",
    "url": "https://clinique.example/offres/inf-2026-07",
    "applicationContact": {"@type": "ContactPoint", "email": "rh@clinique.example"},
}


def settings(source: str, **values) -> ImportSource:
    return ImportSource(source=source, **values)


def write(tmp_path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return name


# ----- JobPosting -------------------------------------------------------------------------------

def test_a_jobposting_json_feed_is_read_field_by_field(tmp_path):
    second = {"@type": "JobPosting", "identifier": 4821, "title": "Saisonnier", "hiringOrganization": "Hôtel du Lac",
              "employmentType": "SEASONAL", "jobLocation": [{"@type": "Place", "address": "05 - Embrun"}],
              "baseSalary": {"@type": "MonetaryAmount", "value": 12.5, "unitText": "HOUR"}}
    feed = {"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "ignored"}, POSTING, second]}
    snapshot = read_jobposting(settings("jobposting", file=write(tmp_path, "feed.json", json.dumps(feed))), tmp_path, MSG)
    assert snapshot.complete and snapshot.skipped == []
    first, other = snapshot.offers
    assert (first.id, first.title, first.employer, first.employer_url) == (
        "INF-2026-07", "Infirmier (H/F)", "Clinique des Alpes", "https://clinique.example")
    assert first.sector_codes == ("Santé", "J1506", "Soins infirmiers")
    assert first.contract == "FULL_TIME" and first.extra["employment_types"] == ["FULL_TIME", "TEMPORARY"]
    assert (first.city, first.postal_code, first.remote) == ("Gap", "05000", True)
    assert (first.salary_min, first.salary_max, first.salary_period) == (2100, 2400.5, "month")
    assert (first.posted, first.valid_through) == (date(2026, 10, 1), date(2026, 11, 30))
    assert first.description_html == "<p>Soins <strong>de jour</strong></p>" and first.description is None
    assert (first.apply_url, first.apply_email) == ("https://clinique.example/offres/inf-2026-07", "rh@clinique.example")
    assert (other.id, other.employer, other.contract, other.place_label, other.remote) == (
        "4821", "Hôtel du Lac", "SEASONAL", "05 - Embrun", False)
    assert (other.salary_min, other.salary_max, other.salary_period) == (12.5, None, "hour")


def test_an_item_list_and_a_single_posting_are_feeds_too(tmp_path):
    item_list = {"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "position": 1, "item": POSTING}]}
    for name, feed in (("list.json", item_list), ("one.json", POSTING), ("array.json", [POSTING])):
        snapshot = read_jobposting(settings("jobposting", file=write(tmp_path, name, json.dumps(feed))), tmp_path, MSG)
        assert [o.id for o in snapshot.offers] == ["INF-2026-07"], name


def test_jobpostings_in_a_pages_json_ld_are_read(tmp_path):
    page = f"""<!doctype html><html><head><title>Carrières</title>
<script type="application/ld+json">{{"@type": "BreadcrumbList", "itemListElement": []}}</script>
<script type="application/ld+json">{json.dumps(POSTING)}</script>
<script>var notJson = {{</script></head><body><h1>Nos offres</h1></body></html>"""
    snapshot = read_jobposting(settings("jobposting", file=write(tmp_path, "offre.html", page)), tmp_path, MSG)
    assert [o.id for o in snapshot.offers] == ["INF-2026-07"] and snapshot.complete
    assert snapshot.offers[0].city == "Gap"


def test_a_broken_json_ld_block_is_said_and_withdraws_nothing(tmp_path):
    page = f"""<html><head>
<script type="application/ld+json">{json.dumps(POSTING)}</script>
<script type="application/ld+json">
{{"@type": "JobPosting",
  "title": "Cuisinier" "oops"}}
</script></head></html>"""
    snapshot = read_jobposting(settings("jobposting", file=write(tmp_path, "page.html", page)), tmp_path, MSG)
    assert [o.id for o in snapshot.offers] == ["INF-2026-07"]
    assert snapshot.complete is False  # the broken block's offers are unknown: none may be withdrawn
    [skipped] = snapshot.skipped
    assert "bloc JSON-LD n° 2" in skipped.message and "ligne 5" in skipped.message


def test_what_is_nested_too_deep_is_said_and_withdraws_nothing(tmp_path):
    node: object = POSTING
    for _ in range(30):
        node = [node]
    feed = [{**POSTING, "identifier": "visible"}, {"@graph": node}]
    snapshot = read_jobposting(settings("jobposting", file=write(tmp_path, "deep.json", json.dumps(feed))), tmp_path, MSG)
    assert [o.id for o in snapshot.offers] == ["visible"] and snapshot.complete is False
    assert "plus de 20 niveaux" in snapshot.skipped[0].message
    with pytest.raises(SourceError) as caught:  # past the parser's own depth: not JSON it can read
        read_jobposting(settings("jobposting", file=write(tmp_path, "deeper.json", "[" * 100_000 + "]" * 100_000)), tmp_path, MSG)
    assert "n'est pas un JSON valide" in caught.value.message


def test_a_page_without_any_jobposting_is_an_error(tmp_path):
    page = '<html><script type="application/ld+json">{"@type": "Organization"}</script></html>'
    with pytest.raises(SourceError) as caught:
        read_jobposting(settings("jobposting", file=write(tmp_path, "page.html", page)), tmp_path, MSG)
    assert "aucune offre schema.org JobPosting" in caught.value.message and caught.value.exit_code == 2


def test_records_that_cannot_be_read_are_skipped_with_their_field(tmp_path):
    feed = [
        {"@type": "JobPosting", "title": "Sans identifiant"},  # neither identifier nor url
        {"@type": "JobPosting", "title": "Par son adresse", "url": "https://ats.example/jobs/9"},  # url as id
        {"@type": "JobPosting", "identifier": "A1", "title": "Date", "validThrough": "bientôt"},
        {"@type": "JobPosting", "identifier": "A2", "title": ["pas", "un texte"]},
        {"@type": "JobPosting", "identifier": "A3", "title": "Salaire",
         "baseSalary": {"@type": "MonetaryAmount", "value": {"minValue": "beaucoup"}}},
        {"@type": "JobPosting", "identifier": "A4", "title": "Premier"},
        {"@type": "JobPosting", "identifier": "A4", "title": "Doublon"},
        "pas un objet",
    ]
    snapshot = read_jobposting(settings("jobposting", file=write(tmp_path, "feed.json", json.dumps(feed))), tmp_path, MSG)
    assert [(o.id, o.title) for o in snapshot.offers] == [("https://ats.example/jobs/9", "Par son adresse"), ("A4", "Premier")]
    by_id = {(s.id, s.field): s.message for s in snapshot.skipped}
    assert by_id[(None, "identifier")] == (
        "offre n° 1 (Sans identifiant) : ni identifier ni url, elle ne pourrait pas être retrouvée d'un import "
        "à l'autre : ignorée")
    assert by_id[("A1", "validThrough")] == "offre « A1 » : validThrough ne se lit pas (« bientôt ») : offre ignorée"
    assert ("A2", "title") in by_id and ("A3", "baseSalary.value.minValue") in by_id
    assert "A4" in by_id[("A4", None)] and "seule la première" in by_id[("A4", None)]
    assert (None, None) in by_id  # the item that is no object
    assert len(snapshot.skipped) == 6


def test_a_salary_per_day_is_kept_as_text(tmp_path):
    posting = {**POSTING, "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                                         "value": {"minValue": 90, "maxValue": 110, "unitText": "DAY"}}}
    [offer] = read_jobposting(settings("jobposting", file=write(tmp_path, "f.json", json.dumps(posting))), tmp_path, MSG).offers
    assert (offer.salary_min, offer.salary_max, offer.salary_period, offer.salary_text) == (None, None, None, "90–110 EUR DAY")


def test_malformed_json_names_the_line(tmp_path):
    with pytest.raises(SourceError) as caught:
        read_jobposting(settings("jobposting", file=write(tmp_path, "feed.json", '[\n  {"a": 1},\n  {"b": }\n]')), tmp_path, MSG)
    assert caught.value.message == "feed.json n'est pas un JSON valide (erreur ligne 3, colonne 9) : rien n'a été importé"
    assert caught.value.exit_code == 2  # a file of the project: the officer fixes it


def test_a_missing_file_is_for_the_officer_to_fix(tmp_path):
    with pytest.raises(SourceError) as caught:
        read_jobposting(settings("jobposting", file="imports/offres.json"), tmp_path, MSG)
    assert caught.value.exit_code == 2 and "imports/offres.json n'existe pas" in caught.value.message


# ----- Indeed XML -------------------------------------------------------------------------------

INDEED = """<?xml version="1.0" encoding="utf-8"?>
<source>
  <publisher>ATS des Alpes</publisher>
  <publisherurl>https://ats.example</publisherurl>
  <job>
    <title><![CDATA[Cuisinier / Cuisinière]]></title>
    <date><![CDATA[Fri, 10 Dec 2026 22:49:39 GMT]]></date>
    <referencenumber><![CDATA[CUI-118]]></referencenumber>
    <url><![CDATA[https://ats.example/jobs/CUI-118?src=indeed&amp;x=1]]></url>
    <company><![CDATA[Hôtel du Lac]]></company>
    <city><![CDATA[Embrun]]></city>
    <state><![CDATA[Provence-Alpes-Côte d'Azur]]></state>
    <country><![CDATA[FR]]></country>
    <postalcode><![CDATA[05200]]></postalcode>
    <email><![CDATA[emploi@hotel.example]]></email>
    <description><![CDATA[<p>Cuisine <b>traditionnelle</b> & produits locaux</p>]]></description>
    <salary><![CDATA[1 900 € par mois]]></salary>
    <jobtype><![CDATA[Saisonnier, temps plein]]></jobtype>
    <category><![CDATA[Hôtellerie, restauration]]></category>
    <remotetype><![CDATA[]]></remotetype>
    <expirationdate><![CDATA[2027-01-15]]></expirationdate>
  </job>
  <job>
    <title>Développeur</title>
    <date>2026-11-02T08:00:00Z</date>
    <referencenumber>DEV-7</referencenumber>
    <company>Alpes Numérique</company>
    <jobtype>CDI</jobtype>
    <remotetype>Fully remote</remotetype>
  </job>
  <job><title>Sans référence</title></job>
  <job><referencenumber>BAD-1</referencenumber><title>Date</title><date>hier</date></job>
</source>"""


def test_an_indeed_xml_feed_is_read_field_by_field(tmp_path):
    snapshot = read_indeed_xml(settings("indeed_xml", file=write(tmp_path, "indeed.xml", INDEED)), tmp_path, MSG)
    cook, dev = snapshot.offers
    assert (cook.id, cook.title, cook.employer, cook.city, cook.postal_code) == (
        "CUI-118", "Cuisinier / Cuisinière", "Hôtel du Lac", "Embrun", "05200")
    assert cook.apply_url == "https://ats.example/jobs/CUI-118?src=indeed&amp;x=1"  # CDATA: as written
    assert (cook.apply_email, cook.salary_text) == ("emploi@hotel.example", "1 900 € par mois")
    assert cook.description_html == "<p>Cuisine <b>traditionnelle</b> & produits locaux</p>"
    assert cook.contract == "Saisonnier" and cook.extra["jobtype"] == "Saisonnier, temps plein"
    assert cook.sector_codes == ("Hôtellerie, restauration", "Hôtellerie", "restauration")
    assert (cook.posted, cook.valid_through, cook.remote) == (date(2026, 12, 10), date(2027, 1, 15), False)
    assert cook.extra["state"] == "Provence-Alpes-Côte d'Azur"
    assert (dev.id, dev.contract, dev.remote, dev.posted, dev.apply_url) == ("DEV-7", "CDI", True, date(2026, 11, 2), None)
    assert [(s.id, s.field) for s in snapshot.skipped] == [(None, "referencenumber"), ("BAD-1", "<date>")]
    assert "ni <referencenumber> ni <url>" in snapshot.skipped[0].message
    assert snapshot.skipped[1].message == "offre « BAD-1 » : <date> ne se lit pas (« hier ») : offre ignorée"


BOMB = """<?xml version="1.0"?>
<!DOCTYPE source [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<source><job><referencenumber>1</referencenumber><title>&lol3;</title></job></source>"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE source [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<source><job><referencenumber>1</referencenumber><title>&secret;</title></job></source>"""


@pytest.mark.parametrize("document", [BOMB, EXTERNAL], ids=["entity-bomb", "external-entity"])
def test_xml_entities_are_refused_in_french(tmp_path, document):
    with pytest.raises(SourceError) as caught:
        read_indeed_xml(settings("indeed_xml", file=write(tmp_path, "feed.xml", document)), tmp_path, MSG)
    assert caught.value.message.startswith("feed.xml déclare des entités XML (<!ENTITY …>) : refusé")
    assert caught.value.exit_code == 2 and "root:x" not in caught.value.message  # /etc/passwd unread


def test_malformed_or_foreign_xml_is_said(tmp_path):
    with pytest.raises(SourceError) as caught:
        read_indeed_xml(settings("indeed_xml", file=write(tmp_path, "a.xml", "<source>\n<job>\n</source>")), tmp_path, MSG)
    assert caught.value.message.startswith("a.xml n'est pas un XML valide (erreur ligne 3,")
    with pytest.raises(SourceError) as caught:
        read_indeed_xml(settings("indeed_xml", file=write(tmp_path, "b.xml", "<rss><channel/></rss>")), tmp_path, MSG)
    assert "sa racine est <rss>" in caught.value.message
    empty = read_indeed_xml(settings("indeed_xml", file=write(tmp_path, "c.xml", "<source></source>")), tmp_path, MSG)
    assert empty.offers == [] and empty.complete


@pytest.mark.parametrize("text, expected", [
    ("2026-11-03", date(2026, 11, 3)), ("2026-11-03T23:30:00-05:00", date(2026, 11, 3)),
    ("2026-11-03T08:00:00Z", date(2026, 11, 3)), ("Fri, 10 Dec 2026 22:49:39 GMT", date(2026, 12, 10)),
    ("03/11/2026", date(2026, 11, 3)), ("2026-12-10 22:49:39 UTC", date(2026, 12, 10)), ("", None),
])
def test_dates_in_every_form_feeds_use(text, expected):
    assert read_date(text) == expected


# ----- through an address -----------------------------------------------------------------------

class _Feed(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self):  # noqa: N802 (http.server's name)
        status, kind, body = self.routes.get(self.path.partition("?")[0], (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if 300 <= status < 400:
            self.send_header("Location", body.decode())
            body = b""
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Feed.routes
    server.shutdown()
    server.server_close()
    _Feed.routes.clear()


def by_address(source: str, url: str) -> ImportSource:
    # The model asks for https://; the transport also allows this machine (tests, tunnels).
    return ImportSource.model_construct(source=source, url=url, file=None)


def test_a_feed_is_read_through_its_address(feed_server, tmp_path):
    base, routes = feed_server
    routes["/offres.json"] = (200, "application/json", json.dumps([POSTING]).encode())
    routes["/indeed.xml"] = (200, "application/xml", INDEED.encode())
    routes["/retire.json"] = (410, "text/plain", b"gone")
    routes["/panne.json"] = (503, "text/plain", b"down")
    assert [o.id for o in read_jobposting(by_address("jobposting", f"{base}/offres.json?key=s3cret"), tmp_path, MSG).offers] == ["INF-2026-07"]
    assert [o.id for o in read_indeed_xml(by_address("indeed_xml", f"{base}/indeed.xml"), tmp_path, MSG).offers] == ["CUI-118", "DEV-7"]
    with pytest.raises(SourceError) as caught:
        read_jobposting(by_address("jobposting", f"{base}/retire.json?key=s3cret"), tmp_path, MSG)
    assert caught.value.exit_code == 2 and "/retire.json a répondu 410 :" in caught.value.message
    assert "s3cret" not in caught.value.message  # an address's query may hold a key
    shown = source_name(by_address("jobposting", "https://moi:motdepasse@ats.example:8443/flux.json?key=s3cret#x"))
    assert shown == "https://ats.example:8443/flux.json"
    with pytest.raises(SourceError) as caught:
        read_jobposting(by_address("jobposting", f"{base}/panne.json"), tmp_path, MSG)
    assert caught.value.exit_code == 4 and "réessayez plus tard" in caught.value.message


def test_a_plain_http_address_elsewhere_is_refused(tmp_path):
    with pytest.raises(ValueError):
        ImportSource(source="indeed_xml", url="http://ats.example/feed.xml")  # refused by the model
    with pytest.raises(SourceError) as caught:  # and by the transport, without a connection
        read_indeed_xml(by_address("indeed_xml", "http://ats.example/feed.xml"), tmp_path, MSG)
    assert caught.value.exit_code == 2 and "n'est pas en https://" in caught.value.message


def test_a_moved_feed_names_its_new_address_and_is_not_followed(feed_server, tmp_path):
    base, routes = feed_server
    routes["/ancien.json"] = (301, "text/plain", b"https://ats.example/nouveau.json?key=s3cret")
    with pytest.raises(SourceError) as caught:
        read_jobposting(by_address("jobposting", f"{base}/ancien.json"), tmp_path, MSG)
    assert caught.value.exit_code == 2  # waiting will not fix it: the officer writes the new address
    assert "https://ats.example/nouveau.json" in caught.value.message and "s3cret" not in caught.value.message
