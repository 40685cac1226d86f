"""The editor's configuration (``/admin/config.yml``), generated from the content model.

One folder collection per content kind of ``content/kinds.py`` (files named ``<slug>.yml``), and
the territory and the site's settings as file collections. Each field's widget, requirement,
pattern and range come from the JSON Schema the model generates (``content/schema.py``), so
that the form refuses what ``territoire check`` would refuse for a reason it can know; its hint
is the field's description in the site's language."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..content import fields as F
from ..content.kinds import COLLECTIONS, KINDS
from ..content.model import SiteConfig
from ..content.schema import schema_for
from ..content.vocabularies import LABELLED
from ..locales import words

MEDIA_FOLDER = "content/media"
DATE_FORMAT = "YYYY-MM-DD"
DATETIME_FORMAT = "YYYY-MM-DDTHH:mm"  # what fields.When accepts, in the site's time zone
# Fields whose value names another file: (collection folder, several values).
RELATIONS = {
    "show.jobs": ("jobs", True), "show.events": ("events", True), "show.testimonials": ("testimonials", True),
    "call_to_action.event": ("events", False), "call_to_action.job": ("jobs", False),
}
# Fields chosen among the site's own sectors (keys of site.sectors).
SECTOR_FIELDS = frozenset({"sector", "show.jobs.sector", "imports.default_sector"})
# What the form leaves to the file, with the reason; tests/test_admin.py holds this list exact.
# Decap keeps the fields it does not show as they are in the file.
FORM_OMITS = {
    ("site_config", "site.sectors"): "a map of keys chosen by the officer: no widget writes one",
    ("site_config", "imports.sectors"): "a map of the source's codes: no widget writes one",
    ("site_config", "imports.contracts"): "a map of the source's codes: no widget writes one",
    ("site_config", "imports.columns"): "a map of the spreadsheet's headers: no widget writes one",
    ("campaign", "show.jobs.*"): "a filter instead of a list of offers: written in the file",
    ("campaign", "show.events.*"): "a filter instead of a list of events: written in the file",
}
FILES = {"territory": "territory", "site_config": "site_config"}  # the file collection's entries


def editor_config(config: SiteConfig, local: bool = True) -> dict:
    """The Decap CMS configuration of a site. ``local``: the form may also use ``decap-server``
    (``local_backend``), which Decap only tries when the page is served from this computer."""
    language = config.site.language
    t = words(language, "admin")
    sectors = [{"label": label, "value": key} for key, label in config.site.sectors.items()]
    context = _Context(language, t, sectors, config.site.timezone)
    out: dict[str, Any] = {"backend": backend(config), "locale": language}
    if local:
        out["local_backend"] = True
    out |= {
        "media_folder": MEDIA_FOLDER,
        "public_folder": "",  # the YAML holds the file's path relative to content/media/, as the model wants
        "site_url": config.site.base_url,
        "display_url": config.site.base_url,
        "publish_mode": "simple",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [],
    }
    for name, kind in COLLECTIONS.items():
        schema = _schema(name, language)
        identifier = _identifier(name)
        collection = {
            "name": kind.folder, "label": t[f"collection_{name}"], "label_singular": t[f"item_{name}"],
            "description": t[f"description_{name}"], "folder": kind.path, "extension": "yml", "format": "yml",
            "create": True, "editor": {"preview": False}, "identifier_field": identifier, "slug": f"{{{{{identifier}}}}}", "summary": f"{{{{{identifier}}}}}",
            "sortable_fields": [f for f in (identifier, "posted", "start") if f in schema["properties"]],
            "fields": context.fields(name, schema, schema, "", True),
        }
        if name == "job":
            # Imported offers can be thousands: grouped by sector, filtered by contract.
            collection["view_groups"] = [{"label": "sector", "field": "sector"}]
        out["collections"].append(collection)
    out["collections"].append({
        "name": "settings", "label": t["collection_settings"], "editor": {"preview": False},
        "files": [
            {"name": entry, "label": t[f"item_{entry}"], "file": KINDS[entry].file,
             "fields": context.fields(entry, _schema(entry, language), _schema(entry, language), "", True)}
            for entry in FILES
        ],
    })
    return out


@lru_cache(maxsize=None)
def _schema(kind: str, language: str) -> dict:
    """A kind's JSON Schema, made once per process (the preview rebuilds often); only read here."""
    return schema_for(kind, language)


def _identifier(kind: str) -> str:
    """The field an item is named by, which gives its file name (``title``, a testimonial's ``name``)."""
    return "title" if "title" in COLLECTIONS[kind].model.model_fields else "name"


def backend(config: SiteConfig) -> dict:
    """Where the form reads and commits: the repository of ``editor:`` in site_config.yml; without
    it, only the local ``decap-server`` of an officer previewing the site (``proxy``)."""
    editor = config.editor
    if editor is None:
        return {"name": "proxy", "proxy_url": "http://localhost:8081/api/v1", "branch": "main"}
    found: dict[str, Any] = {"name": editor.backend, "repo": editor.repo, "branch": editor.branch}
    if editor.backend == "gitlab":
        found |= {"auth_type": "pkce", "app_id": editor.app_id}
        if editor.gitlab_url:
            base = editor.gitlab_url.rstrip("/")
            found |= {"base_url": base, "api_root": f"{base}/api/v4", "auth_endpoint": "oauth/authorize"}
    elif editor.auth_url:
        found["base_url"] = editor.auth_url.rstrip("/")
    return found


