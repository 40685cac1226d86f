"""Audience measurement as pages show it: the script's settings, the consent banner's words,
the footer link and what the privacy page says. Nothing at all when no provider is configured."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..locales import words

PROVIDERS = {"matomo": "Matomo", "plausible": "Plausible Analytics"}


def analytics_info(config, privacy_url: str) -> dict | None:
    """What templates need (``page.meta.site.analytics``), or None without measurement."""
    a = config.analytics
    if not a.enabled:
        return None
    t = words(config.site.language, "analytics")
    matomo = a.provider == "matomo"
    return {
        "provider": a.provider,
        "name": PROVIDERS[a.provider],
        "server": a.base_url,  # scripts and tracker come from there and nowhere else
        "host": urlsplit(a.base_url).hostname,
        "script": a.base_url + ("matomo.js" if matomo else "js/script.manual.js"),
        "site_id": a.site_id if matomo else None,
        "domain": urlsplit(config.site.base_url).hostname,  # Plausible's data-domain
        "campaigns": a.campaigns,  # measuring campaigns needs consent: a banner asks for it
        "retention_months": a.retention_months,
        # where the privacy page explains the measurement; the footer link points there (and
        # reopens the banner when JavaScript runs)
        "anchor": t["anchor"],
        "privacy_link": f"{privacy_url}#{t['anchor']}",
        "t": t,
    }


def footer_link(info: dict | None) -> list[dict]:
    """The "Audience measurement" footer link, on every page when something is measured."""
    return [{"title": info["t"]["link"], "url": info["privacy_link"]}] if info else []
