"""Sync by upstream identifier, as WP All Import does: what is new is created, what changed is
updated, what left a complete snapshot is withdrawn (its address then answers 410, exactly as an
expired offer's), and a withdrawn offer is forgotten ``keep_withdrawn`` days later.

An offer keeps its address for ever: the slug is chosen once, from its first title and its id."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from .mapping import Mapped, offer_slug
from .store import Entry, ImportFile


@dataclass
class Changes:
    created: list[Entry] = field(default_factory=list)
    updated: list[Entry] = field(default_factory=list)  # changed, or back after a withdrawal
    withdrawn: list[Entry] = field(default_factory=list)
    forgotten: list[Entry] = field(default_factory=list)
    unchanged: int = 0
    kept: list[Entry] = field(default_factory=list)  # unreadable upstream this time: left as they were


def sync(previous: ImportFile, mapped: Mapped, *, complete: bool, today: date, keep_withdrawn: int,
         taken: set[str], named: set[str] = frozenset()) -> tuple[ImportFile, Changes]:
    """The import file after this snapshot, and what changed. ``taken``: addresses of other
    offers (hand-written, other imports) a new offer's address must not take; ``named``: addresses
    the officer's files name (overrides, campaign pins), never forgotten while they do."""
    changes = Changes()
    entries: dict[str, Entry] = {}
    taken = set(taken) | {e.slug for e in previous.entries.values()}
    for upstream_id, job in mapped.jobs.items():
        before = previous.entries.get(upstream_id)
        if before is None:
            entry = Entry(upstream_id, _free(offer_slug(job["title"], upstream_id), taken), job, today)
            taken.add(entry.slug)
            changes.created.append(entry)
        else:
            if upstream_id in mapped.undated:  # the day it first came, not the day of each import
                job = {**job, "posted": min(before.job.get("posted", job["posted"]), job.get("valid_through", "9999"))}
            entry = Entry(upstream_id, before.slug, job, before.first_seen)
            if before.withdrawn is not None or before.job != job:
                changes.updated.append(entry)
            else:
                changes.unchanged += 1
        entries[upstream_id] = entry
    unreadable = {s.id for s in mapped.skipped if s.id is not None}
    forget_before = today - timedelta(days=keep_withdrawn)
    for upstream_id, before in previous.entries.items():
        if upstream_id in entries:
            continue
        if before.withdrawn is None and (upstream_id in unreadable or not complete):
            # Still upstream but unreadable today, or a partial snapshot: not a withdrawal.
            entries[upstream_id] = before
            changes.kept.append(before)
        elif before.withdrawn is None:
            entries[upstream_id] = gone = Entry(before.id, before.slug, before.job, before.first_seen, today)
            changes.withdrawn.append(gone)
        elif before.withdrawn < forget_before and before.slug not in named:
            changes.forgotten.append(before)
        else:
            entries[upstream_id] = before
    return ImportFile(previous.name, previous.source, entries), changes


def _free(slug: str, taken: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``… when another offer has it."""
    if slug not in taken:
        return slug
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"
