"""The pages of a site, from validated content: what exists at which URL, and what it shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..content.project import Content
from ..content.urls import Urls
from .analytics import analytics_info, footer_link
from .calendar import calendar, host_of, vevent
from .clock import Clock
from .events import expand
from .labels import ACCESSIBILITY_STATUS, LABELS
from .rich_text import plain, render, shorten
from .views import Views, escaped

HOME_JOBS = 6
HOME_EVENTS = 3


@dataclass
class SitePage:
    src: str  # engine-neutral source path: "offres/infirmier.md" is served at /offres/infirmier/
    url: str  # site-relative: "offres/infirmier/"
    template: str
    meta: dict


@dataclass
class Site:
    content: Content
    clock: Clock
    pages: list[SitePage] = field(default_factory=list)
    nav: list[tuple[str, str]] = field(default_factory=list)  # (title, src): small and explicit
    media: object = None  # the MediaLibrary pages took their pictures from
    cards: object = None  # the SocialCards pages asked for
    not_found: SitePage | None = None
    counts: dict[str, int] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # other files of the site: calendars...


def make_site(content: Content, today: date | None = None, media=None, social=None) -> Site:
    cfg = content.config
    if media is None:
        from ..media.images import MediaLibrary

        media = MediaLibrary(content.media_dir)
    if social is None:
        from ..media.social_cards import SocialCards

        social = SocialCards(content.media_dir, cfg.site.name, cfg.site.colors.primary, cfg.site.colors.accent)
    clock = Clock.make(cfg.site.timezone, today)
    lang = content.language
    t = LABELS[lang]
    urls = Urls(lang, cfg.qr.path)
    views = Views(content, clock, t, media)
    site = Site(content=content, clock=clock, media=media, cards=social)
    shared = _site_info(content, t, urls, media)

    def page(src: str, url: str, template: str, title: str, description: str | None = None, **data) -> SitePage:
        meta = {
            "template": template, "title": escaped(title), "description": escaped(description or cfg.site.description),
            "hide": ["navigation", "toc"], "site": shared, "t": t, "url": url, "lang": lang, **data,
        }
        p = SitePage(src=src, url=url, template=template, meta=meta)
        site.pages.append(p)
        return p

    # Jobs: expired offers are not published at all.
    published = {slug: job for slug, job in content.jobs.items() if not job.is_expired(clock.today)}
    job_cards = {slug: views.job_card(slug, job) for slug, job in published.items()}
    hero = content.territory.hero.image if content.territory.hero else None
    for card in job_cards.values():  # asked for now: they are most of the drawing a build waits for
        _job_social_card(social, card, hero)
    newest = sorted(job_cards.values(), key=lambda c: (c["posted"], c["slug"]), reverse=True)
    by_employer: dict[str, list[dict]] = {}
    for card in newest:
        by_employer.setdefault(card["employer"], []).append(card)

    events, series = expand(content.events)
    event_cards = {slug: views.event_card(slug, e) for slug, e in events.items()}
    upcoming = sorted((c for c in event_cards.values() if not c["over"]), key=lambda c: c["sort_key"])
    past = sorted((c for c in event_cards.values() if c["over"]), key=lambda c: -c["sort_key"])
    story_cards = {slug: views.testimonial_card(slug, item) for slug, item in content.testimonials.items()}

    current_campaigns = [
        {"url": urls.campaign(slug), "title": c.title, "slogan": c.slogan, "image": views.image(c.hero)}
        for slug, c in content.campaigns.items() if not c.is_over(clock.today)
    ]

    # Home: the territory.
    terr = content.territory
    page(
        "index.md", "", "home.html", terr.name, cfg.site.description or terr.tagline,
        territory={
            "name": terr.name, "tagline": terr.tagline, "summary_html": render(terr.summary),
            "hero": views.image(terr.hero), "key_figures": [f.model_dump() for f in terr.key_figures],
            "access": [a.model_dump() for a in terr.access],
            "living": [{"title": s.title, "body_html": render(s.body)} for s in terr.living],
            "services": [{"title": s.title, "body_html": render(s.body)} for s in terr.services],
            "aids": [{"title": a.title, "body_html": render(a.body), "url": a.url} for a in terr.aids],
            "partners": [{"name": p.name, "url": p.url, "logo": media.picture(p.logo, p.name)} for p in terr.partners],
        },
        campaigns=current_campaigns, jobs=newest[:HOME_JOBS], jobs_total=len(newest),
        events=upcoming[:HOME_EVENTS], testimonials=list(story_cards.values())[:3],
    )

    # Campaign landing pages.
    for slug, campaign in content.campaigns.items():
        show = campaign.show
        if isinstance(show.jobs, list):
            jobs = [job_cards[s] for s in show.jobs if s in job_cards]
        elif show.jobs is not None:
            jobs = [job_cards[s] for s in (c["slug"] for c in newest) if show.jobs.matches(published[s])]
        else:
            jobs = []
        if isinstance(show.events, list):
            shown = [_series_cards(series[s], event_cards) if s in series else [event_cards[s]] for s in show.events]
            shown_events = [card for cards in shown for card in cards]
        elif show.events is not None:
            shown_events = [c for c in upcoming if show.events.matches(events[c["slug"]])]
        else:
            shown_events = []
        page(
            f"{slug}.md", urls.campaign(slug), "campaign.html", campaign.title,
            plain(campaign.intro) or campaign.slogan,
            campaign={
                "slug": slug, "title": campaign.title, "slogan": campaign.slogan, "hero": views.image(campaign.hero),
                "intro_html": render(campaign.intro), "jobs": jobs, "events": shown_events,
                "testimonials": [story_cards[s] for s in show.testimonials or []],
                "cta": _call_to_action(campaign.call_to_action, views, urls, event_cards, job_cards, series),
                "over": campaign.is_over(clock.today), "current": [c for c in current_campaigns if c["url"] != urls.campaign(slug)],
            },
        )

    # Jobs: the index and sector pages in pages of 30, the offers, the pages expired offers leave
    # behind (noindex, answered 410 by the host rules), the filters' index, feeds and exports.
    from .job_board import JobBoard

    board = JobBoard(content, views, urls, t, clock, published, newest, story_cards)
    for listing in board.listings():
        page(listing.src, listing.url, "jobs.html", listing.title, listing.description, **listing.data)
    contacts = [views.contact(c) for c in terr.contacts]
    for slug, job in published.items():
        card = job_cards[slug]
        others = [c for c in by_employer[card["employer"]] if c["slug"] != slug][:5]
        view = board.job_view(slug, job, views.job_page(slug, job, card, others))
        page(f"{urls.s['jobs']}/{slug}.md", card["url"], "job.html", f"{job.title} – {job.employer.name}",
             board.summary(view["description_html"]), job=view, json_ld=view["json_ld"], contacts=contacts)
    for slug, job in board.expired.items():
        page(f"{urls.s['jobs']}/{slug}.md", urls.job(slug), "job_gone.html", f"{job.title} – {t['job_gone']}",
             t["job_gone"], gone=board.gone_view(slug, job), noindex=True)
    site.files.update(board.files())

    # Events.
    page(f"{urls.s['events']}/index.md", urls.section("events"), "events.html", t["events"], upcoming=upcoming, past=past,
         feed=f"{urls.s['events']}.ics")
    in_series = {occ: group for group in series.values() for occ in group.occurrences}
    event_views: dict[str, dict] = {}
    for slug, event in events.items():
        card = event_cards[slug]
        group = in_series.get(slug)
        link = {"title": group.event.title, "url": urls.event(group.slug)} if group else None
        view = event_views[slug] = views.event_page(slug, event, card, link)
        page(f"{urls.s['events']}/{slug}.md", card["url"], "event.html", event.title,
             shorten(view["text"], 160) or card["when"], event=view, json_ld=view["json_ld"])
    for slug, group in series.items():
        cards = [event_cards[s] for s in group.occurrences]
        upcoming_dates = [c for c in cards if not c["over"]]
        page(f"{urls.s['events']}/{slug}.md", urls.event(slug), "series.html", group.event.title,
             plain(group.event.description), series={
                 "title": group.event.title, "kind_label": cards[0]["kind_label"], "where": cards[0]["where"],
                 "description_html": render(group.event.description), "upcoming": upcoming_dates,
                 "past": [c for c in reversed(cards) if c["over"]],
                 "next": upcoming_dates[0] if upcoming_dates else None,
             })

    # Calendars: one file per event, and a feed of what is to come to subscribe to.
    host = host_of(cfg.site.base_url)
    items = {}
    for slug, event in events.items():
        page_url = cfg.site.base_url + event_cards[slug]["url"]
        items[slug] = vevent(slug, event, page_url, views.where(event, full=True), event_views[slug]["text"], clock, host)
        site.files[f"{urls.s['events']}/{slug}.ics"] = calendar([items[slug]], event.title, lang)
    site.files[f"{urls.s['events']}.ics"] = calendar(
        [items[c["slug"]] for c in upcoming], f"{t['events']} – {cfg.site.name}", lang)

    # Testimonials.
    page(f"{urls.s['testimonials']}/index.md", urls.section("testimonials"), "testimonials.html", t["testimonials"],
         testimonials=list(story_cards.values()))
    for slug, item in content.testimonials.items():
        card = story_cards[slug]
        page(f"{urls.s['testimonials']}/{slug}.md", card["url"], "testimonial.html", f"{item.name} – {t['testimonials']}",
             item.quote, testimonial=views.testimonial_page(item, card))

    # Contact: the single point of contact.
    page(f"{urls.s['contact']}/index.md", urls.section("contact"), "contact.html", t["contact"],
         contacts=[views.contact(c) for c in terr.contacts], social=terr.social.model_dump() if terr.social else None)

    # Legal pages, from site_config.yml.
    page(f"{urls.s['legal']}/index.md", urls.section("legal"), "legal.html", t["legal"],
         publisher=cfg.publisher.model_dump(), site_url=cfg.site.base_url)
    page(f"{urls.s['privacy']}/index.md", urls.section("privacy"), "privacy.html", t["privacy"],
         privacy=cfg.privacy.model_dump() if cfg.privacy else None, publisher=cfg.publisher.model_dump(),
         forms=_form_services(content))
    page(f"{urls.s['accessibility']}/index.md", urls.section("accessibility"), "accessibility.html", t["accessibility"],
         accessibility={**cfg.accessibility.model_dump(), "status_label": ACCESSIBILITY_STATUS[lang][cfg.accessibility.status],
                        "audit_date_label": _date_label(cfg.accessibility.audit_date, lang)},
         publisher=cfg.publisher.model_dump())

    # Free pages.
    free = sorted(content.pages.items(), key=lambda kv: (kv[1].meta.order, kv[0]))
    for slug, p in free:
        page(f"{slug}.md", urls.page(slug), "page.html", p.meta.title, p.meta.description or plain(p.body),
             body_html=render(p.body))

    # 404, served for any unknown URL: links back to the main sections.
    site.not_found = SitePage(src="404.md", url="404.html", template="404.html", meta={
        "template": "404.html", "title": escaped(t["not_found"]), "description": None, "hide": ["navigation", "toc"],
        "site": shared, "t": t, "url": "404.html", "lang": lang, "noindex": True,
    })

    _sharing(site, social, events)
    site.files["sitemap.xml"] = _sitemap(site)
    site.files["robots.txt"] = f"User-agent: *\nAllow: /\n\nSitemap: {cfg.site.base_url}sitemap.xml\n".encode()

    site.nav = [(t["home"], "index.md"), (t["jobs"], f"{urls.s['jobs']}/index.md"), (t["events"], f"{urls.s['events']}/index.md"),
                (t["testimonials"], f"{urls.s['testimonials']}/index.md")]
    site.nav += [(p.meta.title, f"{slug}.md") for slug, p in free if p.meta.nav]
    site.nav.append((t["contact"], f"{urls.s['contact']}/index.md"))
    site.counts = {
        "campaigns": len(content.campaigns), "jobs": len(content.jobs), "expired": len(content.jobs) - len(published),
        "events": len(events), "testimonials": len(content.testimonials), "pages": len(content.pages),
    }
    return site


def _site_info(content: Content, t: dict, urls: Urls, media) -> dict:
    """What every page shows around its content (header, footer), shared by all pages."""
    cfg = content.config
    status = ACCESSIBILITY_STATUS[cfg.site.language][cfg.accessibility.status]
    analytics = analytics_info(cfg, urls.section("privacy"))
    return {
        "name": cfg.site.name, "url": cfg.site.base_url, "language": cfg.site.language,
        "logo": media.picture(cfg.site.logo, cfg.site.name), "colors": cfg.site.colors.model_dump(),
        "publisher": cfg.publisher.name, "territory": content.territory.name,
        "social": content.territory.social.model_dump() if content.territory.social else None,
        "footer_links": [
            {"title": t["contact"], "url": urls.section("contact")},
            {"title": t["legal"], "url": urls.section("legal")},
            {"title": t["privacy"], "url": urls.section("privacy")},
            {"title": t["accessibility_status"].format(status=status), "url": urls.section("accessibility")},
        ] + footer_link(analytics),
        "sections": {name: urls.section(name) for name in ("jobs", "events", "testimonials", "contact")},
        "privacy": cfg.privacy.model_dump() if cfg.privacy else None, "privacy_url": urls.section("privacy"),
        "analytics": analytics,
    }


def _series_cards(group, event_cards: dict) -> list[dict]:
    """What a campaign shows of a series: its dates to come, or its past dates once all are over."""
    cards = [event_cards[s] for s in group.occurrences]
    return [c for c in cards if not c["over"]] or cards


def _call_to_action(cta, views: Views, urls: Urls, event_cards: dict, job_cards: dict, series: dict) -> dict | None:
    if cta is None:
        return None
    if cta.event:
        card = _series_cards(series[cta.event], event_cards)[0] if cta.event in series else event_cards[cta.event]
        return {"label": cta.label, "href": card["url"] + "#inscription", "internal": True}
    if cta.job:
        card = job_cards.get(cta.job)
        return {"label": cta.label, "href": card["url"] if card else urls.section("jobs"), "internal": True}
    if cta.form:
        return {"label": cta.label, "form": views.registration(cta.form)}
    return {"label": cta.label, "href": cta.url, "internal": False}


def _form_services(content: Content) -> list[str]:
    """Hosts that receive the answers of forms and registrations: named on the privacy page."""
    from urllib.parse import urlsplit

    hosts = set()
    regs = [e.registration for e in content.events.values() if e.registration]
    regs += [c.call_to_action.form for c in content.campaigns.values() if c.call_to_action and c.call_to_action.form]
    for r in regs:
        hosts.add(urlsplit(r.action or r.url).hostname)
    return sorted(h for h in hosts if h)


def _date_label(value, lang):
    from .dates import short_date

    return short_date(value, lang) if value else None


def _sharing(site: Site, cards, events: dict) -> None:
    """Open Graph data of every page: its own social card (campaign, job, event) or the home page's."""
    content = site.content
    terr = content.territory
    base = content.config.site.base_url
    hero = terr.hero.image if terr.hero else None
    home = cards.card("accueil", "territoire", terr.name, terr.tagline, hero)
    for page in site.pages:
        meta = page.meta
        if page.template == "campaign.html":
            c = content.campaigns[meta["campaign"]["slug"]]
            card = cards.card("campagne", meta["campaign"]["slug"], c.title, c.slogan, c.hero.image if c.hero else hero)
        elif page.template == "job.html":
            card = _job_social_card(cards, meta["job"], hero)
        elif page.template == "event.html":
            view = meta["event"]
            image = events[view["slug"]].image
            card = cards.card("evenement", view["slug"], view["title"], view["when"], image.image if image else hero)
        else:
            card = home
        meta["og"] = {**card, "image": base + card["image"], "url": base + page.url,
                      "type": "website" if page.template == "home.html" else "article"}


def _job_social_card(cards, job: dict, background: str | None) -> dict:
    return cards.card("offre", job["slug"], job["title"], f"{job['employer']} · {job['place']} · {job['contract_label']}",
                      background)


def _sitemap(site: Site) -> bytes:
    """Every page a search engine should know: no noindex page (expired offers, 404)."""
    from xml.sax.saxutils import escape as xml_escape

    base = site.content.config.site.base_url  # a validated address; escaped all the same, as any XML text
    entries = "".join(f"<url><loc>{xml_escape(base + p.url)}</loc></url>" for p in site.pages if not p.meta.get("noindex"))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n').encode()
