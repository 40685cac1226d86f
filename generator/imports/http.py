"""The one way an import reads the network: HTTPS (or this machine, for tests and tunnels),
bounded in time and size, no redirect carrying a token elsewhere, failures in the officer's words."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from .. import __version__
from ..content.messages import Messages
from .records import SourceError

TIMEOUT = 60  # seconds, per request: connecting, then each read
MAX_BYTES = 200 * 2**20  # a feed of 10,000 offers with long descriptions is about 50 MB

SETUP = 2  # exit code: something for the officer to fix (address, credentials, settings)
UNAVAILABLE = 4  # exit code: the source did not give a usable answer; trying later may work


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes


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


def request(url: str, msg: Messages, *, data: bytes | None = None, headers: dict | None = None,
            secrets: tuple[str, ...] = (), max_bytes: int = MAX_BYTES) -> Answer:
    """The answer, whatever its status (the caller knows what 206, 429 or 503 mean to its source);
    SourceError when there is none: unsafe address, unreachable, too slow, too large.
    ``secrets`` are never repeated in a message."""
    host = shown_url(url, path=False)
    if not safe_transport(url):
        raise SourceError(msg("import_insecure", url=shown_url(url)), SETUP)
    sent = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET", headers={
        "Accept": "*/*", **(headers or {}), "User-Agent": f"territoire/{__version__} (territoire import)"})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        try:
            response = opener.open(sent, timeout=TIMEOUT)
        except urllib.error.HTTPError as err:
            response = err  # an answer all the same: its status, headers and body
        with response:
            body = response.read(max_bytes + 1)
            status = response.status if hasattr(response, "status") else response.code
            answer_headers = {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            raise SourceError(msg("import_timeout", server=host, seconds=TIMEOUT), UNAVAILABLE) from None
        raise SourceError(msg("import_unreachable", server=host, reason=_reason(err.reason, msg, secrets)), UNAVAILABLE) from None
    except TimeoutError:
        raise SourceError(msg("import_timeout", server=host, seconds=TIMEOUT), UNAVAILABLE) from None
    except (OSError, http.client.HTTPException) as err:  # connection reset, answer cut short
        raise SourceError(msg("import_unreachable", server=host, reason=_reason(err, msg, secrets)), UNAVAILABLE) from None
    if len(body) > max_bytes:
        raise SourceError(msg("import_too_large", server=host, size=max_bytes // 2**20), UNAVAILABLE)
    return Answer(status, answer_headers, body)


def shown_url(url: str, path: bool = True) -> str:
    """An address safe to print: never its user:password@, its query (a feed's key) nor fragment."""
    parts = urlsplit(url)
    host = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return detail(urlunsplit((parts.scheme, host, parts.path, "", "")) if path else host)


def _reason(reason: object, msg: Messages, secrets: tuple[str, ...]) -> str:
    """Why a connection failed: in the site's language for the usual causes, else the system's words."""
    if isinstance(reason, ConnectionRefusedError):
        return msg("import_refused")
    if isinstance(reason, socket.gaierror):
        return msg("import_unknown_host")
    if isinstance(reason, ssl.SSLError):
        return msg("import_certificate")
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
