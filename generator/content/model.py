"""The content kinds of ``shared/content-model.md``, field for field.

Plain data and checks only: no rendering, no I/O, no MkDocs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .contrast import BLACK, MINIMUM, WHITE, contrast, readable_variant, shown_ratio
from .fields import (
    DEFAULT_TIMEZONE, Color, Email, EmailOrUrl, HttpsUrl, Link, LooseText, Markdown, MediaPath, Phone,
    PostalCode, RetiredTarget, SiteUrl, Slug, Text, TimeZone, When, Year,
)


class Model(BaseModel):
    # A misspelt field is an error (with a "did you mean"), never silently ignored.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True)


def _error(kind: str, at: str | None = None, **ctx):
    """A rule across fields; ``at`` names the field the officer should look at."""
    return PydanticCustomError(kind, kind, {**ctx, "at": at} if at else ctx)


# --- site_config.yml -------------------------------------------------------------------

class Colors(Model):
    primary: Color = "#1d4e89"
    accent: Color = "#f29100"

    # White text on the primary colour, black text on the accent: 4.5:1 at least (WCAG AA).
    @field_validator("primary")
    @classmethod
    def _primary_readable(cls, color: str) -> str:
        return _readable(color, WHITE, "contrast_primary")

    @field_validator("accent")
    @classmethod
    def _accent_readable(cls, color: str) -> str:
        return _readable(color, BLACK, "contrast_accent")


def _readable(color: str, text: str, kind: str) -> str:
    ratio = contrast(color, text)
    if ratio < MINIMUM:
        shown = f"{shown_ratio(ratio):.1f}"
        raise PydanticCustomError(kind, kind, {"input": color, "ratio": shown, "ratio_fr": shown.replace(".", ","),
                                               "suggestion": readable_variant(color, text)})
    return color


class SiteSettings(Model):
    name: Text
    url: SiteUrl
    language: Literal["fr", "en"] = "fr"
    timezone: TimeZone = DEFAULT_TIMEZONE
    description: Text | None = None
    logo: MediaPath | None = None
    theme: Slug = "default"
    colors: Colors = Colors()
    sectors: dict[Slug, Text]

    @model_validator(mode="after")
    def _has_sectors(self):
        if not self.sectors:
            raise _error("sectors_empty")
        return self

    @property
    def base_url(self) -> str:
        return self.url.rstrip("/") + "/"


class Host(Model):
    name: Text
    address: Text


class Publisher(Model):
    name: Text
    address: Text
    director: Text
    email: Email
    phone: Phone | None = None
    host: Host


class Privacy(Model):
    controller: Text
    purpose: Text
    retention: Text
    contact: EmailOrUrl


AccessibilityStatus = Literal["non conforme", "partiellement conforme", "totalement conforme"]


class Accessibility(Model):
    status: AccessibilityStatus = "non conforme"
    audit_date: date | None = None
    rate: float | None = Field(default=None, ge=0, le=100)  # % of RGAA criteria met, when audited


ANALYTICS_MAX_RETENTION = 25  # months: the CNIL's limit for audience measurement without consent


class Analytics(Model):
    provider: Literal["matomo", "plausible", "none"] = "none"
    url: HttpsUrl | None = None
    site_id: LooseText | None = None
    # Which campaign (poster, link) brought a visitor: needs their consent, asked by a banner.
    # false: no banner, and campaign parameters are never sent to the analytics server.
    campaigns: bool = True
    retention_months: int = Field(  # as set on the analytics server; checked below, in the officer's words
        default=ANALYTICS_MAX_RETENTION, json_schema_extra={"minimum": 1, "maximum": ANALYTICS_MAX_RETENTION})

    @model_validator(mode="after")
    def _server_named(self):
        if self.provider != "none" and not self.url:
            raise _error("analytics_url", at="provider", provider=self.provider)
        if self.provider == "matomo" and not self.site_id:
            raise _error("analytics_site_id", at="provider")
        if not 1 <= self.retention_months <= ANALYTICS_MAX_RETENTION:
            raise _error("analytics_retention", at="retention_months", input=self.retention_months,
                         max=ANALYTICS_MAX_RETENTION)
        return self

    @property
    def enabled(self) -> bool:
        return self.provider != "none"

    @property
    def base_url(self) -> str:
        """The server address ending with "/": scripts are <base_url>matomo.js, js/script.manual.js."""
        return (self.url or "").rstrip("/") + "/"


class QrSettings(Model):
    path: Slug = "q"
    error_correction: Literal["L", "M", "Q", "H"] = "M"


class SiteConfig(Model):
    site: SiteSettings
    publisher: Publisher
    privacy: Privacy | None = None
    accessibility: Accessibility = Accessibility()
    analytics: Analytics = Analytics()
    qr: QrSettings = QrSettings()


# --- content/territory.yml -------------------------------------------------------------

class Image(Model):
    image: MediaPath
    alt: Text


class KeyFigure(Model):
    value: LooseText
    label: Text


class Access(Model):
    mode: Text  # train, voiture, avion, bus, velo...: free, known ones get an icon
    text: Text


class Section(Model):
    title: Text
    body: Markdown


class Aid(Model):
    title: Text
    body: Markdown
    url: HttpsUrl | None = None


class Contact(Model):
    name: Text
    role: Text | None = None
    email: Email | None = None
    phone: Phone | None = None
    photo: MediaPath | None = None
    photo_alt: Text | None = None

    @model_validator(mode="after")
    def _alt(self):
        if self.photo and not self.photo_alt:
            raise _error("photo_alt_needed", at="photo")
        return self


class Partner(Model):
    name: Text
    url: HttpsUrl | None = None
    logo: MediaPath | None = None


class Social(Model):
    facebook: HttpsUrl | None = None
    instagram: HttpsUrl | None = None
    linkedin: HttpsUrl | None = None
    youtube: HttpsUrl | None = None
    mastodon: HttpsUrl | None = None
    x: HttpsUrl | None = None
    hashtag: Text | None = None


class Territory(Model):
    name: Text
    tagline: Text | None = None
    summary: Markdown | None = None
    hero: Image | None = None
    key_figures: list[KeyFigure] = []
    access: list[Access] = []
    living: list[Section] = []
    services: list[Section] = []
    aids: list[Aid] = []
    contacts: list[Contact] = []
    partners: list[Partner] = []
    social: Social | None = None


# --- content/jobs/<slug>.yml -----------------------------------------------------------

Contract = Literal["cdi", "cdd", "saisonnier", "interim", "alternance", "stage", "liberal", "reprise"]


class Employer(Model):
    name: Text
    url: HttpsUrl | None = None
    logo: MediaPath | None = None


class Location(Model):
    city: Text | None = None
    postal_code: PostalCode | None = None
    remote: bool = False

    @model_validator(mode="after")
    def _somewhere(self):
        if not self.city and not self.remote:
            raise _error("location_needed")
        return self


class Salary(Model):
    # Bounded: a typo (or a hostile import) of 1e400 would print "∞ €" and break the JSON-LD.
    min: float | None = Field(default=None, gt=0, le=10_000_000, allow_inf_nan=False)
    max: float | None = Field(default=None, gt=0, le=10_000_000, allow_inf_nan=False)
    period: Literal["hour", "month", "year"] = "month"

    @model_validator(mode="after")
    def _range(self):
        if self.min is None and self.max is None:
            raise _error("salary_needed")
        if self.min is not None and self.max is not None and self.max < self.min:
            raise _error("salary_order", at="max", min=self.min, max=self.max)
        return self


class Apply(Model):
    url: HttpsUrl | None = None
    email: Email | None = None

    @model_validator(mode="after")
    def _one(self):
        if (self.url is None) == (self.email is None):
            raise _error("apply_one")
        return self


class Job(Model):
    title: Text
    employer: Employer
    sector: Slug
    contract: Contract
    location: Location
    salary: Salary | None = None
    posted: date
    valid_through: date | None = None
    description: Markdown
    apply: Apply

    @model_validator(mode="after")
    def _dates(self):
        if self.valid_through and self.valid_through < self.posted:
            raise _error("valid_before_posted", at="valid_through", start=self.posted, end=self.valid_through)
        return self

    def is_expired(self, today: date) -> bool:
        return self.valid_through is not None and self.valid_through < today


# --- registration (events and campaign calls to action) --------------------------------

Provider = Literal[
    "helloasso", "eventbrite", "zoom", "livestorm", "google_forms", "tally", "typeform",
    "framaforms", "microsoft_forms", "url", "form",
]
FormField = Literal[
    "name", "first_name", "last_name", "email", "phone", "profession", "organisation",
    "postal_code", "city", "message",
]


class Registration(Model):
    provider: Provider
    url: HttpsUrl | None = None
    deadline: When | None = None
    # provider: form
    action: HttpsUrl | None = None
    fields: list[FormField] | None = None
    redirect: HttpsUrl | None = None
    # Google Forms: the id of a short-answer question that receives the campaign and code
    # ("entry.1234567", from the form's "Get pre-filled link").
    prefill_field: Annotated[str, Field(pattern=r"^entry\.\d+$")] | None = None

    @model_validator(mode="after")
    def _target(self):
        if self.provider == "form":
            if self.url:
                raise _error("registration_form_url")
            if not self.action or not self.fields:
                raise _error("registration_form")
        elif not self.url:
            raise _error("registration_url", provider=self.provider)
        return self

    @property
    def is_form(self) -> bool:
        return self.provider == "form"


# --- content/events/<slug>.yml ---------------------------------------------------------

EventKind = Literal["job_dating", "webinar", "job_fair", "discovery_weekend", "open_day", "other"]


class Place(Model):
    name: Text
    address: Text | None = None
    postal_code: PostalCode | None = None
    city: Text


class Online(Model):
    platform: Text


class Replay(Model):
    url: HttpsUrl


EventStatus = Literal["scheduled", "cancelled", "postponed", "rescheduled"]


def _check_dates(start, end, status, previous_start):
    if start is None or end is None:
        return
    if isinstance(start, datetime) != isinstance(end, datetime):
        raise _error("date_kinds_mixed", at="end")
    if end < start or (isinstance(start, datetime) and end == start):
        raise _error("end_before_start", at="end", start=start, end=end)
    if status == "rescheduled" and previous_start is None:
        raise _error("previous_start_needed", at="status")


class Occurrence(Model):
    """One date of a series (a webinar every two months): its own registration and replay."""

    start: When
    end: When
    status: EventStatus = "scheduled"
    previous_start: When | None = None
    registration: Registration | None = None
    replay: Replay | None = None

    @model_validator(mode="after")
    def _coherent(self):
        _check_dates(self.start, self.end, self.status, self.previous_start)
        return self


class Event(Model):
    title: Text
    kind: EventKind
    start: When | None = None
    end: When | None = None
    dates: list[Occurrence] | None = None  # a series: one page per date, and a series page
    status: EventStatus = "scheduled"
    previous_start: When | None = None  # when rescheduled: the date first announced
    place: Place | None = None
    online: Online | None = None
    description: Markdown | None = None
    image: Image | None = None
    registration: Registration | None = None
    replay: Replay | None = None

    @model_validator(mode="after")
    def _coherent(self):
        if self.dates:
            if self.start is not None or self.end is not None:
                raise _error("series_or_dates", at="dates")
            for name in ("status", "previous_start", "replay"):
                if name in self.model_fields_set:
                    raise _error("series_field", at=name, field=name)
        else:
            if self.start is None:
                raise _error("missing_start", at="start")
            if self.end is None:
                raise _error("missing_end", at="end")
            _check_dates(self.start, self.end, self.status, self.previous_start)
        if not self.place and not self.online:
            raise _error("place_or_online")
        return self

    @property
    def is_series(self) -> bool:
        return bool(self.dates)

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)


# --- content/testimonials/<slug>.yml ---------------------------------------------------

class Testimonial(Model):
    name: Text
    photo: MediaPath | None = None
    photo_alt: Text | None = None
    from_: Text | None = Field(default=None, alias="from")
    moved: Year | None = None
    profession: Text | None = None
    quote: Text
    story: Markdown | None = None
    ambassador: bool = False
    consent: date

    @model_validator(mode="after")
    def _alt(self):
        if self.photo and not self.photo_alt:
            raise _error("photo_alt_needed", at="photo")
        return self


# --- content/campaigns/<slug>.yml ------------------------------------------------------

class JobFilter(Model):
    sector: Slug | None = None
    contract: Contract | None = None
    city: Text | None = None
    remote: bool | None = None

    def matches(self, job: Job) -> bool:
        return (
            (self.sector is None or job.sector == self.sector)
            and (self.contract is None or job.contract == self.contract)
            and (self.city is None or (job.location.city or "").casefold() == self.city.casefold())
            and (self.remote is None or job.location.remote == self.remote)
        )


class EventFilter(Model):
    kind: EventKind | None = None

    def matches(self, event: Event) -> bool:
        return self.kind is None or event.kind == self.kind


class Show(Model):
    jobs: list[Slug] | JobFilter | None = None
    events: list[Slug] | EventFilter | None = None
    testimonials: list[Slug] | None = None


class CallToAction(Model):
    label: Text
    event: Slug | None = None
    job: Slug | None = None
    url: Link | None = None
    form: Registration | None = None

    @model_validator(mode="after")
    def _one(self):
        if sum(x is not None for x in (self.event, self.job, self.url, self.form)) != 1:
            raise _error("cta_one")
        return self


Medium = Literal[
    "affiche", "flyer", "banderole", "kakemono", "carte", "presse",
    "social", "email", "web", "video", "radio", "autre",
]
PRINTED_MEDIA = frozenset({"affiche", "flyer", "banderole", "kakemono", "carte", "presse"})
PaperSize = Literal["A5", "A4", "A3", "A2", "A1", "A0"]


class Placement(Model):
    code: Slug
    medium: Medium
    label: Text
    size: PaperSize | None = None
    source: Slug | None = None

    @property
    def utm_source(self) -> str:
        return self.source or ("qr" if self.medium in PRINTED_MEDIA else self.medium)


class Campaign(Model):
    title: Text
    slogan: Text | None = None
    audience: Text | None = None  # internal note, never shown
    hero: Image | None = None
    intro: Markdown | None = None
    start: date | None = None
    end: date | None = None
    show: Show = Show()
    call_to_action: CallToAction | None = None
    placements: list[Placement] = []

    @model_validator(mode="after")
    def _period(self):
        if self.start and self.end and self.end < self.start:
            raise _error("campaign_end", at="end", start=self.start, end=self.end)
        return self

    def is_over(self, today: date) -> bool:
        return self.end is not None and self.end < today


# --- qr-codes.yml: every code ever published -----------------------------------------

class RegisteredCode(Model):
    campaign: Slug
    medium: Medium
    label: Text
    published: date
    source: Slug | None = None  # utm_source, when not the medium's default
    # Where a code goes once its campaign no longer shows it: "/" (home), a campaign or
    # page slug, or an https address. A printed code never dies.
    retired: RetiredTarget | None = None


# --- content/pages/<slug>.md (front matter) --------------------------------------------

class PageMeta(Model):
    title: Text
    description: Text | None = None
    nav: bool = True
    order: int = 100


KINDS: dict[str, type[Model]] = {
    "site_config": SiteConfig,
    "territory": Territory,
    "job": Job,
    "event": Event,
    "testimonial": Testimonial,
    "campaign": Campaign,
    "page": PageMeta,
}
