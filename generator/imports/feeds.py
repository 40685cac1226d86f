"""Job feeds: schema.org ``JobPosting`` (a JSON feed, or JSON-LD blocks in HTML pages) and
Indeed-style XML, from ``url:`` or ``file:``, read into ``UpstreamOffer`` records.

Each record is filled as the source gives it (strings only stripped); what cannot be read at all
(no identifier, a field of the wrong type, a date that is no date) is ``Skipped`` with the
source's own name of the field. Reading the source's bytes (``read_source``) and its dates
(``read_date``) serves the spreadsheets too."""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree
from xml.etree.ElementTree import Element, ParseError

from ..content.imports import ImportSource
from ..content.messages import Messages
from ..network import detail, shown_url
from .fetch import MAX_BYTES, fetch
from .records import SETUP, UNAVAILABLE, Skipped, Snapshot, SourceError, UpstreamOffer

SALARY_PERIODS = {"HOUR": "hour", "MONTH": "month", "YEAR": "year"}  # schema.org unitText → salary_period
MAX_DEPTH = 20  # nesting of JSON-LD objects followed in search of JobPostings (@graph, ItemList…)
_TOO_DEEP = object()  # what _postings gives where it stopped following: the snapshot is not complete


# ----- the source's bytes -----------------------------------------------------------------------

def source_name(settings: ImportSource) -> str:
    """The source as the officer wrote it, safe to print: the file's path, or the address without
    its query and credentials (a feed's address may carry a key)."""
    return settings.file if settings.file is not None else shown_url(settings.url or "")


