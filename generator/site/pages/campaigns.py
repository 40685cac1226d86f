"""Campaign landing pages: the page a poster's QR code opens."""

from __future__ import annotations


from ...content.urls import Urls
from ..rich_text import plain, render
from ..views import Views
from .plan import Plan


# A landing page stays a landing page at any scale (552 matching offers made a page 128 screens
# tall): the newest offers of a filter, then the filtered job board with their count.
CAMPAIGN_JOBS = 6
CAMPAIGN_EVENTS = 4


def plan(p: Plan) -> None:
    urls, views = p.urls, p.views
    for slug, campaign in p.content.campaigns.items():
        show = campaign.show
        more_jobs = None
        if isinstance(show.jobs, list):  # pinned by the officer
            jobs = [p.job_cards[s] for s in show.jobs if s in p.job_cards]
            jobs_total = len(jobs)
        elif show.jobs is not None:
            matching = [p.job_cards[s] for s in (c["slug"] for c in p.newest) if show.jobs.matches(p.published[s])]
            jobs, jobs_total = matching[:CAMPAIGN_JOBS], len(matching)
            if jobs_total > len(jobs):
                more_jobs = board_url(show.jobs, urls)
        else:
            jobs, jobs_total = [], 0
        more_events = False
        if isinstance(show.events, list):
            shown = [series_cards(p.series[s], p.event_cards) if s in p.series else [p.event_cards[s]] for s in show.events]
            shown_events = [card for cards in shown for card in cards]
        elif show.events is not None:
            shown_events = [c for c in p.upcoming if show.events.matches(p.events[c["slug"]])]
            more_events = len(shown_events) > CAMPAIGN_EVENTS
            shown_events = shown_events[:CAMPAIGN_EVENTS]
        else:
            shown_events = []
        p.page(urls.campaign(slug), "campaign.html", campaign.title,
            plain(campaign.intro) or campaign.slogan,
            campaign={
                "slug": slug, "title": campaign.title, "slogan": campaign.slogan, "hero": views.image(campaign.hero),
                "intro_html": render(campaign.intro), "key_figures": views.key_figures(campaign.key_figures),
                "arguments": views.arguments(campaign.arguments), "jobs": jobs, "jobs_total": jobs_total, "more_jobs": more_jobs,
                "events": shown_events, "more_events": more_events,
                "testimonials": [p.story_cards[s] for s in show.testimonials or []],
                "cta": _call_to_action(campaign.call_to_action, views, urls, p.event_cards, p.job_cards, p.series),
                "over": campaign.is_over(p.clock.today),
                "current": [c for c in p.current_campaigns if c["url"] != urls.campaign(slug)],
            },
        )


def board_url(job_filter, urls: Urls) -> str:
    """The job board showing what a campaign's filter shows: the sector's own page (no JavaScript
    needed), narrowed further by the board's query parameters (``?contrat=cdi``), which its filters read."""
    from urllib.parse import urlencode

    from ..job_board import PARAMS

    names = PARAMS[urls.language]
    query = {names["contract"]: job_filter.contract, names["town"]: job_filter.city,
             names["remote"]: {True: "1", False: None, None: None}[job_filter.remote]}
    base = f"{urls.section('jobs')}{job_filter.sector}/" if job_filter.sector else urls.section("jobs")
    query = {k: v for k, v in query.items() if v}
    return f"{base}?{urlencode(query)}" if query else base


def series_cards(group, event_cards: dict) -> list[dict]:
    """What a campaign shows of a series: its dates to come, or its past dates once all are over."""
    cards = [event_cards[s] for s in group.occurrences]
    return [c for c in cards if not c["over"]] or cards


def _call_to_action(cta, views: Views, urls: Urls, event_cards: dict, job_cards: dict, series: dict) -> dict | None:
    if cta is None:
        return None
    if cta.event:
        card = series_cards(series[cta.event], event_cards)[0] if cta.event in series else event_cards[cta.event]
        return {"label": cta.label, "href": card["url"] + "#inscription", "internal": True}
    if cta.job:
        card = job_cards.get(cta.job)
        return {"label": cta.label, "href": card["url"] if card else urls.section("jobs"), "internal": True}
    if cta.form:
        return {"label": cta.label, "form": views.registration(cta.form)}
    return {"label": cta.label, "href": cta.url, "internal": False}
