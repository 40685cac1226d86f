"""The offers as data for partners (France Travail counsellors, chambers of commerce):
/offres/offres.json (complete records) and /offres/offres.csv (a spreadsheet).

CSV: UTF-8 with a byte order mark (Excel then reads accents right), comma-separated, quoted
where needed (RFC 4180), CRLF line ends, one offer per line, newest first, a text that a
spreadsheet would run as a formula neutralised (``spreadsheet``). Fields are described in
docs/offres.md."""

from __future__ import annotations

import html
import io
import json
import re
from functools import lru_cache

import nh3

from .. import spreadsheet
from ..locales import words
from .structured_data import json_number



@lru_cache(maxsize=20_000)  # the JSON and the CSV need it both, the preview at every rebuild
def text_of(description_html: str) -> str:
    """Plain text of a description: paragraphs and list items on their own lines."""
    marked = re.sub(r"</(p|li|h[1-6]|tr|blockquote|pre|dd|dt)>|<br\s*/?>", "\ue000", str(description_html))
    text = html.unescape(nh3.clean(marked, tags=set()))
    lines = (" ".join(block.split()) for block in text.split("\ue000"))
    return "\n".join(line for line in lines if line)


def offers_json(records: list[dict], *, site_name: str, url: str) -> bytes:
    offers = []
    for r in records:
        salary = r["salary"]
        if salary:
            salary = {**salary, "min": json_number(salary["min"]), "max": json_number(salary["max"])}
        offers.append({**r, "salary": salary, "description": text_of(r["description_html"])})
    data = {"site": site_name, "url": url, "count": len(offers), "offers": offers}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()


def offers_csv(records: list[dict], lang: str) -> bytes:
    out = io.StringIO()
    writer = spreadsheet.writer(out, lineterminator="\r\n")
    t = words(lang, "job_exports")
    writer.writerow(t["csv_columns"])
    yes, no = t["yes"], t["no"]
    for r in records:
        s = r["salary"] or {}
        writer.writerow([
            r["id"], r["url"], r["title"], r["employer"]["name"], r["employer"]["url"] or "",
            r["sector"], r["sector_label"], r["contract"], r["contract_label"], r["city"] or "", r["postal_code"] or "",
            yes if r["remote"] else no, _cell(s.get("min")), _cell(s.get("max")),
            t["periods"][s["period"]] if s else "", s.get("text") or "", r["posted"], r["valid_through"] or "",
            r["apply"]["url"] or "", r["apply"]["email"] or "", text_of(r["description_html"]),
        ])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(value):
    return "" if value is None else json_number(value)  # a number stays one: never taken for a formula
