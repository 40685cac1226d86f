"""The closed lists of values of the content model, each defined once.

The model's ``Literal`` types are made from these values, the site and the job board show
their labels, and tests/test_locales.py holds the catalogues (``generator/locales``, where the
labels are, one file per language like every other word) and the tables of docs/contenu.md
to the same values. Adding a value here without its labels fails the tests, not a build."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..locales import words


@dataclass(frozen=True)
class Vocabulary:
    """Values in the order the officer's documentation and the site's filters list them.
    ``name`` is the vocabulary's section in the catalogues, when its values have labels."""

    name: str
    values: tuple[str, ...]

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def __contains__(self, value: object) -> bool:
        return value in self.values

    def labels(self, language: str, variant: str = "") -> dict[str, str]:
        """Value → label, in the vocabulary's order; ``variant`` names another set of labels
        (``CONTRACTS.labels(lang, "long")``: "CDI (contrat à durée indéterminée)")."""
        found = words(language, "vocabulary")[f"{self.name}_{variant}" if variant else self.name]
        return {value: found[value] for value in self.values}

    def label(self, value: str, language: str, variant: str = "") -> str:
        if value not in self.values:
            raise KeyError(value)
        return words(language, "vocabulary")[f"{self.name}_{variant}" if variant else self.name][value]


CONTRACTS = Vocabulary("contract", ("cdi", "cdd", "saisonnier", "interim", "alternance", "stage", "liberal", "reprise"))
EVENT_KINDS = Vocabulary("event_kind", ("job_dating", "webinar", "job_fair", "discovery_weekend", "open_day", "other"))
# Registration services; how each receives the campaign attribution is the site's (views.ATTRIBUTION).
PROVIDERS = Vocabulary("provider", (
    "helloasso", "eventbrite", "zoom", "livestorm", "google_forms", "tally", "typeform",
    "framaforms", "microsoft_forms", "url", "form",
))
FORM_FIELDS = Vocabulary("form_field", (
    "name", "first_name", "last_name", "email", "phone", "profession", "organisation",
    "postal_code", "city", "message",
))
ACCESSIBILITY_STATUSES = Vocabulary("accessibility_status", ("non conforme", "partiellement conforme", "totalement conforme"))
# Where a placement's short link is published; a printed one gets a poster (codes/posters.py).
MEDIA = Vocabulary("medium", (
    "affiche", "flyer", "banderole", "kakemono", "carte", "presse",
    "social", "email", "web", "video", "radio", "autre",
))
PRINTED_MEDIA = frozenset({"affiche", "flyer", "banderole", "kakemono", "carte", "presse"})
PAPER_SIZES = Vocabulary("paper_size", ("A5", "A4", "A3", "A2", "A1", "A0"))

# Vocabularies whose values the catalogues label (the others are shown as written).
LABELLED = (CONTRACTS, EVENT_KINDS, FORM_FIELDS, ACCESSIBILITY_STATUSES)
