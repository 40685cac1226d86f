"""Spreadsheets: a CSV (UTF-8, with or without BOM, or Windows-1252 as Excel's French export;
``;``, ``,`` or tab) or an Excel ``.xlsx`` workbook, one offer a row, read into ``UpstreamOffer``.

Each field of ``SPREADSHEET_FIELDS`` is found in the header row by its name or its French header
(``SPREADSHEET_HEADERS``), or by the header ``columns:`` gives it, ignoring case, accents and
surrounding spaces. A row with a cell that cannot be read (a salary that is no number, a date that
is no date) is ``Skipped`` with its row number and the column's header; an empty row is ignored."""

from __future__ import annotations

import csv
import io
import unicodedata
import warnings
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

from ..content.imports import SPREADSHEET_FIELDS, SPREADSHEET_HEADERS, ImportSource
from ..content.messages import Messages
from ..network import detail
from .feeds import broken, read_date, read_number, read_source, source_name
from .records import SETUP, Skipped, Snapshot, SourceError, UpstreamOffer

MAX_BYTES = 50 * 2**20  # a file; 10,000 offers with long descriptions are about 30 MB of CSV
MAX_ROWS = 50_000  # rows that are not empty, below the headers
MAX_UNPACKED = 1024 * 2**20  # an .xlsx unpacked: its parts as their zip declares them (a zip bomb is refused)
MAX_COLUMNS = 200  # read in an .xlsx: a sheet may claim 16,384 columns on each row
HEADER_SEARCH = 20  # a title or a note may stand above the headers: they are looked for this far
REQUIRED = ("id", "title")
_EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's dates (its 1900 leap-year bug included)
_TRUE = {"oui", "o", "yes", "y", "true", "vrai", "1", "x"}
_FALSE = {"non", "n", "no", "false", "faux", "0"}
_PERIODS = {  # salary_period as a partner writes it → "hour", "month" or "year"
    **dict.fromkeys(("hour", "hourly", "heure", "horaire", "h", "par heure", "de l'heure"), "hour"),
    **dict.fromkeys(("month", "monthly", "mois", "mensuel", "par mois"), "month"),
    **dict.fromkeys(("year", "yearly", "annual", "an", "annee", "annuel", "par an"), "year"),
}


def read_spreadsheet(settings: ImportSource, root: Path, msg: Messages) -> Snapshot:
    name = source_name(settings)
    body = read_source(settings, root, msg, max_bytes=MAX_BYTES, accept=(
        "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, */*;q=0.5"))
    if _is_xlsx(settings, body, name, msg):
        rows = _xlsx_rows(body, settings.sheet, name, msg, broken(settings))
    else:
        rows = _csv_rows(body, name, msg, broken(settings))
    columns = _header(rows, settings, name, msg)
    read: list[UpstreamOffer | Skipped] = []
    for number, row in rows:
        if all(_blank(cell) for cell in row):
            continue
        if len(read) >= MAX_ROWS:
            raise SourceError(msg("import_sheet_too_many_rows", source=name, limit=msg.number(MAX_ROWS)), SETUP)
        read.append(_offer(number, row, columns, msg))
    return _unique_rows(read, msg)


# ----- the file's rows --------------------------------------------------------------------------

def _is_xlsx(settings: ImportSource, body: bytes, name: str, msg: Messages) -> bool:
    suffix = Path(settings.file or urlsplit(settings.url or "").path).suffix.lower()
    if body.startswith(b"\xd0\xcf\x11\xe0") or suffix in (".xls", ".ods", ".numbers"):  # Excel 97-2003, others
        raise SourceError(msg("import_sheet_format", source=name), SETUP)
    if body.startswith(b"PK\x03\x04"):
        return True
    if suffix in (".xlsx", ".xlsm"):
        raise SourceError(msg("import_sheet_xlsx", source=name), broken(settings))
    return False


def _csv_rows(body: bytes, name: str, msg: Messages, code: int) -> Iterator[tuple[int, list[Any]]]:
    """``code``: the exit code when the file is no readable CSV."""
    text = _decode(body, name, msg, code)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";\t,", key=lambda d: _count_outside_quotes(first, d))  # ";" on a tie: Excel in French
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, row in enumerate(reader, 1):
            yield number, row
    except csv.Error:
        raise SourceError(msg("import_sheet_csv", source=name, line=reader.line_num or number + 1), code) from None


