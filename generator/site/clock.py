"""The reference date of a build: --today, else SOURCE_DATE_EPOCH, else today. Reproducible builds.

Everything a build writes depends on that date alone, never on the hour: ``now`` is the start of
the reference day, so two builds of the same day (a second or hours apart, with --today, with
SOURCE_DATE_EPOCH or with neither) are byte for byte the same. The site is rebuilt every day,
so an event ending at 17:00 moves to the past events with the next day's build."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Clock:
    today: date
    now: datetime  # aware, in the site's time zone: the start of ``today``, for reproducibility
    zone: ZoneInfo

    @classmethod
    def make(cls, zone_name: str, today: date | None = None, environ=os.environ) -> "Clock":
        zone = ZoneInfo(zone_name)
        if today is None:
            if environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
                instant = datetime.fromtimestamp(int(environ["SOURCE_DATE_EPOCH"]), timezone.utc).astimezone(zone)
            else:
                instant = datetime.now(zone)
            today = instant.date()
        return cls(today=today, now=datetime.combine(today, time(0, 0), zone), zone=zone)

    def aware(self, value: date | datetime, *, end: bool = False) -> datetime:
        """An instant for a field: a naive time is local; a date alone is the whole day."""
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=self.zone)
        return datetime.combine(value, time(23, 59, 59) if end else time(0, 0), self.zone)
