"""Audience measurement as pages show it: the script's settings, the consent banner's words,
the footer link and what the privacy page says. Nothing at all when no provider is configured."""

from __future__ import annotations

from urllib.parse import urlsplit

PROVIDERS = {"matomo": "Matomo", "plausible": "Plausible Analytics"}

# Where the privacy page explains the measurement; the footer link points there (and reopens
# the banner when JavaScript runs).
ANCHOR = {"fr": "mesure-audience", "en": "audience-measurement"}

LABELS = {
    "fr": {
        "link": "Mesure d'audience",
        "title": "Mesure d'audience",
        "text": "Ce site mesure sa fréquentation de façon anonyme, sans cookie. Acceptez-vous qu'il enregistre "
                "aussi la campagne (affiche, lien partagé…) qui vous a amené ici ?",
        "more": "En savoir plus",
        "accept": "Accepter",
        "refuse": "Refuser",
        "measure": "Mesurer mes visites sur ce site, de façon anonyme",
    },
    "en": {
        "link": "Audience measurement",
        "title": "Audience measurement",
        "text": "This site measures its audience anonymously, without cookies. Do you also agree that it records "
                "the campaign (poster, shared link…) that brought you here?",
        "more": "Learn more",
        "accept": "Accept",
        "refuse": "Refuse",
        "measure": "Measure my visits to this site, anonymously",
    },
}


def analytics_info(config, privacy_url: str) -> dict | None:
    """What templates need (``page.meta.site.analytics``), or None without measurement."""
    a = config.analytics
    if not a.enabled:
        return None
    lang = config.site.language
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
        "anchor": ANCHOR[lang],
        "privacy_link": f"{privacy_url}#{ANCHOR[lang]}",
        "t": LABELS[lang],
    }


def footer_link(info: dict | None) -> list[dict]:
    """The "Audience measurement" footer link, on every page when something is measured."""
    return [{"title": info["t"]["link"], "url": info["privacy_link"]}] if info else []
