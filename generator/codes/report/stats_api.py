"""Page views of the short links' pages, read from the site's audience measurement server.

On hosts without access logs (GitHub Pages, GitLab Pages) a scan is a view of the static page
at ``/q/<code>/``, which records a plain page view before it redirects (codes/redirects.py).
Matomo's Reporting API and Plausible's Stats API v2 give these views per page and per day; the
token comes from an environment variable and goes only to the configured server, over HTTPS, in
a POST body (Matomo) or an Authorization header (Plausible), never in an address.

Everything the server answers is untrusted: its shape is checked before anything is counted,
its size is bounded, and none of it reaches the officer's terminal unfiltered."""

from __future__ import annotations

import http.client
import ipaddress
import json
import re
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode, urlsplit

from ... import __version__
from ...content.model import TOKEN_VARIABLES

TIMEOUT = 30  # seconds, per request: connecting, then each read
MAX_BYTES = 64 * 2**20  # a year of daily page lists of a small site is a few MB
PLAUSIBLE_PAGE = 10_000  # rows per request, Plausible's default and maximum
MAX_REQUESTS = 50  # Plausible pages: 500,000 rows of short links' views is not a territory's site

SETUP = 2  # exit code: something for the officer to fix (token, settings, period)
UNAVAILABLE = 4  # exit code: the server did not give a usable answer; trying later may work

_TOKEN = re.compile(r"[!-~]{8,512}")  # printable ASCII, no space: what both servers issue


@dataclass(frozen=True)
class Words:
    """A value of a message that is itself a message of ``report``, in the site's language."""

    key: str


class StatsError(Exception):
    """Why the page views could not be read: a message key of ``report`` and its values."""

    def __init__(self, key: str, exit_code: int, **values):
        super().__init__(key)
        self.key, self.exit_code, self.values = key, exit_code, values


@dataclass(frozen=True)
class PageViews:
    day: date
    page: str  # the page's path, or its full address (Matomo)
    views: int


@dataclass(frozen=True)
class StatsQuery:
    provider: str  # "matomo" or "plausible"
    server: str  # base address, ending with "/"
    site_id: str | None  # Matomo's idSite
    domain: str  # Plausible's site_id: the site's host, as the pages' data-domain
    prefix: str  # path every short link starts with, "/q/" or "/vivre/q/"
    since: date
    until: date
    token: str

    @property
    def variable(self) -> str:
        return TOKEN_VARIABLES[self.provider]

    @property
    def host(self) -> str:
        return urlsplit(self.server).netloc


def token_from(environ, provider: str) -> str:
    """The API token of the environment variable the provider uses; StatsError when missing or garbled."""
    variable = TOKEN_VARIABLES[provider]
    token = (environ.get(variable) or "").strip()  # a pasted secret often ends with a newline
    if not token:
        raise StatsError("stats_token_missing", SETUP, variable=variable, where=Words(f"stats_where_{provider}"))
    if not _TOKEN.fullmatch(token):
        raise StatsError("stats_token_invalid", SETUP, variable=variable)
    return token


def page_views(query: StatsQuery) -> list[PageViews]:
    """Every page view of a page under ``query.prefix`` from ``since`` to ``until``, both included."""
    if not _safe_transport(query.server):
        raise StatsError("stats_insecure", SETUP, server=query.server)
    reader = _matomo if query.provider == "matomo" else _plausible
    return list(reader(query))


def _safe_transport(server: str) -> bool:
    """HTTPS, or plain HTTP to this machine only (a tunnel to the server, or a test double)."""
    parts = urlsplit(server)
    if parts.scheme == "https":
        return True
    try:
        return parts.scheme == "http" and (parts.hostname == "localhost" or ipaddress.ip_address(parts.hostname or "").is_loopback)
    except ValueError:
        return False


# --- Matomo ---------------------------------------------------------------------------------

