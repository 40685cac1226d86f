"""Audience measurement: Matomo or Plausible from the configured server only, a consent banner
only where campaigns are measured, a footer link on every page, the privacy page, or nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.errors import ContentError
from generator.content.project import load_project

from project_factory import FILES, make_project

TODAY = "2026-11-23"
ASSET = Path(__file__).resolve().parents[1] / "themes/default/assets/territoire/analytics.js"
MATOMO = 'analytics:\n  provider: matomo\n  url: https://stats.example.fr/\n  site_id: "3"\n'
PLAUSIBLE = "analytics:\n  provider: plausible\n  url: https://plausible.example.org\n"
LINE = FILES["site_config.yml"].count("\n") + 1  # the line of "analytics:", appended to the test project


def build(tmp_path, analytics: str = "", language: str = "fr") -> Path:
    config = FILES["site_config.yml"].replace("language: fr", f"language: {language}") + analytics
    make_project(tmp_path, **{"site_config.yml": config})
    assert main(["build", "--project", str(tmp_path), "--today", TODAY]) == 0
    return tmp_path / "site"


def pages(site: Path) -> list[Path]:
    """Every visitor's page: without the short links' redirect stubs (q/<code>/) nor the officers' editor (admin/)."""
    return sorted(p for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in ("q", "admin")) + [site / "404.html"]


def scripts(html: str) -> list[str]:
    return re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', html)


def analytics_tag(html: str) -> str:
    return re.search(r'<script src="[^"]*assets/territoire/analytics\.js"[^>]*>', html).group(0)


def attr(tag: str, name: str) -> str | None:
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return found.group(1) if found else None


# --- none: nothing at all ------------------------------------------------------------------

def test_none_means_no_script_no_banner_no_link(tmp_path):
    site = build(tmp_path)
    for page in pages(site):
        html = page.read_text("utf-8")
        assert "analytics.js" not in html, page
        assert "territoire-consent" not in html, page
        assert "Mesure d’audience</a>" not in html, page
        assert all(not re.match(r"(https?:)?//", src) for src in scripts(html)), page  # nothing from elsewhere
    privacy = (site / "donnees-personnelles/index.html").read_text("utf-8")
    assert "Ce site ne mesure pas son audience et ne dépose aucun cookie." in privacy


# --- Matomo --------------------------------------------------------------------------------

def test_matomo_script_configured_from_site_config(tmp_path):
    site = build(tmp_path, MATOMO)
    html = (site / "soignants/index.html").read_text("utf-8")
    tag = analytics_tag(html)
    assert attr(tag, "src") == "../assets/territoire/analytics.js"  # the site's own asset
    assert "defer" in tag
    assert attr(tag, "data-provider") == "matomo"
    assert attr(tag, "data-server") == "https://stats.example.fr/"
    assert attr(tag, "data-site-id") == "3"
    assert attr(tag, "data-campaigns") == "true"
    assert attr(tag, "data-anchor") == "mesure-audience"
    # Every script of the page is the site's own; analytics.js loads the tracker from data-server.
    assert all(not re.match(r"(https?:)?//", src) for src in scripts(html))
    # After attribution.js, which keeps its place.
    assert html.index("assets/territoire/attribution.js") < html.index("assets/territoire/analytics.js")


def test_script_builds_tracker_urls_from_the_configured_server_only():
    source = ASSET.read_text("utf-8")
    assert len(source.encode()) < 4096
    assert "http" not in source  # no host of its own: only data-server
    assert 'srv + "matomo.js"' in source and 'srv + "matomo.php"' in source
    assert 'srv + "js/script.manual.js"' in source and 'srv + "api/event"' in source
    assert '"disableCookies"' in source
    assert "setUserId" not in source and "enableCrossDomainLinking" not in source


def test_server_address_without_trailing_slash(tmp_path):
    site = build(tmp_path, MATOMO.replace("https://stats.example.fr/", "https://stats.example.fr/matomo"))
    tag = analytics_tag((site / "index.html").read_text("utf-8"))
    assert attr(tag, "data-server") == "https://stats.example.fr/matomo/"