def _decode(body: bytes, name: str, msg: Messages, code: int) -> str:
    if body.startswith(b"\xef\xbb\xbf"):
        encodings = ("utf-8-sig",)
    elif body.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError(msg("import_sheet_encoding", source=name), code)


def _count_outside_quotes(line: str, delimiter: str) -> int:
    return sum(part.count(delimiter) for part in line.split('"')[::2])


def _xlsx_rows(body: bytes, sheet: str | None, name: str, msg: Messages, code: int) -> Iterator[tuple[int, tuple]]:
    import openpyxl  # only for .xlsx: a CSV import never pays for loading it

    # openpyxl parses the workbook's XML with defusedxml when it is installed (a dependency here).
    # An untrusted workbook fails in many ways (a broken zip, a missing part, malformed XML): all
    # are "not a readable workbook" to the officer.
    try:
        # zipfile never unpacks a part past the size its entry declares: the sum of them bounds memory
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SourceError(msg("import_sheet_xlsx", source=name), code) from None
    if unpacked > MAX_UNPACKED:
        raise SourceError(msg("import_sheet_unpacked", source=name, size=MAX_UNPACKED // 2**20), code)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style", "unknown extension": nothing to act on
            book = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 (see above)
        raise SourceError(msg("import_sheet_xlsx", source=name), code) from None
    try:
        if sheet is None:
            if not book.worksheets:  # only charts: an empty file, said as such by the headers' search
                return
            page = book.worksheets[0]
        else:
            by_name = {_folded(title): title for title in book.sheetnames}
            found = sheet if sheet in book.sheetnames else by_name.get(_folded(sheet))
            if found is None:
                raise SourceError(msg("import_sheet_missing_sheet", source=name, sheet=detail(sheet),
                                      sheets=", ".join(_quoted(msg, t) for t in book.sheetnames)), SETUP)
            page = book[found]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                for number, row in enumerate(page.iter_rows(values_only=True, max_col=MAX_COLUMNS), 1):
                    yield number, row
        except SourceError:
            raise
        except Exception:  # noqa: BLE001 (a sheet's XML broken past its first rows)
            raise SourceError(msg("import_sheet_xlsx", source=name), code) from None
    finally:
        book.close()


# ----- headers ----------------------------------------------------------------------------------

def _folded(text: Any) -> str:
    """A header as compared: no case, no accent, one space between words ("Référence " = "reference")."""
    text = unicodedata.normalize("NFKD", str(text or "")).replace("’", "'")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(text.replace("_", " ").split())


def _quoted(msg: Messages, text: str) -> str:
    return msg("import_sheet_quoted", text=text)


def _names(field: str, settings: ImportSource) -> list[str]:
    """The headers a field's column may have: the one columns: gives, else its name and French header."""
    if field in settings.columns:
        return [settings.columns[field]]
    return [field, SPREADSHEET_HEADERS[field]]


def _columns(row, settings: ImportSource, name: str, msg: Messages) -> dict[str, tuple[int, str]]:
    """field → (index, header as written), for the fields whose column is there."""
    where: dict[str, list[int]] = {}
    for index, cell in enumerate(row):
        if not _blank(cell):
            where.setdefault(_folded(cell), []).append(index)
    columns = {}
    for field in SPREADSHEET_FIELDS:
        for header in _names(field, settings):
            found = where.get(_folded(header), [])
            if len(found) > 1:
                raise SourceError(msg("import_sheet_column_twice", source=name, header=detail(str(row[found[0]]).strip())), SETUP)
            if found:
                columns[field] = (found[0], str(row[found[0]]).strip())
                break
    return columns


def _header(rows: Iterator[tuple[int, Any]], settings: ImportSource, name: str, msg: Messages):
    """The columns of the header row: the first, below any title, that names the required columns."""
    first = None
    for _ in range(HEADER_SEARCH):
        row = next((r for _, r in rows if not all(_blank(c) for c in r)), None)
        if row is None:
            break
        first = first or row
        columns = _columns(row, settings, name, msg)
        if all(field in columns for field in REQUIRED):
            return columns
    expected = {field: " / ".join(_quoted(msg, detail(n)) for n in _names(field, settings)) for field in REQUIRED}
    if first is None:
        raise SourceError(msg("import_sheet_empty", source=name, expected=", ".join(expected.values())), SETUP)
    columns = _columns(first, settings, name, msg)
    missing = next(field for field in REQUIRED if field not in columns)
    found = ", ".join(_quoted(msg, detail(str(c).strip(), limit=60)) for c in first if not _blank(c))
    raise SourceError(msg("import_sheet_missing_column", source=name, expected=expected[missing], found=found,
                          field=missing), SETUP)


# ----- cells ------------------------------------------------------------------------------------

def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _text(cell: Any) -> str | None:
    """A cell as text: as written, stripped; a whole number without ".0"; a date in ISO 8601."""
    if _blank(cell):
        return None
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell).strip()


def _postal_code(cell: Any) -> str | None:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool) and 0 < cell < 100_000 and float(cell).is_integer():
        return f"{int(cell):05d}"  # 05000 typed in Excel is the number 5000
    return _text(cell)


