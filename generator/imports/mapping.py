"""Upstream records onto the content model: sectors, contracts, place, salary, description, apply.

Written once for every source. Upstream data is untrusted: a record that does not fit becomes a
warning naming its source, its id and the field, never a failed import nor unescaped HTML; a
sector or contract code the settings do not map fails the import, listing every such code, since
the officer has one line to add per code (or ``default_sector:``)."""

from __future__ import annotations

import hashlib
from html import unescape
from urllib.parse import quote
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import nh3
from slugify import slugify

from ..content.fields import EMAIL_RE, SLUG_MAX
from ..content.imports import FRANCE_TRAVAIL_OFFER_URL, ROME_CODE, ImportSource
from ..content.messages import Messages
from ..content.model import Job
from ..content.validation import validate
from ..content.vocabularies import CONTRACTS
from ..content.yaml_source import Source
from ..locales import words
from .communes import commune_name
from .records import Skipped, UpstreamOffer

# Contract codes and words as sources write them (normalised by ``_key``), on top of the
# vocabulary's own values and of ``imports[].contracts``.
KNOWN_CONTRACTS = {
    # France Travail's typeContrat
    "cdi": "cdi", "din": "cdi", "cdd": "cdd", "ddi": "cdd", "mis": "interim", "tti": "interim",
    "sai": "saisonnier", "lib": "liberal", "fra": "liberal", "cce": "liberal", "rep": "reprise",
    # words
    "contrat a duree indeterminee": "cdi", "contrat a duree determinee": "cdd", "interim": "interim",
    "mission interimaire": "interim", "travail temporaire": "interim", "saisonnier": "saisonnier",
    "contrat saisonnier": "saisonnier", "saison": "saisonnier", "alternance": "alternance",
    "apprentissage": "alternance", "contrat d apprentissage": "alternance", "professionnalisation": "alternance",
    "contrat de professionnalisation": "alternance", "stage": "stage", "profession liberale": "liberal",
    "liberal": "liberal", "independant": "liberal", "franchise": "liberal", "reprise": "reprise",
    "reprise d entreprise": "reprise",
    # schema.org employmentType (FULL_TIME, PART_TIME say the hours, not the contract: mapped by the officer)
    "temporary": "cdd", "intern": "stage", "contractor": "liberal", "seasonal": "saisonnier",
    "apprenticeship": "alternance",
}
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff\ufffe\uffff]")
_PLACE_LABEL = re.compile(r"^\s*(?:\d{2,3}|2[AB])\s*-\s*(.+?)\s*$")
_AMOUNT = r"(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:[.,](\d{1,2}))?"
_SALARY_PERIODS = {"mensuel": "month", "horaire": "hour", "annuel": "year"}
_SALARY = re.compile(rf"^\s*(mensuel|horaire|annuel)\s+de\s+{_AMOUNT}\s*(?:euros?|€)(?:\s+à\s+{_AMOUNT}\s*(?:euros?|€))?",
                     re.I)
# Markdown's syntax in plain text: escaped, so "*urgent*" or "<b>" stay what they are.
_MARKDOWN_CHARS = re.compile(r"([\\`*_{}\[\]<>#|~!&])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")
_SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "en", "sur", "sous", "aux", "au", "et", "l", "d"}
_BLOCKS = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article)\b[^>]*>", re.I)
_HTML_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i"}
_BLOCK_TAG = re.compile(r"<(?:p|div|ul|ol|li|h[1-6]|table|section|article)\b", re.I)


