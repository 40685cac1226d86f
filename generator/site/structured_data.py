"""schema.org JSON-LD for search engines (Google's required and recommended properties)."""

from __future__ import annotations

import json

from markupsafe import Markup

from ..locales.typography import unchanged
from .clock import Clock
from .rich_text import shorten

SCHEMA = "https://schema.org"
EVENT_STATUS = {
    "scheduled": "EventScheduled", "cancelled": "EventCancelled",
    "postponed": "EventPostponed", "rescheduled": "EventRescheduled",
}


# The values read as text (search results show them): set in the page's typography; never an address.
TEXT_KEYS = frozenset({"name", "title", "description", "streetAddress", "addressLocality"})


def _typeset(data, typeset):
    if isinstance(data, dict):
        return {key: typeset(value) if key in TEXT_KEYS and isinstance(value, str) else _typeset(value, typeset)
                for key, value in data.items()}
    if isinstance(data, list):
        return [_typeset(value, typeset) for value in data]
    return data


def script_json(data: dict, typeset=unchanged) -> Markup:
    """JSON safe inside <script>: no "</script>" or "<!--" can be formed by content. ``typeset``:
    the language's typography (locales.typography) for the texts of ``TEXT_KEYS``, consistent
    with the page."""
    if typeset is not unchanged:
        data = _typeset(data, typeset)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _instant(value, clock: Clock) -> str:
    if hasattr(value, "hour"):
        return clock.aware(value).isoformat()
    return value.isoformat()  # a whole day: a date is valid for startDate/endDate


def attendance_mode(event) -> str:
    if event.place and event.online:
        return f"{SCHEMA}/MixedEventAttendanceMode"
    return f"{SCHEMA}/OnlineEventAttendanceMode" if event.online else f"{SCHEMA}/OfflineEventAttendanceMode"


def event_json_ld(event, *, description: str, page_url: str, image_url: str | None, organizer: dict, clock: Clock,
                  registration_open: bool, registration_url: str | None, typeset=unchanged) -> Markup:
    locations = []
    if event.place:
        p = event.place
        address = {"@type": "PostalAddress", "addressLocality": p.city, "addressCountry": "FR"}
        if p.address:
            address["streetAddress"] = p.address
        if p.postal_code:
            address["postalCode"] = p.postal_code
        locations.append({"@type": "Place", "name": p.name, "address": address})
    if event.online:
        locations.append({"@type": "VirtualLocation", "url": page_url})
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.title,
        "startDate": _instant(event.start, clock),
        "endDate": _instant(event.end, clock),
        "eventAttendanceMode": attendance_mode(event),
        "eventStatus": f"{SCHEMA}/{EVENT_STATUS[event.status]}",
        "location": locations[0] if len(locations) == 1 else locations,
        "description": shorten(description, 5000) or event.title,
        "organizer": {"@type": "Organization", **organizer},
        "url": page_url,
    }
    if image_url:
        data["image"] = [image_url]
    if event.status == "rescheduled" and event.previous_start:
        data["previousStartDate"] = _instant(event.previous_start, clock)
    if registration_open:
        data["offers"] = {
            "@type": "Offer", "price": "0", "priceCurrency": "EUR",
            "availability": f"{SCHEMA}/InStock", "url": registration_url or page_url,
        }
    return script_json(data, typeset)


# Google's employment types for our contracts. A work-study contract (alternance: apprentissage
# or professionnalisation) is a salaried, full-time job that includes training: FULL_TIME, and
# INTERN so that students looking for a work-study place find it. liberal and reprise are not
# job postings at all (no markup).
EMPLOYMENT_TYPES: dict[str, str | list[str]] = {
    "cdi": "FULL_TIME", "cdd": "TEMPORARY", "saisonnier": "TEMPORARY", "interim": "TEMPORARY",
    "alternance": ["FULL_TIME", "INTERN"], "stage": "INTERN",
}
SALARY_UNITS = {"hour": "HOUR", "month": "MONTH", "year": "YEAR"}


def json_number(value: float | None) -> int | float | None:
    """2200, not 2200.0: a whole amount written as people write it (JSON-LD, exports)."""
    return None if value is None else (int(value) if float(value).is_integer() else value)


def job_posting_json_ld(job, *, slug: str, description_html: str, page_url: str, logo_url: str | None,
                        clock: Clock, typeset=unchanged) -> Markup | None:
    """schema.org JobPosting (Google's required and recommended properties), or None for
    listings that are not employment (private practice, business takeover). ``typeset``: the
    language's typography for HTML, since the description is HTML."""
    if job.contract not in EMPLOYMENT_TYPES:
        return None
    organization = {"@type": "Organization", "name": job.employer.name}
    if job.employer.url:
        organization["sameAs"] = job.employer.url
    if logo_url:
        organization["logo"] = logo_url
    data = {
        "@context": SCHEMA,
        "@type": "JobPosting",
        "title": job.title,
        "description": str(description_html) or job.title,
        "datePosted": job.posted.isoformat(),
        "employmentType": EMPLOYMENT_TYPES[job.contract],
        "hiringOrganization": organization,
        "identifier": {"@type": "PropertyValue", "name": job.employer.name, "value": slug},
        "directApply": False,
        "url": page_url,
    }
    if job.valid_through:
        data["validThrough"] = clock.aware(job.valid_through, end=True).isoformat()
    loc = job.location
    if loc.city:
        address = {"@type": "PostalAddress", "addressLocality": loc.city, "addressCountry": "FR"}
        if loc.postal_code:
            address["postalCode"] = loc.postal_code
        data["jobLocation"] = {"@type": "Place", "address": address}
    if loc.remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "France"}
    s = job.salary
    if s is not None and (s.min is not None or s.max is not None):  # words are no QuantitativeValue
        value = {"@type": "QuantitativeValue", "unitText": SALARY_UNITS[s.period]}
        if s.min is not None and s.max is not None and s.min == s.max:
            value["value"] = json_number(s.min)
        else:
            if s.min is not None:
                value["minValue"] = json_number(s.min)
            if s.max is not None:
                value["maxValue"] = json_number(s.max)
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "EUR", "value": value}
    return script_json(data, typeset)
