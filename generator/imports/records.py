"""An offer as a source gives it, before it is mapped onto the model.

Every reader (France Travail, JobPosting, Indeed XML, spreadsheets) turns its source into these
records and nothing else: the mapping onto the model (sectors, contracts, salary, place,
description) and the sync are written once, in ``mapping.py`` and ``sync.py``. Every string is
untrusted: as found upstream, only stripped."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class UpstreamOffer:
    id: str  # the source's own identifier: the sync's key, so the offer keeps its address
    title: str | None = None
    employer: str | None = None
    employer_url: str | None = None
    # Codes tried in this order against ``imports[].sectors``: France Travail gives the employer's
    # NAF division ("86") then the ROME code ("J1506"); a feed or a spreadsheet its sector's words.
    sector_codes: tuple[str, ...] = ()
    contract: str | None = None  # the source's code or words: "CDI", "MIS", "TEMPORARY", "Saisonnier"
    alternance: bool = False  # France Travail says so beside the contract
    city: str | None = None
    postal_code: str | None = None
    place_label: str | None = None  # only a label, as France Travail's "05 - Gap": read by the mapping
    commune: str | None = None  # the town's INSEE code (France Travail): its name as the COG writes it
    remote: bool = False
    salary_min: float | None = None
    salary_max: float | None = None
    salary_period: str | None = None  # "hour", "month" or "year"
    salary_text: str | None = None  # "Mensuel de 1600,00 Euros à 1800,00 Euros": read when it can be
    posted: date | None = None
    valid_through: date | None = None
    description: str | None = None  # plain text: escaped, its line breaks kept
    description_html: str | None = None  # HTML (JobPosting, Indeed): sanitised, never trusted
    apply_url: str | None = None
    apply_email: str | None = None
    extra: dict = field(default_factory=dict)  # what a reader wants in a warning, never published


@dataclass(frozen=True)
class Skipped:
    """An upstream record that could not be read: left out, with what the officer is told."""

    id: str | None  # None when the record has no identifier at all
    field: str | None
    message: str  # already in the site's language


@dataclass
class Snapshot:
    """All a source holds now. ``complete``: absent offers were withdrawn upstream."""

    offers: list[UpstreamOffer]
    skipped: list[Skipped] = field(default_factory=list)
    complete: bool = True


SETUP = 2  # exit code: something for the officer to fix (address, credentials, settings)
UNAVAILABLE = 4  # exit code: the source did not give a usable answer; trying later may work


class SourceError(Exception):
    """The source could not be read (unreachable, refused, not what it should be): nothing is
    written. ``message`` is in the site's language and says what to do."""

    def __init__(self, message: str, exit_code: int = UNAVAILABLE):
        super().__init__(message)
        self.message, self.exit_code = message, exit_code