@dataclass
class Mapped:
    """One source's records mapped: the offers by upstream id, and what was left out or unmapped."""

    jobs: dict[str, dict] = field(default_factory=dict)  # upstream id → the Job's data, validated
    # Offers the source gives no publication date: dated the day they first came (sync.py keeps it).
    undated: set[str] = field(default_factory=set)
    skipped: list[Skipped] = field(default_factory=list)
    unmapped_sectors: Counter = field(default_factory=Counter)
    unmapped_contracts: Counter = field(default_factory=Counter)

    def problems(self, settings: ImportSource, msg: Messages) -> list[str]:
        """What the officer must add to ``imports:`` before anything is imported."""
        found = []
        if self.unmapped_sectors:
            found.append(msg("import_unmapped_sectors", name=settings.key, codes=_counted(self.unmapped_sectors, msg)))
        if self.unmapped_contracts:
            found.append(msg("import_unmapped_contracts", name=settings.key, codes=_counted(self.unmapped_contracts, msg)))
        return found


def _counted(codes: Counter, msg: Messages) -> str:
    return ", ".join(msg("import_code", code=code, offers=msg("import_offers", count=n)) for code, n in sorted(codes.items()))


def _key(text: str) -> str:
    """"Contrat d'apprentissage" → "contrat d apprentissage": case, accents and punctuation aside."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def clean(text: object, limit: int = 0, *, line: bool = False) -> str | None:
    """Untrusted text, readable: no invisible characters, Unicode composed, trimmed; ``line``: on
    one line (a title with a line break would also start a line of its own in a CI log)."""
    if not isinstance(text, str):
        return None
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))).strip()
    if line:
        text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return text or None


def text_to_markdown(text: str) -> str:
    """Plain text as Markdown that renders as the same text: Markdown's characters escaped,
    each line break kept (a backslash before it), paragraphs where the text has blank lines."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = []
        for line in block.split("\n"):
            line = _MARKDOWN_CHARS.sub(r"\\\1", line.strip())
            lines.append(_LINE_START.sub(lambda m: m.group(1) + "".join(f"\\{c}" if not c.isdigit() else c for c in m.group(2)), line))
        # " \" ends a line with a hard break; the space keeps a bare address before it whole.
        paragraphs.append(" \\\n".join(line for line in lines if line))
    return "\n\n".join(p for p in paragraphs if p)


def html_to_markdown(html: str) -> str:
    """Upstream HTML as Markdown: only paragraphs, lists and emphasis kept, nothing else survives
    (the page's renderer sanitises once more), and nothing of its text is read as Markdown."""
    if not _BLOCK_TAG.search(html):  # plain text, maybe with <br>: Indeed's CDATA, most often
        text = nh3.clean(re.sub(r"<br\s*/?>", "\n", html, flags=re.I), tags=set(), attributes={}, link_rel=None)
        return text_to_markdown(unescape(text))
    kept = nh3.clean(html, tags=_HTML_TAGS, attributes={}, link_rel=None, strip_comments=True)
    # One raw HTML block for CommonMark (in a <div>, no blank line inside): its text is never
    # read as Markdown, so "[x](https://…)" in upstream text stays text.
    body = re.sub(r"\n\s*\n+", "\n", _BLOCKS.sub(lambda m: f"\n{m.group(0)}\n", kept)).strip()
    return f"<div>\n{body}\n</div>"


def city_of(label: str) -> str | None:
    """France Travail's "05 - GAP" → "Gap"; "05 - ST BONNET EN CHAMPSAUR" → "St Bonnet en Champsaur"."""
    found = _PLACE_LABEL.match(label)
    name = (found.group(1) if found else label).strip()
    if not name:
        return None
    if name.isupper():
        words = re.split(r"([ \-'’])", name.lower())
        name = "".join(w if w in _SMALL_WORDS and i else w.capitalize() for i, w in enumerate(words))
    return name


def _amount(whole: str, cents: str | None) -> float:
    return float(re.sub(r"[ \u00a0\u202f.]", "", whole) + (f".{cents}" if cents else ""))


def salary_from_text(text: str) -> dict:
    """France Travail's "Mensuel de 1600.00 Euros à 1800.00 Euros sur 12 mois" → min, max and
    period; anything else is kept as words."""
    found = _SALARY.match(text)
    if not found:
        return {"text": text}
    low = _amount(found.group(2), found.group(3))
    high = _amount(found.group(4), found.group(5)) if found.group(4) else None
    salary = {"min": low, "period": _SALARY_PERIODS[found.group(1).lower()]}
    if high is not None and high >= low:
        salary["max"] = high
    return salary


