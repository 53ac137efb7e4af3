"""The JSON Schema shipped for editors is generated from the model and agrees with the real documents."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from loa.core.model.schema import json_schema
from tests.conftest import REPO


@pytest.mark.parametrize("kind", ["plan", "article", "topic", "page", "index"])
def test_shipped_schema_is_up_to_date(kind):
    shipped = json.loads((REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert shipped == json_schema(kind), "run `make schema` and commit the result"


def test_every_shipped_plan_validates_against_the_schema():
    schema = json_schema("plan")
    plans = sorted((REPO / "plans").rglob("*.md"))
    assert len(plans) >= 3
    for path in plans:
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        data = yaml.load(front, Loader=yaml.BaseLoader)  # noqa: S506 - strings only, as editors' tools see them
        jsonschema.validate(data, schema)


def test_schema_rejects_unknown_fields_and_types():
    schema = json_schema("plan")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"type": "Kế hoạch", "titel": "x"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"type": "Kế hoạch x"}, schema)


def test_editors_guide_field_tables_are_generated_from_the_schema():
    from loa.core.model.schema import field_table, update_field_tables

    guide = (REPO / "HUONG-DAN.md").read_text(encoding="utf-8")
    assert update_field_tables(guide) == guide, "run `make schema` and commit the result"
    assert field_table("plan") in guide and field_table("page") in guide
