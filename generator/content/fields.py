"""Field types shared by the content kinds, each with the check an officer needs.

Errors are raised as ``PydanticCustomError`` whose type is a key of the message catalog,
so that ``validation`` can explain them in the site's language."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo
from pydantic_core import PydanticCustomError, PydanticUndefined
from slugify import slugify

from ..media.safe_svg import SvgRefused, clean_file

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A plain address: nothing a ``mailto:`` link would read as more headers (?cc=, &body=), no quote,
# no space. Written so that JavaScript (the officer's editor, reading the JSON Schemas) compiles it
# too, even in unicode mode: the schemas carry this very pattern.
EMAIL_PATTERN = r"^[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$"
EMAIL_RE = re.compile(EMAIL_PATTERN)
PHONE_RE = re.compile(r"^\+?[0-9 .()-]{6,20}$")
POSTAL_CODE_RE = re.compile(r"^(\d{5}|2[AB]\d{3})$")  # Corsica: 2A004, 2B033
YEAR_MIN, YEAR_MAX = 1900, 2100
# What the editor can tell of a media path, a link or a time zone before the generator checks it.
MEDIA_PATTERN = r"^(?!/)(?!(.*/)?\.\.(/|$))[^\\]+$"
LINK_PATTERN = r"^(https://|mailto:|tel:)"
TIMEZONE_PATTERN = r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"
# What pydantic accepts for a date and time of day: "T" or a space between them, seconds and
# offset optional. The editor reads YAML 1.2, where a date is text: the strict RFC 3339
# ``date-time`` format would refuse what the generator accepts.
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)?$"
MEDIA_FORMATS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".svg"})
DEFAULT_TIMEZONE = "Europe/Paris"
COLOR_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def _fail(kind: str, value: Any, **ctx: Any):
    raise PydanticCustomError(kind, kind, {"input": visible(value), **ctx})


def visible(value: Any) -> Any:
    """The value as a message may show it: a line break or an escape code would cut the message
    or act on the officer's terminal; written as ``\\n``, it shows what to remove."""
    if not isinstance(value, str) or value.isprintable():
        return value
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in value)


# Characters an address never holds as they are (percent-encoded, %22 %20…, they are harmless):
# each would end an HTML attribute, a JavaScript string, an XML element or a line of a host rule.
_URL_FORBIDDEN = frozenset('"\'<>\\`{}|^')
_HOST_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
# What a host rule (_redirects, .htaccess, nginx) may hold: nothing any of them reads as syntax
# (spaces, quotes, ";", braces, "$" variables, "#" comments, "!" forced rules, "*" splats).
RULE_SAFE_RE = re.compile(r"^[A-Za-z0-9._~:/?&=%+,-]+$")


def _shown_char(ch: str) -> str:
    return f"« {ch} »" if ch.isprintable() and not ch.isspace() else f"U+{ord(ch):04X}"


def url_error(value: str) -> tuple[str, dict] | None:
    """Why ``value`` is not an https address the site may publish (a message key and its values), or None."""
    from urllib.parse import urlsplit

    bad = next((ch for ch in value if ch in _URL_FORBIDDEN or ch.isspace() or not ch.isprintable()), None)
    if bad is not None:
        return "url_character", {"found": _shown_char(bad)}
    if not value.startswith("https://"):
        return "url_https", {}
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:
        return "url_https", {}
    if "@" in parts.netloc:
        return "url_credentials", {}
    if not parts.hostname or not _HOST_RE.match(parts.hostname):
        return "url_https", {}
    return None


def _https(value: str) -> str:
    if found := url_error(value):
        _fail(found[0], value, **found[1])
    return value


def _site_url(value: str) -> str:
    """The site's own address: every page, QR code, sitemap entry and host rule starts with it."""
    from urllib.parse import urlsplit

    _https(value)
    parts = urlsplit(value)
    if parts.query or parts.fragment or "?" in value or "#" in value or not RULE_SAFE_RE.match(value):
        _fail("site_url", value)
    return value


def _link(value: str) -> str:
    """https, or mailto:/tel: where a visitor is invited to write or call."""
    if value.startswith("mailto:"):
        if not EMAIL_RE.match(value[7:]):
            _fail("mailto_plain", value)
        return value
    if value.startswith("tel:") and PHONE_RE.match(value[4:]):
        return value
    if found := url_error(value):
        _fail("url_or_mailto" if found[0] == "url_https" else found[0], value, **found[1])
    return value


