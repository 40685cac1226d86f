"""The job board: the offers index in pages, a page per sector, the filters' data, what a job
page adds (JSON-LD, related stories) and the page an expired offer leaves behind.

Cards are computed once per build (``Views.job_card``) and shared: a list page shows 30 of
them. The filters run in the browser (``assets/territoire/jobs.js``) over one compact JSON
index, fetched when the visitor reaches for a filter or the browser is idle: never before the
first screen, which is plain HTML. Without JavaScript, sector pages and numbered pages remain."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import quote

from babel.numbers import format_decimal

from ..content.imports import FRANCE_TRAVAIL_OFFER_URL
from ..content.urls import PAGE_SEGMENT
from ..content.vocabularies import CONTRACTS
from . import dates
from ..locales.typography import for_language
from .feeds import jobs_feed
from .job_exports import offers_csv, offers_json
from .rich_text import render, shorten, text_of
from .structured_data import job_posting_json_ld

PER_PAGE = 30
FEED_SIZE = 50
RELATED_STORIES = 2
GONE_OTHERS = 6
# Query parameters of a filtered list (the names of the form's fields): /offres/?contrat=cdi
PARAMS = {
    "fr": {"query": "q", "sector": "secteur", "contract": "contrat", "town": "ville", "remote": "teletravail", "sort": "tri"},
    "en": {"query": "q", "sector": "sector", "contract": "contract", "town": "town", "remote": "remote", "sort": "sort"},
}
# Values of the sort parameter other than the default, newest first: /offres/?tri=date-limite
SORTS = {"fr": {"closing": "date-limite"}, "en": {"closing": "closing-date"}}
# Files under the jobs section: /offres/flux.xml, /offres/<secteur>/flux.xml, /offres/offres.csv…
FILES = {
    "fr": {"index": "index.json", "feed": "flux.xml", "json": "offres.json", "csv": "offres.csv"},
    "en": {"index": "index.json", "feed": "feed.xml", "json": "jobs.json", "csv": "jobs.csv"},
}


@dataclass
class Listing:
    """One page of offers: the index or a sector, page ``number`` of ``pages``."""
    url: str
    title: str
    description: str
    data: dict


def sort_key(text: str) -> str:
    """Alphabetical order for people: accents and case do not count (Érables next to Epinal)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}{PAGE_SEGMENT}/{number}/"


def pagination(base: str, current: int, last: int, t: dict) -> dict | None:
    """Numbered links: first, last, and two either side of the current page; gaps as None."""
    if last <= 1:
        return None
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    items, previous = [], 0
    for n in shown:
        if n - previous > 1:
            items.append(None)
        items.append({"n": n, "url": page_url(base, n), "current": n == current, "label": t["page_label"].format(n=n)})
        previous = n
    return {
        "links": items,
        "prev": page_url(base, current - 1) if current > 1 else None,
        "next": page_url(base, current + 1) if current < last else None,
    }


