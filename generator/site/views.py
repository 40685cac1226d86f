"""Template-ready views of content items: text in words, safe HTML, site-relative links.

Each view is computed once per build and shared by every page that shows it (a job card
appears on the index, its sector page, campaigns and the home page)."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import quote, urlencode

from markupsafe import Markup

from ..content.model import Event, Job, Registration, Testimonial
from ..content.vocabularies import CONTRACTS, EVENT_KINDS, FORM_FIELDS
from ..content.urls import Urls
from . import dates
from ..locales.typography import for_language
from .calendar import google_link, outlook_link
from .clock import Clock
from .structured_data import event_json_ld
from .rich_text import plain, render, text_of

NOT_JOB_POSTINGS = frozenset({"liberal", "reprise"})  # not employment for search engines




class Views:
    """Builds views for one content set, one language and one reference date."""

    def __init__(self, content, clock: Clock, labels: dict, media):
        self.content = content
        self.media = media  # MediaLibrary: responsive variants of the officer's images
        self.clock = clock
        self.t = labels
        self.lang = content.language
        self.urls = Urls(self.lang, content.config.qr.path)
        self.sectors = content.config.site.sectors
        # The language's apostrophe (French ’) in the texts of cards, which also go where no page
        # is (the job board's index, feeds, calendars, social cards); pages get it once rendered.
        self.typeset = for_language(self.lang)

    # --- jobs --------------------------------------------------------------------------
    def salary(self, job: Job) -> str | None:
        s = job.salary
        if s is None:
            return None
        if s.min is None and s.max is None:
            return s.text
        period = self.t[f"per_{s.period}"]
        fmt = lambda v: dates.money(v, self.lang)  # noqa: E731
        if s.min is not None and s.max is not None and s.min != s.max:
            return self.t["salary_range"].format(min=fmt(s.min), max=fmt(s.max), period=period)
        if s.min is not None:
            return self.t["salary_min"].format(min=fmt(s.min), period=period)
        return self.t["salary_max"].format(max=fmt(s.max), period=period)

    def place_of(self, job: Job) -> str:
        loc = job.location
        if loc.remote and not loc.city:
            return self.t["remote"]
        return " ".join(x for x in (loc.city, f"({loc.postal_code[:2]})" if loc.postal_code else None) if x)

    def job_card(self, slug: str, job: Job) -> dict:
        typeset = self.typeset
        salary = self.salary(job)
        return {
            "slug": slug, "url": self.urls.job(slug), "title": typeset(job.title), "employer": typeset(job.employer.name),
            "contract": job.contract, "contract_label": CONTRACTS.label(job.contract, self.lang),
            "sector": job.sector, "sector_label": typeset(self.sectors.get(job.sector, job.sector)),
            "place": typeset(self.place_of(job)), "remote": job.location.remote, "salary": salary and typeset(salary),
            "posted": job.posted.isoformat(), "posted_label": dates.short_date(job.posted, self.lang),
            "posted_short": self.t["posted_on"].format(date=dates.day_month(job.posted, self.lang, self.clock.today)),
        }

    def job_page(self, slug: str, job: Job, card: dict, others: list[dict]) -> dict:
        apply = job.apply
        return {
            **card,
            "description_html": render(job.description),
            "employer_url": job.employer.url, "employer_logo": self.media.picture(job.employer.logo, job.employer.name),
            "valid_through_label": dates.short_date(job.valid_through, self.lang) if job.valid_through else None,
            "apply_href": apply.url or f"mailto:{apply.email}?{urlencode({'subject': job.title}, quote_via=quote)}",
            "apply_label": self.t["apply"] if apply.url else self.t["apply_email"],
            "apply_external": bool(apply.url),
            "is_job_posting": job.contract not in NOT_JOB_POSTINGS,
            "kind_note": self.t.get(f"{job.contract}_note") if job.contract in NOT_JOB_POSTINGS else None,
            "other_jobs": others,
        }

    # --- events ------------------------------------------------------------------------
    def is_over(self, event: Event) -> bool:
        return self.clock.aware(event.end, end=True) < self.clock.now

    def event_state(self, event: Event) -> str:
        if event.status in ("cancelled", "postponed"):
            return event.status  # said as such, in the upcoming list until its date, then in the past one
        now = self.clock.now
        start = self.clock.aware(event.start)
        if self.is_over(event):
            return "past"
        if start <= now:
            return "ongoing"
        reg = event.registration
        if reg and reg.deadline and self.clock.aware(reg.deadline, end=True) < now:
            return "closed"
        return "upcoming"

    def where(self, event: Event, full: bool = False) -> str:
        parts = []
        if event.place:
            p = event.place
            parts.append(", ".join(x for x in (p.name, p.address if full else None,
                                               f"{p.postal_code} {p.city}" if full and p.postal_code else p.city) if x))
        if event.online:
            parts.append(self.t["online_on"].format(platform=event.online.platform))
        return self.typeset(" · ".join(parts))

    def event_card(self, slug: str, event: Event) -> dict:
        state = self.event_state(event)
        where = self.where(event)
        return {
            "slug": slug, "url": self.urls.event(slug), "title": self.typeset(event.title), "kind": event.kind,
            "kind_label": EVENT_KINDS.label(event.kind, self.lang),
            "when": dates.span(event.start, event.end, self.lang, self.t),
            "start": self.clock.aware(event.start).isoformat(), "where": where,
            "state": state, "state_label": self.t[f"state_{state}"], "over": self.is_over(event),
            "replay_url": event.replay.url if event.replay and state == "past" else None,
            "sort_key": self.clock.aware(event.start).timestamp(),
        }

    def event_page(self, slug: str, event: Event, card: dict, series: dict | None = None) -> dict:
        base = self.content.config.site.base_url
        page_url = base + card["url"]
        where = self.where(event, full=True)
        state = card["state"]
        reg = event.registration
        registration_open = bool(reg) and state == "upcoming"
        image = event.image or (self.content.territory.hero if self.content.territory.hero else None)
        publisher = self.content.config.publisher
        description_html = render(event.description)
        text = self.typeset(text_of(description_html))  # once: meta description, calendars and JSON-LD all use it
        json_ld = event_json_ld(
            event, description=text, page_url=page_url, image_url=base + self.media.picture(image.image)["largest"] if image else None,
            organizer={"name": publisher.name, "url": base}, clock=self.clock,
            registration_open=registration_open, registration_url=reg.url if reg else None, typeset=self.typeset,
        )
        in_future = state in ("upcoming", "closed", "ongoing")
        notes = {
            "cancelled": self.t["cancelled_note"], "postponed": self.t["postponed_note"],
        }
        note = notes.get(event.status)
        if event.status == "rescheduled" and event.previous_start:
            note = self.t["rescheduled_note"].format(date=dates.long_date(_day(event.previous_start), self.lang))
        place = event.place
        map_url = None
        if place:
            query = ", ".join(x for x in (place.address, place.postal_code, place.city) if x)
            map_url = "https://www.openstreetmap.org/search?" + urlencode({"query": query})
        return {
            **card,
            "description_html": description_html, "text": text,
            "image": self.image(event.image),
            "place": place.model_dump() if place else None, "map_url": map_url,
            "online_platform": event.online.platform if event.online else None,
            "registration": self.registration(reg) if registration_open else None,
            "deadline_label": self.t["deadline"].format(date=dates.short_date(_day(reg.deadline), self.lang))
            if reg and reg.deadline and registration_open else None,
            "note": note, "json_ld": json_ld, "series": series,
            "calendar": {
                "ics": f"{self.urls.s['events']}/{slug}.ics",
                "google": google_link(event, where, page_url, text, self.clock, self.typeset),
                "outlook": outlook_link(event, where, page_url, text, self.clock, self.typeset),
            } if in_future else None,
        }

    def registration(self, reg: Registration) -> dict:
        if reg.is_form:
            return {
                "provider": "form", "action": reg.action, "redirect": reg.redirect,
                "fields": [{"name": f, **FIELD_INPUTS[f], "label": FORM_FIELDS.label(f, self.lang)} for f in reg.fields],
            }
        return {"provider": reg.provider, "url": reg.url, "attribution": ATTRIBUTION[reg.provider],
                "prefill_field": reg.prefill_field}

    # --- people and pictures -----------------------------------------------------------
    @staticmethod
    def key_figures(figures) -> list[dict]:
        return [f.model_dump() for f in figures]

    @staticmethod
    def arguments(items) -> list[dict]:
        """Aids of the territory, arguments of a campaign: title, text and official page."""
        return [{"title": a.title, "body_html": render(a.body), "url": a.url} for a in items]

    def image(self, image) -> dict | None:
        return self.media.picture(image.image, image.alt) if image else None

    def testimonial_card(self, slug: str, item: Testimonial) -> dict:
        facts = [x for x in (
            item.profession,
            self.t["came_from"].format(place=item.from_) if item.from_ else None,
            self.t["moved"].format(year=item.moved) if item.moved else None,
        ) if x]
        return {
            "slug": slug, "url": self.urls.testimonial(slug), "name": self.typeset(item.name), "quote": self.typeset(item.quote),
            "photo": self.media.picture(item.photo, item.photo_alt), "facts": self.typeset(" · ".join(facts)),
            "ambassador": item.ambassador,
        }

    def testimonial_page(self, item: Testimonial, card: dict) -> dict:
        return {**card, "story_html": render(item.story)}

    def contact(self, c) -> dict:
        return {
            "name": c.name, "role": c.role, "email": c.email, "phone": c.phone,
            "phone_href": "tel:" + "".join(ch for ch in c.phone if ch.isdigit() or ch == "+") if c.phone else None,
            "photo": self.media.picture(c.photo, c.photo_alt),
        }


# How each registration service receives the campaign attribution (see attribution.js).
ATTRIBUTION = {
    "helloasso": "query", "eventbrite": "eventbrite", "zoom": "query", "livestorm": "query",
    "google_forms": "prefill", "tally": "query", "typeform": "fragment", "framaforms": "query",
    "microsoft_forms": "query", "url": "query",
}

# How each field of FORM_FIELDS is asked for (type, autofill, required for the visitor).
FIELD_INPUTS = {
    "name": {"type": "text", "autocomplete": "name", "required": True},
    "first_name": {"type": "text", "autocomplete": "given-name", "required": True},
    "last_name": {"type": "text", "autocomplete": "family-name", "required": True},
    "email": {"type": "email", "autocomplete": "email", "required": True},
    "phone": {"type": "tel", "autocomplete": "tel", "required": False},
    "profession": {"type": "text", "autocomplete": "organization-title", "required": False},
    "organisation": {"type": "text", "autocomplete": "organization", "required": False},
    "postal_code": {"type": "text", "autocomplete": "postal-code", "required": False},
    "city": {"type": "text", "autocomplete": "address-level2", "required": False},
    "message": {"type": "textarea", "autocomplete": "off", "required": False},
}


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


__all__ = ["Views", "plain"]
