"""``territoire report``: count QR code scans in the web server's access logs.

Reads the logs (nginx or Apache, combined or common, plain or gzip), counts the successful
GETs of placements' short links by people (robots left out), per placement, campaign and day,
and prints a table; optionally writes a CSV file and a self-contained HTML page.
No IP address is kept and no visitor is counted."""

from __future__ import annotations

import gzip
import sys
import zlib

from ...content.errors import ContentError
from ...content.messages import Messages
from ...content.project import load_project
from ...locales import words
from ...site.short_links import short_links
from .access_log import read_lines
from .counting import ScanCounter
from .html_page import write_html
from .output import ScanReport, table, write_csv

__all__ = ["run_report"]


def run_report(args) -> int:
    """0 when the report is out, 1 on content errors, 2 when a log (or an output file) cannot be used."""
    try:
        content = load_project(args.project)
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 1
    site = content.config.site
    t, msg = words(content.language, "report"), Messages(content.language)
    counter = ScanCounter(short_links(content), site.url)
    for log in args.logs:
        try:
            counter.add_lines(read_lines(log))
        except (OSError, EOFError, zlib.error) as err:
            print(f"territoire: {t['cannot_read_log'].format(log=log, reason=_reason(err, msg))}", file=sys.stderr)
            return 2
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


def _reason(err: BaseException, msg: Messages) -> str:
    """Why a file could not be used, in the site's language."""
    if isinstance(err, FileNotFoundError):
        return msg("os_not_found")
    if isinstance(err, IsADirectoryError):
        return msg("os_is_folder")
    if isinstance(err, PermissionError):
        return msg("os_denied")
    if isinstance(err, (EOFError, zlib.error, gzip.BadGzipFile)):
        return msg("os_gzip_damaged")
    return getattr(err, "strerror", None) or str(err)