class JobBoard:
    def __init__(self, content, views, urls, t: dict, clock, published: dict, newest: list[dict], stories: dict):
        """``published``: the offers not expired, by slug; ``newest``: their cards, newest first;
        ``stories``: testimonial cards, by slug."""
        self.content = content
        self.france_travail = {entry.key for entry in content.config.imports if entry.source == "france_travail"}
        self.views = views
        self.t = t
        self.clock = clock
        self.lang = content.language
        self.published = published
        self.newest = newest
        self.stories = stories
        self.base = f"{urls.s['jobs']}/"
        self.files_of = FILES[self.lang]
        self.expired = {slug: job for slug, job in content.jobs.items() if slug not in published}
        self.town = {slug: job.location.city for slug, job in published.items()}
        self.sector_labels = content.config.site.sectors
        self.by_sector = {key: [c for c in newest if c["sector"] == key] for key in self.sector_labels}
        self.by_sector = {key: cards for key, cards in self.by_sector.items() if cards}
        self._descriptions: dict[str, str] = {}
        self._campaign_jobs = self._campaigns_showing()

    # --- numbers in words -----------------------------------------------------------------
    def number(self, n: int) -> str:
        return format_decimal(n, locale=self.lang)

    def count_label(self, n: int) -> str:
        return self.t["jobs_count"].format(count=n) if n else self.t["no_jobs"]

    # --- list pages -------------------------------------------------------------------------
    def sector_url(self, key: str) -> str:
        return f"{self.base}{key}/"

    def listings(self) -> Iterator[Listing]:
        """The index in pages of PER_PAGE, then each sector with offers, in pages too."""
        everything = self._facets(None)
        sectors_nav = [{"key": key, "label": self.sector_labels[key], "count": len(cards), "url": self.sector_url(key)}
                       for key, cards in self.by_sector.items()]
        feeds = [{"title": self.t["feed_link"], "url": self.base + self.files_of["feed"]}]
        yield from self._pages(None, self.newest, self.base, everything, sectors_nav, feeds)
        for key, cards in self.by_sector.items():
            label = self.sector_labels[key]
            sector_feeds = [{"title": self.t["sector_feed"].format(sector=label), "url": self.sector_url(key) + self.files_of["feed"]},
                            *feeds]
            yield from self._pages(key, cards, self.sector_url(key), self._facets(key), sectors_nav, sector_feeds)

    def _pages(self, sector: str | None, cards: list[dict], base: str, filters: dict, sectors_nav: list[dict],
               feeds: list[dict]) -> Iterator[Listing]:
        t = self.t
        last = max(1, -(-len(cards) // PER_PAGE))
        heading = t["jobs_sector_title"].format(sector=self.sector_labels[sector]) if sector else t["jobs"]
        count = self.count_label(len(cards))
        exports = [
            {"label": t["feed_subscribe"], "url": self.base + self.files_of["feed"], "type": "application/atom+xml"},
            {"label": t["csv_link"], "url": self.base + self.files_of["csv"], "type": "text/csv"},
            {"label": t["json_link"], "url": self.base + self.files_of["json"], "type": "application/json"},
        ]
        if sector:
            exports.insert(0, {"label": t["sector_feed_subscribe"].format(sector=self.sector_labels[sector]),
                               "url": feeds[0]["url"], "type": "application/atom+xml"})
        for number in range(1, last + 1):
            url = page_url(base, number)
            title = heading if number == 1 else f"{heading} – {t['page_n'].format(n=number)}"
            description = t["jobs_description"].format(territory=self.content.territory.name, count=count)
            yield Listing(
                url=url, title=title, description=description,
                data={
                    "jobs": cards[(number - 1) * PER_PAGE:number * PER_PAGE],
                    "feeds": feeds,
                    "board": {
                        "heading": heading, "count_label": count, "total": len(cards),
                        "sector": {"key": sector, "label": self.sector_labels[sector]} if sector else None,
                        "sectors": [{**s, "current": s["key"] == sector} for s in sectors_nav],
                        "all_url": self.base, "filters": filters if self.newest else None,
                        "pagination": pagination(base, number, last, t), "page": number, "pages": last,
                        "index_json": self.base + self.files_of["index"], "base": self.base, "exports": exports,
                    },
                },
            )

    def _facets(self, sector: str | None) -> dict:
        """The filter form as first shown, counts as the script computes them: each list counts
        the offers that match the other filters (here: the page's sector)."""
        in_sector = self.by_sector.get(sector, []) if sector else self.newest
        sectors = Counter(c["sector"] for c in self.newest)
        contracts = Counter(c["contract"] for c in in_sector)
        towns = Counter(self.town[c["slug"]] for c in in_sector if self.town[c["slug"]])
        all_contracts = {c["contract"] for c in self.newest}
        all_towns = sorted({town for town in self.town.values() if town}, key=sort_key)
        fmt = self.number
        return {
            "params": PARAMS[self.lang], "default_sector": sector or "",
            "sorts": [{"value": "", "key": "newest", "label": self.t["sort_newest"]},
                      {"value": SORTS[self.lang]["closing"], "key": "closing", "label": self.t["sort_closing"]}],
            "sectors": [{"value": k, "label": v, "count": fmt(sectors.get(k, 0)), "empty": not sectors.get(k),
                         "selected": k == sector} for k, v in self.sector_labels.items() if k in self.by_sector],
            "contracts": [{"value": k, "label": v, "count": fmt(contracts.get(k, 0)), "empty": not contracts.get(k),
                           "selected": False} for k, v in CONTRACTS.labels(self.lang).items() if k in all_contracts],
            "towns": [{"value": town, "label": town, "count": fmt(towns.get(town, 0)), "empty": not towns.get(town),
                       "selected": False} for town in all_towns],
            "remote": fmt(sum(1 for c in in_sector if c["remote"])),
            "remote_empty": not any(c["remote"] for c in in_sector),
        }

    # --- one offer ----------------------------------------------------------------------------
    @staticmethod
    def summary(description_html: str, limit: int = 160) -> str:
        """``rich_text.plain`` of a description already rendered: no second Markdown pass."""
        return shorten(text_of(description_html), limit)

    def description_html(self, slug: str) -> str:
        if slug not in self._descriptions:
            self._descriptions[slug] = render(self.published[slug].description)
        return self._descriptions[slug]

    def source(self, slug: str) -> dict | None:
        """An offer imported from France Travail cites it, with its number and its page there."""
        imported = self.content.imported.get(slug)
        if imported is None or imported[0] not in self.france_travail:
            return None
        number = imported[1]
        return {"text": self.t["job_source_france_travail"].format(id=number),
                "url": FRANCE_TRAVAIL_OFFER_URL.format(id=quote(number, safe=""))}

    def job_view(self, slug: str, job, view: dict) -> dict:
        """What the job page adds to the view: contract in words, JSON-LD, related stories."""
        self._descriptions[slug] = view["description_html"]
        base_url = self.content.config.site.base_url
        logo = view.get("employer_logo")
        view["contract_words"] = CONTRACTS.label(job.contract, self.lang, "long")
        if job.location.remote and job.location.city:  # "Gap (05) · télétravail complet"
            view["place_full"] = f"{view['place']} · {self.t['remote'].lower() if self.lang == 'fr' else self.t['remote']}"
        # No employer named upstream (an import): no JobPosting, whose hiringOrganization would be made up.
        view["json_ld"] = None if job.employer.name == self.t["employer_unknown"] else job_posting_json_ld(
            job, slug=slug, description_html=view["description_html"], page_url=base_url + view["url"],
            logo_url=base_url + logo["src"] if logo else None, clock=self.clock,
            typeset=for_language(self.lang, markup=True),
        )
        view["source"] = self.source(slug)
        view["stories"] = self.related_stories(slug, job)
        view["sector_url"] = self.sector_url(job.sector) if job.sector in self.by_sector else None
        if job.apply.url:
            view["apply_attribution"] = "query"  # campaign attribution follows the visitor (attribution.js)
        return view

    def _campaigns_showing(self) -> list[tuple[object, list[str]]]:
        """Current campaigns that show offers and testimonials: (how they choose offers, stories)."""
        found = []
        for campaign in self.content.campaigns.values():
            show = campaign.show
            if campaign.is_over(self.clock.today) or not show.testimonials or show.jobs is None:
                continue
            found.append((set(show.jobs) if isinstance(show.jobs, list) else show.jobs, list(show.testimonials)))
        return found

    def related_stories(self, slug: str, job) -> list[dict]:
        """Up to two testimonials: those of current campaigns showing this offer (ambassadors
        first), then the territory's ambassadors, who answer questions."""
        chosen: list[str] = []
        for jobs, stories in self._campaign_jobs:
            shows = slug in jobs if isinstance(jobs, set) else jobs.matches(job)
            if shows:
                chosen += stories
        testimonials = self.content.testimonials
        chosen.sort(key=lambda s: not testimonials[s].ambassador)  # stable: campaign order kept
        chosen += [s for s, item in testimonials.items() if item.ambassador]
        unique = list(dict.fromkeys(s for s in chosen if s in self.stories))
        return [self.stories[s] for s in unique[:RELATED_STORIES]]

    # --- an expired offer ---------------------------------------------------------------------
    def gone_view(self, slug: str, job) -> dict:
        sector = self.by_sector.get(job.sector, [])
        return {
            "slug": slug, "title": job.title, "employer": job.employer.name, "place": self.views.place_of(job),
            "text": self.t["job_gone_text"].format(title=job.title, employer=job.employer.name,
                                                   date=dates.short_date(job.valid_through, self.lang)),
            "sector_label": self.sector_labels.get(job.sector, job.sector),
            "sector_link": self.t["job_gone_sector"].format(sector=self.sector_labels.get(job.sector, job.sector),
                                                            count=self.number(len(sector))) if sector else None,
            "sector_url": self.sector_url(job.sector) if sector else None,
            "others": sector[:GONE_OTHERS], "all_url": self.base,
        }

    # --- files: the filters' index, feeds, exports --------------------------------------------
    def files(self) -> dict[str, bytes]:
        cfg = self.content.config
        files = {f"{self.base}{self.files_of['index']}": self.index_json()}
        feed = self.files_of["feed"]
        common = dict(site_name=cfg.site.name, base_url=cfg.site.base_url, lang=self.lang, clock=self.clock,
                      author=cfg.publisher.name, jobs=self.published, describe=self.description_html)
        files[self.base + feed] = jobs_feed(self.newest[:FEED_SIZE], title=f"{self.t['jobs']} – {cfg.site.name}",
                                            page=self.base, path=self.base + feed, **common)
        for key, cards in self.by_sector.items():
            label = self.sector_labels[key]
            files[self.sector_url(key) + feed] = jobs_feed(
                cards[:FEED_SIZE], title=f"{self.t['jobs_sector_title'].format(sector=label)} – {cfg.site.name}",
                page=self.sector_url(key), path=self.sector_url(key) + feed, **common)
        records = [self._record(c) for c in self.newest]
        files[self.base + self.files_of["json"]] = offers_json(records, site_name=cfg.site.name,
                                                               url=cfg.site.base_url + self.base)
        files[self.base + self.files_of["csv"]] = offers_csv(records, self.lang)
        return files

    def index_json(self) -> bytes:
        """What the filters, the search and the sort need, compact: repeated texts in tables, one
        array per offer, newest first: [slug, title, employer, contract, sector, town, place, remote,
        salary, posted, closing] where contract, sector, town, place and salary are positions in
        their tables (-1: none), posted and closing (valid_through) days after ``day0``, the oldest
        publication date (closing -1: none). ``today`` is the build's date (cards show the year
        of another year's date)."""
        sectors = list(self.sector_labels)
        contracts = list(CONTRACTS)
        tables: dict[str, dict[str, int]] = {"towns": {}, "places": {}, "salaries": {}}

        def at(table: str, value: str | None) -> int:
            if not value:
                return -1
            return tables[table].setdefault(value, len(tables[table]))

        jobs = self.published
        day0 = min((job.posted for job in jobs.values()), default=self.clock.today)

        def day(value) -> int:
            return (value - day0).days if value else -1

        rows = [[c["slug"], c["title"], c["employer"], contracts.index(c["contract"]), sectors.index(c["sector"]),
                 at("towns", self.town[c["slug"]]), at("places", c["place"]), int(c["remote"]), at("salaries", c["salary"]),
                 day(jobs[c["slug"]].posted), day(jobs[c["slug"]].valid_through)]
                for c in self.newest]
        data = {
            "day0": day0.isoformat(), "today": self.clock.today.isoformat(),
            "contracts": [[k, label] for k, label in CONTRACTS.labels(self.lang).items()],
            "sectors": [[k, self.sector_labels[k]] for k in sectors],
            **{name: list(values) for name, values in tables.items()},
            "jobs": rows,
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    def _record(self, card: dict) -> dict:
        """One offer, complete, for partners (JSON and CSV exports; fields in docs/offres.md)."""
        job = self.published[card["slug"]]
        base_url = self.content.config.site.base_url
        s = job.salary
        return {
            "id": card["slug"], "url": base_url + card["url"], "title": job.title,
            "employer": {"name": job.employer.name, "url": job.employer.url},
            "sector": job.sector, "sector_label": card["sector_label"],
            "contract": job.contract, "contract_label": card["contract_label"],
            "city": job.location.city, "postal_code": job.location.postal_code, "remote": job.location.remote,
            "salary": {"min": s.min, "max": s.max, "period": s.period, "currency": "EUR", "text": card["salary"]} if s else None,
            "posted": job.posted.isoformat(),
            "valid_through": job.valid_through.isoformat() if job.valid_through else None,
            "description_html": str(self.description_html(card["slug"])),
            "apply": {"url": job.apply.url, "email": job.apply.email},
        }
