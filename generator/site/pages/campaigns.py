"""Campaign landing pages: the page a poster's QR code opens."""

from __future__ import annotations

from ...content.urls import Urls
from ..rich_text import plain, render
from ..views import Views
from .plan import Plan


def plan(p: Plan) -> None:
    urls, views = p.urls, p.views
    for slug, campaign in p.content.campaigns.items():
        show = campaign.show
        if isinstance(show.jobs, list):
            jobs = [p.job_cards[s] for s in show.jobs if s in p.job_cards]
        elif show.jobs is not None:
            jobs = [p.job_cards[s] for s in (c["slug"] for c in p.newest) if show.jobs.matches(p.published[s])]
        else:
            jobs = []
        if isinstance(show.events, list):
            shown = [series_cards(p.series[s], p.event_cards) if s in p.series else [p.event_cards[s]] for s in show.events]
            shown_events = [card for cards in shown for card in cards]
        elif show.events is not None:
            shown_events = [c for c in p.upcoming if show.events.matches(p.events[c["slug"]])]
        else:
            shown_events = []
        p.page(urls.campaign(slug), "campaign.html", campaign.title,
            plain(campaign.intro) or campaign.slogan,
            campaign={
                "slug": slug, "title": campaign.title, "slogan": campaign.slogan, "hero": views.image(campaign.hero),
                "intro_html": render(campaign.intro), "jobs": jobs, "events": shown_events,
                "testimonials": [p.story_cards[s] for s in show.testimonials or []],
                "cta": _call_to_action(campaign.call_to_action, views, urls, p.event_cards, p.job_cards, p.series),
                "over": campaign.is_over(p.clock.today),
                "current": [c for c in p.current_campaigns if c["url"] != urls.campaign(slug)],
            },
        )


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
