"""JSON Schemas of the content files, for completion and checks in the officer's editor.

One schema per content kind (``KINDS`` of the content model), generated from the pydantic
models so they never drift from what ``territoire check`` accepts. They target the VS Code
YAML extension (redhat.vscode-yaml), which reads YAML 1.2: a date written ``2030-03-14`` is
text there, so dates are strings with ``format: date`` and times of day a pattern
(``2030-03-14T12:30``, seconds and offset optional) rather than the strict RFC 3339
``date-time`` format, which would refuse what the generator accepts.

The schemas help while typing; ``territoire check`` stays the authority (it also checks that
media files exist, that a campaign lists existing offers, that placement codes are unique…)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from pydantic.json_schema import GenerateJsonSchema

from . import fields as F
from .kinds import KINDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, told how the editor reads a date and time (``fields.When``)."""

    def datetime_schema(self, schema) -> dict:
        return {"type": "string", "pattern": F.DATETIME_PATTERN}


def schema_for(kind: str, language: str = "fr") -> dict:
    """The JSON Schema (draft 2020-12) of one content kind, a key of ``kinds.KINDS``, with the
    fields' descriptions in ``language`` (fr or en)."""
    if kind not in KINDS:
        raise ValueError(f"type de contenu inconnu « {kind} » : {', '.join(KINDS)}")
    info = KINDS[kind]
    raw = info.model.model_json_schema(by_alias=True, mode="validation", schema_generator=_Generator)
    defs = raw.pop("$defs", {})
    _tidy(raw, language)
    for sub in defs.values():
        _tidy(sub, language)
    schema = {"$schema": DIALECT, "title": info.title, "description": info.description, **raw}
    if defs:
        schema["$defs"] = defs
    return schema


def _tidy(schema: Any, language: str) -> None:
    """One language; no English auto-titles or developers' docstrings; no empty defaults the editor
    would insert as ``null``; closed maps."""
    if isinstance(schema, list):
        for item in schema:
            _tidy(item, language)
        return
    if not isinstance(schema, dict):
        return
    schema.pop("title", None)
    english = schema.pop(F.DESCRIPTION_EN, None)
    if english is not None and language == "en":
        schema["description"] = english
    if "properties" in schema:
        schema.pop("description", None)  # a model's docstring, written for developers
    if "default" in schema and schema["default"] in (None, []):
        del schema["default"]
    if "patternProperties" in schema and "properties" not in schema:
        schema.setdefault("additionalProperties", False)  # dict[Slug, …]: a key must be a slug
    for key in ("properties", "patternProperties", "$defs"):
        for sub in schema.get(key, {}).values():
            _tidy(sub, language)
    for key in ("items", "additionalProperties", "not", "if", "then", "else"):
        _tidy(schema.get(key), language)
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        _tidy(schema.get(key), language)


def schema_file(kind: str) -> str:
    """The file name of a kind's schema: ``job.schema.json``."""
    return KINDS[kind].schema_file


