"""Read a YAML file into plain data plus a map from field path to line number.

The C loader gives speed; composing the node tree first keeps the marks we need to
point an officer at the right line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is there


class _Loader(_Base):
    """Safe loading, kinder to hand-written files."""


def _timestamp(loader, node):
    # An impossible date (2026-13-01) stays text, so validation reports it at its field and line.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def _int(loader, node):
    # YAML 1.1 reads 05000 as an octal number: a postal code or phone number must stay text.
    text = loader.construct_scalar(node)
    if len(text) > 1 and text[0] == "0" and text.isdigit():
        return text
    return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _int)

from .errors import Problem
from .messages import Messages

Path_ = tuple[Any, ...]


@dataclass
class Source:
    """Where an item came from, to turn a field path into a line number."""

    file: str
    lines: dict[Path_, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, loc: Path_) -> int:
        """The line of the deepest known prefix of ``loc``."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.first_line


def read_text(path: Path, rel: str, msg: Messages, yaml_comments: bool = True) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problem that prevents reading it (empty, not UTF-8)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(rel, line, None, msg("not_utf8"))]
    if not text.strip() or (yaml_comments and all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    )):
        return None, [Problem(rel, 1, None, msg("empty_file"))]
    return text, []


def parse_yaml(text: str, rel: str, msg: Messages, first_line: int = 1) -> tuple[Any, Source, list[Problem]]:
    """Parse one YAML document; problems carry lines counted from ``first_line``."""
    source = Source(rel, first_line=first_line)
    offset = first_line - 1
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, source, [Problem(rel, first_line, None, msg("empty_file"))]
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        problem = (err.problem or str(err)).strip()
        return None, source, [Problem(rel, line, None, msg("invalid_yaml", detail=problem))]
    except yaml.YAMLError as err:  # e.g. several documents in one file
        return None, source, [Problem(rel, first_line, None, msg("invalid_yaml", detail=str(err)))]
    finally:
        loader.dispose()
    problems: list[Problem] = []
    _map_lines(node, (), source.lines, offset, rel, msg, problems)
    return data, source, problems


def _map_lines(node, path: Path_, lines: dict, offset: int, rel: str, msg: Messages, problems: list) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                field_name = ".".join(str(p) for p in (*path, key))
                problems.append(Problem(rel, line, field_name, msg("duplicate_key", first=seen[key])))
            seen[key] = line
            lines[(*path, key)] = line
            _map_lines(value_node, (*path, key), lines, offset, rel, msg, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1 + offset
            _map_lines(item, (*path, index), lines, offset, rel, msg, problems)
