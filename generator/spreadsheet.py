"""CSV files that a spreadsheet opens without running anything written in a cell.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or a carriage return, which
some spreadsheets skip before reading a formula) is read by Excel, LibreOffice and Google Sheets
as a formula: ``=HYPERLINK("https://…", "Postuler")`` in an offer's title, typed in a content
file, would run on the computer of whoever opens the export. As OWASP advises against CSV
injection, such a cell is written with a single quote in front (shown as text, the quote itself
hidden by spreadsheets) and between double quotes. Every CSV that Territoire writes goes through
``writer``; numbers, given as numbers, are written as they are.
"""

from __future__ import annotations

from typing import Iterable, TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> tuple[str, bool]:
    """The text of a cell, and whether it must be quoted whatever it holds."""
    if value is None:
        return "", False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value), False
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text, True
    return text, False


class Writer:
    """``csv.writer``'s output (comma, double quotes when needed, RFC 4180), formulas neutralised."""

    def __init__(self, handle: TextIO, lineterminator: str = "\r\n"):
        self.handle = handle
        self.lineterminator = lineterminator

    def writerow(self, row: Iterable) -> None:
        self.handle.write(",".join(_field(value) for value in row) + self.lineterminator)

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def writer(handle: TextIO, lineterminator: str = "\r\n") -> Writer:
    return Writer(handle, lineterminator)


def _field(value) -> str:
    text, force = cell(value)
    if force or any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text
