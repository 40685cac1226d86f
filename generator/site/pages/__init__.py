"""The pages of a site, from validated content: what exists at which URL, and what it shows.

``make_site`` plans every page kind in turn, each in its own module (``home``, ``campaigns``, ``jobs``,
``events``, ``testimonials``, ``institutional`` for contact, legal notice, privacy, accessibility and
free pages), then what spans pages: the social cards (``sharing``), the web editor (``generator/admin``),
the sitemap and the navigation.
Pages are engine-neutral ``SitePage``s; what Material needs besides is added by ``generator/engine``."""

from __future__ import annotations

from datetime import date

from ... import admin
from ...content.project import Content
from .plan import Plan, Site, SitePage
from . import campaigns, events, home, institutional, jobs, sharing, testimonials

__all__ = ["Site", "SitePage", "make_site"]


def make_site(content: Content, today: date | None = None, media=None, social=None) -> Site:
    plan = Plan.make(content, today, media, social)
    home.plan(plan)
    campaigns.plan(plan)
    jobs.plan(plan)
    events.plan(plan)
    testimonials.plan(plan)
    institutional.plan(plan)
    sharing.plan(plan)
    plan.site.files.update(admin.files(content.config))  # /admin/: the web editor, out of the sitemap
    return plan.finish()