def test_banner_only_when_campaigns_are_measured(tmp_path):
    site = build(tmp_path, MATOMO)
    html = (site / "soignants/index.html").read_text("utf-8")
    banner = re.search(r'<template id="territoire-consent">(.*?)</template>', html, re.S).group(1)
    assert '<section class="territoire-consent md-typeset" aria-labelledby="territoire-consent-title">' in banner
    assert '<h2 class="territoire-consent__title" id="territoire-consent-title" tabindex="-1">Mesure d’audience</h2>' in banner
    buttons = re.findall(r'<button type="button" class="([^"]+)" data-consent="(\w+)">([^<]+)</button>', banner)
    assert buttons == [("md-button", "granted", "Accepter"), ("md-button", "denied", "Refuser")]  # equally prominent
    assert '<a href="../donnees-personnelles/#mesure-audience">En savoir plus</a>' in banner
    assert "var(--territoire-accent)" in banner and "var(--t-ink)" in banner
    assert "aria-modal" not in banner and "dialog" not in banner  # a region, not a modal trap


def test_campaigns_false_no_banner(tmp_path):
    site = build(tmp_path, MATOMO + "  campaigns: false\n")
    html = (site / "soignants/index.html").read_text("utf-8")
    assert "<template" not in html
    assert attr(analytics_tag(html), "data-campaigns") == "false"
    privacy = (site / "donnees-personnelles/index.html").read_text("utf-8")
    assert "n’est jamais transmise" in privacy
    assert "demandé par un bandeau" not in privacy


def test_footer_link_on_every_page(tmp_path):
    site = build(tmp_path, MATOMO)
    for page in pages(site):
        html = page.read_text("utf-8")
        footer = html[html.index('<footer class="territoire-footer">'):]
        # (on the privacy page itself, the link is just "#mesure-audience")
        assert re.search(r'<li><a href="(?:[^"]*donnees-personnelles/)?#mesure-audience">Mesure d’audience</a></li>',
                         footer), page
        assert "analytics.js" in html, page
    not_found = (site / "404.html").read_text("utf-8")
    assert 'href="/donnees-personnelles/#mesure-audience"' in not_found  # absolute on the 404 page


def test_privacy_page_describes_the_configured_service(tmp_path):
    site = build(tmp_path, MATOMO + "  retention_months: 13\n")
    privacy = (site / "donnees-personnelles/index.html").read_text("utf-8")
    section = privacy[privacy.index('<h2 id="mesure-audience">'):privacy.index("<h2>Vos droits</h2>")]
    assert "avec Matomo, sur le serveur de statistiques stats.example.fr" in section
    assert "pages consultées, site d’où vous venez" in section
    assert "aucun cookie, aucun identifiant, pas de suivi d’un site à l’autre" in section
    assert "Elles sont conservées 13 mois au plus." in section
    assert "n’est enregistrée qu’avec votre accord, demandé par un bandeau" in section
    assert "« Mesure d’audience » en bas de chaque page" in section
    # The objection checkbox, shown by the script only (without it nothing is measured anyway).
    assert '<p data-territoire-measure hidden><label><input type="checkbox" checked> ' in section
    assert "Sans JavaScript, rien n’est mesuré." in section


def short_link_script(site: Path) -> str:
    html = (site / "q/bastille/index.html").read_text("utf-8")
    return re.search(r"<script>(.*?)</script>", html).group(1)


def test_short_link_page_records_a_plain_page_view(tmp_path):
    """Where the host keeps no logs, the scan report counts the views of /q/<code>/ (see
    tests/test_report_stats.py): the page sends one before it redirects, as the site's pages do."""
    script = short_link_script(build(tmp_path, MATOMO))
    beacon, redirect = script.index("navigator.sendBeacon("), script.index("location.replace(")
    assert beacon < redirect  # a beacon outlives the page it leaves
    assert 'navigator.sendBeacon("https://stats.example.fr/matomo.php?rec=1&send_image=0&idsite="+encodeURIComponent("3")' in script
    assert '+"&url="+encodeURIComponent(u))' in script
    # The address without its query string: no utm_* even if one were there; no referrer, no
    # identifier, nothing stored.
    assert "var u=location.origin+location.pathname;" in script
    for word in ("href", "search", "referrer", "urlref", "_id", "uid", "cookie", "setItem", "utm"):
        assert word not in script[:redirect], word
    # A visitor who objected on the privacy page is not measured here either (same key as analytics.js).
    assert 'localStorage.getItem("territoire-no-measure")==="1"' in script
    assert 'OFF = "territoire-no-measure"' in ASSET.read_text("utf-8")
    privacy = (tmp_path / "site/donnees-personnelles/index.html").read_text("utf-8")
    assert "L’ouverture du lien court d’un QR code compte comme une page consultée, sans aucun paramètre de campagne" in privacy


