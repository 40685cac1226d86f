"""Field types shared by the content kinds, each with the check an officer needs.

Errors are raised as ``PydanticCustomError`` whose type is a key of the message catalog,
so that ``validation`` can explain them in the site's language."""

from __future__ import annotations

import re
from functools import lru_cache
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo
from pydantic_core import PydanticCustomError
from slugify import slugify

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}$")
PHONE_RE = re.compile(r"^\+?[0-9 .()-]{6,20}$")
MEDIA_FORMATS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".svg"})
COLOR_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def _fail(kind: str, value: Any, **ctx: Any):
    raise PydanticCustomError(kind, kind, {"input": value, **ctx})


def _is_https(value: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname) and "." in parts.hostname and " " not in value


def _https(value: str) -> str:
    if not _is_https(value):
        _fail("url_https", value)
    return value


def _link(value: str) -> str:
    """https, or mailto:/tel: where a visitor is invited to write or call."""
    if value.startswith("mailto:") and EMAIL_RE.match(value[7:].split("?")[0]):
        return value
    if value.startswith("tel:") and PHONE_RE.match(value[4:]):
        return value
    if not _is_https(value):
        _fail("url_or_mailto", value)
    return value


def _email(value: str) -> str:
    if not EMAIL_RE.match(value):
        _fail("email", value)
    return value


def _email_or_url(value: str) -> str:
    if EMAIL_RE.match(value) or _is_https(value):
        return value
    _fail("email_or_url", value)


def _phone(value: Any) -> Any:
    if not isinstance(value, str) or not PHONE_RE.match(value):
        _fail("phone", value)
    return value


def _postal_code(value: Any) -> Any:
    if not isinstance(value, str) or not re.fullmatch(r"(?:\d{5}|2[AB]\d{3})", value):
        _fail("postal_code", value)
    return value


def _color(value: Any) -> Any:
    if not isinstance(value, str) or not COLOR_RE.match(value):
        _fail("color", value)
    return value.lower()


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        _fail("timezone", value)
    return value


def _slug(value: str) -> str:
    if not SLUG_RE.match(value):
        _fail("slug_value", value, suggestion=slugify(value) or "exemple")
    return value


def _number_as_text(value: Any) -> Any:
    """``value: 100`` in YAML is a number; a key figure is text ("100", "1 h 30")."""
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def _year(value: int) -> int:
    if not 1900 <= value <= 2100:
        _fail("year_range", value)
    return value


def _media(value: str, info: ValidationInfo) -> str:
    """A file under content/media/ that must exist (checked when the project is known)."""
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or "\\" in value:
        _fail("media_outside", value)
    if path.suffix.lower() not in MEDIA_FORMATS:
        # Only formats the build re-encodes (dropping metadata) or vector logos are published.
        _fail("media_format", value, expected=", ".join(sorted(MEDIA_FORMATS)))
    media_dir = (info.context or {}).get("media_dir")
    if media_dir is not None and not (media_dir / value).is_file():
        existing = (info.context or {}).get("media_files", ())
        import difflib

        close = difflib.get_close_matches(value, existing, n=1, cutoff=0.6)
        hint = f" — « {close[0]} » ?" if close else ""
        _fail("media_missing", value, hint=hint)
    if media_dir is not None and path.suffix.lower() == ".svg" and (found := _svg_active_content(media_dir / value)):
        _fail("svg_active", value, found=found)
    return value


# SVG files are published as they are: opened on their own, a script or an event handler in
# one would run on the site's address, and an external reference would call another site.
_SVG_ACTIVE = re.compile(
    r"<script|<foreignobject|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:|@import"
    r"""|(?:href|src)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//""", re.I)


@lru_cache(maxsize=256)
def _svg_scan(path: Path, stamp: tuple) -> str | None:
    found = _SVG_ACTIVE.search(path.read_text("utf-8", errors="replace"))
    return found.group(0).strip() if found else None


def _svg_active_content(path: Path) -> str | None:
    stat = path.stat()
    return _svg_scan(path, (stat.st_mtime_ns, stat.st_size))


Text = Annotated[str, Field(min_length=1)]
LooseText = Annotated[str, BeforeValidator(_number_as_text), Field(min_length=1)]
Markdown = Annotated[str, Field(min_length=1, json_schema_extra={"format": "markdown"})]
HttpsUrl = Annotated[str, AfterValidator(_https), Field(json_schema_extra={"format": "uri", "pattern": "^https://"})]
Link = Annotated[str, AfterValidator(_link)]
Email = Annotated[str, AfterValidator(_email), Field(json_schema_extra={"format": "email"})]
EmailOrUrl = Annotated[str, AfterValidator(_email_or_url)]
Phone = Annotated[str, BeforeValidator(_phone)]
PostalCode = Annotated[str, BeforeValidator(_postal_code), Field(json_schema_extra={"pattern": r"^(\d{5}|2[AB]\d{3})$"})]
Color = Annotated[str, BeforeValidator(_color), Field(json_schema_extra={"pattern": COLOR_RE.pattern})]
TimeZone = Annotated[str, AfterValidator(_timezone)]
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": SLUG_RE.pattern})]
Year = Annotated[int, AfterValidator(_year)]
MediaPath = Annotated[str, AfterValidator(_media)]

__all__ = [
    "Text", "LooseText", "Markdown", "HttpsUrl", "Link", "Email", "EmailOrUrl", "Phone", "PostalCode",
    "Color", "TimeZone", "Slug", "Year", "MediaPath", "date", "SLUG_RE", "EMAIL_RE",
]
