"""Counting scans: which log requests are people opening a placement's short link.

A scan is a GET (a HEAD only asks whether the page exists) answered with a 2xx or 3xx status
(a 404 is a mistyped or unknown address), on ``<base path><qr path>/<code>/`` or the same
without the final slash, from a user agent that is not a robot. Counts are kept per day and per
code only: no address, no visitor, nothing that says who scanned."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from ...site.short_links import ShortLink
from .access_log import Request, parse_line

ROBOT_WORDS = (
    # crawlers and indexers: Googlebot, bingbot, Applebot, GPTBot, Bytespider, Yahoo! Slurp...
    "bot", "crawl", "spider", "slurp", "archiver", "mediapartners", "apis-google", "inspectiontool",
    # link previews, fetched when a link is pasted in a chat or a post, not when it is opened
    "preview", "facebookexternalhit", "meta-externalagent", "meta-externalfetcher", "whatsapp",
    "embedly", "iframely", "cardyb", "mastodon", "http.rb", "feedfetcher",
    # scripts and libraries
    "curl", "wget", "python-requests", "python-urllib", "aiohttp", "httpx", "go-http-client",
    "libwww-perl", "scrapy", "node-fetch", "axios", "java/", "apache-httpclient",
    # headless browsers and audits
    "headless", "phantomjs", "lighthouse", "pagespeed", "gtmetrix", "validator",
    # uptime and link monitoring
    "monitor", "uptime", "pingdom", "statuscake", "nagios", "zabbix", "site24x7", "check",
    # the site's own link checks
    "territoire",
)


@lru_cache(maxsize=4096)  # a log repeats the same few hundred user agents
def is_robot(user_agent: str | None) -> bool:
    """Whether a request comes from a robot, by its user agent, ignoring case.

    The user agent is a robot when it contains one of these words:

    - crawlers: bot, crawl, spider, slurp, archiver, mediapartners, apis-google, inspectiontool;
    - link previews (a link pasted in a chat or a post is fetched by the platform, not opened):
      preview, facebookexternalhit, meta-externalagent, meta-externalfetcher, whatsapp, embedly,
      iframely, cardyb (Bluesky), mastodon, http.rb (Mastodon's fetcher), feedfetcher;
    - scripts: curl, wget, python-requests, python-urllib, aiohttp, httpx, go-http-client,
      libwww-perl, scrapy, node-fetch, axios, java/, apache-httpclient;
    - headless browsers and audits: headless, phantomjs, lighthouse, pagespeed, gtmetrix, validator;
    - monitoring: monitor, uptime, pingdom, statuscake, nagios, zabbix, site24x7, check;
    - the site's own link checks: territoire.

    An empty user agent ("-" in a combined log) is a robot too: every phone sends one. The
    "common" log format records no user agent at all (None): its requests are counted."""
    if user_agent is None:
        return False
    agent = user_agent.strip()
    if agent in ("", "-"):
        return True
    agent = agent.lower()
    return any(word in agent for word in ROBOT_WORDS)


def base_path(site_url: str) -> str:
    """The path the site is served under, "/" or "/vivre/" (GitHub Pages project sites)."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


@dataclass
class ScanCount:
    """What the logs say about the short links. ``scans[(day, code)]`` is the number of scans."""

    links: list[ShortLink]
    scans: Counter = field(default_factory=Counter)
    lines: int = 0  # lines read, all logs together
    skipped: int = 0  # lines that are not access log lines
    robots: int = 0  # requests that would have been scans, but from a robot
    first_day: date | None = None  # period covered by the logs
    last_day: date | None = None
    from_logs: bool = False
    # From the analytics server instead of (or besides) the logs: which one, the period asked,
    # and the short links' page views it gave.
    stats_server: str | None = None
    stats_period: tuple[date, date] | None = None
    stats_views: int = 0

    @property
    def total(self) -> int:
        return sum(self.scans.values())

    def by_code(self) -> Counter:
        counts = Counter()
        for (_day, code), n in self.scans.items():
            counts[code] += n
        return counts

    def by_campaign(self) -> Counter:
        campaign_of = {link.code: link.campaign for link in self.links}
        counts = Counter()
        for (_day, code), n in self.scans.items():
            counts[campaign_of[code]] += n
        return counts

    def by_day(self, campaign: str | None = None) -> Counter:
        """Scans per day, for one campaign or all."""
        codes = {link.code for link in self.links if campaign is None or link.campaign == campaign}
        counts = Counter()
        for (day, code), n in self.scans.items():
            if code in codes:
                counts[day] += n
        return counts

    def campaigns(self) -> dict[str, list[ShortLink]]:
        """The short links grouped by campaign, in the content's order."""
        groups: dict[str, list[ShortLink]] = {}
        for link in self.links:
            groups.setdefault(link.campaign, []).append(link)
        return groups


class ScanCounter:
    """Feeds log lines, one at a time, into a ``ScanCount``."""

    def __init__(self, links: list[ShortLink], site_url: str):
        self.count = ScanCount(links=list(links))
        base = base_path(site_url)
        self.codes: dict[str, str] = {}  # decoded request path → code
        for link in links:
            path = unquote(base + link.path)
            self.codes[path] = link.code
            self.codes[path.rstrip("/")] = link.code

    def add_lines(self, lines: Iterable[str]) -> None:
        self.count.from_logs = True
        for line in lines:
            self.add_line(line)

    def add_page_views(self, day: date, page: str, views: int) -> None:
        """Page views of one page on one day, as the analytics server counted them: the server
        has left robots out, and each view of a short link's page is a scan."""
        code = self.codes.get(_path(page))
        if code is not None and views:
            self.count.scans[(day, code)] += views
            self.count.stats_views += views

    def add_line(self, line: str) -> None:
        count = self.count
        count.lines += 1
        if not line.strip():  # an empty line, at the end of a file: nothing to skip
            return
        request = parse_line(line)
        if request is None:
            count.skipped += 1
            return
        if count.first_day is None or request.day < count.first_day:
            count.first_day = request.day
        if count.last_day is None or request.day > count.last_day:
            count.last_day = request.day
        code = self.scanned_code(request)
        if code is None:
            return
        if is_robot(request.user_agent):
            count.robots += 1
        else:
            count.scans[(request.day, code)] += 1

    def scanned_code(self, request: Request) -> str | None:
        """The code a request opens, when it is a successful GET on a short link."""
        if request.method != "GET" or not 200 <= request.status < 400:
            return None
        path = _path(request.target)
        if request.status == 301 and not path.endswith("/"):
            # The host only adds the missing slash; the visitor's next request is the one to count.
            return None
        return self.codes.get(path)


def _path(target: str) -> str:
    """The decoded path of a request target, or of a page address as an analytics server gives it."""
    if target.startswith(("http://", "https://")):  # absolute form, through a proxy
        target = urlsplit(target).path
    return unquote(target.split("?", 1)[0].split("#", 1)[0], errors="replace")
