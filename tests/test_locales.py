"""The catalogues (generator/locales/) and the vocabularies (content/vocabularies.py): every
language says the same things, plurals follow the language's rules, and each closed list of
values is the same wherever it is used or documented."""

from __future__ import annotations

import re
import string
import typing
from pathlib import Path

import pytest
from babel import Locale

from generator.codes import posters
from generator.content import model
from generator.content.messages import Messages
from generator.content.vocabularies import (
    CONTRACTS, EVENT_KINDS, FORM_FIELDS, LABELLED, MEDIA, PAPER_SIZES, PRINTED_MEDIA, PROVIDERS,
)
from generator.locales import LANGUAGES, Plural, is_plural, raw, words
from generator.site import views

DOCS = (Path(__file__).resolve().parent.parent / "docs" / "contenu.md").read_text("utf-8")


def entries(tree: dict, path: tuple = ()):
    """(path, entry) for every text, plural or list of the catalogue."""
    for key, value in tree.items():
        if isinstance(value, dict) and not is_plural(value):
            yield from entries(value, (*path, key))
        else:
            yield (*path, key), value


def placeholders(text: str) -> set[str]:
    # "ratio_fr" is the French way of writing "ratio" (4,4 for 4.4): the same value
    suffix = re.compile(rf"_(?:{'|'.join(LANGUAGES)})$")
    return {suffix.sub("", name) for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def shape(entry):
    """What a translation must keep: the kind of entry and its placeholders."""
    if is_plural(entry):
        return "plural", frozenset().union(*(placeholders(form) for form in entry.values()))
    if isinstance(entry, list):
        return "list", len(entry)
    return "text", frozenset(placeholders(entry))


def test_catalogues_have_the_same_keys_and_placeholders():
    shapes = {language: {path: shape(entry) for path, entry in entries(raw(language))} for language in LANGUAGES}
    reference = shapes[LANGUAGES[0]]
    for language in LANGUAGES[1:]:
        assert shapes[language].keys() == reference.keys(), language
        assert {p: s for p, s in shapes[language].items() if s != reference[p]} == {}, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_plurals_have_the_forms_of_their_language(language):
    # French also has "many" (1 000 000 d'offres), which falls back to "other" here
    possible = Locale.parse(language).plural_form.tags | {"other"}
    for path, entry in entries(raw(language)):
        if is_plural(entry):
            assert {"one", "other"} <= entry.keys() <= possible, path
            assert all("{count}" in form for form in entry.values()), path
            assert len({frozenset(placeholders(form)) for form in entry.values()}) == 1, path


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_hand_made_plural_is_left(language):
    texts = [form for _, entry in entries(raw(language))
             for form in (entry.values() if is_plural(entry) else entry if isinstance(entry, list) else [entry])]
    assert [text for text in texts if re.search(r"\w\((s|x|e|es)\)", text)] == []


def test_french_uses_the_singular_for_zero_and_one():
    jobs = words("fr", "site")["jobs_count"]
    assert isinstance(jobs, Plural)
    assert [jobs.format(count=n) for n in (0, 1, 2)] == ["0 offre à pourvoir", "1 offre à pourvoir", "2 offres à pourvoir"]
    assert jobs.format(count=2400) == "2\u202f400 offres à pourvoir"  # the number as French writes it
    msg = Messages("fr")
    assert msg("errors_found", count=1) == "1 erreur à corriger — le site n'a pas été modifié."
    assert msg("errors_found", count=2).startswith("2 erreurs à corriger")
    assert msg.counted("summary", campaigns=0, jobs=1, expired=0, events=2, testimonials=1, pages=3) == \
        "Contenu valide : 0 campagne, 1 offre dont 0 expirée, 2 événements, 1 témoignage, 3 pages."


def test_english_uses_the_plural_for_zero():
    jobs = words("en", "site")["jobs_count"]
    assert [jobs.format(count=n) for n in (0, 1, 2)] == ["0 jobs open", "1 job open", "2 jobs open"]
    assert words("en", "report")["total_line"].format(count=1) == "Total: 1 scan"
    assert Messages("en")("too_short", count=2) == "this list needs at least 2 items"


def test_an_unknown_language_reads_french():
    assert words("de", "site") is words("fr", "site")
    assert Messages("de")("errors_found", count=2).startswith("2 erreurs")


# --- vocabularies ---------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_value_has_its_labels(language):
    sections = raw(language)["vocabulary"]
    for vocabulary in LABELLED:
        assert list(sections[vocabulary.name]) == list(vocabulary), vocabulary.name
    assert list(sections["contract_long"]) == list(CONTRACTS)
    assert set(sections) == {v.name for v in LABELLED} | {"contract_long"}


def test_the_model_takes_its_values_from_the_vocabularies():
    pairs = [(model.Contract, CONTRACTS), (model.EventKind, EVENT_KINDS), (model.Provider, PROVIDERS),
             (model.FormField, FORM_FIELDS), (model.Medium, MEDIA), (model.PaperSize, PAPER_SIZES)]
    for literal, vocabulary in pairs:
        assert typing.get_args(literal) == vocabulary.values
    assert PRINTED_MEDIA < set(MEDIA)


def test_the_site_and_the_posters_know_every_value():
    assert set(views.ATTRIBUTION) == set(PROVIDERS) - {"form"}  # a form is on the page: nothing to carry
    assert list(views.FIELD_INPUTS) == list(FORM_FIELDS)
    assert list(posters.PAPER_MM) == list(PAPER_SIZES) == list(posters.READING_DISTANCE_M)
    assert set(posters.DEFAULT_SIZE) == PRINTED_MEDIA


def _table_values(heading: str) -> list[str]:
    """The first column of the table that follows ``heading`` in docs/contenu.md."""
    after = DOCS[DOCS.index(heading):]
    rows = re.search(r"\n((?:\|.*\n)+)", after).group(1).splitlines()[2:]
    return [re.match(r"\| `([^`]+)` \|", row).group(1) for row in rows]


def test_the_documentation_lists_every_value():
    assert _table_values("Valeurs de `contract`") == list(CONTRACTS)
    assert _table_values("`provider` indique lequel") == list(PROVIDERS)
    assert sorted(_table_values("### Supports")) == sorted(MEDIA)  # listed printed first


def test_visitors_never_read_a_forced_inclusive_ending():
    """« venu·e », « installé·e », « prêt·e » next to a named person read badly: French wording that
    needs no gender instead (« auparavant à Lyon », « ici depuis 2021 »)."""
    import re

    from generator.locales import raw

    def texts(entries):
        for value in entries.values():
            if isinstance(value, dict):
                yield from texts(value)
            else:
                yield value

    forced = [text for text in texts(raw("fr")["site"]) if re.search(r"\w·\w", text)]
    assert forced == []
