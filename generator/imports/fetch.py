"""An import's requests: ``generator/network.py`` within an import's limits, its failures in the
officer's words."""

from __future__ import annotations

from ..content.messages import Messages
from ..network import Answer, Cause, HttpFailure, request, shown_url
from .records import SETUP, UNAVAILABLE, SourceError

TIMEOUT = 60  # seconds, per request: connecting, then each read
MAX_BYTES = 200 * 2**20  # a feed of 10,000 offers with long descriptions is about 50 MB


def fetch(url: str, msg: Messages, *, data: bytes | None = None, headers: dict | None = None,
          secrets: tuple[str, ...] = (), max_bytes: int = MAX_BYTES) -> Answer:
    """The answer, whatever its status (the caller knows what 206, 429 or 503 mean to its source);
    SourceError when there is none: unsafe address, unreachable, too slow, too large.
    ``secrets`` are never repeated in a message."""
    try:
        return request(url, caller="import", timeout=TIMEOUT, max_bytes=max_bytes, data=data, headers=headers,
                       secrets=secrets)
    except HttpFailure as failure:
        host = shown_url(url, path=False)
        if failure.kind == HttpFailure.INSECURE:
            raise insecure(url, msg) from None
        if failure.kind == HttpFailure.TIMEOUT:
            raise SourceError(msg("import_timeout", server=host, seconds=TIMEOUT), UNAVAILABLE) from None
        if failure.kind == HttpFailure.TOO_LARGE:
            raise SourceError(msg("import_too_large", server=host, size=max_bytes // 2**20), UNAVAILABLE) from None
        reason = msg(f"import_{failure.reason.value}") if isinstance(failure.reason, Cause) else failure.reason
        raise SourceError(msg("import_unreachable", server=host, reason=reason), UNAVAILABLE) from None


def insecure(url: str, msg: Messages) -> SourceError:
    """An address refused before anything is sent to it: neither HTTPS nor this machine."""
    return SourceError(msg("import_insecure", url=shown_url(url)), SETUP)