def test_short_link_page_without_measurement_only_redirects(tmp_path):
    assert short_link_script(build(tmp_path)) == 'location.replace("../../soignants/?utm_source=qr&utm_medium=affiche&utm_campaign=soignants&utm_content=bastille")'


# --- Plausible -----------------------------------------------------------------------------

def test_plausible_in_english(tmp_path):
    site = build(tmp_path, PLAUSIBLE, language="en")
    html = (site / "soignants/index.html").read_text("utf-8")
    tag = analytics_tag(html)
    assert attr(tag, "data-provider") == "plausible"
    assert attr(tag, "data-server") == "https://plausible.example.org/"
    assert attr(tag, "data-domain") == "vivre.example.fr"  # the site's host
    assert attr(tag, "data-site-id") is None
    assert attr(tag, "data-anchor") == "audience-measurement"
    assert ">Accept</button>" in html and ">Refuse</button>" in html
    assert '<a href="../privacy/#audience-measurement">Audience measurement</a>' in html
    privacy = (site / "privacy/index.html").read_text("utf-8")
    assert '<h2 id="audience-measurement">' in privacy
    assert "with Plausible Analytics, on the analytics server plausible.example.org" in privacy
    assert "They are kept 25 months at most." in privacy
    assert "recorded only with your consent, asked by a banner" in privacy
    assert "Opening the short link of a QR code counts as a page viewed, without any campaign parameter" in privacy
    script = short_link_script(site)
    assert 'navigator.sendBeacon("https://plausible.example.org/api/event",' in script
    assert 'JSON.stringify({n:"pageview",u:u,d:"vivre.example.fr",r:null})' in script


def test_values_are_escaped(tmp_path):
    site = build(tmp_path, MATOMO.replace('site_id: "3"', "site_id: '3\" onload=\"alert(1)'"))
    tag = analytics_tag((site / "index.html").read_text("utf-8"))
    assert 'onload="alert' not in tag
    assert "&#34; onload=&#34;alert(1)" in tag


def test_short_link_page_values_stay_strings(tmp_path):
    site = build(tmp_path, MATOMO.replace('site_id: "3"', "site_id: '3\\\"</script><script>alert(1)//'"))
    html = (site / "q/bastille/index.html").read_text("utf-8")
    assert html.count("<script>") == 1 and "alert(1)" in short_link_script(site)
    assert 'encodeURIComponent("3\\\\\\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)//")' in html


# --- configuration errors ------------------------------------------------------------------

def problems(tmp_path, analytics: str) -> list[str]:
    make_project(tmp_path, **{"site_config.yml": FILES["site_config.yml"] + analytics})
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    return [str(p) for p in err.value.problems]


def test_matomo_needs_site_id_and_url(tmp_path):
    assert problems(tmp_path, "analytics:\n  provider: matomo\n  url: https://stats.example.fr/\n") == [
        f"site_config.yml:{LINE + 1}: analytics.provider: Matomo a besoin de « site_id: » (le numéro du site dans Matomo, entre guillemets)"]
    assert problems(tmp_path, "analytics:\n  provider: plausible\n") == [
        f"site_config.yml:{LINE + 1}: analytics.provider: la mesure d'audience « plausible » a besoin de « url: https://… », "
        "l'adresse du serveur de statistiques"]


def test_retention_beyond_the_cnil_limit(tmp_path):
    assert problems(tmp_path, MATOMO + "  retention_months: 37\n") == [
        f"site_config.yml:{LINE + 4}: analytics.retention_months: durée de conservation de 37 mois : sans consentement, la CNIL "
        "autorise au plus 25 mois ; réglez le serveur de statistiques et écrivez ici « retention_months: 25 » ou moins"]


def test_campaigns_is_a_boolean(tmp_path):
    found = problems(tmp_path, MATOMO + "  campaigns: peut-être\n")
    assert found == [f"site_config.yml:{LINE + 4}: analytics.campaigns: « true » (oui) ou « false » (non) est attendu"]