class _Context:
    def __init__(self, language: str, t: dict, sectors: list, timezone: str):
        self.language, self.t, self.sectors, self.timezone = language, t, sectors, timezone
        self.labels = {tuple(v.values): v.labels(language) for v in LABELLED}

    def fields(self, kind: str, obj: dict, root: dict, prefix: str, required_here: bool) -> list[dict]:
        required = set(obj.get("required", [])) if required_here else set()
        out = []
        for name, prop in obj.get("properties", {}).items():
            path = f"{prefix}{name}"
            if (kind, path) in FORM_OMITS:
                continue
            field = self.field(kind, name, path, prop, root, name in required)
            if field is not None:
                out.append(field)
        return out

    def field(self, kind: str, name: str, path: str, prop: dict, root: dict, required: bool) -> dict | None:
        hint = prop.get("description", "")
        field: dict[str, Any] = {"name": name, "label": name, "required": required}
        alternatives = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
        main = alternatives[0] if alternatives else prop
        if path in RELATIONS or path.endswith(tuple(f".{p}" for p in RELATIONS)):
            folder, many = RELATIONS[path] if path in RELATIONS else next(v for k, v in RELATIONS.items() if path.endswith(k))
            shown = _identifier(next(k for k in COLLECTIONS.values() if k.folder == folder).name)
            field |= {"widget": "relation", "collection": folder, "value_field": "{{slug}}",
                      "search_fields": [shown], "display_fields": [shown], "multiple": many}
        elif name == "sector" or path in SECTOR_FIELDS:
            field |= {"widget": "select", "options": self.sectors}
        elif "$ref" in main:
            definition = root["$defs"][main["$ref"].rsplit("/", 1)[-1]]
            # A group the site always has (it has a default) is shown open; other optional ones closed.
            field |= {"widget": "object", "collapsed": not required and "default" not in prop,
                      "fields": self.fields(kind, definition, root, f"{path}.", required)}
        elif main.get("type") == "object":  # a map: a string widget would overwrite it with text
            raise ValueError(f"{kind}: {path} is a map: add it to FORM_OMITS with the reason")
        elif main.get("type") == "array":
            items = main.get("items", {})
            if "$ref" in items:
                definition = root["$defs"][items["$ref"].rsplit("/", 1)[-1]]
                # Items of a list the officer adds are whole: their own required fields apply.
                field |= {"widget": "list", "collapsed": True,
                          "fields": self.fields(kind, definition, root, f"{path}.", True)}
            elif "enum" in items:
                field |= {"widget": "select", "multiple": True, "options": self.options(items["enum"])}
            else:
                field |= {"widget": "list", "field": self.field(kind, "item", path, items, root, True)}
        elif "enum" in main:
            field |= {"widget": "select", "options": self.options(main["enum"])}
        elif main.get("type") == "boolean":
            field |= {"widget": "boolean"}
        elif main.get("type") in ("integer", "number"):
            field |= {"widget": "number", "value_type": "int" if main["type"] == "integer" else "float"}
            for bound, key in (("minimum", "min"), ("exclusiveMinimum", "min"), ("maximum", "max")):
                if bound in prop or bound in main:
                    field[key] = prop.get(bound, main.get(bound))
        elif main.get("format") == "date" and len(alternatives) == 1:
            field |= {"widget": "datetime", "format": DATE_FORMAT, "date_format": "DD/MM/YYYY", "time_format": False}
        elif any(p.get("pattern") == F.DATETIME_PATTERN for p in alternatives):
            field |= {"widget": "datetime", "format": DATETIME_FORMAT, "date_format": "DD/MM/YYYY",
                      "time_format": "HH:mm", "picker_utc": False}
            hint = f"{hint} {self.t['local_time'].format(timezone=self.timezone)}".strip()
        elif main.get("format") == "markdown":
            field |= {"widget": "markdown", "buttons": ["bold", "italic", "link", "heading-two", "heading-three",
                                                         "quote", "bulleted-list", "numbered-list"],
                      "editor_components": [], "modes": ["rich_text", "raw"]}
        elif main.get("pattern") == F.MEDIA_PATTERN:
            field |= {"widget": "image", "choose_url": False}
        else:
            field["widget"] = "string"
            pattern = self.pattern(alternatives)
            if pattern:
                field["pattern"] = [pattern, self.t["pattern"].format(hint=hint)]
        if hint:
            field["hint"] = hint
        return field

    def options(self, values: list) -> list[dict]:
        labels = self.labels.get(tuple(values), {})
        return [{"label": labels.get(v, str(v)), "value": v} for v in values]

    @staticmethod
    def pattern(alternatives: list[dict]) -> str | None:
        found = [p.get("pattern") for p in alternatives if p.get("type", "string") == "string" or "pattern" in p]
        found = [p for p in found if p]
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        return "|".join(f"(?:{p})" for p in found)


def field_paths(config: dict, kind: str) -> set[str]:
    """The field paths of a kind's form in a generated configuration (``show.events``…)."""
    folder = COLLECTIONS[kind].folder if kind in COLLECTIONS else None
    for collection in config["collections"]:
        if collection.get("name") == folder:
            return _paths(collection["fields"], "")
        for entry in collection.get("files", []):
            if entry["name"] == kind:
                return _paths(entry["fields"], "")
    return set()


def _paths(fields: list[dict], prefix: str) -> set[str]:
    found = set()
    for field in fields:
        path = f"{prefix}{field['name']}"
        found.add(path)
        found |= _paths(field.get("fields", []), f"{path}.")
    return found


__all__ = ["FORM_OMITS", "editor_config", "field_paths"]