def write_schemas(out: Path, language: str = "fr") -> list[Path]:
    """Write one ``<kind>.schema.json`` per content kind into ``out``; return the paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = out / schema_file(kind)
        path.write_text(json.dumps(schema_for(kind, language), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


# --- the same, for people: a Markdown reference of every field ------------------------

def field_reference() -> str:
    """Every field of every kind as Markdown tables (a project's CHAMPS.md), from the schemas."""
    out = [
        "# Les champs des fichiers de contenu",
        "",
        "Chaque fichier de contenu, champ par champ. « Obligatoire : oui » : le site ne se construit "
        "pas sans ce champ. Les autres peuvent être omis (supprimez la ligne). "
        "`territoire check` vérifie tout et indique le fichier, la ligne et la correction.",
        "",
        "Ce document est produit à partir des schémas du dossier `schemas/` (`territoire schema --out schemas`).",
        "",
    ]
    for kind, info in KINDS.items():
        name, _, where = info.title.rpartition(" (")
        name, where = (name, where) if name else (info.title, kind + ")")
        schema = schema_for(kind)
        defs = schema.get("$defs", {})
        out += [f'<a id="{kind}"></a>', "", f"## {name} — `{where.rstrip(')')}`", "", _escape(info.description), ""]
        out += _table(schema, defs)
        for ref, paths in _nested(schema, defs).items():
            out += ["", f"### {', '.join(f'`{p}`' for p in paths)}", ""]
            out += _table(defs[ref], defs)
        out.append("")
    return "\n".join(out)


# --- and in the officer's guide: the field tables of docs/contenu.md ----------------------
# Each table stands between two markers naming what it lists: a kind, a field path in it
# (``event.dates``: the fields of each date), or several of them, comma-separated (their
# fields then named by path: ``analytics.url``). The prose around is written by hand.

_BLOCK = re.compile(r"(<!-- champs:([\w.,]+) -->\n)(.*?)(<!-- /champs:\2 -->)", re.S)


def field_tables(markdown: str) -> str:
    """``markdown`` with each block between ``<!-- champs:… -->`` markers generated again."""
    return _BLOCK.sub(lambda m: m.group(1) + "\n".join(_block_table(m.group(2))) + "\n" + m.group(4), markdown)


def field_table_keys(markdown: str) -> list[str]:
    """The keys of the generated blocks of ``markdown``, in order."""
    return [m.group(2) for m in _BLOCK.finditer(markdown)]


def _block_table(key: str) -> list[str]:
    targets = [_resolve(path) for path in key.split(",")]
    rows = []
    for (obj, defs, prefix) in targets:
        table = _table(obj, defs, prefix if len(targets) > 1 else "")
        rows += table if not rows else table[2:]
    # A guide shows the groups it needs in its own tables, or describes them in words.
    return [row.replace(" (ci-dessous)", "") for row in rows]


def _resolve(path: str) -> tuple[dict, dict, str]:
    """The object schema at ``kind.field.field…``, its definitions and the field path it names."""
    kind, *steps = path.split(".")
    schema = schema_for(kind)
    defs = schema.get("$defs", {})
    obj = schema
    for step in steps:
        prop = obj.get("properties", {}).get(step)
        refs = [ref for ref, _ in _refs(prop)] if prop else []
        if not refs:
            raise ValueError(f"« {path} » : « {step} » n'est pas un groupe de champs de {kind}")
        obj = defs[refs[0]]
    return obj, defs, ".".join(steps[-1:])


def _nested(schema: dict, defs: dict) -> dict[str, list[str]]:
    """Each object definition, with the field paths where it is used, in reading order."""
    found: dict[str, list[str]] = {}
    queue = [("", schema)]
    while queue:
        prefix, obj = queue.pop(0)
        for field, prop in obj.get("properties", {}).items():
            for ref, many in _refs(prop):
                path = f"{prefix}{field}" + ("[]" if many else "")
                if ref not in found:
                    found[ref] = []
                    queue.append((path + ".", defs[ref]))
                found[ref].append(path)
    return found


def _refs(prop: dict, many: bool = False):
    if "$ref" in prop:
        yield prop["$ref"].rsplit("/", 1)[-1], many
    for alt in prop.get("anyOf", []):
        yield from _refs(alt, many)
    if isinstance(prop.get("items"), dict):
        yield from _refs(prop["items"], True)


def _table(obj: dict, defs: dict, prefix: str = "") -> list[str]:
    rows = ["| Champ | Obligatoire | Valeur | Description |", "|---|---|---|---|"]
    required = set(obj.get("required", []))
    for field, prop in obj.get("properties", {}).items():
        value = _value(prop, defs)
        if "default" in prop and not isinstance(prop["default"], dict):
            value += f" (par défaut : `{json.dumps(prop['default'], ensure_ascii=False).strip(chr(34))}`)"
        text = _escape(prop.get("description", ""))
        if prop.get("examples"):
            text += f" Exemple : `{_yaml(prop['examples'][0])}`."
        name = f"{prefix}.{field}" if prefix else field
        cells = [f"`{name}`", "oui" if field in required else "non", value, text]
        rows.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return rows


def _yaml(value: Any) -> str:
    """A value as written in a content file: quoted when YAML would read it otherwise."""
    if isinstance(value, str) and yaml.safe_load(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)


def _escape(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _value(prop: dict, defs: dict) -> str:
    if "anyOf" in prop and "type" not in prop:
        parts = [_value(p, defs) for p in prop["anyOf"] if p.get("type") != "null"]
        return " ou ".join(dict.fromkeys(parts))
    if "$ref" in prop:
        return "un groupe de champs (ci-dessous)"
    if "enum" in prop:
        return "une valeur parmi " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type")
    if kind == ["string", "number"]:
        return "texte ou nombre"
    if kind == "boolean":
        return "`true` (oui) ou `false` (non)"
    if kind == "integer":
        return "une année (AAAA)" if prop.get("minimum") == F.YEAR_MIN else "nombre entier"
    if kind == "number":
        return "nombre"
    if kind == "array":
        item = prop.get("items", {})
        if "$ref" in item:
            return "une liste de groupes de champs (ci-dessous)"
        return f"une liste [ … ] (chaque élément : {_value(item, defs)})"
    if kind == "object":  # a map: slug keys (site.sectors), or any key and values that say what they are
        if "patternProperties" in prop:
            return "des paires `clé: libellé` (clé : minuscules, chiffres, tirets)"
        return f"des paires `clé: valeur` (valeur : {_value(prop.get('additionalProperties') or {}, defs)})"
    if "anyOf" in prop:  # e-mail or web address
        return "adresse e-mail ou adresse web `https://…`"
    pattern, fmt = prop.get("pattern"), prop.get("format")
    return {
        F.DATETIME_PATTERN: "date et heure `AAAA-MM-JJTHH:MM`",
        F.MEDIA_PATTERN: "nom d'un fichier de `content/media/`",
        F.LINK_PATTERN: "adresse `https://…`, `mailto:…` ou `tel:…`",
        F.TIMEZONE_PATTERN: "fuseau horaire (`Europe/Paris`)",
        F.EMAIL_PATTERN: "adresse e-mail",
        F.SLUG_RE.pattern: "identifiant : minuscules, chiffres, tirets",
        F.PHONE_RE.pattern: "téléphone, entre guillemets",
        F.COLOR_RE.pattern: "couleur `#rrggbb`, entre guillemets",
        F.POSTAL_CODE_RE.pattern: "code postal, entre guillemets",
        "^https://": "adresse web `https://…`",
    }.get(pattern) or {"date": "date `AAAA-MM-JJ`", "markdown": "texte (Markdown)"}.get(fmt, "texte")


def main(argv: list[str]) -> int:
    """``python -m generator.content.schema --docs docs/contenu.md [--check]``: write the field
    tables of a guide again; with ``--check``, only tell whether they are out of date."""
    check = "--check" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")]
    if "--docs" not in argv or not paths:
        print("usage : python -m generator.content.schema --docs docs/contenu.md [--check]", file=sys.stderr)
        return 2
    stale = []
    for path in paths:
        text = path.read_text("utf-8")
        fresh = field_tables(text)
        if fresh != text:
            stale.append(path)
            if not check:
                path.write_text(fresh, encoding="utf-8")
    for path in stale:
        print(f"{path} : tableaux des champs {'périmés' if check else 'mis à jour'}")
    return 1 if check and stale else 0


__all__ = ["DIALECT", "field_reference", "field_tables", "field_table_keys", "schema_for", "schema_file", "write_schemas"]

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
