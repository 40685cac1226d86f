"""Contact (the single point of contact), the legal notice, the privacy notice and the accessibility
statement (from site_config.yml), the officer's free pages, and the 404 page."""

from __future__ import annotations

from ...content.project import Content
from ...content.vocabularies import ACCESSIBILITY_STATUSES
from ..rich_text import plain, render
from .plan import Plan, SitePage


def plan(p: Plan) -> None:
    urls, t, views, cfg, terr = p.urls, p.t, p.views, p.content.config, p.content.territory
    lang = p.lang
    p.page(urls.section("contact"), "contact.html", t["contact"],
           contacts=[views.contact(c) for c in terr.contacts], social=terr.social.model_dump() if terr.social else None)
    p.page(urls.section("legal"), "legal.html", t["legal"],
           publisher=cfg.publisher.model_dump(), site_url=cfg.site.base_url)
    p.page(urls.section("privacy"), "privacy.html", t["privacy"],
           privacy=cfg.privacy.model_dump() if cfg.privacy else None, publisher=cfg.publisher.model_dump(),
           forms=_form_services(p.content))
    p.page(urls.section("accessibility"), "accessibility.html", t["accessibility"],
           accessibility=_statement(p), publisher=cfg.publisher.model_dump())

    p.free_pages = sorted(p.content.pages.items(), key=lambda kv: (kv[1].meta.order, kv[0]))
    for slug, free in p.free_pages:
        p.page(urls.page(slug), "page.html", free.meta.title, free.meta.description or plain(free.body),
               body_html=render(free.body))

    # Served for any unknown URL: links back to the main sections.
    p.site.not_found = SitePage(url="404.html", template="404.html", meta={
        "template": "404.html", "title": t["not_found"], "description": None,
        "site": p.shared, "t": t, "url": "404.html", "lang": lang, "noindex": True,
    })


def _form_services(content: Content) -> list[str]:
    """Hosts that receive the answers of forms and registrations: named on the privacy page."""
    from urllib.parse import urlsplit

    hosts = set()
    regs = [e.registration for e in content.events.values() if e.registration]
    regs += [c.call_to_action.form for c in content.campaigns.values() if c.call_to_action and c.call_to_action.form]
    for r in regs:
        hosts.add(urlsplit(r.action or r.url).hostname)
    return sorted(h for h in hosts if h)


def _statement(p: Plan) -> dict:
    """The accessibility statement's values, as the RGAA's model statement orders them."""
    from babel.numbers import format_decimal

    a, lang = p.content.config.accessibility, p.lang
    pages = [{"title": page.title, "url": page.url, "local": False} for page in a.pages_checked or []]
    contact = a.contact or p.content.config.publisher.email
    return {
        **a.model_dump(), "status_label": ACCESSIBILITY_STATUSES.label(a.status, lang),
        "audit_date_label": _date_label(a.audit_date, lang),
        "statement_date_label": _date_label(a.statement_date or a.audit_date, lang),
        "rate_label": None if a.rate is None else format_decimal(a.rate, locale=lang),
        "contact": contact, "contact_is_email": not contact.startswith("https://"),
        "pages_checked": pages if a.pages_checked else _sample(p), "year": p.clock.today.year,
    }


def _sample(p: Plan) -> list[dict]:
    """The pages checked when the officer names none: one of each main kind the site has."""
    urls, t = p.urls, p.t
    s = t["statement"]
    pages = [(t["home"], urls.home)]
    if p.content.campaigns:
        slug, campaign = next(iter(sorted(p.content.campaigns.items())))
        pages.append((s["page_campaign"].format(title=campaign.title), urls.campaign(slug)))
    pages.append((t["jobs"], urls.section("jobs")))
    if p.newest:
        pages.append((s["page_job"].format(title=p.newest[0]["title"]), p.newest[0]["url"]))
    events = p.upcoming or p.past
    if events:
        pages.append((s["page_event"].format(title=events[0]["title"]), events[0]["url"]))
    pages += [(t["contact"], urls.section("contact")), (t["legal"], urls.section("legal"))]
    return [{"title": title, "url": url, "local": True} for title, url in pages]


def _date_label(value, lang):
    from ..dates import short_date

    return short_date(value, lang) if value else None