# Fields an offer is published without: when upstream garbles one, it is left out.
_OPTIONAL = ("employer.url", "salary", "valid_through", "location.postal_code")


def _optional(path: str | None) -> str | None:
    return next((o for o in _OPTIONAL if path and (path == o or path.startswith(f"{o}."))), None)


def _drop(data: dict, path: str) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data[part]
    data.pop(last, None)


def offer_slug(title: str, upstream_id: str) -> str:
    """The offer's address: its title and the source's id, so that it never changes with a
    corrected title (the id keeps it unique, the title readable)."""
    tail = slugify(upstream_id, max_length=24)
    if not tail or len(upstream_id) > 24:
        tail = hashlib.sha1(upstream_id.encode()).hexdigest()[:10]
    # Room for "-2" when another offer has the address already.
    head = slugify(title, max_length=SLUG_MAX - len(tail) - 4, word_boundary=True) or "offre"
    return f"{head}-{tail}"


class Mapper:
    """Maps one source's records with its settings, against the site's sectors."""

    def __init__(self, settings: ImportSource, sectors: dict[str, str], msg: Messages, context: dict, today: date):
        self.settings, self.msg, self.context, self.today = settings, msg, context, today
        self.site_sectors = sectors
        self.towns: dict[str, str] = {}  # postal code → its town's name as best written (map_all)
        # What visitors read for an offer whose source names no employer; the pages know it by it.
        self.employer_unknown = words(msg.language, "site")["employer_unknown"]
        # A source may already write the site's keys or labels ("sante", "Santé"); the officer's
        # own lines come last, so that they win.
        self.sector_keys = {_key(label): k for k, label in sectors.items()} | {_key(k): k for k in sectors}
        self.sector_keys.update({_key(code): key for code, key in settings.sectors.items()})
        self.contracts = {**KNOWN_CONTRACTS, **{_key(v): v for v in CONTRACTS},
                          **{_key(code): value for code, value in settings.contracts.items()}}

    def map_all(self, records: list[UpstreamOffer]) -> Mapped:
        out = Mapped()
        # France Travail writes one town "05 - BRIANCON" here and "05 - Briançon" there; with no
        # INSEE code the table knows, the accented spelling of the same postal code names both.
        self.towns.clear()
        for r in records:
            label = clean(r.place_label, line=True) if r.place_label else None
            if label and r.postal_code and not label.isupper():
                self.towns.setdefault(r.postal_code, city_of(label))
        for record in records:
            if record.id in out.jobs:
                out.skipped.append(Skipped(record.id, None, self.msg("import_duplicate_id")))
                continue
            data = self.job_data(record, out)
            if data is None:
                continue
            job, problems = validate(Job, data, Source(self.settings.key), self.msg, self.context)
            while job is None and (optional := _optional(problems[0].field)) is not None:
                # A garbled salary or employer's address is left out, not the whole offer.
                _drop(data, optional)
                job, problems = validate(Job, data, Source(self.settings.key), self.msg, self.context)
            if job is None:
                first = problems[0]
                out.skipped.append(Skipped(record.id, first.field, first.message))
                continue
            out.jobs[record.id] = job.model_dump(mode="json", exclude_none=True)
        return out

    def job_data(self, r: UpstreamOffer, out: Mapped) -> dict | None:
        """The Job's data, or None (the reason added to ``out``)."""
        msg = self.msg
        title = clean(r.title, 200, line=True)
        if not title:
            out.skipped.append(Skipped(r.id, "title", msg("import_no_title")))
            return None
        sector = self.sector(r)
        contract = "alternance" if r.alternance else self.contract(r)
        if sector is None:
            out.unmapped_sectors[" / ".join(clean(c) or "" for c in r.sector_codes) or msg("import_no_code")] += 1
        if contract is None:
            out.unmapped_contracts[clean(r.contract) or msg("import_no_code")] += 1
        if sector is None or contract is None:
            return None
        apply = self.apply(r)
        if not apply:
            out.skipped.append(Skipped(r.id, "apply", msg("import_no_apply")))
            return None
        location = self.location(r)
        if location is None:
            out.skipped.append(Skipped(r.id, "location", msg("import_no_place")))
            return None
        data: dict = {
            "title": title,
            "employer": {"name": clean(r.employer, 200, line=True) or self.employer_unknown},
            "sector": sector, "contract": contract,
            "location": location,
            "posted": r.posted or min(self.today, r.valid_through or self.today),
            "description": self.description(r) or title,
            "apply": apply,
        }
        if (url := clean(r.employer_url)) and url.startswith("https://"):
            data["employer"]["url"] = url
        if r.posted is None:
            out.undated.add(r.id)
        if r.valid_through and r.valid_through >= data["posted"]:
            data["valid_through"] = r.valid_through
        if (salary := self.salary(r)) is not None:
            data["salary"] = salary
        return data

    def sector(self, r: UpstreamOffer) -> str | None:
        for code in r.sector_codes:
            code = clean(code) or ""
            if (found := self.sector_keys.get(_key(code))) is not None:
                return found
            if ROME_CODE.match(code):  # "J15" or "J" maps "J1506": the longest written start wins
                for length in (4, 3, 2, 1):
                    if (found := self.settings.sectors.get(code[:length])) is not None:
                        return found
        return self.settings.default_sector

    def contract(self, r: UpstreamOffer) -> str | None:
        found = self.contracts.get(_key(r.contract)) if r.contract else None
        return found or self.settings.default_contract

    def location(self, r: UpstreamOffer) -> dict | None:
        label = clean(r.place_label, line=True) if r.place_label else None
        city = clean(r.city, 100, line=True) or commune_name(r.commune) or (city_of(label) if label else None)
        if not r.city and not commune_name(r.commune) and label and label.isupper():
            city = self.towns.get(r.postal_code or "", city)
        place: dict = {}
        if city:
            place["city"] = city
        if (code := clean(r.postal_code, line=True)) and re.fullmatch(r"\d{4,5}", code):
            place["postal_code"] = code.zfill(5)  # "5000": 05000 as a spreadsheet wrote it
        if r.remote:
            place["remote"] = True
        return place if city or r.remote else None  # never a remote job made up for a missing town

    def salary(self, r: UpstreamOffer) -> dict | None:
        if r.salary_min is not None or r.salary_max is not None:
            salary = {k: v for k, v in (("min", r.salary_min), ("max", r.salary_max)) if v is not None}
            if r.salary_period in ("hour", "month", "year"):
                salary["period"] = r.salary_period
            return salary
        text = clean(r.salary_text, 300, line=True)
        return salary_from_text(text) if text else None

    def description(self, r: UpstreamOffer) -> str | None:
        if (text := clean(r.description, 20_000)):
            return text_to_markdown(text)
        if (html := clean(r.description_html, 60_000)):
            return html_to_markdown(html) or None
        return None

    def apply(self, r: UpstreamOffer) -> dict:
        url = clean(r.apply_url)
        if url and url.startswith("https://"):
            return {"url": url}
        email = clean(r.apply_email)
        if email and EMAIL_RE.match(email):  # the model's own rule: else the offer's page
            return {"email": email}
        if self.settings.source == "france_travail":
            # A France Travail offer can always be applied to on its own page there.
            return {"url": FRANCE_TRAVAIL_OFFER_URL.format(id=quote(r.id, safe=""))}
        if url:
            return {"url": url}  # refused by the model (not https): the warning names it
        return {"email": email} if email else {}


__all__ = ["Mapper", "Mapped", "KNOWN_CONTRACTS", "clean", "city_of", "salary_from_text", "text_to_markdown",
           "html_to_markdown", "offer_slug"]
