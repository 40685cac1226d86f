"""The URLs of the built site, part of the contract: posters and search engines keep them."""

from __future__ import annotations

SECTIONS = {
    "fr": {
        "jobs": "offres", "events": "agenda", "testimonials": "temoignages", "contact": "contact",
        "legal": "mentions-legales", "privacy": "donnees-personnelles", "accessibility": "accessibilite",
    },
    "en": {
        "jobs": "jobs", "events": "events", "testimonials": "stories", "contact": "contact",
        "legal": "legal-notice", "privacy": "privacy", "accessibility": "accessibility",
    },
}
# The next pages of the job list: /offres/page/2/, /offres/<sector>/page/2/. A job slug or a
# sector key may not take it.
PAGE_SEGMENT = "page"
# Folders the build itself writes at the root of the site.
TECHNICAL = ("assets", "media", "stylesheets", "javascripts", "search", "feeds", "schemas", "404", "sitemap.xml")


class Urls:
    """Site-relative URLs (``offres/infirmier/``) for one language."""

    def __init__(self, language: str, qr_path: str = "q"):
        self.language = language
        self.s = SECTIONS[language]
        self.qr_path = qr_path

    home = ""

    def section(self, name: str) -> str:
        return f"{self.s[name]}/"

    def job(self, slug: str) -> str:
        return f"{self.s['jobs']}/{slug}/"

    def event(self, slug: str) -> str:
        return f"{self.s['events']}/{slug}/"

    def testimonial(self, slug: str) -> str:
        return f"{self.s['testimonials']}/{slug}/"

    def campaign(self, slug: str) -> str:
        return f"{slug}/"

    def page(self, slug: str) -> str:
        return f"{slug}/"

    def short_link(self, code: str) -> str:
        return f"{self.qr_path}/{code}/"


def reserved_paths(language: str, qr_path: str) -> dict[str, str]:
    """First path segments a campaign or free page may not take, with what owns them."""
    reserved = {segment: name for name, segment in SECTIONS[language].items()}
    reserved.update({t: "technique" for t in TECHNICAL})
    reserved[qr_path] = "qr"
    reserved["index"] = "accueil"  # index.md would be the home page's own source
    return reserved
