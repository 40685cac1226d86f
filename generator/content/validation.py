"""Turn pydantic's errors into problems an officer can act on: file, line, field, fix."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .messages import Messages
from .yaml_source import Source

_TYPE_MESSAGES = {
    "string_type": "string_type", "string_too_short": "string_too_short",
    "int_type": "int_type", "int_parsing": "int_type", "int_from_float": "int_type",
    "float_type": "number_type", "float_parsing": "number_type",
    "bool_type": "bool_type", "bool_parsing": "bool_type",
    "list_type": "list_type", "dict_type": "dict_type", "model_type": "dict_type",
    "model_attributes_type": "dict_type",
    "date_type": "date_type", "date_parsing": "date_type", "date_from_datetime_inexact": "date_type",
    "date_from_datetime_parsing": "date_type",
    "datetime_type": "datetime_type", "datetime_parsing": "datetime_type",
    "datetime_from_date_parsing": "datetime_type", "datetime_object_invalid": "datetime_type",
    "greater_than": "greater_than", "greater_than_equal": "greater_than_equal", "less_than": "less_than",
    "less_than_equal": "less_than_equal", "finite_number": "finite_number", "string_too_long": "string_too_long",
    "string_pattern_mismatch": "string_pattern_mismatch", "too_short": "too_short", "too_long": "too_long",
    "invalid_key": "invalid_key",
}


def validate(model: type[BaseModel], data: Any, source: Source, msg: Messages, context: dict | None = None):
    """The validated item, or None and the problems."""
    try:
        return model.model_validate(data, context=context), []
    except ValidationError as err:
        return None, explain(err, model, data, source, msg)


def explain(err: ValidationError, model: type[BaseModel], data: Any, source: Source, msg: Messages) -> list[Problem]:
    by_loc: dict[tuple, list[tuple[str, dict]]] = {}
    for e in err.errors(include_url=False):
        loc = _clean_loc(e["loc"], data)
        by_loc.setdefault(loc, []).append((e["type"], e))
    problems = []
    for loc, errors in by_loc.items():
        types_here = {t for t, _ in errors}
        if types_here <= set(_TYPE_MESSAGES) and any(other[: len(loc)] == loc and len(other) > len(loc) for other in by_loc):
            continue  # e.g. list-or-filter union: the filter's own error says more
        problems.append(_problem(loc, errors, model, data, source, msg))
    return problems


def _problem(loc, errors, model, data, source: Source, msg: Messages) -> Problem:
    kinds = [t for t, _ in errors]
    kind, e = _pick(errors)
    field = ".".join(str(p) for p in loc) or None
    line = source.line_of(loc)
    value = e.get("input")
    if kind == "missing":
        name = str(loc[-1]) if loc else ""
        text = msg("consent_missing") if name == "consent" else msg("missing", field=name)
        line = source.line_of(loc[:-1])
    elif kind == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        hint = msg.guess(loc[-1], known) or (msg("known_fields", fields=", ".join(sorted(known))) if known else "")
        text = msg("extra_forbidden", field=loc[-1], hint=hint)
    elif kind == "literal_error":
        expected = e.get("ctx", {}).get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        text = msg("choice", input=value, expected=", ".join(choices), hint=msg.guess(value, choices))
    elif msg.has(kind) and kind not in _TYPE_MESSAGES:  # our own checks (fields.py, model.py)
        ctx = dict(e.get("ctx") or {})
        at = ctx.pop("at", None)
        if at:  # a rule across fields points at the field to change ("imports.1.name": a path)
            loc = (*loc, *(int(part) if part.isdigit() else part for part in str(at).split(".")))
            field, line = ".".join(str(p) for p in loc), source.line_of(loc)
        ctx.setdefault("input", value)
        text = msg(kind, **ctx)
    elif "datetime_type" in {_TYPE_MESSAGES.get(k) for k in kinds}:
        text = msg("datetime_type", input=value)
    elif kind in _TYPE_MESSAGES:
        key = _TYPE_MESSAGES[kind]
        bounds = {name: msg.number(bound) if isinstance(bound, (int, float)) and not isinstance(bound, bool) else bound
                  for name, bound in (e.get("ctx") or {}).items()}
        if "min_length" in (e.get("ctx") or {}):
            bounds["count"] = e["ctx"]["min_length"]  # too_short is a plural: "au moins 1 élément"
        text = msg(key, input=value, **bounds)
    else:
        # pydantic's own wording is English: an officer gets the value and where to read the format.
        text = msg("invalid", input=_shown(value))
    return Problem(source.file, line, field, text)


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _pick(errors):
    """Among the errors of one field (a union gives several), the most telling."""
    for t, e in errors:
        if t not in _TYPE_MESSAGES and t not in ("missing",):
            return t, e
    return errors[0]


def _clean_loc(loc: tuple, data: Any) -> tuple:
    """Drop the union tags pydantic puts in ``loc`` ("list[str]", "JobFilter"...), keep real keys."""
    clean = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            clean.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            clean.append(part)
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and not _is_tag(part):
            clean.append(part)  # a missing or unknown key
            current = None
    return tuple(clean)


def _is_tag(part: str) -> bool:
    return part[:1].isupper() or "[" in part or part in ("str", "int", "float", "bool", "date", "datetime")


def _fields_at(model: type[BaseModel], path: tuple) -> set[str]:
    """Field names allowed at ``path`` of ``model`` (across unions), for “did you mean”."""
    classes = [model]
    for part in path:
        nxt = []
        for cls in classes:
            if isinstance(part, int):
                nxt.append(cls)
                continue
            for name, info in cls.model_fields.items():
                if part in (name, info.alias):
                    nxt.extend(_models_in(info.annotation))
        classes = nxt
    return {info.alias or name for cls in classes for name, info in cls.model_fields.items()}


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    for arg in typing.get_args(annotation):
        found.extend(_models_in(arg))
    return found