def _matomo(query: StatsQuery) -> Iterator[PageViews]:
    # One request for the whole period: period=day over a date range gives one report per day.
    params = urlencode({
        "module": "API", "method": "Actions.getPageUrls", "idSite": query.site_id, "period": "day",
        "date": f"{query.since.isoformat()},{query.until.isoformat()}", "format": "JSON", "flat": "1",
        "filter_limit": "-1",
    })
    answer = _post(query, f"{query.server}index.php?{params}", urlencode({"token_auth": query.token}).encode(),
                   {"Content-Type": "application/x-www-form-urlencoded"})
    if isinstance(answer, dict) and answer.get("result") == "error":
        # Matomo says "no access" with HTTP 200 and a message: the token or site_id is wrong.
        raise StatsError("stats_matomo_error", SETUP, server=query.host, variable=query.variable,
                         detail=_detail(answer.get("message"), query.token))
    if not isinstance(answer, dict):
        raise _shape(query, "{…}")
    for key, rows in answer.items():
        day = _day(key, query)
        if day is None:
            raise _shape(query, _detail(key, query.token))
        if isinstance(rows, dict) and not rows:
            continue  # a day without data may come as {} rather than []
        if not isinstance(rows, list):
            raise _shape(query, f"{key}: […]")
        for number, row in enumerate(rows):
            if not isinstance(row, dict):
                raise _shape(query, f"{key}[{number}]")
            page = _matomo_page(row)
            views = _count(row.get("nb_hits", 0))
            if views is None:
                raise _shape(query, f"{key}[{number}].nb_hits")
            if page is not None and page.startswith(query.prefix):
                yield PageViews(day, page, views)


def _matomo_page(row: dict) -> str | None:
    """The path of a row of Actions.getPageUrls: from its ``url`` when given; otherwise from the
    flattened label, where Matomo names a folder's own page "index" ("q/bastille/index")."""
    url = row.get("url")
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        return urlsplit(url).path or "/"
    label = row.get("label")
    if not isinstance(label, str):
        return None
    path = "/" + label.strip().lstrip("/")
    return path[:-len("index")] if path.endswith("/index") else path


# --- Plausible ------------------------------------------------------------------------------

