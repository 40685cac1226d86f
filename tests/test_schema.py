"""JSON Schemas of the content files: valid, closed, documented, and agreeing with the generator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from generator.cli import main
from generator.content.kinds import KINDS
from generator.content.schema import DIALECT, field_reference, schema_for, write_schemas

jsonschema = pytest.importorskip("jsonschema")
from jsonschema import Draft202012Validator, FormatChecker  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FILES = {
    "site_config": "site_config.schema.json", "territory": "territory.schema.json", "job": "job.schema.json",
    "event": "event.schema.json", "testimonial": "testimonial.schema.json", "campaign": "campaign.schema.json",
    "page": "page.schema.json",
}


class EditorLoader(yaml.SafeLoader):
    """YAML as the editor's extension reads it (YAML 1.2): a date is text, not a timestamp."""


EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def load_as_editor(path: Path):
    text = path.read_text("utf-8")
    if path.suffix == ".md":  # the front matter between the first two "---" lines
        text = text.split("\n---", 1)[0].removeprefix("---\n")
    return yaml.load(text, Loader=EditorLoader)


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema_for(kind), format_checker=FormatChecker())


def errors(kind: str, data) -> list[str]:
    return [f"{'.'.join(map(str, e.absolute_path)) or '(racine)'}: {e.message}" for e in validator(kind).iter_errors(data)]


# --- the schemas themselves -----------------------------------------------------------

def test_one_schema_file_per_kind(tmp_path):
    written = write_schemas(tmp_path / "schemas")
    assert set(FILES) == set(KINDS)
    assert [p.name for p in written] == [FILES[k] for k in KINDS]
    for kind, path in zip(KINDS, written):
        schema = json.loads(path.read_text("utf-8"))
        assert schema == schema_for(kind)
        assert schema["$schema"] == DIALECT


@pytest.mark.parametrize("kind", list(KINDS))
def test_schema_is_valid_draft_2020_12(kind):
    Draft202012Validator.check_schema(schema_for(kind))


@pytest.mark.parametrize("kind", list(KINDS))
def test_french_title_and_description(kind):
    schema = schema_for(kind)
    assert schema["title"] and schema["description"]
    assert any(ch in schema["title"] + schema["description"] for ch in "éèàçô'")  # French, not "Job"


def _objects(schema: dict):
    yield "(racine)", schema
    for name, sub in schema.get("$defs", {}).items():
        yield name, sub


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_object_is_closed_and_every_field_documented(kind):
    for name, obj in _objects(schema_for(kind)):
        if obj.get("type") != "object":
            continue
        assert obj.get("additionalProperties") is False, f"{kind}/{name}: a misspelt field must be flagged"
        for field, prop in obj.get("properties", {}).items():
            assert prop.get("description"), f"{kind}/{name}.{field}: no description (document every field)"
            assert "title" not in prop, f"{kind}/{name}.{field}: English auto-title left"


def test_cli_schema_command(tmp_path, capsys):
    assert main(["schema", "--out", str(tmp_path / "s")]) == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == sorted(FILES.values())
    assert "job.schema.json" in capsys.readouterr().out


def test_unknown_kind():
    with pytest.raises(ValueError, match="inconnu"):
        schema_for("offre")


def test_field_reference_lists_every_kind():
    text = field_reference()
    for kind in KINDS:
        assert f'<a id="{kind}"></a>' in text
    assert "`valid_through`" in text and "`placements[]`" in text


# --- what the editor will say, compared with the generator ----------------------------

def _job(**changes):
    job = {
        "title": "Infirmier", "employer": {"name": "CH"}, "sector": "sante", "contract": "cdi",
        "location": {"city": "Blois", "postal_code": "41000"}, "posted": "2026-01-05",
        "description": "Texte", "apply": {"email": "rh@example.fr"},
    }
    job.update(changes)
    return job


