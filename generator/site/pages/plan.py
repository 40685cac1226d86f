"""What every page planner shares: the content, the clock, the labels, and the cards of offers,
events and testimonials that several page kinds show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...content.contrast import text_on
from ...content.project import Content
from ...content.urls import Urls
from ..analytics import analytics_info, footer_link
from ..clock import Clock
from ..events import expand
from ...content.vocabularies import ACCESSIBILITY_STATUSES
from ...locales import typography, words
from ..views import Views


@dataclass
class SitePage:
    url: str  # site-relative, and what identifies the page: "offres/infirmier/"
    template: str
    meta: dict


@dataclass
class Site:
    content: Content
    clock: Clock
    pages: list[SitePage] = field(default_factory=list)
    nav: list[tuple[str, str]] = field(default_factory=list)  # (title, url): small and explicit
    media: object = None  # the MediaLibrary pages took their pictures from
    cards: object = None  # the SocialCards pages asked for
    not_found: SitePage | None = None
    counts: dict[str, int] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # other files of the site: calendars...

    def typeset(self, html: str) -> str:
        """A rendered page with the language's apostrophe in what visitors read of it (French ’):
        the templates, the catalogue and the content are written with either."""
        return typography.for_language(self.content.language, markup=True)(html)


@dataclass
class Plan:
    """The site being planned, and the cards computed once for every page that shows them."""

    site: Site
    content: Content
    clock: Clock
    lang: str
    t: dict
    urls: Urls
    views: Views
    media: object
    social: object
    shared: dict  # what every page shows around its content (header, footer)
    published: dict  # offers not expired, by slug
    job_cards: dict
    newest: list  # job cards, newest first
    events: dict  # every event and every date of a series, by slug
    series: dict
    event_cards: dict
    upcoming: list
    past: list
    story_cards: dict
    job_social: dict  # each published offer's social card, by slug
    current_campaigns: list
    free_pages: list = field(default_factory=list)  # (slug, page), in menu order

    @classmethod
    def make(cls, content: Content, today: date | None, media, social) -> "Plan":
        cfg = content.config
        if media is None:
            from ...media.images import MediaLibrary

            media = MediaLibrary(content.media_dir)
        if social is None:
            from ...media.social_cards import SocialCards

            social = SocialCards(content.media_dir, typography.for_language(content.language)(cfg.site.name), cfg.site.colors.primary, cfg.site.colors.accent)
        clock = Clock.make(cfg.site.timezone, today)
        lang = content.language
        t = words(lang, "site")
        urls = Urls(lang, cfg.qr.path)
        views = Views(content, clock, t, media)
        # Jobs: expired offers, and imported ones withdrawn upstream or hidden, are not published.
        published = {slug: job for slug, job in content.jobs.items()
                     if not job.is_expired(clock.today) and slug not in content.withdrawn}
        job_cards = {slug: views.job_card(slug, job) for slug, job in published.items()}
        hero = content.territory.hero.image if content.territory.hero else None
        from .sharing import job_social_card

        # Asked for now: they are most of the drawing a build waits for; kept for the pages' Open Graph.
        job_social = {slug: job_social_card(social, card, hero) for slug, card in job_cards.items()}
        newest = sorted(job_cards.values(), key=lambda c: (c["posted"], c["slug"]), reverse=True)
        events, series = expand(content.events)
        event_cards = {slug: views.event_card(slug, e) for slug, e in events.items()}
        return cls(
            site=Site(content=content, clock=clock, media=media, cards=social), content=content, clock=clock,
            lang=lang, t=t, urls=urls, views=views, media=media, social=social,
            shared=_site_info(content, t, urls, media), published=published, job_cards=job_cards, newest=newest,
            events=events, series=series, event_cards=event_cards,
            upcoming=sorted((c for c in event_cards.values() if not c["over"]), key=lambda c: c["sort_key"]),
            past=sorted((c for c in event_cards.values() if c["over"]), key=lambda c: -c["sort_key"]),
            story_cards={slug: views.testimonial_card(slug, item) for slug, item in content.testimonials.items()},
            job_social=job_social,
            current_campaigns=[
                {"url": urls.campaign(slug), "title": c.title, "slogan": c.slogan, "image": views.image(c.hero)}
                for slug, c in content.campaigns.items() if not c.is_over(clock.today)
            ],
        )

    def page(self, url: str, template: str, title: str, description: str | None = None, **data) -> SitePage:
        meta = {
            "template": template, "title": title, "description": description or self.content.config.site.description,
            "site": self.shared, "t": self.t, "url": url, "lang": self.lang, **data,
        }
        page = SitePage(url=url, template=template, meta=meta)
        self.site.pages.append(page)
        return page

    def finish(self) -> Site:
        """The sitemap, robots.txt, the navigation and the counts, once every page is planned."""
        site, t, urls, content = self.site, self.t, self.urls, self.content
        from .sharing import sitemap

        site.files["sitemap.xml"] = sitemap(site)
        site.files["robots.txt"] = f"User-agent: *\nAllow: /\n\nSitemap: {content.config.site.base_url}sitemap.xml\n".encode()
        site.nav = [(t["home"], urls.home), (t["jobs"], urls.section("jobs")), (t["events"], urls.section("events")),
                    (t["testimonials"], urls.section("testimonials"))]
        site.nav += [(p.meta.title, urls.page(slug)) for slug, p in self.free_pages if p.meta.nav]
        site.nav.append((t["contact"], urls.section("contact")))
        # The phone menu lists the same entries as the tabs (every page shares ``shared``).
        self.shared["nav"] = [{"title": title, "url": url} for title, url in site.nav]
        site.counts = {
            "campaigns": len(content.campaigns), "jobs": len(content.jobs), "expired": len(content.jobs) - len(self.published),
            "events": len(self.events), "testimonials": len(content.testimonials), "pages": len(content.pages),
        }
        return site


def _site_info(content: Content, t: dict, urls: Urls, media) -> dict:
    """What every page shows around its content (header, footer), shared by all pages."""
    cfg = content.config
    status = ACCESSIBILITY_STATUSES.label(cfg.accessibility.status, cfg.site.language)
    analytics = analytics_info(cfg, urls.section("privacy"))
    return {
        "name": cfg.site.name, "url": cfg.site.base_url, "language": cfg.site.language,
        "logo": media.picture(cfg.site.logo, cfg.site.name), "colors": {**cfg.site.colors.model_dump(), "on_primary": text_on(cfg.site.colors.primary),
                   "on_accent": text_on(cfg.site.colors.accent)},
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


