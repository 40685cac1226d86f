"""The reference date of a build: --today, else SOURCE_DATE_EPOCH, else now. Reproducible builds."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Clock:
    today: date
    now: datetime  # aware, in the site's time zone
    zone: ZoneInfo

    @classmethod
    def make(cls, zone_name: str, today: date | None = None, environ=os.environ) -> "Clock":
        zone = ZoneInfo(zone_name)
        if today is not None:
            now = datetime.combine(today, time(0, 0), zone)
        elif environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
            now = datetime.fromtimestamp(int(environ["SOURCE_DATE_EPOCH"]), timezone.utc).astimezone(zone)
        else:
            now = datetime.now(zone)
        return cls(today=now.date(), now=now, zone=zone)

    def aware(self, value: date | datetime, *, end: bool = False) -> datetime:
        """An instant for a field: a naive time is local; a date alone is the whole day."""
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=self.zone)
        return datetime.combine(value, time(23, 59, 59) if end else time(0, 0), self.zone)
