"""A content problem is something the officer must fix; it names the file and the line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # relative to the project, with forward slashes
    line: int | None
    field: str | None  # dotted path, e.g. "salary.min"
    message: str  # already in the site's language

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found in one run, never just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field or ""))
        super().__init__("\n".join(str(p) for p in self.problems))


class OutputError(ContentError):
    """The output folder cannot be made or replaced (not ours, not writable): nothing was changed."""
