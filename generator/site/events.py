"""Events as visitors see them: a series (``dates:``) becomes one event per date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..content.model import Event


@dataclass
class Series:
    slug: str
    event: Event  # the file as written: title, description, place...
    occurrences: list[str] = field(default_factory=list)  # slugs, in date order


def occurrence_slug(series: str, start) -> str:
    day = start.date() if isinstance(start, datetime) else start
    return f"{series}-{day.isoformat()}"


def expand(events: dict[str, Event]) -> tuple[dict[str, Event], dict[str, Series]]:
    """Single events as they are; each date of a series as an event of its own."""
    single: dict[str, Event] = {}
    series: dict[str, Series] = {}
    for slug, event in events.items():
        if not event.is_series:
            single[slug] = event
            continue
        group = series[slug] = Series(slug=slug, event=event)
        for occ in sorted(event.dates, key=lambda o: (o.start if isinstance(o.start, datetime) else datetime.combine(o.start, datetime.min.time())).isoformat()):
            key = occurrence_slug(slug, occ.start)
            if key in single:  # two dates on one day: tell them apart by the hour
                key += f"-{occ.start:%H%M}" if isinstance(occ.start, datetime) else "-2"
            single[key] = event.model_copy(update={
                "start": occ.start, "end": occ.end, "dates": None, "status": occ.status,
                "previous_start": occ.previous_start,
                "registration": occ.registration or event.registration, "replay": occ.replay,
            })
            group.occurrences.append(key)
    return single, series
