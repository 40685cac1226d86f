"""Short links for campaign placements: /q/<code>/ → the campaign page with its utm_* values.

Pure logic: which code goes where. Writing pages, host rules and QR files happens at the edges."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from ..content.model import PRINTED_MEDIA, default_source
from ..content.urls import Urls


@dataclass(frozen=True)
class ShortLink:
    code: str
    campaign: str  # the campaign the code was published for
    medium: str
    source: str
    label: str
    size: str | None
    path: str  # site-relative: "q/bastille/"
    url: str  # absolute short link, what the QR code encodes
    target: str  # absolute destination, with the campaign attribution
    retired: bool = False

    @property
    def printed(self) -> bool:
        return self.medium in PRINTED_MEDIA


def utm(source: str, medium: str, campaign: str, code: str) -> dict[str, str]:
    return {"utm_source": source, "utm_medium": medium, "utm_campaign": campaign, "utm_content": code}


def short_links(content) -> list[ShortLink]:
    """Every code the site answers: placements of the content, then retired codes of qr-codes.yml."""
    site = content.config.site
    urls = Urls(site.language, content.config.qr.path)
    base = site.base_url
    links = []
    for slug, campaign in content.campaigns.items():
        for p in campaign.placements:
            query = urlencode(utm(p.utm_source, p.medium, slug, p.code))
            links.append(ShortLink(
                code=p.code, campaign=slug, medium=p.medium, source=p.utm_source, label=p.label, size=p.size,
                path=urls.short_link(p.code), url=base + urls.short_link(p.code),
                target=f"{base}{urls.campaign(slug)}?{query}",
            ))
    placed = {link.code for link in links}
    for code, entry in content.registry.items():
        if entry.retired is None or code in placed:
            continue
        source = entry.source or default_source(entry.medium)
        query = urlencode(utm(source, entry.medium, entry.campaign, code))
        to = entry.retired
        if to.startswith("https://"):
            target = f"{to}{'&' if '?' in to else '?'}{query}"
        else:
            target = f"{base}{'' if to == '/' else urls.campaign(to)}?{query}"
        links.append(ShortLink(
            code=code, campaign=entry.campaign, medium=entry.medium, source=source, label=entry.label, size=None,
            path=urls.short_link(code), url=base + urls.short_link(code), target=target, retired=True,
        ))
    return links