def _email(value: str) -> str:
    if not EMAIL_RE.match(value):
        _fail("email", value)
    return value


def _email_or_url(value: str) -> str:
    if "@" in value and "://" not in value:
        return _email(value)
    if found := url_error(value):
        _fail("email_or_url" if found[0] == "url_https" else found[0], value, **found[1])
    return value


def retired_error(value: str) -> tuple[str, dict] | None:
    """Why ``value`` cannot be where a retired QR code leads: "/", a campaign or page name, or an
    https address. It is written into the host rules: only characters none of them reads as syntax."""
    if value == "/" or SLUG_RE.match(value):
        return None
    if value.startswith("https://"):
        found = url_error(value)
        if found is None and not RULE_SAFE_RE.match(value):
            bad = next(ch for ch in value if not RULE_SAFE_RE.match(ch))
            found = ("url_rule_character", {"found": _shown_char(bad)})
        return found
    return "retired_value", {}


def _retired(value: str) -> str:
    if found := retired_error(value):
        _fail(found[0], value, **found[1])
    return value


def _phone(value: Any) -> Any:
    if not isinstance(value, str) or not PHONE_RE.match(value):
        _fail("phone", value)
    return value


def _postal_code(value: Any) -> Any:
    if not isinstance(value, str) or not POSTAL_CODE_RE.fullmatch(value):
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


# A slug is a URL segment read on a poster and part of file names the build derives from it
# (``.offre-<slug>-<hash>.jpg.part``): far under the 255 bytes a file name may take.
SLUG_MAX = 80


def slug_error(value: str) -> tuple[str, dict] | None:
    """Why ``value`` is not a slug (a message key and its values), or None."""
    if len(value) > SLUG_MAX:
        return "slug_too_long", {"length": len(value), "max": SLUG_MAX,
                                 "suggestion": slugify(value, max_length=SLUG_MAX, word_boundary=True) or "exemple"}
    if not SLUG_RE.match(value):
        return "slug_value", {"suggestion": slugify(value) or "exemple"}
    return None


def _slug(value: str) -> str:
    if found := slug_error(value):
        _fail(found[0], value, **found[1])
    return value


