"""Atom feeds of new offers, with feedgen: /offres/flux.xml and one per sector.

Reproducible: ids are the offers' page addresses (stable, part of the site's contract) and
every date comes from the content (an offer's posting date; the feed's is its newest offer's),
never from the clock of the machine that builds."""

from __future__ import annotations

from datetime import date

from feedgen.feed import FeedGenerator

from ..locales.typography import for_language

EPOCH = date(2000, 1, 1)  # the updated date of a feed without any offer


def jobs_feed(cards: list[dict], *, title: str, page: str, path: str, site_name: str, base_url: str, lang: str,
              clock, author: str, jobs: dict, describe) -> bytes:
    """``cards`` newest first; ``page`` and ``path`` are site-relative (the list page, the feed).
    The cards' texts are in the language's typography already (``Views``); the rest is set here."""
    typeset, typeset_html = for_language(lang), for_language(lang, markup=True)
    fg = FeedGenerator()
    fg.id(base_url + path)
    fg.title(typeset(title))
    fg.link(href=base_url + page, rel="alternate", type="text/html")
    fg.link(href=base_url + path, rel="self", type="application/atom+xml")
    fg.language(lang)
    fg.author({"name": typeset(author)})
    fg.generator("Territoire")
    newest = max((date.fromisoformat(c["posted"]) for c in cards), default=EPOCH)
    fg.updated(clock.aware(newest))
    for card in cards:
        job = jobs[card["slug"]]
        url = base_url + card["url"]
        posted = clock.aware(job.posted)
        entry = fg.add_entry(order="append")
        entry.id(url)
        entry.title(f"{card['title']} – {card['employer']}")
        entry.link(href=url, rel="alternate", type="text/html")
        entry.published(posted)
        entry.updated(posted)
        entry.author({"name": card["employer"]})
        entry.category(term=card["sector"], label=card["sector_label"])
        entry.summary(" · ".join(x for x in (card["contract_label"], card["place"], card["salary"]) if x))
        entry.content(typeset_html(str(describe(card["slug"]))), type="html")
    return fg.atom_str(pretty=True)
