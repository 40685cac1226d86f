"""Read a YAML file into plain data plus a map from field path to line number.

The C loader gives speed; composing the node tree first keeps the marks we need to
point an officer at the right line."""

from __future__ import annotations

import re
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
            for key in (loc, (*loc[:-1], str(loc[-1]))):  # a key read as a number (``1: 2``) is mapped as text
                if key in self.lines:
                    return self.lines[key]
            loc = loc[:-1]
        return self.first_line


# Characters a person cannot see or type: YAML refuses most of them with an English message
# (and pointing at the wrong line); its escapes ("\a", "\x1b") let them into a value. Tab, line
# feed and carriage return are ordinary text.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

# Anchors and aliases (&a, *a) are expanded when read: a few lines can stand for billions of
# values ("billion laughs"). No real content file comes near this many values.
MAX_NODES = 200_000


def read_text(path: Path, rel: str, msg: Messages, yaml_comments: bool = True) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problem that prevents reading it (empty, not UTF-8, invisible characters)."""
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
    if found := _INVISIBLE.search(text):
        line = text.count("\n", 0, found.start()) + 1
        return None, [Problem(rel, line, None, msg("invisible_character", code=_code_point(found.group())))]
    return text, []


def _code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def parse_yaml(text: str, rel: str, msg: Messages, first_line: int = 1) -> tuple[Any, Source, list[Problem]]:
    """Parse one YAML document; problems carry lines counted from ``first_line``."""
    source = Source(rel, first_line=first_line)
    offset = first_line - 1
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, source, [Problem(rel, first_line, None, msg("empty_file"))]
        # Only aliases can make a document grow past its text; without an anchor (&) there is none.
        if "&" in text and (too_big := _expanded_size(node)) is not None:
            return None, source, [Problem(rel, too_big.start_mark.line + 1 + offset, None,
                                          msg(_too_big_message(node), max=msg.number(MAX_NODES)))]
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark and "end of stream" in (err.problem or ""):
            mark = err.context_mark  # an unclosed quote: where it opens, not the end of the file
        line = (mark.line + 1 + offset) if mark else first_line
        return None, source, [Problem(rel, line, None, msg("invalid_yaml", detail=explain_yaml(err, text, msg)))]
    except yaml.YAMLError:  # e.g. several documents in one file
        return None, source, [Problem(rel, first_line, None, msg("invalid_yaml", detail=msg("yaml_several_documents")))]
    finally:
        loader.dispose()
    problems: list[Problem] = []
    _map_lines(node, (), source.lines, offset, rel, msg, problems)
    return data, source, problems


def _expanded_size(root) -> Any:
    """None when the document, its aliases expanded, stays under ``MAX_NODES`` values; else the
    node where it grows past them (an alias that contains itself grows without end)."""
    sizes: dict[int, int] = {}
    pending: set[int] = set()

    def size(node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in pending:  # an alias inside its own anchor
            raise _TooBig(node)
        pending.add(key)
        if isinstance(node, yaml.MappingNode):
            total = 1 + sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(size(item) for item in node.value)
        else:
            total = 1
        pending.discard(key)
        if total > MAX_NODES:
            raise _TooBig(node)
        sizes[key] = total
        return total

    try:
        size(root)
    except _TooBig as big:
        return big.node
    except RecursionError:  # nesting deeper than any real file
        return root
    return None


def _too_big_message(root) -> str:
    """Aliases expanding into too many values, or simply too many values written out."""
    seen: set[int] = set()
    stack = [root]
    while stack and len(seen) <= MAX_NODES:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return "yaml_too_many_values" if len(seen) > MAX_NODES else "yaml_aliases"


class _TooBig(Exception):
    def __init__(self, node):
        self.node = node


# PyYAML explains in English; an officer reads what it means and what to do instead. Matched on
# the start of PyYAML's own wording (``problem``, then ``context``).
_YAML_PROBLEMS = (
    ("found a tab character", "yaml_tab"),
    ("mapping values are not allowed", "yaml_colon"),
    ("could not find expected ':'", "yaml_missing_colon"),
    ("did not find expected key", "yaml_indent"),
    ("did not find expected '-' indicator", "yaml_indent"),
    ("expected <block end>", "yaml_indent"),
    ("found unexpected end of stream", "yaml_unclosed_quote"),
    ("found unknown escape character", "yaml_escape"),
    ("found undefined alias", "yaml_alias_undefined"),
    ("while scanning an alias", "yaml_alias_undefined"),
    ("while scanning an anchor", "yaml_alias_undefined"),
    ("but found another document", "yaml_several_documents"),
    ("found duplicate anchor", "yaml_alias_undefined"),
    ("found character '@' that cannot start any token", "yaml_reserved"),
    ("found character '`' that cannot start any token", "yaml_reserved"),
    ("did not find expected ',' or ']'", "yaml_flow"),
    ("did not find expected ',' or '}'", "yaml_flow"),
    ("did not find expected node content", "yaml_flow"),
    ("found unhashable key", "yaml_unhashable"),
    ("found unacceptable key", "yaml_unhashable"),
    ("could not determine a constructor", "yaml_tag"),
)


def explain_yaml(err: yaml.MarkedYAMLError, text: str, msg: Messages) -> str:
    mark = err.problem_mark
    at = text[mark.index:mark.index + 1] if mark is not None else ""  # libyaml does not name the character
    if at == "\t":
        return msg("yaml_tab")
    if at in ("@", "`") and "cannot start any token" in (err.problem or ""):
        return msg("yaml_reserved")
    said = f"{err.problem or ''} {err.context or ''}".strip()
    for start, key in _YAML_PROBLEMS:
        if start in said:
            return msg(key)
    return msg("yaml_unreadable")


def _map_lines(node, path: Path_, lines: dict, offset: int, rel: str, msg: Messages, problems: list) -> None:
    if isinstance(node, yaml.ScalarNode):
        if found := _INVISIBLE.search(node.value):  # written as an escape: "\a", "\x1b", "\0"
            problems.append(Problem(rel, node.start_mark.line + 1 + offset, ".".join(map(str, path)) or None,
                                    msg("invisible_character", code=_code_point(found.group()))))
    elif isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            _map_lines(key_node, path, {}, offset, rel, msg, problems)
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
