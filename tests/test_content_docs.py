"""Every document about the content fields is generated from the model: none can go stale."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.content.fields import DESCRIPTION_EN, description
from generator.content.kinds import COLLECTIONS, KINDS
from generator.content.schema import field_table_keys, field_tables, main, schema_for

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "docs" / "contenu.md"


def _models() -> list[type[BaseModel]]:
    """Every model an officer's file can hold, from the kinds down."""
    found: list[type[BaseModel]] = []

    def visit(tp) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp not in found:
                found.append(tp)
                for info in tp.model_fields.values():
                    visit(info.annotation)
        for arg in typing.get_args(tp):
            visit(arg)

    for kind in KINDS.values():
        visit(kind.model)
    return found


def test_the_guide_tables_are_generated_from_the_model():
    text = GUIDE.read_text("utf-8")
    assert field_tables(text) == text, (
        "docs/contenu.md: field tables out of date; run « python -m generator.content.schema --docs docs/contenu.md »")


def test_the_guide_has_a_table_for_every_kind():
    keys = field_table_keys(GUIDE.read_text("utf-8"))
    named = {path.split(".")[0] for key in keys for path in key.split(",")}
    assert named == set(KINDS)


def test_the_check_command_tells_a_stale_guide(tmp_path, capsys):
    stale = tmp_path / "guide.md"
    stale.write_text("Avant\n\n<!-- champs:page -->\n| ancien |\n<!-- /champs:page -->\n", encoding="utf-8")
    assert main(["--docs", str(stale), "--check"]) == 1
    assert main(["--docs", str(stale)]) == 0
    assert "`nav`" in stale.read_text("utf-8") and "ancien" not in stale.read_text("utf-8")
    assert main(["--docs", str(stale), "--check"]) == 0


def test_an_unknown_group_in_the_guide_is_an_error():
    with pytest.raises(ValueError, match="groupe de champs"):
        field_tables("<!-- champs:job.salaire -->\n<!-- /champs:job.salaire -->\n")


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_every_field_describes_itself_in_french_and_english(model):
    for name, info in model.model_fields.items():
        fr, en = description(info, "fr"), description(info, "en")
        assert fr and en, f"{model.__name__}.{name}: declare it with fields.doc(fr, en)"
        assert fr != en, f"{model.__name__}.{name}: the English description is the French one"


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_schemas_speak_one_language(kind):
    text = repr(schema_for(kind))
    assert DESCRIPTION_EN not in text
    english = schema_for(kind, "en")
    assert DESCRIPTION_EN not in repr(english)
    assert english["properties"] != schema_for(kind)["properties"]


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_rules_across_fields_name_fields_of_their_model(model):
    """A rule for the editor lives beside its validator: renaming a field must not leave it behind."""
    extra = model.model_config.get("json_schema_extra") or {}
    names = set(re.findall(r"'required': \['(\w+)'\]", repr(extra)))
    aliases = {info.alias or name for name, info in model.model_fields.items()}
    assert names <= aliases, f"{model.__name__}: rule names unknown fields {names - aliases}"


def test_the_loader_and_the_registry_agree():
    assert {kind.folder for kind in COLLECTIONS.values()} == {"jobs", "events", "testimonials", "campaigns"}
    for kind in KINDS.values():
        assert kind.schema_file == f"{kind.name}.schema.json"
        assert kind.globs


IMPORTS_GUIDE = REPO / "docs" / "imports.md"


def test_the_imports_guide_is_generated_from_the_model():
    text = IMPORTS_GUIDE.read_text("utf-8")
    assert field_tables(text) == text, (
        "docs/imports.md: field tables out of date; run « python -m generator.content.schema --docs docs/imports.md »")


def test_the_imports_guide_lists_every_spreadsheet_column():
    from generator.content.imports import SPREADSHEET_FIELDS, SPREADSHEET_HEADERS

    block = IMPORTS_GUIDE.read_text("utf-8").split("<!-- colonnes -->")[1].split("<!-- /colonnes -->")[0]
    rows = re.findall(r"^\| `(\w+)` \| (.+?) \|$", block, re.M)
    assert [field for field, _ in rows] == list(SPREADSHEET_FIELDS)
    assert {field: header.replace("’", "'") for field, header in rows} == SPREADSHEET_HEADERS