def _plausible(query: StatsQuery) -> Iterator[PageViews]:
    for number in range(MAX_REQUESTS):
        body = json.dumps({
            "site_id": query.domain,
            "metrics": ["pageviews"],
            "date_range": [query.since.isoformat(), query.until.isoformat()],
            "dimensions": ["event:page", "time:day"],
            "filters": [["contains", "event:page", [query.prefix]]],
            "pagination": {"limit": PLAUSIBLE_PAGE, "offset": number * PLAUSIBLE_PAGE},
        }).encode()
        answer = _post(query, f"{query.server}api/v2/query", body,
                       {"Content-Type": "application/json", "Authorization": f"Bearer {query.token}"})
        results = answer.get("results") if isinstance(answer, dict) else None
        if not isinstance(results, list):
            raise _shape(query, "results")
        for row, result in enumerate(results):
            yield _plausible_row(query, result, f"results[{row}]")
        if len(results) < PLAUSIBLE_PAGE:
            return
    raise StatsError("stats_too_large", UNAVAILABLE, server=query.host, size=MAX_BYTES // 2**20)


def _plausible_row(query: StatsQuery, result: Any, where: str) -> PageViews:
    """``{"metrics": [pageviews], "dimensions": [page, day]}``, in the order the query asked."""
    if not isinstance(result, dict):
        raise _shape(query, where)
    metrics, dimensions = result.get("metrics"), result.get("dimensions")
    if not (isinstance(metrics, list) and len(metrics) == 1 and isinstance(dimensions, list) and len(dimensions) == 2):
        raise _shape(query, f"{where}.metrics/dimensions")
    page, day, views = dimensions[0], _day(dimensions[1], query), _count(metrics[0])
    if not isinstance(page, str) or day is None or views is None:
        raise _shape(query, where)
    return PageViews(day, page, views)


# --- HTTP -----------------------------------------------------------------------------------

class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect would carry the Authorization header to wherever it points: refuse it."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises the 3xx as an HTTPError


def _post(query: StatsQuery, url: str, body: bytes, headers: dict) -> Any:
    """The JSON answer of a POST; StatsError for anything else."""
    request = urllib.request.Request(url, data=body, method="POST", headers={
        **headers, "Accept": "application/json", "User-Agent": f"territoire/{__version__} (territoire report)"})
    opener = urllib.request.build_opener(_NoRedirect)
    server = query.host
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as err:
        try:
            detail = _detail(_error_text(err), query.token)
        finally:
            err.close()
        raise _http_error(query, err.code, detail) from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            raise StatsError("stats_timeout", UNAVAILABLE, server=server, seconds=TIMEOUT) from None
        raise StatsError("stats_unreachable", UNAVAILABLE, server=server, reason=_reason(err.reason, query.token)) from None
    except TimeoutError:
        raise StatsError("stats_timeout", UNAVAILABLE, server=server, seconds=TIMEOUT) from None
    except (OSError, http.client.HTTPException) as err:  # connection reset, answer cut short
        raise StatsError("stats_unreachable", UNAVAILABLE, server=server, reason=_reason(err, query.token)) from None
    if len(data) > MAX_BYTES:
        raise StatsError("stats_too_large", UNAVAILABLE, server=server, size=MAX_BYTES // 2**20)
    try:
        return json.loads(data)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, numbers too long, nested too deep
        raise StatsError("stats_bad_json", UNAVAILABLE, server=server) from None


def _http_error(query: StatsQuery, status: int, detail: str) -> StatsError:
    server = query.host
    if 300 <= status < 400:
        return StatsError("stats_redirected", SETUP, server=server, status=status)
    if status in (401, 403):
        return StatsError("stats_denied", SETUP, server=server, status=status, variable=query.variable)
    if status == 404:
        return StatsError("stats_not_found", SETUP, server=server)
    if status == 429:
        return StatsError("stats_rate_limited", UNAVAILABLE, server=server)
    if status >= 500:
        return StatsError("stats_server_error", UNAVAILABLE, server=server, status=status)
    return StatsError("stats_http_error", SETUP, server=server, status=status, detail=detail)


def _error_text(err: urllib.error.HTTPError) -> str:
    """What a refusal says: Plausible's {"error": "…"}, Matomo's {"message": "…"}, else the text."""
    try:
        raw = err.read(4096)
    except (OSError, http.client.HTTPException):
        return ""
    text = raw.decode("utf-8", "replace")
    try:
        parsed = json.loads(text)
    except (ValueError, RecursionError):
        return text
    if isinstance(parsed, dict):
        for key in ("error", "message"):
            if isinstance(parsed.get(key), str):
                return parsed[key]
    return ""


def _reason(reason: object, token: str) -> Words | str:
    """Why a connection failed: in the site's language for the usual causes, else the system's words."""
    if isinstance(reason, ConnectionRefusedError):
        return Words("stats_refused")
    if isinstance(reason, socket.gaierror):
        return Words("stats_unknown_host")
    if isinstance(reason, ssl.SSLError):
        return Words("stats_certificate")
    return _detail(getattr(reason, "strerror", None) or str(reason), token)


def _detail(text: object, token: str, limit: int = 200) -> str:
    """A server's words, safe to print: one line of printable characters, short, never the token."""
    if not isinstance(text, str):
        return ""
    text = text.replace(token, "***") if token else text
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --- checks on the answers -----------------------------------------------------------------

def _day(value: Any, query: StatsQuery) -> date | None:
    """A "YYYY-MM-DD" day within the period asked, else None."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if query.since <= day <= query.until else None


def _count(value: Any) -> int | None:
    """A number of views: a non-negative integer (Matomo may write it as a string)."""
    if isinstance(value, str) and value.isdigit() and len(value) <= 12:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10**12:
        return None
    return value


def _shape(query: StatsQuery, where: str) -> StatsError:
    return StatsError("stats_bad_shape", UNAVAILABLE, server=query.host, detail=where)
