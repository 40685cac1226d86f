"""The job board: listings (all offers, each sector, in pages), each offer's page, the pages expired
offers leave behind (noindex, answered 410 by the host rules), the filters' index, feeds and exports."""

from __future__ import annotations

from ..job_board import JobBoard
from .plan import Plan


def plan(p: Plan) -> None:
    urls, t, views = p.urls, p.t, p.views
    board = JobBoard(p.content, views, urls, t, p.clock, p.published, p.newest, p.story_cards)
    for listing in board.listings():
        p.page(listing.url, "jobs.html", listing.title, listing.description, **listing.data)
    by_employer: dict[str, list[dict]] = {}
    for card in p.newest:
        if card["employer"] != t["employer_unknown"]:  # offers of unnamed employers are no one's "other offers"
            by_employer.setdefault(card["employer"], []).append(card)
    contacts = [views.contact(c) for c in p.content.territory.contacts]
    for slug, job in p.published.items():
        card = p.job_cards[slug]
        others = [c for c in by_employer.get(card["employer"], ()) if c["slug"] != slug][:5]
        view = board.job_view(slug, job, views.job_page(slug, job, card, others))
        p.page(card["url"], "job.html", f"{job.title} – {job.employer.name}",
               board.summary(view["description_html"]), job=view, json_ld=view["json_ld"], contacts=contacts)
    for slug, job in board.expired.items():
        p.page(urls.job(slug), "job_gone.html", f"{job.title} – {t['job_gone']}",
               t["job_gone"], gone=board.gone_view(slug, job), noindex=True)
    p.site.files.update(board.files())
