"""``territoire report``: count QR code scans in the web server's access logs, or on the site's
audience measurement server.

Reads the logs (nginx or Apache, combined or common, plain or gzip), counts the successful
GETs of placements' short links by people (robots left out), per placement, campaign and day;
with ``--from-analytics``, adds the page views of the short links' pages that Matomo or
Plausible counted (hosts without logs: GitHub Pages, GitLab Pages). Prints a table; optionally
writes a CSV file and a self-contained HTML page. No IP address is kept and no visitor is counted."""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ...content.messages import Messages
from ...content.project import load_project
from ...locales import words
from ...site.short_links import short_links
from .access_log import read_lines
from .counting import ScanCounter, base_path
from .html_page import write_html
from .output import ScanReport, table, write_csv
from .stats_api import SETUP, StatsError, StatsQuery, Words, page_views, token_from

DEFAULT_DAYS = 30  # --from-analytics without --since: the last 30 days, today included

__all__ = ["run_report"]


def run_report(args) -> int:
    """0 when the report is out, 1 on content errors, 2 when a log, an output file, the token or a
    setting cannot be used, 4 when the analytics server gives no usable answer (try again later)."""
    from_analytics = getattr(args, "from_analytics", False)
    since, until = getattr(args, "since", None), getattr(args, "until", None)
    content = load_project(args.project)  # a ContentError is listed by the command line, like every command's
    site = content.config.site
    t, msg = words(content.language, "report"), Messages(content.language)
    if not args.logs and not from_analytics:
        return _fail(t, "no_source")
    if (since or until) and not from_analytics:
        return _fail(t, "stats_period_without_analytics")
    counter = ScanCounter(short_links(content), site.url)
    for log in args.logs:
        try:
            counter.add_lines(read_lines(log))
        except (OSError, EOFError, zlib.error) as err:
            print(f"territoire: {t['cannot_read_log'].format(log=log, reason=_reason(err, msg))}", file=sys.stderr)
            return 2
    if from_analytics:
        try:
            _add_page_views(counter, content, since, until, os.environ)
        except StatsError as err:
            return _fail(t, err.key, err.exit_code, **err.values)
    report = ScanReport(
        site_name=site.name, language=content.language, count=counter.count, color=site.colors.primary,
        titles={slug: campaign.title for slug, campaign in content.campaigns.items()},
    )
    sys.stdout.write(table(report))
    written = []
    try:
        if args.csv is not None:
            write_csv(report.count, args.csv)
            written.append(t["csv_written"].format(path=args.csv))
        if args.html is not None:
            write_html(report, args.html)
            written.append(t["html_written"].format(path=args.html))
    except OSError as err:
        print(f"territoire: {t['cannot_write'].format(path=err.filename, reason=_reason(err, msg))}", file=sys.stderr)
        return 2
    for line in written:
        print(line)
    return 0


def _add_page_views(counter: ScanCounter, content, since: date | None, until: date | None, environ) -> None:
    """Counts the short links' page views that the site's analytics server recorded in the period."""
    config = content.config
    analytics, site = config.analytics, config.site
    if not analytics.enabled:
        raise StatsError("stats_none", SETUP)
    until = until or datetime.now(ZoneInfo(site.timezone)).date()
    since = since or until - timedelta(days=DEFAULT_DAYS - 1)
    if since > until:
        raise StatsError("stats_bad_period", SETUP, since=since.isoformat(), until=until.isoformat())
    query = StatsQuery(
        provider=analytics.provider, server=server_of(analytics), site_id=analytics.site_id,
        domain=urlsplit(site.base_url).hostname or "", prefix=f"{base_path(site.url)}{config.qr.path}/",
        since=since, until=until, token=token_from(environ, analytics.provider),
    )
    views = page_views(query) if counter.count.links else []
    count = counter.count
    count.stats_server = query.host
    count.stats_period = (since, until)
    for view in views:
        counter.add_page_views(view.day, view.page, view.views)


def server_of(analytics) -> str:
    """The analytics server's address (tests put a local stand-in here)."""
    return analytics.base_url


def _fail(t: dict, key: str, code: int = 2, **values) -> int:
    """One line on stderr, in the site's language, and the exit code."""
    shown = {name: t[value.key] if isinstance(value, Words) else value for name, value in values.items()}
    print(f"territoire: {t[key].format(**shown)}", file=sys.stderr)
    return code


def _reason(err: BaseException, msg: Messages) -> str:
    """Why a log could not be read: a damaged gzip file, or what any file meets."""
    if isinstance(err, (EOFError, zlib.error, gzip.BadGzipFile)):
        return msg("os_gzip_damaged")
    return msg.os_error(err)
