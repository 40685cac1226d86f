"""Reading web server access logs: nginx and Apache, "combined" or "common", plain or gzip.

A log line becomes a ``Request``: method, target, status, the local day and the user agent.
The client address (first field) is matched away and never kept: the report counts scans,
not people. Lines are read one at a time, so a log of any size fits in memory."""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

GZIP_MAGIC = b"\x1f\x8b"

MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}

# A quoted field: nginx writes a quote inside as \x22, Apache as \" : both are a backslash escape.
_QUOTED = r'"([^"\\]*(?:\\.[^"\\]*)*)"'  # unrolled: fast on long lines
LINE = re.compile(
    r"^(?:\S+ ){3,4}"  # [virtual host] client address, identity, user: skipped, not captured
    r"\[(\d{1,2})/([A-Za-z]{3})/(\d{4}):\d{2}:\d{2}:\d{2}(?: [+-]\d{4})?\] "  # local time as written
    + _QUOTED +  # request line
    r" (\d{3}) (?:\d+|-)"  # status, size
    r"(?: " + _QUOTED + " " + _QUOTED + r")?"  # combined: referer, user agent
)


@dataclass(frozen=True)
class Request:
    method: str  # "" when the request line was not HTTP (garbage, TLS on the plain port)
    target: str  # as requested: path and query string
    status: int
    day: date  # the log's own local date
    user_agent: str | None  # None in the "common" format, which has none


def parse_line(line: str) -> Request | None:
    """The request of one log line, or None when the line is not an access log line."""
    match = LINE.match(line)
    if not match:
        return None
    day, month, year, request, status, _referer, agent = match.groups()
    month_number = MONTHS.get(month.lower())
    if month_number is None:
        return None
    try:
        when = date(int(year), month_number, int(day))
    except ValueError:
        return None
    parts = request.split(" ")
    method, target = (parts[0], parts[1]) if len(parts) in (2, 3) else ("", "")
    return Request(method=method, target=target, status=int(status), day=when, user_agent=_unescape(agent))


def _unescape(value: str | None) -> str | None:
    if value is None or "\\" not in value:
        return value
    return re.sub(r'\\x([0-9a-fA-F]{2})|\\(.)', lambda m: chr(int(m[1], 16)) if m[1] else m[2], value)


def read_lines(path: Path) -> Iterator[str]:
    """The lines of a log, gunzipped when its first bytes say so (whatever its name).

    Bytes that are not UTF-8 become U+FFFD. Raises OSError (or EOFError, zlib.error for a broken
    gzip file) when the file cannot be read."""
    with open(path, "rb") as raw:
        compressed = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw
        with io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline=None) as text:
            yield from text
