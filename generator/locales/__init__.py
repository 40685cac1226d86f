"""Every word a visitor or an officer reads, one catalogue per language, as Material's
``partials/languages/*.html``: ``fr.py``, ``en.py``. A new language is one new module with the
same keys (tests/test_locales.py holds them to it) and its code in ``LANGUAGES``.

A catalogue is sections (who reads them: visitors, partners, officers), each of entries. An
entry is a text for ``str.format``, or a plural: its forms by CLDR plural category
(``{"one": "{count} offre", "other": "{count} offres"}``), of which ``Plural.format(count)``
picks the one the language uses for that count, by Babel's rules: French says "0 offre",
English "0 jobs". No "offre(s)".

The sections visitors read (``VISITOR_SECTIONS``) come out of ``words`` with the language's
apostrophe (``typography``): the French catalogue is written with straight apostrophes, visitors
read ’. The officers' sections keep the straight apostrophe they type in a terminal."""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from typing import Any

from babel import Locale
from babel.numbers import format_decimal

from .typography import for_language

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})
# What visitors read, on the site or on a printed poster: set in the language's typography.
VISITOR_SECTIONS = frozenset({"site", "vocabulary", "analytics", "short_link", "print_kit"})


def supported(language: str | None) -> str:
    """``language`` when there is a catalogue for it, else French (the site's default)."""
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


@lru_cache(maxsize=None)
def _locale(language: str) -> Locale:
    return Locale.parse(language)


def plural_category(count: int, language: str) -> str:
    return _locale(language).plural_form(abs(count))


def is_plural(entry: Any) -> bool:
    return isinstance(entry, dict) and "other" in entry and entry.keys() <= PLURAL_CATEGORIES


class Plural:
    """A text whose form depends on a number. Templates call it as the texts beside it:
    ``t.jobs_count.format(count=n)``."""

    def __init__(self, forms: dict[str, str], language: str):
        self.forms = forms
        self.language = language

    def format(self, count: int, **values: Any) -> str:
        """The form for ``count``, its ``{count}`` written as the language writes numbers (2 400, 2,400)."""
        form = self.forms.get(plural_category(count, self.language), self.forms["other"])
        return form.format(count=format_decimal(count, locale=_locale(self.language)), **values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plural) and (self.forms, self.language) == (other.forms, other.language)

    def __repr__(self) -> str:
        return f"Plural({self.forms!r}, {self.language!r})"


def _ready(entries: dict, language: str) -> dict:
    return {key: Plural(value, language) if is_plural(value) else _ready(value, language) if isinstance(value, dict) else value
            for key, value in entries.items()}


def _typeset(entry: Any, typeset) -> Any:
    if isinstance(entry, str):
        return typeset(entry)
    if isinstance(entry, list):
        return [_typeset(item, typeset) for item in entry]
    if isinstance(entry, dict):
        return {key: _typeset(value, typeset) for key, value in entry.items()}
    return entry


def raw(language: str) -> dict[str, dict]:
    """The catalogue as written, plurals as plain dicts (for tests and tools)."""
    return import_module(f"{__name__}.{supported(language)}").CATALOGUE


def catalogue(language: str) -> dict[str, dict]:
    """The catalogue with plurals ready to format. Shared and cached: never change it."""
    return _catalogue(supported(language))


@lru_cache(maxsize=None)
def _catalogue(language: str) -> dict[str, dict]:
    typeset = for_language(language)
    written = {section: _typeset(entries, typeset) if section in VISITOR_SECTIONS else entries
               for section, entries in raw(language).items()}
    return _ready(written, language)


def words(language: str, section: str) -> dict[str, Any]:
    """One section of the catalogue of ``language`` (French if there is none)."""
    return catalogue(language)[section]
