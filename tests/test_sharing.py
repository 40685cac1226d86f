"""Sharing and search engines: social cards, Open Graph tags, canonical URLs, sitemap, robots.txt."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from generator.build import check
from generator.cli import main

from project_factory import make_project


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("sharing"))
    assert main(["build", "--project", str(root), "--today", "2026-11-23"]) == 0
    return root


def og(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z_:]+)" content="([^"]*)"', html))


@pytest.mark.parametrize("url,kind", [("soignants/", "campagne-soignants"), ("offres/infirmier/", "offre-infirmier"),
                                      ("agenda/job-dating/", "evenement-job-dating")])
def test_campaign_job_and_event_have_their_social_card(built, url, kind):
    tags = og((built / "site" / url / "index.html").read_text())
    assert tags["og:url"] == f"https://vivre.example.fr/{url}"
    assert re.fullmatch(rf"https://vivre\.example\.fr/social/{kind}-[0-9a-f]{{10}}\.jpg", tags["og:image"])
    card = built / "site" / tags["og:image"].removeprefix("https://vivre.example.fr/")
    with Image.open(card) as image:
        assert image.size == (1200, 630) and image.format == "JPEG"
    assert tags["og:image:width"] == "1200" and tags["og:image:height"] == "630"
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:title"] and tags["og:description"] and tags["og:site_name"] == "Vivre à Testville"


def test_every_page_has_open_graph_and_canonical(built):
    for page in (built / "site").rglob("index.html"):
        if page.relative_to(built / "site").parts[0] in ("q", "admin"):
            continue  # short links redirect and the officers' editor is noindex: not shared pages
        html = page.read_text()
        tags = og(html)
        assert {"og:title", "og:url", "og:image", "og:type", "twitter:card"} <= set(tags), page
        url = "https://vivre.example.fr/" + page.parent.relative_to(built / "site").as_posix() + "/"
        url = url.replace("https://vivre.example.fr/./", "https://vivre.example.fr/")
        assert f'<link rel="canonical" href="{url}">' in html, page


def test_sitemap_lists_indexable_pages_only(built):
    tree = ET.parse(built / "site/sitemap.xml")
    locs = [e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://vivre.example.fr/" in locs and "https://vivre.example.fr/offres/infirmier/" in locs
    assert not any("404" in loc or "/q/" in loc for loc in locs)
    assert not (built / "site/sitemap.xml.gz").exists()


def test_robots_points_to_the_sitemap(built):
    assert (built / "site/robots.txt").read_text() == "User-agent: *\nAllow: /\n\nSitemap: https://vivre.example.fr/sitemap.xml\n"


def test_social_cards_are_cached(built):
    site = check(built, None)
    assert site.cards.write(built / "again") == 0  # same content: every card comes from the cache


def test_cards_drawn_by_workers_are_those_drawn_in_process(built, tmp_path):
    from generator.media.social_cards import SocialCards
    from generator.media.workers import Workers

    site = check(built, None).cards
    inline = SocialCards(site.media_dir, site.site_name, site.primary, site.accent)  # no cache: drawn here
    with Workers(2) as workers:  # an empty cache: every card is drawn by a worker
        pooled = SocialCards(site.media_dir, site.site_name, site.primary, site.accent, tmp_path / "cache", workers)
        for card in site.cards.values():
            kind, slug = Path(card.name).stem.split("-", 1)
            inline.card(kind, slug, card.title, card.subtitle, card.background)
            pooled.card(kind, slug, card.title, card.subtitle, card.background)
        assert pooled.write(tmp_path / "pooled") == len(site.cards)
    assert inline.write(tmp_path / "inline") == len(site.cards)
    assert len(pooled.cards) == len(inline.cards)
    for ours, theirs in zip(pooled.cards, inline.cards):
        assert (tmp_path / "pooled" / ours).read_bytes() == (tmp_path / "inline" / theirs).read_bytes(), theirs
        assert (tmp_path / "cache" / Path(ours).name).is_file()

@pytest.mark.parametrize("title", ["Cuisinier", "Élu·e", "ÉÉÉ ÀÀÀ ÇÇÇ Ô — à Saint-Aubin",
                                   "Infirmier ou infirmière diplômé d'État en service de médecine polyvalente (H/F)",
                                   "Agent d'exploitation des remontées mécaniques, saison d'hiver 2026-2027, à Aiguebelle-du-Vallon"])
@pytest.mark.parametrize("background", ["hero.jpg", None])
def test_a_card_encoded_under_its_title_only_is_the_whole_card(built, title, background):
    from generator.media.social_cards import Card, SocialCards

    cards = SocialCards(built / "content/media", "Vivre à Testville", "#1f5f8b", "#ffd166")
    card = Card("social/x.jpg", title, "CH de Vallon · Saint-Aubin · CDI", background)
    assert cards.draw(card) == cards.draw(card, whole=True)
