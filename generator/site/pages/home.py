"""The home page: the territory, its current campaigns, the newest offers and what is coming up."""

from __future__ import annotations

import unicodedata


from ..rich_text import render
from .plan import Plan

HOME_JOBS = 6
HOME_EVENTS = 3

# The documented means of transport that have an icon (Material Design Icons, shipped with the
# theme), by what officers write: accents and case do not matter.
ACCESS_ICONS = {
    "train": "train", "tgv": "train", "ter": "train", "rer": "train", "metro": "subway-variant", "tram": "tram",
    "tramway": "tram", "voiture": "car", "car": "car", "autoroute": "car", "route": "car", "avion": "airplane",
    "plane": "airplane", "aeroport": "airplane", "bus": "bus", "autocar": "bus", "navette": "bus", "velo": "bike",
    "bike": "bike", "bateau": "ferry", "ferry": "ferry", "boat": "ferry", "a pied": "walk", "marche": "walk", "walk": "walk",
}


def access_icon(mode: str) -> str | None:
    folded = unicodedata.normalize("NFKD", mode).encode("ascii", "ignore").decode().casefold().strip()
    return ACCESS_ICONS.get(folded)


def plan(p: Plan) -> None:
    terr, views, media = p.content.territory, p.views, p.media
    p.page("", "home.html", terr.name, p.content.config.site.description or terr.tagline,
        territory={
            "name": terr.name, "tagline": terr.tagline, "summary_html": render(terr.summary),
            "hero": views.image(terr.hero), "key_figures": views.key_figures(terr.key_figures),
            "access": [{**a.model_dump(), "icon": access_icon(a.mode)} for a in terr.access],
            "living": [{"title": s.title, "body_html": render(s.body)} for s in terr.living],
            "services": [{"title": s.title, "body_html": render(s.body)} for s in terr.services],
            "aids": views.arguments(terr.aids),
            "partners": [{"name": x.name, "url": x.url, "logo": media.picture(x.logo, x.name)} for x in terr.partners],
        },
        campaigns=p.current_campaigns, jobs=p.newest[:HOME_JOBS], jobs_total=len(p.newest),
        events=p.upcoming[:HOME_EVENTS], testimonials=list(p.story_cards.values())[:3],
    )
