"""Content problems where an officer looks in CI: GitHub's annotations and job summary, GitLab's
job log and Code Quality report. ``territoire check --format github|gitlab`` writes them.

Messages quote what the officer's files hold, which is untrusted: nothing written here can
start a workflow command of its own, break out of a Markdown table cell or end a log line."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from urllib.parse import quote

from ..locales import words
from .errors import Problem

# GitHub shows at most this many error annotations per step (the job summary has them all).
GITHUB_ANNOTATION_LIMIT = 10
# GitLab's Code Quality severities are info, minor, major, critical, blocker: a content error
# stops the publication.
CODE_QUALITY_SEVERITY = "blocker"
CHECK_NAME = "territoire-check"

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def one_line(text: str) -> str:
    """``text`` on a single line: a line break or an escape sequence in a quoted value would let a
    file write lines of its own into the log."""
    return _CONTROL.sub(" ", text)


# --- GitHub ---------------------------------------------------------------------------------

def escape_data(text: str) -> str:
    """A workflow command's message, escaped as @actions/core does (command.ts, escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (escapeProperty): ``:`` and ``,`` end a property too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(problems: Iterable[Problem], language: str, prefix: str = "") -> list[str]:
    """One ``::error file=…,line=…,title=…::message`` workflow command per problem."""
    t = words(language, "ci")
    lines = []
    for problem in problems:
        properties = {"file": prefix + problem.file}
        if problem.line is not None:
            properties["line"] = str(problem.line)
        properties["title"] = t["title_field"].format(field=problem.field) if problem.field else t["title"]
        listed = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
        lines.append(f"::error {listed}::{escape_data(problem.message)}")
    return lines


def markdown_text(text: str) -> str:
    """Plain text in a Markdown table cell: every ASCII punctuation mark escaped (CommonMark shows
    ``\\*`` as ``*``), so a value cannot become a link, an image, HTML or a new cell."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", one_line(text))


def file_url(env: Mapping[str, str], path: str, line: int | None) -> str | None:
    """The file at the commit that was checked, on GitHub, at its line; None outside Actions."""
    try:
        base = f"{env['GITHUB_SERVER_URL']}/{env['GITHUB_REPOSITORY']}/blob/{env['GITHUB_SHA']}/"
    except KeyError:
        return None
    return base + quote(path, safe="/") + (f"#L{line}" if line is not None else "")


def github_summary(problems: list[Problem], language: str, headline: str, prefix: str = "",
                   env: Mapping[str, str] | None = None) -> str:
    """The job summary in Markdown: the headline, then a table of every problem."""
    t = words(language, "ci")
    out = [f"## {markdown_text(t['heading'])}", "", markdown_text(headline), ""]
    if not problems:
        return "\n".join(out)
    out += [f"| {t['file']} | {t['line']} | {t['field']} | {t['problem']} |", "|---|---|---|---|"]
    for problem in problems:
        path = prefix + problem.file
        url = file_url(env or {}, path, problem.line)
        where = f"[{markdown_text(path)}]({url})" if url else markdown_text(path)
        line = "" if problem.line is None else str(problem.line)
        field = markdown_text(problem.field or "")
        out.append(f"| {where} | {line} | {field} | {markdown_text(problem.message)} |")
    out += ["", markdown_text(t["how_to_fix"])]
    if len(problems) > GITHUB_ANNOTATION_LIMIT:
        out += ["", markdown_text(t["annotation_limit"].format(limit=GITHUB_ANNOTATION_LIMIT))]
    return "\n".join(out) + "\n"


# --- GitLab ---------------------------------------------------------------------------------

RED, BOLD, RESET = "\x1b[31m", "\x1b[1m", "\x1b[0m"


def gitlab_log(problems: list[Problem], language: str, prefix: str = "") -> list[str]:
    """The first lines of the job's log: a heading in red, then one problem per line."""
    t = words(language, "ci")
    return [f"{BOLD}{RED}{t['log_heading']}{RESET}"] + [one_line(str(_moved(p, prefix))) for p in problems]


def code_quality(problems: list[Problem], prefix: str = "") -> list[dict]:
    """GitLab's Code Quality report (a subset of Code Climate's issue format): merge requests
    show what a change adds or fixes, compared by fingerprint."""
    issues, seen = [], set()
    for problem in problems:
        path = prefix + problem.file
        # Without the line, so that a problem is the same one when lines above it move.
        key = "\0".join((path, problem.field or "", problem.message))
        fingerprint, n = hashlib.sha256(key.encode()).hexdigest(), 1
        while fingerprint in seen:  # the same problem twice in one file: still two issues
            n += 1
            fingerprint = hashlib.sha256(f"{key}\0{n}".encode()).hexdigest()
        seen.add(fingerprint)
        description = f"{problem.field}: {problem.message}" if problem.field else problem.message
        issues.append({
            "type": "issue",
            "check_name": CHECK_NAME,
            "description": one_line(description),
            "severity": CODE_QUALITY_SEVERITY,
            "fingerprint": fingerprint,
            "location": {"path": path, "lines": {"begin": problem.line or 1}},
        })
    return issues


def code_quality_json(problems: list[Problem], prefix: str = "") -> str:
    return json.dumps(code_quality(problems, prefix), ensure_ascii=False, indent=2) + "\n"


def _moved(problem: Problem, prefix: str) -> Problem:
    return Problem(prefix + problem.file, problem.line, problem.field, problem.message) if prefix else problem
