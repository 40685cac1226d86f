"""The one way Territoire reads the network: HTTPS or this machine, bounded in time and size,
never following a redirect that would carry a token, failures as data.

Every answer comes back as an ``Answer``, whatever its status: what a 206, a 401 or a 429 means
is the caller's to say. When there is no answer (an unsafe address, a server unreachable, too
slow or answering too much), ``HttpFailure`` says so in neutral terms, and each caller says it
in its own words (``imports/fetch.py`` for ``territoire import``, ``codes/report/stats_api.py``
for ``territoire report``). No secret given in ``secrets`` is ever repeated in a failure."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit, urlunsplit

from . import __version__

@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes


class Cause(Enum):
    """Why a connection failed, when it is one of the usual causes: the caller words it."""

    REFUSED = "refused"
    UNKNOWN_HOST = "unknown_host"
    CERTIFICATE = "certificate"


class HttpFailure(Exception):
    """No usable answer. ``kind`` is ``INSECURE``, ``TIMEOUT``, ``UNREACHABLE`` or ``TOO_LARGE``;
    ``reason`` (unreachable only) is a ``Cause``, or else the system's words, safe to print."""

    INSECURE, TIMEOUT, UNREACHABLE, TOO_LARGE = "insecure", "timeout", "unreachable", "too_large"

    def __init__(self, kind: str, reason: Cause | str = ""):
        super().__init__(kind)
        self.kind, self.reason = kind, reason


def safe_transport(url: str) -> bool:
    """HTTPS, or plain HTTP to this machine only (a tunnel, or a test double)."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        return True
    try:
        return parts.scheme == "http" and (parts.hostname == "localhost" or ipaddress.ip_address(parts.hostname or "").is_loopback)
    except ValueError:
        return False


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect would carry the Authorization header to wherever it points: refuse it."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises the 3xx as an HTTPError


def request(url: str, *, caller: str, timeout: float, max_bytes: int, data: bytes | None = None,
            headers: dict | None = None, secrets: tuple[str, ...] = ()) -> Answer:
    """The answer, whatever its status; HttpFailure when there is none. A POST when ``data`` is
    given. ``caller`` is the command that asks ("import", "report"), named in the User-Agent;
    ``timeout`` is in seconds, for connecting and then for each read."""
    if not safe_transport(url):
        raise HttpFailure(HttpFailure.INSECURE)
    sent = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET", headers={
        "Accept": "*/*", **(headers or {}), "User-Agent": f"territoire/{__version__} (territoire {caller})"})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        try:
            response = opener.open(sent, timeout=timeout)
        except urllib.error.HTTPError as err:
            response = err  # an answer all the same: its status, headers and body
        with response:
            body = response.read(max_bytes + 1)
            status = response.status if hasattr(response, "status") else response.code
            answer_headers = {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            raise HttpFailure(HttpFailure.TIMEOUT) from None
        raise HttpFailure(HttpFailure.UNREACHABLE, _reason(err.reason, secrets)) from None
    except TimeoutError:
        raise HttpFailure(HttpFailure.TIMEOUT) from None
    except (OSError, http.client.HTTPException) as err:  # connection reset, answer cut short
        raise HttpFailure(HttpFailure.UNREACHABLE, _reason(err, secrets)) from None
    if len(body) > max_bytes:
        raise HttpFailure(HttpFailure.TOO_LARGE)
    return Answer(status, answer_headers, body)


def shown_url(url: str, path: bool = True) -> str:
    """An address safe to print: never its user:password@, its query (a feed's key) nor fragment."""
    parts = urlsplit(url)
    host = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return detail(urlunsplit((parts.scheme, host, parts.path, "", "")) if path else host)


def _reason(reason: object, secrets: tuple[str, ...]) -> Cause | str:
    """Why a connection failed: one of the usual causes, else the system's words."""
    if isinstance(reason, ConnectionRefusedError):
        return Cause.REFUSED
    if isinstance(reason, socket.gaierror):
        return Cause.UNKNOWN_HOST
    if isinstance(reason, ssl.SSLError):
        return Cause.CERTIFICATE
    return detail(getattr(reason, "strerror", None) or str(reason), secrets)


def detail(text: object, secrets: tuple[str, ...] = (), limit: int = 200) -> str:
    """A server's words, safe to print: one line of printable characters, short, never a secret."""
    if not isinstance(text, str):
        return ""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
