"""Events: states, registration for every provider, calendars, JSON-LD, series."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from generator.cli import main
from generator.content import vocabularies

from project_factory import FILES, make_project

PARIS = ZoneInfo("Europe/Paris")
PROVIDERS = [p for p in vocabularies.PROVIDERS if p != "form"]  # services the visitor is sent to


def event_file(title: str, start: str, end: str, extra: str = "", where: str = "online: {platform: zoom}\n") -> str:
    return f"title: {title}\nkind: webinar\nstart: {start}\nend: {end}\n{where}{extra}"


def registration(provider: str) -> str:
    field = "  prefill_field: entry.123456\n" if provider == "google_forms" else ""
    return f"registration:\n  provider: {provider}\n  url: https://{provider.replace('_', '-')}.example.org/r/1\n{field}"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    files = {f"content/events/p-{p.replace('_', '-')}.yml": event_file(f"Avec {p}", "2027-03-10T12:30", "2027-03-10T13:30", registration(p))
             for p in PROVIDERS}
    files["content/events/formulaire.yml"] = event_file(
        "Week-end découverte", "2027-05-15", "2027-05-16",
        "registration:\n  provider: form\n  action: https://forms.example.org/f/abc\n"
        "  fields: [name, email, phone, profession, message]\n  redirect: https://vivre.example.fr/merci/\n",
        where="place: {name: Mairie, address: \"1 place\", postal_code: \"41000\", city: Blois}\n")
    files["content/events/mixte.yml"] = event_file(
        "Réunion mixte", "2027-01-20T18:00", "2027-01-20T19:30",
        where="place: {name: Mairie, city: Blois}\nonline: {platform: Teams}\n")
    files["content/events/annule.yml"] = event_file("Annulé", "2027-01-10T10:00", "2027-01-10T12:00", "status: cancelled\n")
    files["content/events/reporte.yml"] = event_file("Reporté", "2027-01-11T10:00", "2027-01-11T12:00", "status: postponed\n")
    files["content/events/decale.yml"] = event_file(
        "Décalé", "2027-01-12T10:00", "2027-01-12T12:00", "status: rescheduled\nprevious_start: 2027-01-05T10:00\n")
    files["content/events/clos.yml"] = event_file(
        "Clos", "2026-12-03T14:00", "2026-12-03T18:00",
        "registration:\n  provider: helloasso\n  url: https://helloasso.example.org/x\n  deadline: 2026-11-20\n")
    files["content/events/serie.yml"] = (
        "title: Les rencontres\nkind: webinar\nonline: {platform: zoom}\n"
        "registration: {provider: zoom, url: https://zoom.example.org/serie}\n"
        "dates:\n"
        "  - {start: 2026-10-16T12:30, end: 2026-10-16T13:30, replay: {url: https://replay.example.fr/octobre}}\n"
        "  - {start: 2026-12-11T12:30, end: 2026-12-11T13:30, registration: {provider: zoom, url: https://zoom.example.org/decembre}}\n"
        "  - {start: 2027-02-12T12:30, end: 2027-02-12T13:30}\n"
    )
    root = make_project(tmp_path_factory.mktemp("events"), **files)
    assert main(["build", "--project", str(root), "--today", "2026-11-23"]) == 0
    return root / "site"


def page(site: Path, slug: str) -> str:
    return (site / "agenda" / slug / "index.html").read_text("utf-8")


def json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


@pytest.mark.parametrize("provider", PROVIDERS)
def test_each_link_provider_renders_its_button(site, provider):
    html = page(site, f"p-{provider.replace('_', '-')}")
    button = re.search(r'<a class="md-button md-button--primary territoire-register"[^>]*>', html).group(0)
    assert f'href="https://{provider.replace("_", "-")}.example.org/r/1"' in button
    assert f'data-provider="{provider}"' in button
    expected = {"typeform": "fragment", "eventbrite": "eventbrite", "google_forms": "prefill"}.get(provider, "query")
    assert f'data-attribution="{expected}"' in button
    if provider == "google_forms":
        assert 'data-prefill-field="entry.123456"' in button


def test_form_provider_renders_an_accessible_form(site):
    html = page(site, "formulaire")
    form = re.search(r"<form .*?</form>", html, re.S).group(0)
    assert 'method="post" action="https://forms.example.org/f/abc"' in form
    for name, kind, autocomplete in [("name", "text", "name"), ("email", "email", "email"), ("phone", "tel", "tel"),
                                     ("profession", "text", "organization-title")]:
        field = re.search(rf'<input id="([^"]+)" name="{name}" type="{kind}" autocomplete="{autocomplete}"', form)
        assert field, name
        assert f'<label for="{field.group(1)}">' in form
    assert re.search(r'<input id="[^"]+" name="email" [^>]*required', form)
    assert '<textarea id="f-inscription-message" name="message"' in form
    assert 'name="consent" type="checkbox" value="yes" required' in form
    assert 'name="website" type="text" tabindex="-1"' in form  # honeypot
    assert '<input type="hidden" name="_redirect" value="https://vivre.example.fr/merci/">' in form
    for notice in ("Département de test", "répondre à votre demande", "3 ans après le dernier contact", "dpo@example.fr"):
        assert notice in form
    assert 'href="../../donnees-personnelles/"' in form


def test_states(site):
    assert "Inscriptions closes" in page(site, "clos") and "territoire-register" not in page(site, "clos")
    assert "Cet événement est annulé." in page(site, "annule")
    assert "la nouvelle date sera annoncée ici" in page(site, "reporte")
    assert "était initialement prévu le mardi 5 janvier 2027" in page(site, "decale")
    events = (site / "agenda/index.html").read_text()
    upcoming, past = events.split('id="passes"')
    assert upcoming.index('href="clos/"') < upcoming.index('href="serie-2026-12-11/"') < upcoming.index('href="p-zoom/"')
    assert "serie-2026-10-16/" in past and "serie-2026-10-16/" not in upcoming


def test_event_date_written_in_full(site):
    assert "mercredi 10 mars 2027, de 12\u00a0h\u00a030 à 13\u00a0h\u00a030" in page(site, "p-zoom")
    assert "du samedi 15 mai 2027 au dimanche 16 mai 2027" in page(site, "formulaire")


def test_place_links_to_openstreetmap_without_embedding(site):
    html = page(site, "formulaire")
    assert 'href="https://www.openstreetmap.org/search?query=1+place%2C+41000%2C+Blois"' in html
    assert "<iframe" not in html


@pytest.mark.parametrize("slug,start,end", [
    ("p-zoom", datetime(2027, 3, 10, 12, 30, tzinfo=PARIS), datetime(2027, 3, 10, 13, 30, tzinfo=PARIS)),  # winter
    ("serie-2026-10-16", datetime(2026, 10, 16, 12, 30, tzinfo=PARIS), datetime(2026, 10, 16, 13, 30, tzinfo=PARIS)),  # summer
])
def test_ics_round_trips_instants(site, slug, start, end):
    cal = icalendar.Calendar.from_ical((site / "agenda" / f"{slug}.ics").read_bytes())
    [event] = cal.walk("VEVENT")
    assert event.decoded("dtstart") == start and event.decoded("dtend") == end
    assert event.decoded("dtstart").utcoffset() == start.utcoffset()
    assert str(event["uid"]) == f"{slug}@vivre.example.fr"
    assert "dtstamp" in event and str(event["url"]) == f"https://vivre.example.fr/agenda/{slug}/"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_ics_is_stable_across_builds(site, tmp_path):
    first = (site / "agenda/p-zoom.ics").read_bytes()
    root = site.parent
    assert main(["build", "--project", str(root), "--out", str(tmp_path / "again"), "--today", "2026-11-23"]) == 0
    assert (tmp_path / "again/agenda/p-zoom.ics").read_bytes() == first


def test_whole_day_event_in_ics(site):
    [event] = icalendar.Calendar.from_ical((site / "agenda/formulaire.ics").read_bytes()).walk("VEVENT")
    assert str(event.decoded("dtstart")) == "2027-05-15" and str(event.decoded("dtend")) == "2027-05-17"


def test_feed_of_upcoming_events(site):
    cal = icalendar.Calendar.from_ical((site / "agenda.ics").read_bytes())
    uids = {str(e["uid"]).split("@")[0] for e in cal.walk("VEVENT")}
    assert "p-zoom" in uids and "serie-2026-12-11" in uids and "annule" in uids
    assert "serie-2026-10-16" not in uids  # over


def test_calendar_links(site):
    html = page(site, "p-zoom").replace("&amp;", "&")
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Avec+zoom&dates=20270310T123000%2F20270310T133000" in html
    assert "ctz=Europe%2FParis" in html
    assert "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent" in html
    assert "startdt=2027-03-10T12%3A30%3A00%2B01%3A00" in html
    assert 'href="../p-zoom.ics"' in html


REQUIRED = {"@context", "@type", "name", "startDate", "endDate", "eventAttendanceMode", "eventStatus", "location",
            "description", "organizer"}


@pytest.mark.parametrize("slug,mode", [("p-zoom", "Online"), ("formulaire", "Offline"), ("mixte", "Mixed")])
def test_event_json_ld(site, slug, mode):
    data = json_ld(page(site, slug))
    assert REQUIRED <= set(data)
    assert data["@type"] == "Event" and data["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
    locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
    kinds = sorted(loc["@type"] for loc in locations)
    assert kinds == {"Online": ["VirtualLocation"], "Offline": ["Place"], "Mixed": ["Place", "VirtualLocation"]}[mode]
    for loc in locations:
        if loc["@type"] == "Place":
            assert loc["address"]["@type"] == "PostalAddress" and loc["address"]["addressLocality"] == "Blois"
    assert data["organizer"]["name"] == "Agence de test"
    assert re.fullmatch(r"https://vivre\.example\.fr/media/hero-[0-9a-f]{10}-64\.jpg", data["image"][0])


def test_json_ld_dates_offers_and_status(site):
    data = json_ld(page(site, "p-zoom"))
    assert data["startDate"] == "2027-03-10T12:30:00+01:00" and data["endDate"] == "2027-03-10T13:30:00+01:00"
    assert data["offers"] == {"@type": "Offer", "price": "0", "priceCurrency": "EUR",
                              "availability": "https://schema.org/InStock", "url": "https://zoom.example.org/r/1"}
    assert "offers" not in json_ld(page(site, "clos"))  # registration closed
    assert json_ld(page(site, "annule"))["eventStatus"] == "https://schema.org/EventCancelled"
    decale = json_ld(page(site, "decale"))
    assert decale["eventStatus"] == "https://schema.org/EventRescheduled" and decale["previousStartDate"] == "2027-01-05T10:00:00+01:00"


def test_series_one_page_per_date_and_a_series_page(site):
    for day in ("2026-10-16", "2026-12-11", "2027-02-12"):
        assert (site / f"agenda/serie-{day}/index.html").is_file()
    series = page(site, "serie")
    assert series.index("serie-2026-12-11") < series.index("serie-2027-02-12")
    assert "https://replay.example.fr/octobre" in series
    assert "https://zoom.example.org/decembre" in page(site, "serie-2026-12-11")  # its own registration
    assert "https://zoom.example.org/serie" in page(site, "serie-2027-02-12")  # the series' default
    assert "https://replay.example.fr/octobre" in page(site, "serie-2026-10-16")
    assert "territoire-register" not in page(site, "serie-2026-10-16")
    assert 'href="../serie/"' in page(site, "serie-2026-12-11")


def test_campaign_lists_a_series_by_its_dates_to_come(tmp_path):
    serie = ("title: Rencontres\nkind: webinar\nonline: {platform: zoom}\ndates:\n"
             "  - {start: 2026-10-16T12:30, end: 2026-10-16T13:30}\n  - {start: 2027-02-12T12:30, end: 2027-02-12T13:30}\n")
    campaign = FILES["content/campaigns/soignants.yml"].replace("events: [job-dating]", "events: [serie]").replace(
        "event: job-dating}", "event: serie}")
    make_project(tmp_path, **{"content/events/serie.yml": serie, "content/campaigns/soignants.yml": campaign})
    assert main(["build", "--project", str(tmp_path), "--today", "2026-11-23"]) == 0
    html = (tmp_path / "site/soignants/index.html").read_text()
    assert "agenda/serie-2027-02-12/" in html and "agenda/serie-2026-10-16/" not in html
    assert 'href="../agenda/serie-2027-02-12/#inscription"' in html


def test_series_with_start_is_an_error(tmp_path, capsys):
    serie = "title: R\nkind: webinar\nonline: {platform: zoom}\nstart: 2027-01-01T10:00\ndates:\n  - {start: 2027-02-12T12:30, end: 2027-02-12T13:30}\n"
    make_project(tmp_path, **{"content/events/serie.yml": serie})
    assert main(["check", "--project", str(tmp_path)]) == 1
    assert "content/events/serie.yml:5: dates: un événement a soit « start: » et « end: », soit une liste « dates: »" in capsys.readouterr().err


def test_rescheduled_needs_previous_start(tmp_path, capsys):
    make_project(tmp_path, **{"content/events/d.yml": event_file("D", "2027-01-12T10:00", "2027-01-12T12:00", "status: rescheduled\n")})
    assert main(["check", "--project", str(tmp_path)]) == 1
    assert "content/events/d.yml:6: status: un événement reporté à une nouvelle date" in capsys.readouterr().err


def test_cancelled_event_moves_to_the_past_once_its_date_is_over(tmp_path):
    make_project(tmp_path, **{"content/events/annule.yml": event_file("Annulé", "2026-12-10T10:00", "2026-12-10T12:00", "status: cancelled\n")})
    assert main(["build", "--project", str(tmp_path), "--today", "2027-03-01"]) == 0
    upcoming, past = (tmp_path / "site/agenda/index.html").read_text().split('id="passes"')
    assert 'href="annule/"' in past and 'href="annule/"' not in upcoming
    assert "annule@" not in (tmp_path / "site/agenda.ics").read_text()


def test_series_level_status_is_an_error(tmp_path, capsys):
    serie = ("title: R\nkind: webinar\nonline: {platform: zoom}\nstatus: cancelled\ndates:\n"
             "  - {start: 2027-02-12T12:30, end: 2027-02-12T13:30}\n")
    make_project(tmp_path, **{"content/events/serie.yml": serie})
    assert main(["check", "--project", str(tmp_path)]) == 1
    assert "content/events/serie.yml:4: status: « status » s'écrit sur chaque date de la série" in capsys.readouterr().err


def test_an_event_one_can_no_longer_attend_promises_nothing_and_leads_on(tmp_path):
    """A past in-person event without a replay never says "replay coming soon"; its page, like a closed
    one's, lists what comes next and links to the agenda."""
    from generator.cli import main
    from project_factory import FILES, make_project

    past = FILES["content/events/job-dating.yml"].replace("2027-04-08", "2026-06-04").replace(
        "  deadline: 2027-04-05\n", "")
    make_project(tmp_path, **{"content/events/forum-passe.yml": past})
    assert main(["build", "--project", str(tmp_path), "--today", "2026-11-23"]) == 0
    page = (tmp_path / "site/agenda/forum-passe/index.html").read_text("utf-8")
    agenda = (tmp_path / "site/agenda/index.html").read_text("utf-8")
    assert "Replay" not in page and "bientôt" not in page and "bientôt" not in agenda
    assert "Cet événement est terminé" in page and "Prochains rendez-vous" in page
    assert 'href="../job-dating/"' in page and 'href="../"' in page  # the next event, the whole agenda
    webinar = (tmp_path / "site/agenda/webinaire/index.html").read_text("utf-8")
    assert "https://replay.example.fr/webinaire" in webinar  # a replay that exists is still offered
