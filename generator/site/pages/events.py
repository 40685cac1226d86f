"""The agenda, each event's and each series' page, and the calendars (one file per event, and a
feed of what is to come to subscribe to)."""

from __future__ import annotations

from ..calendar import calendar, host_of, vevent
from ..rich_text import plain, render, shorten
from .plan import Plan

NEXT_EVENTS = 3  # shown on the page of an event one can no longer attend


def plan(p: Plan) -> None:
    urls, t, views, cfg = p.urls, p.t, p.views, p.content.config
    p.page(urls.section("events"), "events.html", t["events"], upcoming=p.upcoming,
           past=p.past, feed=f"{urls.s['events']}.ics")
    in_series = {occ: group for group in p.series.values() for occ in group.occurrences}
    event_views: dict[str, dict] = {}
    for slug, event in p.events.items():
        card = p.event_cards[slug]
        group = in_series.get(slug)
        link = {"title": group.event.title, "url": urls.event(group.slug)} if group else None
        view = event_views[slug] = views.event_page(slug, event, card, link)
        if card["state"] in ("past", "closed", "cancelled", "postponed"):  # lead to what comes next
            view["next_events"] = [c for c in p.upcoming if c["slug"] != slug and c["state"] == "upcoming"][:NEXT_EVENTS]
        p.page(card["url"], "event.html", event.title,
               shorten(view["text"], 160) or card["when"], event=view, json_ld=view["json_ld"])
    for slug, group in p.series.items():
        cards = [p.event_cards[s] for s in group.occurrences]
        upcoming_dates = [c for c in cards if not c["over"]]
        p.page(urls.event(slug), "series.html", group.event.title,
               plain(group.event.description), series={
                   "title": group.event.title, "kind_label": cards[0]["kind_label"], "where": cards[0]["where"],
                   "description_html": render(group.event.description), "upcoming": upcoming_dates,
                   "past": [c for c in reversed(cards) if c["over"]],
                   "next": upcoming_dates[0] if upcoming_dates else None,
               })

    host = host_of(cfg.site.base_url)
    items = {}
    for slug, event in p.events.items():
        page_url = cfg.site.base_url + p.event_cards[slug]["url"]
        items[slug] = vevent(slug, event, page_url, views.where(event, full=True), event_views[slug]["text"], p.clock, host,
                             views.typeset)
        p.site.files[f"{urls.s['events']}/{slug}.ics"] = calendar([items[slug]], views.typeset(event.title), p.lang)
    p.site.files[f"{urls.s['events']}.ics"] = calendar(
        [items[c["slug"]] for c in p.upcoming], views.typeset(f"{t['events']} – {cfg.site.name}"), p.lang)