def _event(**changes):
    event = {"title": "Webinaire", "kind": "webinar", "start": "2030-03-14T12:30", "end": "2030-03-14T13:30",
             "online": {"platform": "Zoom"}}
    event.update(changes)
    return event


@pytest.mark.parametrize("start, end", [
    ("2030-03-14T12:30", "2030-03-14T13:30"),        # YAML 1.1 and 1.2 both read this as text
    ("2030-03-14 12:30:00", "2030-03-14 13:30:00"),  # a YAML 1.1 timestamp, written back as text
    ("2030-03-14T12:30:00+01:00", "2030-03-14T13:30:00+01:00"),
    ("2030-03-14", "2030-03-15"),                    # whole days
])
def test_dates_and_times_the_generator_accepts(start, end):
    data = _event(start=start, end=end)
    assert errors("event", data) == []
    KINDS["event"].model.model_validate(data)


@pytest.mark.parametrize("value", ["14/03/2030", "2030-3-14T9:00", "demain"])
def test_dates_the_generator_refuses(value):
    data = _event(start=value)
    assert errors("event", data)
    with pytest.raises(ValidationError):
        KINDS["event"].model.model_validate(data)


@pytest.mark.parametrize("kind, data, where", [
    ("job", _job(titel="Infirmier"), "(racine)"),                         # misspelt field
    ("job", _job(contract="CDI"), "contract"),                            # not a value of the list
    ("job", _job(apply={}), "apply"),                                     # neither url nor email
    ("job", _job(apply={"url": "http://rh.example.fr"}), "apply.url"),    # https only
    ("job", _job(location={"city": "Blois", "postal_code": "4100"}), "location.postal_code"),
    ("job", _job(location={}), "location"),                               # neither city nor remote
    ("job", _job(posted="2026-02-30"), "posted"),                         # impossible date
    ("job", _job(sector="Santé"), "sector"),                              # not a slug
    ("event", _event(online=None), "(racine)"),                           # neither place nor online
    ("event", _event(registration={"provider": "form", "fields": ["email"]}), "registration"),  # no action
    ("testimonial", {"name": "Claire", "quote": "…", "consent": "2026-01-01", "moved": 21}, "moved"),
    ("page", {"title": "À propos", "menu": False}, "(racine)"),
])
def test_editor_flags_what_the_generator_refuses(kind, data, where):
    found = errors(kind, data)
    assert any(e.startswith(where + ":") for e in found), found
    with pytest.raises(ValidationError):
        KINDS[kind].model.model_validate(data)


def test_key_figure_may_be_a_number():
    data = {"name": "Exemple", "key_figures": [{"value": 100, "label": "postes"}]}
    assert errors("territory", data) == []
    KINDS["territory"].model.model_validate(data)


def test_media_paths_stay_in_media():
    ok = {"name": "Exemple", "hero": {"image": "photos/vallee.jpg", "alt": "La vallée"}}
    assert errors("territory", ok) == []
    for bad in ("/etc/passwd", "../site_config.yml", "photos/../../x.jpg"):
        assert errors("territory", {"name": "Exemple", "hero": {"image": bad, "alt": "x"}}), bad


# --- the repository's demo content ----------------------------------------------------

def _demo_files():
    content = REPO / "content"
    found = [("site_config", REPO / "site_config.yml"), ("territory", content / "territory.yml")]
    for kind, folder in (("job", "jobs"), ("event", "events"), ("testimonial", "testimonials"), ("campaign", "campaigns")):
        found += [(kind, p) for p in sorted((content / folder).glob("*.yml"))]
    found += [("page", p) for p in sorted((content / "pages").glob("*.md"))]
    return [(k, p) for k, p in found if p.is_file()]


@pytest.mark.parametrize("kind, path", _demo_files(), ids=lambda v: str(v.relative_to(REPO)) if isinstance(v, Path) else v)
def test_demo_content_validates(kind, path):
    assert errors(kind, load_as_editor(path)) == []
