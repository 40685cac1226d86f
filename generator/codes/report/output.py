"""The scan report as a text table (stdout) and as CSV rows (one per day per code)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ... import spreadsheet
from ...locales import words
from ...site.dates import long_date
from ...site.short_links import ShortLink
from .counting import ScanCount


@dataclass
class ScanReport:
    """A ``ScanCount`` with what it takes to show it: the site's name, language and campaign titles."""

    site_name: str
    language: str
    titles: dict[str, str]  # campaign slug → title; a retired code's campaign may be gone
    count: ScanCount
    color: str = "#1d4e89"

    @property
    def t(self) -> dict:
        return words(self.language, "report")

    def title_of(self, campaign: str) -> str:
        return self.titles.get(campaign, campaign)

    def label_of(self, link: ShortLink) -> str:
        return f"{link.label} ({self.t['retired']})" if link.retired else link.label

    def date(self, day) -> str:
        """A day written in full, "lundi 3 novembre 2026": a report is read by people, not parsed."""
        return long_date(day, self.language)

    def periods(self) -> list[str]:
        """The period of the logs and the one asked of the analytics server, for those read."""
        t, count, out = self.t, self.count, []
        if count.from_logs or count.stats_server is None:
            out.append(t["period"].format(start=self.date(count.first_day), end=self.date(count.last_day))
                       if count.first_day else t["no_period"])
        if count.stats_server is not None:
            since, until = count.stats_period
            out.append(t["period_stats"].format(server=count.stats_server, start=self.date(since), end=self.date(until)))
        return out

    def lines(self) -> list[str]:
        """What was read: log lines, robots left out; page views from the analytics server."""
        t, count, out = self.t, self.count, []
        if count.from_logs or count.stats_server is None:
            out.append(t["lines"].format(lines=count.lines, skipped=count.skipped, robots=count.robots))
        if count.stats_server is not None:
            out.append(t["stats_lines"].format(server=count.stats_server, views=count.stats_views))
        if count.from_logs and count.stats_server is not None:
            out.append(t["both_sources"])
        return out

    def notes(self) -> list[str]:
        """How scans are told apart from the rest, for each source read."""
        count, out = self.count, []
        if count.from_logs or count.stats_server is None:
            out.append(self.t["robots_note"])
        if count.stats_server is not None:
            out.append(self.t["stats_note"])
        return out


def table(report: ScanReport) -> str:
    """Per campaign, per placement: code, label, medium, scans; then the total and the line counts."""
    t, count = report.t, report.count
    out = [t["title"].format(site=report.site_name), *report.periods(), ""]
    by_code, by_campaign = count.by_code(), count.by_campaign()
    groups = count.campaigns()
    if not groups:
        out += [t["no_placements"], ""]
    for campaign, links in groups.items():
        heading = t["campaign"].format(title=report.title_of(campaign), slug=campaign)
        out.append(f"{heading} — {t['scans_count'].format(count=by_campaign[campaign])}")
        rows = [(t["code"], t["label"], t["medium"], t["scans"])]
        rows += [(link.code, report.label_of(link), link.medium, str(by_code[link.code])) for link in links]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            cells = [row[i].ljust(widths[i]) for i in range(3)] + [row[3].rjust(widths[3])]
            out.append("  " + "  ".join(cells))
        out.append("")
    out.append(t["total_line"].format(count=count.total))
    out += report.lines()
    return "\n".join(out) + "\n"


CSV_HEADER = ("date", "campaign", "code", "medium", "label", "scans")


def csv_rows(count: ScanCount) -> list[tuple[str, str, str, str, str, int]]:
    """One row per day and code with at least one scan, sorted by date, campaign and code."""
    links = {link.code: link for link in count.links}
    rows = [(day.isoformat(), links[code].campaign, code, links[code].medium, links[code].label, n)
            for (day, code), n in count.scans.items() if n]
    return sorted(rows)


def write_csv(count: ScanCount, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = spreadsheet.writer(file)  # labels are the officer's text: no formula runs from them
        writer.writerow(CSV_HEADER)
        writer.writerows(csv_rows(count))