def _local_time(value: date | datetime, info: ValidationInfo) -> date | datetime:
    """A time with an offset (``2027-04-08T09:00+02:00``, as exported by other tools) becomes the
    same instant in the site's time zone, so that every time of the site compares and prints alike."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        zone = ZoneInfo((info.context or {}).get("timezone") or DEFAULT_TIMEZONE)
        return value.astimezone(zone).replace(tzinfo=None)
    return value


# The HTML sanitiser takes time growing with the square of how deeply elements nest: 16,000
# nested quotes took a second, a 1 MB file minutes. Real texts nest a few levels.
MARKDOWN_MAX_DEPTH = 20
MARKDOWN_MAX_LENGTH = 100_000  # characters; a long job description is 5,000
_QUOTES = re.compile(r"^(?:[ \t]*>)+", re.M)
_LIST_INDENT = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]", re.M)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "embed", "source", "track"})


def markdown_depth(text: str) -> int:
    """How deeply the text nests quotes, lists and HTML elements (each counted on its own)."""
    quotes = max((m.group().count(">") for m in _QUOTES.finditer(text)), default=0)
    lists = max((len(m.group(1).expandtabs(4)) // 2 + 1 for m in _LIST_INDENT.finditer(text)), default=0)
    depth = tags = 0
    for closing, name, self_closing in _TAG.findall(text):
        if name.lower() in _VOID or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        tags = max(tags, depth)
    return max(quotes, lists, tags)


def _markdown(value: str) -> str:
    if markdown_depth(value) > MARKDOWN_MAX_DEPTH:
        _fail("markdown_too_deep", value[:40] + "…", max=MARKDOWN_MAX_DEPTH)
    return value


def _number_as_text(value: Any) -> Any:
    """``value: 100`` in YAML is a number; a key figure is text ("100", "1 h 30")."""
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def _year(value: int) -> int:
    if not YEAR_MIN <= value <= YEAR_MAX:
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
    if media_dir is not None and path.suffix.lower() == ".svg":
        _svg(media_dir / value, value)
    return value


def _svg(path: Path, value: str) -> None:
    """An SVG is published rewritten from an allow-list (safe_svg); one that would lose a script, an
    animation or a link to another host on the way is refused, for the officer to export it again."""
    try:
        clean_file(path)
    except SvgRefused as refused:
        _fail(refused.kind, value, found=refused.found)


Text = Annotated[str, Field(min_length=1)]
LooseText = Annotated[str, BeforeValidator(_number_as_text), Field(min_length=1, json_schema_extra={"type": ["string", "number"]})]
Markdown = Annotated[str, AfterValidator(_markdown),
                     Field(min_length=1, max_length=MARKDOWN_MAX_LENGTH, json_schema_extra={"format": "markdown"})]
HttpsUrl = Annotated[str, AfterValidator(_https), Field(json_schema_extra={"format": "uri", "pattern": "^https://"})]
SiteUrl = Annotated[str, AfterValidator(_site_url), Field(json_schema_extra={"format": "uri", "pattern": "^https://"})]
RetiredTarget = Annotated[str, AfterValidator(_retired)]
Link = Annotated[str, AfterValidator(_link), Field(json_schema_extra={"pattern": LINK_PATTERN})]
Email = Annotated[str, AfterValidator(_email), Field(json_schema_extra={"format": "email", "pattern": EMAIL_PATTERN})]
EmailOrUrl = Annotated[str, AfterValidator(_email_or_url), Field(json_schema_extra={"anyOf": [
    {"format": "email", "pattern": EMAIL_PATTERN}, {"format": "uri", "pattern": "^https://"}]})]
Phone = Annotated[str, BeforeValidator(_phone), Field(json_schema_extra={"pattern": PHONE_RE.pattern})]
PostalCode = Annotated[str, BeforeValidator(_postal_code), Field(json_schema_extra={"pattern": POSTAL_CODE_RE.pattern})]
Color = Annotated[str, BeforeValidator(_color), Field(json_schema_extra={"pattern": COLOR_RE.pattern})]
TimeZone = Annotated[str, AfterValidator(_timezone), Field(json_schema_extra={
    "pattern": TIMEZONE_PATTERN, "examples": ["Europe/Paris", "America/Cayenne", "Indian/Reunion"]})]
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": SLUG_RE.pattern})]
# The range is told in the schema only: the validator says it in the officer's words.
Year = Annotated[int, AfterValidator(_year), Field(json_schema_extra={"minimum": YEAR_MIN, "maximum": YEAR_MAX})]
MediaPath = Annotated[str, AfterValidator(_media), Field(json_schema_extra={"pattern": MEDIA_PATTERN})]
When = Annotated[date | datetime, AfterValidator(_local_time)]  # a whole day, or a local date and time


# --- what a field says of itself: descriptions, example, schema-only constraints -----------

DESCRIPTION_EN = "x-description-en"  # the JSON Schema keyword carrying a field's English description


def doc(fr: str, en: str, *, example: Any = PydanticUndefined, default: Any = PydanticUndefined,
        schema: dict | None = None, **field: Any) -> Any:
    """A field's declaration: what it is, in French (the officers' language, that of the JSON
    Schemas) and English, an example, and constraints only the editor needs to be told
    (``schema``: the generator checks them in a validator, in the officer's words).

    Every document about fields (schemas, CHAMPS.md, docs/contenu.md) is generated from it."""
    return Field(
        default, description=fr, examples=None if example is PydanticUndefined else [example],
        json_schema_extra={DESCRIPTION_EN: en, **(schema or {})}, **field,
    )


def description(info: Any, language: str = "fr") -> str:
    """A field's description (a pydantic ``FieldInfo`` declared with ``doc``) in ``language``."""
    if language == "en":
        return (info.json_schema_extra or {}).get(DESCRIPTION_EN, "")
    return info.description or ""


def given(field: str, kind: str) -> dict:
    """A JSON Schema rule: the field is there and not left empty (``place:`` alone is null in YAML)."""
    return {"required": [field], "properties": {field: {"type": kind}}}


def rules(*conditions: dict) -> dict:
    """A model's rules across fields, for the editor: ``model_config``'s ``json_schema_extra``,
    written beside the ``model_validator`` that checks them."""
    return {"allOf": list(conditions)}


__all__ = [
    "Text", "LooseText", "Markdown", "HttpsUrl", "SiteUrl", "RetiredTarget", "Link", "Email", "EmailOrUrl", "Phone", "PostalCode",
    "Color", "TimeZone", "Slug", "Year", "MediaPath", "When", "date", "SLUG_RE", "SLUG_MAX", "EMAIL_RE", "RULE_SAFE_RE",
    "doc", "description", "given", "rules",
]
