"""What spans pages: each page's Open Graph data and social card, and the sitemap."""

from __future__ import annotations

from ...locales.typography import for_language
from .plan import Plan, Site


def plan(p: Plan) -> None:
    _sharing(p.site, p.social, p.events, p.job_social)


def _sharing(site: Site, cards, events: dict, job_social: dict) -> None:
    """Open Graph data of every page: its own social card (campaign, job, event) or the home page's."""
    content = site.content
    typeset = for_language(content.language)  # the cards print titles as the pages do (French ’)
    terr = content.territory
    base = content.config.site.base_url
    hero = terr.hero.image if terr.hero else None
    home = cards.card("accueil", "territoire", typeset(terr.name), terr.tagline and typeset(terr.tagline), hero)
    for page in site.pages:
        meta = page.meta
        if page.template == "campaign.html":
            c = content.campaigns[meta["campaign"]["slug"]]
            card = cards.card("campagne", meta["campaign"]["slug"], typeset(c.title), c.slogan and typeset(c.slogan),
                              c.hero.image if c.hero else hero)
        elif page.template == "job.html":
            card = job_social[meta["job"]["slug"]]  # asked for once, when the plan began
        elif page.template == "event.html":
            view = meta["event"]
            image = events[view["slug"]].image
            card = cards.card("evenement", view["slug"], view["title"], view["when"], image.image if image else hero)
        else:
            card = home
        meta["og"] = {**card, "image": base + card["image"], "url": base + page.url,
                      "type": "website" if page.template == "home.html" else "article"}


def job_social_card(cards, job: dict, background: str | None) -> dict:
    """``job``: a card of ``Views``, its texts typeset already."""
    return cards.card("offre", job["slug"], job["title"], f"{job['employer']} · {job['place']} · {job['contract_label']}",
                      background)


def sitemap(site: Site) -> bytes:
    """Every page a search engine should know: no noindex page (expired offers, 404)."""
    from xml.sax.saxutils import escape as xml_escape

    base = site.content.config.site.base_url  # a validated address; escaped all the same, as any XML text
    entries = "".join(f"<url><loc>{xml_escape(base + p.url)}</loc></url>" for p in site.pages if not p.meta.get("noindex"))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n').encode()
