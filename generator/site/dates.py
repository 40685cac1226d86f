"""Dates and times written in full in the site's language, with Babel."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_time
from babel.numbers import format_decimal


def long_date(value: date, language: str) -> str:
    return format_date(value, "EEEE d MMMM y", locale=language)


def short_date(value: date, language: str) -> str:
    return format_date(value, "d MMMM y", locale=language)


def day_month(value: date, language: str, today: date) -> str:
    """"3 novembre", with the year only when it is not this year's ("3 novembre 2025"); the
    job board's script writes the same with Intl.DateTimeFormat (assets/territoire/jobs.js)."""
    if language == "fr":
        return format_date(value, "d MMMM" if value.year == today.year else "d MMMM y", locale=language)
    return format_date(value, "MMMM d" if value.year == today.year else "MMMM d, y", locale=language)


def clock_time(value: datetime, language: str) -> str:
    if language == "fr":  # French typography: 12 h 30, 9 h, never split across two lines
        return f"{value.hour}\u00a0h\u00a0{value.minute:02d}" if value.minute else f"{value.hour}\u00a0h"
    return format_time(value, "h:mm a", locale=language)


def money(value: float, language: str) -> str:
    return format_decimal(value, format="#,##0.##", locale=language)


def span(start: date | datetime, end: date | datetime, language: str, labels: dict) -> str:
    """"vendredi 12 avril 2024, de 12 h 30 à 13 h 30" or "du samedi 3 au dimanche 4 mai 2027"."""
    if isinstance(start, datetime) and isinstance(end, datetime):
        if start.date() == end.date():
            times = labels["time_range"].format(start=clock_time(start, language), end=clock_time(end, language))
            return f"{long_date(start.date(), language)}, {times}"
        return labels["period_from"].format(
            start=f"{long_date(start.date(), language)} {clock_time(start, language)}",
            end=f"{long_date(end.date(), language)} {clock_time(end, language)}",
        )
    if start == end:
        return long_date(start, language)
    return labels["period_from"].format(start=long_date(start, language), end=long_date(end, language))