def read_source(settings: ImportSource, root: Path, msg: Messages, *, max_bytes: int = MAX_BYTES,
                accept: str = "*/*") -> bytes:
    """The bytes of ``settings.file`` (under ``root``) or of ``settings.url`` (a 2xx answer)."""
    name = source_name(settings)
    if settings.file is None:
        answer = fetch(settings.url, msg, headers={"Accept": accept}, max_bytes=max_bytes)
        if 200 <= answer.status < 300:
            return answer.body
        if 300 <= answer.status < 400:  # never followed (a key in the address would go along): the officer writes the new one
            moved = shown_url(answer.headers.get("location", "")) or "?"
            raise SourceError(msg("import_feed_moved", url=name, status=answer.status, location=moved), SETUP)
        if 400 <= answer.status < 500 and answer.status not in (408, 429):
            raise SourceError(msg("import_feed_refused", url=name, status=answer.status), SETUP)
        raise SourceError(msg("import_feed_failed", url=name, status=answer.status), UNAVAILABLE)
    base = root.resolve()
    path = (base / settings.file).resolve()
    if not path.is_relative_to(base):  # a link pointing out of the project
        raise SourceError(msg("import_file_outside", input=settings.file), SETUP)
    if not path.is_file():
        raise SourceError(msg("import_feed_file_missing", file=name), SETUP)
    try:
        if path.stat().st_size > max_bytes:
            raise SourceError(msg("import_feed_file_too_large", file=name, size=max_bytes // 2**20), SETUP)
        return path.read_bytes()
    except OSError as err:
        raise SourceError(msg("import_feed_file_unreadable", file=name, reason=msg.os_error(err)), SETUP) from None


def broken(settings: ImportSource) -> int:
    """The exit code for a source that is not what it should be: the officer fixes a file of the
    project; a feed's publisher fixes theirs (or the answer was cut short), so it may work later."""
    return SETUP if settings.file is not None else UNAVAILABLE


# ----- values -----------------------------------------------------------------------------------

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")


def read_date(value: Any) -> date | None:
    """A date from ISO 8601 (date or date and time: the date where it was written), 03/11/2026
    (day first, as in France), or RFC 2822 ("Fri, 10 Dec 2026 22:49:39 GMT"). ValueError else."""
    if value is None or isinstance(value, datetime):
        return value.date() if value is not None else None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    if not text:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:  # "2026-12-10 22:49:39 UTC": the date part is unambiguous
            return date.fromisoformat(text[:10])
    found = _DAY_FIRST.match(text)
    if found:
        return date(int(found[3]), int(found[2]), int(found[1]))
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(value) from None


def read_number(value: Any) -> float | None:
    """A number, or one written as text ("1 600,50", "1600.50 €"). ValueError else."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        text = re.sub(r"[\s\u00a0\u202f€]", "", value)
        if not text:
            return None
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        number = float(text)
    else:
        raise ValueError(value)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def _text(value: Any) -> str | None:
    """A string as given, stripped; None when empty. ValueError for anything else."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(value)
    return value.strip() or None


def _code(value: Any) -> str | None:
    """An identifier or a postal code: a string, or a whole number written as one."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return str(int(value)) if value == int(value) else str(value)
    return _text(value)


def _first(value: Any) -> Any:
    """The first item of a list, or the value itself."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _shown(value: Any) -> str:
    """A value in a message: short, one line."""
    return detail(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str), limit=80)


class _Unreadable(Exception):
    def __init__(self, field: str, value: Any):
        self.field, self.value = field, value


def _read(field: str, reader, value: Any):
    try:
        return reader(value)
    except (ValueError, TypeError):
        raise _Unreadable(field, value) from None


def _unique(read: list[UpstreamOffer | Skipped], complete: bool, msg: Messages) -> Snapshot:
    """One offer per identifier (the sync's key): the first stands, a later one is skipped."""
    offers: list[UpstreamOffer] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for item in read:
        if isinstance(item, Skipped):
            skipped.append(item)
        elif item.id in seen:
            skipped.append(Skipped(item.id, None, msg("import_feed_duplicate", id=detail(item.id))))
        else:
            seen.add(item.id)
            offers.append(item)
    return Snapshot(offers, skipped, complete)


# ----- schema.org JobPosting --------------------------------------------------------------------

def read_jobposting(settings: ImportSource, root: Path, msg: Messages) -> Snapshot:
    """Every JobPosting of a JSON feed (a list, ``@graph``, an ``ItemList``, one JobPosting) or of
    the ``<script type="application/ld+json">`` blocks of an HTML page."""
    name = source_name(settings)
    body = read_source(settings, root, msg, accept="application/ld+json, application/json, text/html;q=0.9, */*;q=0.5")
    text = _decode(body)
    skipped: list[Skipped] = []
    complete = True
    if text.lstrip().startswith(("{", "[")):
        data = _json(text, name, msg, broken(settings))
        if not (isinstance(data, list) or _walkable(data)):
            raise SourceError(msg("import_feed_no_jobposting", source=name), SETUP)
        postings = list(_postings(data))
    else:
        blocks = _ld_blocks(text)
        postings = []
        for position, (line, block) in enumerate(blocks, 1):
            try:
                postings.extend(_postings(json.loads(block)))
            except json.JSONDecodeError as err:
                complete = False  # what that block held is unknown: nothing may be withdrawn
                skipped.append(Skipped(None, None, msg(
                    "import_feed_ld_block", source=name, position=position, line=line + err.lineno - 1, column=err.colno)))
            except RecursionError:
                complete = False
                skipped.append(Skipped(None, None, msg("import_feed_ld_block", source=name, position=position, line=line, column=1)))
        if not postings and complete:
            raise SourceError(msg("import_feed_no_jobposting", source=name), SETUP)
    if _TOO_DEEP in postings:
        complete = False
        skipped.append(Skipped(None, None, msg("import_feed_too_deep", source=name, depth=MAX_DEPTH)))
        postings = [posting for posting in postings if posting is not _TOO_DEEP]
    snapshot = _unique([_posting(posting, position, msg) for position, posting in enumerate(postings, 1)], complete, msg)
    snapshot.skipped[:0] = skipped
    return snapshot


def _decode(body: bytes) -> str:
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def _json(text: str, name: str, msg: Messages, exit_code: int) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise SourceError(msg("import_feed_json", source=name, line=err.lineno, column=err.colno), exit_code) from None
    except RecursionError:
        raise SourceError(msg("import_feed_json", source=name, line=1, column=1), exit_code) from None


def _types(node: dict) -> set[str]:
    """``@type`` as short names: "JobPosting", ["JobPosting"], "http://schema.org/JobPosting"."""
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {re.split(r"[/:#]", k)[-1] for k in kinds if isinstance(k, str)}


def _walkable(node: Any) -> bool:
    return isinstance(node, dict) and bool(
        "@graph" in node or "itemListElement" in node or _types(node) & {"JobPosting", "ItemList", "ListItem"})


def _postings(node: Any, depth: int = 0) -> Iterator[Any]:
    """The JobPostings in a JSON-LD tree; a list's items that are not objects come through too,
    to be skipped by name. Other objects are ignored."""
    if depth > MAX_DEPTH:
        yield _TOO_DEEP
        return
    if isinstance(node, list):
        for item in node:
            if isinstance(item, (dict, list)):
                yield from _postings(item, depth + 1)
            elif depth == 0:
                yield item  # a feed's item that is no object: said, not silently lost
        return
    if not isinstance(node, dict):
        return
    if "JobPosting" in _types(node):
        yield node
        return
    for key in ("@graph", "itemListElement", "item"):
        if key in node:
            yield from _postings(node[key] if isinstance(node[key], list) else [node[key]], depth + 1)


def _posting(node: Any, position: int, msg: Messages) -> UpstreamOffer | Skipped:
    if not isinstance(node, dict):
        return Skipped(None, None, msg("import_feed_no_id", position=position, title=msg("import_feed_untitled"),
                                       first="identifier", second="url"))
    title = node.get("title", node.get("name"))
    shown_title = detail(title, limit=80) if isinstance(title, str) and title.strip() else msg("import_feed_untitled")
    try:
        ident = _identifier(node.get("identifier"))
    except (ValueError, TypeError):
        ident = None
    url = node.get("url")
    ident = ident or (url.strip() if isinstance(url, str) and url.strip() else None)
    if not ident:
        return Skipped(None, "identifier", msg("import_feed_no_id", position=position, title=shown_title,
                                               first="identifier", second="url"))
    try:
        return _jobposting(node, ident, title)
    except _Unreadable as err:
        return Skipped(ident, err.field, msg("import_feed_field", id=detail(ident), field=err.field, value=_shown(err.value)))


def _identifier(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):  # PropertyValue
        value = value.get("value")
    return _code(value)


def _jobposting(node: dict, ident: str, title: Any) -> UpstreamOffer:
    offer = UpstreamOffer(id=ident, title=_read("title", _text, title))
    org = _first(node.get("hiringOrganization"))
    if isinstance(org, str):
        offer.employer = org.strip() or None
    elif isinstance(org, dict):
        offer.employer = _read("hiringOrganization.name", _text, org.get("name"))
        offer.employer_url = _read("hiringOrganization.url", _text, org.get("url")) or \
            _read("hiringOrganization.sameAs", _text, _first(org.get("sameAs")))
    elif org is not None:
        raise _Unreadable("hiringOrganization", org)
    codes: list[str] = []
    for key in ("industry", "occupationalCategory"):
        for item in (node.get(key) if isinstance(node.get(key), list) else [node.get(key)]):
            if isinstance(item, dict):  # DefinedTerm, CategoryCode
                found = [_read(key, _code, item.get("codeValue")), _read(key, _text, item.get("name"))]
            else:
                found = [_read(key, _code, item)]
            codes.extend(code for code in found if code and code not in codes)
    offer.sector_codes = tuple(codes)
    types = node.get("employmentType")
    types = [_read("employmentType", _text, t) for t in (types if isinstance(types, list) else [types])]
    types = [t for t in types if t]
    offer.contract = types[0] if types else None
    if len(types) > 1:
        offer.extra["employment_types"] = types
    _place(offer, node.get("jobLocation"))
    kinds = node.get("jobLocationType")
    offer.remote = any(isinstance(k, str) and k.strip().upper() == "TELECOMMUTE"
                       for k in (kinds if isinstance(kinds, list) else [kinds]))
    _salary(offer, _first(node.get("baseSalary")))
    offer.posted = _read("datePosted", read_date, node.get("datePosted"))
    offer.valid_through = _read("validThrough", read_date, node.get("validThrough"))
    offer.description_html = _read("description", _text, node.get("description"))
    offer.apply_url = _read("url", _text, node.get("url"))
    contact = _first(node.get("applicationContact"))
    if isinstance(contact, dict):
        offer.apply_email = _read("applicationContact.email", _text, contact.get("email"))
        offer.apply_url = _read("applicationContact.url", _text, contact.get("url")) or offer.apply_url
    elif contact is not None:
        raise _Unreadable("applicationContact", contact)
    if isinstance(node.get("directApply"), bool):
        offer.extra["direct_apply"] = node["directApply"]
    return offer


def _place(offer: UpstreamOffer, locations: Any) -> None:
    """The first place with an address: its commune and postal code, or its words."""
    for place in (locations if isinstance(locations, list) else [locations]):
        if place is None:
            continue
        if not isinstance(place, dict):
            raise _Unreadable("jobLocation", place)
        address = _first(place.get("address"))
        if isinstance(address, str) and address.strip():
            offer.place_label = address.strip()
            return
        if isinstance(address, dict):
            offer.city = _read("jobLocation.address.addressLocality", _text, address.get("addressLocality"))
            offer.postal_code = _read("jobLocation.address.postalCode", _code, address.get("postalCode"))
            if offer.city or offer.postal_code:
                return
        elif address is not None:
            raise _Unreadable("jobLocation.address", address)


def _salary(offer: UpstreamOffer, amount: Any) -> None:
    """MonetaryAmount → min, max and period; an amount per day or week, which the model has no
    period for, is kept as text ("90–110 EUR DAY")."""
    if amount is None:
        return
    if isinstance(amount, str):
        offer.salary_text = amount.strip() or None
        return
    if not isinstance(amount, dict):
        raise _Unreadable("baseSalary", amount)
    value = amount.get("value")
    unit = amount.get("unitText")
    if isinstance(value, dict):  # QuantitativeValue
        unit = value.get("unitText", unit)
        low = _read("baseSalary.value.minValue", read_number, value.get("minValue"))
        high = _read("baseSalary.value.maxValue", read_number, value.get("maxValue"))
        single = _read("baseSalary.value.value", read_number, value.get("value"))
    else:
        low = high = None
        single = _read("baseSalary.value", read_number, value)
    if low is None and high is None:
        low = single
    if low is None and high is None:
        return
    unit = _read("baseSalary.value.unitText", _text, unit)
    period = SALARY_PERIODS.get((unit or "").upper())
    if period or unit is None:
        offer.salary_min, offer.salary_max, offer.salary_period = low, high, period
        return
    currency = amount.get("currency") if isinstance(amount.get("currency"), str) else ""
    figures = "–".join(f"{n:g}" for n in (low, high) if n is not None)
    offer.salary_text = " ".join(part for part in (figures, currency.strip(), unit) if part)


class _LdScripts(HTMLParser):
    """The text of every ``<script type="application/ld+json">``, with the line it starts on."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, str]] = []
        self._current: list[str] | None = None
        self._line = 1

    def handle_starttag(self, tag, attrs):
        kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
        if tag == "script" and kind == "application/ld+json":
            self._current, self._line = [], self.getpos()[0]

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.blocks.append((self._line, "".join(self._current)))
            self._current = None


def _ld_blocks(text: str) -> list[tuple[int, str]]:
    parser = _LdScripts()
    parser.feed(text)
    parser.close()
    return parser.blocks


# ----- Indeed-style XML -------------------------------------------------------------------------

def read_indeed_xml(settings: ImportSource, root: Path, msg: Messages) -> Snapshot:
    """Every ``<job>`` of an Indeed-style feed (``<source><job>…</job></source>``). The XML is
    untrusted: a document declaring entities (a "billion laughs", a file of this machine) is refused."""
    name = source_name(settings)
    body = read_source(settings, root, msg, accept="application/xml, text/xml;q=0.9, */*;q=0.5")
    try:
        document = SafeElementTree.fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise SourceError(msg("import_feed_xml_entities", source=name), SETUP) from None
    except ParseError as err:
        line, column = getattr(err, "position", (1, 0))
        raise SourceError(msg("import_feed_xml", source=name, line=line, column=column + 1), broken(settings)) from None
    jobs = [element for element in document if _tag(element) == "job"]
    if not jobs and _tag(document) != "source":
        raise SourceError(msg("import_feed_xml_root", source=name, root=detail(_tag(document), limit=40)), SETUP)
    return _unique([_job(job, position, msg) for position, job in enumerate(jobs, 1)], True, msg)


def _tag(element: Element) -> str:
    return element.tag.rpartition("}")[2].lower() if isinstance(element.tag, str) else ""


def _job(job: Element, position: int, msg: Messages) -> UpstreamOffer | Skipped:
    values: dict[str, str] = {}
    for child in job:
        text = "".join(child.itertext()).strip()
        if text and _tag(child) not in values:
            values[_tag(child)] = text
    ident = values.get("referencenumber") or values.get("url")
    if not ident:
        return Skipped(None, "referencenumber", msg(
            "import_feed_no_id", position=position, title=detail(values.get("title") or msg("import_feed_untitled"), limit=80),
            first="<referencenumber>", second="<url>"))
    offer = UpstreamOffer(
        id=ident, title=values.get("title"), employer=values.get("company"), city=values.get("city"),
        postal_code=values.get("postalcode"), salary_text=values.get("salary"),
        description_html=values.get("description"), apply_url=values.get("url"), apply_email=values.get("email"),
    )
    # "Hôtellerie, restauration" is a sector with a comma in it: the whole text first, then each part
    category = values.get("category")
    if category:
        parts = [p.strip() for p in category.split(",") if p.strip()]
        offer.sector_codes = tuple(dict.fromkeys([category, *parts]))
    jobtype = values.get("jobtype")
    if jobtype:
        offer.contract = jobtype.split(",")[0].strip() or jobtype
        if offer.contract != jobtype:
            offer.extra["jobtype"] = jobtype
    remote = (values.get("remotetype") or "").casefold()
    offer.remote = bool(remote) and remote not in ("no", "non", "none", "false", "0", "on-site", "onsite")
    for key in ("state", "country", "streetaddress", "requisitionid"):
        if key in values:
            offer.extra[key] = values[key]
    for key, target in (("date", "posted"), ("expirationdate", "valid_through")):
        try:
            setattr(offer, target, read_date(values.get(key)))
        except ValueError:
            return Skipped(ident, f"<{key}>", msg("import_feed_field", id=detail(ident), field=f"<{key}>",
                                                  value=_shown(values[key])))
    return offer


__all__ = ["broken", "read_indeed_xml", "read_jobposting", "read_date", "read_number", "read_source", "source_name"]