def _date(cell: Any) -> date | None:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if not 1 <= cell < 2_958_466:  # Excel's dates: 1900-01-01 to 9999-12-31
            raise ValueError(cell)
        return _EXCEL_EPOCH + timedelta(days=int(cell))
    return read_date(cell.strip() if isinstance(cell, str) else cell)


def _boolean(cell: Any) -> bool:
    if _blank(cell):
        return False
    if isinstance(cell, bool):
        return cell
    word = _folded(_text(cell))
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(cell)


def _period(cell: Any) -> str | None:
    if _blank(cell):
        return None
    word = _folded(_text(cell)).removeprefix("/").strip()
    if word not in _PERIODS:
        raise ValueError(cell)
    return _PERIODS[word]


# field → (how its cell is read, what it should be: a key of the messages)
_READERS = {
    "salary_min": (read_number, "import_sheet_number"), "salary_max": (read_number, "import_sheet_number"),
    "salary_period": (_period, "import_sheet_period"), "remote": (_boolean, "import_sheet_boolean"),
    "posted": (_date, "import_sheet_date"), "valid_through": (_date, "import_sheet_date"),
}
# field of the sheet → attribute of UpstreamOffer, where the names differ
_ATTRIBUTES = {"salary": "salary_text", "sector": "sector_codes"}


def _offer(number: int, row, columns: dict[str, tuple[int, str]], msg: Messages) -> UpstreamOffer | Skipped:
    def cell(field: str) -> Any:
        index = columns[field][0]
        return row[index] if index < len(row) else None

    ident = _text(cell("id"))
    if ident is None:
        return Skipped(None, columns["id"][1], msg("import_sheet_no_id", row=number, column=detail(columns["id"][1])))
    offer = UpstreamOffer(id=ident, extra={"row": number})
    for field, (_, header) in columns.items():
        if field == "id":
            continue
        value = cell(field)
        reader, expected = _READERS.get(field, (_postal_code if field == "postal_code" else _text, None))
        try:
            value = reader(value)
        except (ValueError, TypeError, OverflowError):
            return Skipped(ident, header, msg("import_sheet_cell", row=number, column=detail(header),
                                              value=detail(_text(value) or "", limit=80), expected=msg(expected)))
        if field == "sector":
            value = (value,) if value else ()
        setattr(offer, _ATTRIBUTES.get(field, field), value)
    return offer


def _unique_rows(read: list[UpstreamOffer | Skipped], msg: Messages) -> Snapshot:
    """One offer per reference (the sync's key): the first row stands, a later one is skipped."""
    offers: list[UpstreamOffer] = []
    skipped: list[Skipped] = []
    first_row: dict[str, int] = {}
    for item in read:
        if isinstance(item, Skipped):
            skipped.append(item)
        elif item.id in first_row:
            skipped.append(Skipped(item.id, None, msg("import_sheet_duplicate", row=item.extra["row"], id=detail(item.id),
                                                      first=first_row[item.id])))
        else:
            first_row[item.id] = item.extra["row"]
            offers.append(item)
    return Snapshot(offers, skipped)


__all__ = ["MAX_BYTES", "MAX_ROWS", "read_spreadsheet"]
