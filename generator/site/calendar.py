"""iCalendar files (one per event, and a feed of upcoming events), made with ``icalendar``."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import urlencode, urlsplit

import icalendar

from ..locales.typography import unchanged
from .clock import Clock
from .rich_text import shorten

PRODID = "-//Territoire//Agenda//FR"


def _ical_times(event, clock: Clock):
    if event.all_day:  # whole days: DTEND is exclusive in iCalendar
        return event.start, event.end + timedelta(days=1)
    return clock.aware(event.start), clock.aware(event.end)


def vevent(slug: str, event, page_url: str, where: str, description: str, clock: Clock, host: str,
           typeset=unchanged) -> icalendar.Event:
    """``where`` and ``description`` as the page says them; ``typeset``: the language's typography
    (locales.typography), for the title."""
    item = icalendar.Event()
    item.add("uid", f"{slug}@{host}")  # stable across builds: calendars update, never duplicate
    item.add("dtstamp", clock.now)  # the reference date, never the machine's clock: reproducible
    start, end = _ical_times(event, clock)
    item.add("dtstart", start)
    item.add("dtend", end)
    item.add("summary", typeset(event.title))
    item.add("description", f"{shorten(description, 2000)}\n\n{page_url}".strip())
    item.add("location", where)
    item.add("url", page_url)
    status = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}.get(event.status, "CONFIRMED")
    item.add("status", status)
    return item


def calendar(items: list[icalendar.Event], name: str, language: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # An X- property is "unknown" to icalendar, written without escaping: as vText, a line break or
    # a CR in the event's title is escaped like in SUMMARY, never a broken or injected line.
    cal.add("x-wr-calname", icalendar.vText(name))
    for item in items:
        cal.add_component(item)
    days = [_day(item.decoded("dtstart")) for item in items]
    if days:  # VTIMEZONE for the site's zone, so every client agrees on the hour; only the years used
        cal.add_missing_timezones(first_date=date(min(days).year - 1, 1, 1), last_date=date(max(days).year + 2, 1, 1))
    return cal.to_ical()


def _day(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def google_link(event, where: str, page_url: str, description: str, clock: Clock, typeset=unchanged) -> str:
    start, end = _ical_times(event, clock)
    pattern = "%Y%m%d" if event.all_day else "%Y%m%dT%H%M%S"  # local times, with ctz below

    def fmt(value):
        return value.strftime(pattern)

    query = {"action": "TEMPLATE", "text": typeset(event.title), "dates": f"{fmt(start)}/{fmt(end)}",
             "details": f"{shorten(description, 500)}\n{page_url}".strip(), "location": where}
    if not event.all_day:
        query["ctz"] = clock.zone.key
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_link(event, where: str, page_url: str, description: str, clock: Clock, typeset=unchanged) -> str:
    start, end = _ical_times(event, clock)
    query = {"path": "/calendar/action/compose", "rru": "addevent", "subject": typeset(event.title),
             "startdt": start.isoformat(), "enddt": end.isoformat(), "location": where,
             "body": f"{shorten(description, 500)}\n{page_url}".strip()}
    if event.all_day:
        query["allday"] = "true"
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(query)


def host_of(base_url: str) -> str:
    return urlsplit(base_url).hostname or "territoire"
