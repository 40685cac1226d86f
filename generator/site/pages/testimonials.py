"""Testimonials: the list, and each person's story."""

from __future__ import annotations

from .plan import Plan


def plan(p: Plan) -> None:
    urls, t = p.urls, p.t
    p.page(urls.section("testimonials"), "testimonials.html", t["testimonials"],
           testimonials=list(p.story_cards.values()))
    for slug, item in p.content.testimonials.items():
        card = p.story_cards[slug]
        p.page(card["url"], "testimonial.html", f"{item.name} – {t['testimonials']}",
               item.quote, testimonial=p.views.testimonial_page(item, card))
