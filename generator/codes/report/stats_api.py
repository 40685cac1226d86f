"""Page views of the short links' pages, read from the site's audience measurement server.

On hosts without access logs (GitHub Pages, GitLab Pages) a scan is a view of the static page
at ``/q/<code>/``, which records a plain page view before it redirects (codes/redirects.py).
Matomo's Reporting API and Plausible's Stats API v2 give these views per page and per day; the
token comes from an environment variable and goes only to the configured server, over HTTPS, in
a POST body (Matomo) or an Authorization header (Plausible), never in an address.

Everything the server answers is untrusted: its shape is checked before anything is counted,
its size is bounded, and none of it reaches the officer's terminal unfiltered."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode, urlsplit

from ...content.model import TOKEN_VARIABLES
from ...network import Cause, HttpFailure, detail, request, safe_transport

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
    if not safe_transport(query.server):
        raise StatsError("stats_insecure", SETUP, server=query.server)
    reader = _matomo if query.provider == "matomo" else _plausible
    return list(reader(query))


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
                         detail=detail(answer.get("message"), (query.token,)))
    if not isinstance(answer, dict):
        raise _shape(query, "{…}")
    for key, rows in answer.items():
        day = _day(key, query)
        if day is None:
            raise _shape(query, detail(key, (query.token,)))
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

def _post(query: StatsQuery, url: str, body: bytes, headers: dict) -> Any:
    """The JSON answer of a POST; StatsError for anything else."""
    try:
        answer = request(url, caller="report", timeout=TIMEOUT, max_bytes=MAX_BYTES, data=body,
                         headers={**headers, "Accept": "application/json"}, secrets=(query.token,))
    except HttpFailure as failure:
        raise _failure(query, failure) from None
    if not 200 <= answer.status < 300:
        raise _http_error(query, answer.status, detail(_error_text(answer.body), (query.token,)))
    try:
        return json.loads(answer.body)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, numbers too long, nested too deep
        raise StatsError("stats_bad_json", UNAVAILABLE, server=query.host) from None


def _failure(query: StatsQuery, failure: HttpFailure) -> StatsError:
    """No answer from the server, in the words of ``report``."""
    server = query.host
    if failure.kind == HttpFailure.INSECURE:
        return StatsError("stats_insecure", SETUP, server=query.server)
    if failure.kind == HttpFailure.TIMEOUT:
        return StatsError("stats_timeout", UNAVAILABLE, server=server, seconds=TIMEOUT)
    if failure.kind == HttpFailure.TOO_LARGE:
        return StatsError("stats_too_large", UNAVAILABLE, server=server, size=MAX_BYTES // 2**20)
    reason = Words(f"stats_{failure.reason.value}") if isinstance(failure.reason, Cause) else failure.reason
    return StatsError("stats_unreachable", UNAVAILABLE, server=server, reason=reason)


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


def _error_text(body: bytes) -> str:
    """What a refusal says: Plausible's {"error": "…"}, Matomo's {"message": "…"}, else the text."""
    text = body[:4096].decode("utf-8", "replace")
    try:
        parsed = json.loads(text)
    except (ValueError, RecursionError):
        return text
    if isinstance(parsed, dict):
        for key in ("error", "message"):
            if isinstance(parsed.get(key), str):
                return parsed[key]
    return ""


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
