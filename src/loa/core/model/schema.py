"""Front-matter schema made from the one declaration of fields (`loa.core.model.fields`): the JSON Schema editors'
tools check against, and the field tables of the editors' guide.
"""

from __future__ import annotations

import re
from typing import Any

from loa.core.base.bounds import LIST_MAX
from loa.core.model.fields import fields_for

__all__ = ["field_table", "json_schema", "update_field_tables"]

_SIGNER_KEYS = ("authority", "role", "name")


# Editors' tools may read every scalar as a string: numbers are accepted in both forms.
_COUNT = {"type": ["number", "string"], "minimum": 0, "pattern": r"^\d+(\.\d+)?$"}
_AMOUNT = {"type": ["integer", "string"], "minimum": 0, "pattern": r"^\d[\d_]*$"}
_UNITS = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
_TASK_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["task"],
    "properties": {
        "task": {"type": "string", "minLength": 1},
        "id": {"type": "string"},
        "lead": _UNITS,
        "cooperate": _UNITS,
        "deadline": {
            "type": ["string", "integer"],
            "pattern": r"^(\d{4}(-(\d{2}(-\d{2})?|Q[1-4]))?|\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}|R/P(1M|3M|6M|1Y))$",
        },
        "targets": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["count", "unit"],
                "properties": {"count": _COUNT, "unit": {"type": "string", "minLength": 1}},
            },
        },
    },
}
_BUDGET_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["total"],
    "properties": {
        "total": _AMOUNT,
        "lines": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["source", "amount"],
                "properties": {"source": {"type": "string"}, "amount": _AMOUNT},
            },
        },
        "years": {
            "type": "object",
            "patternProperties": {r"^\d{4}$": _AMOUNT},
            "additionalProperties": False,
        },
    },
}


def json_schema(kind: str = "plan") -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) of the front matter of ``kind``, for editors' autocompletion."""
    properties: dict[str, Any] = {}
    for spec in fields_for(kind):
        prop: dict[str, Any] = {"description": spec.description}
        if spec.kind == "choice":
            prop |= {"enum": list(spec.choices)}
        elif spec.kind == "date":
            prop |= {"type": ["string", "integer"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
        elif spec.kind == "datetime":
            prop |= {"type": "string", "format": "date-time"}
        elif spec.kind == "list":
            prop |= {
                "type": "array",
                "items": {"type": "string", "maxLength": spec.max_length},
                "maxItems": LIST_MAX.get(spec.name, 100),
            }
        elif spec.kind == "signer":
            prop |= {
                "type": "object",
                "additionalProperties": False,
                "properties": {k: {"type": "string"} for k in _SIGNER_KEYS},
            }
        elif spec.kind == "cover":
            prop |= {
                "type": "object",
                "additionalProperties": False,
                "required": ["src", "alt"],
                "properties": {"src": {"type": "string"}, "alt": {"type": "string", "minLength": 1}},
            }
        elif spec.kind == "bool":
            prop |= {"type": "boolean"}
        elif spec.kind == "period":
            prop |= {"type": ["string", "integer"], "pattern": r"^\d{4}(/\d{4})?$"}
        elif spec.kind == "tasks":
            prop |= {"type": "array", "items": _TASK_SCHEMA, "maxItems": LIST_MAX["tasks"]}
        elif spec.kind == "budget":
            prop |= _BUDGET_SCHEMA
        else:
            prop |= {"type": "string", "maxLength": spec.max_length}
        if spec.example:
            prop["examples"] = [spec.example]
        properties[spec.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://loa.local/schema/{kind}.json",
        "title": f"Loa front matter ({kind})",
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields_for(kind) if kind in f.required],
        "properties": properties,
    }


_KIND_LABELS = {
    "string": "chuỗi",
    "choice": "một giá trị trong danh sách",
    "registry": "mã trong danh mục",
    "date": "ngày",
    "datetime": "thời điểm",
    "list": "danh sách",
    "signer": "nhóm trường",
    "cover": "nhóm trường",
    "bool": "true/false",
    "period": "năm hoặc năm/năm",
    "tasks": "danh sách nhiệm vụ",
    "budget": "nhóm trường",
}
_TABLE_BLOCK = re.compile(r"(<!-- loa:fields (\w+) -->\n).*?(<!-- /loa:fields -->)", re.DOTALL)


def field_table(kind: str) -> str:
    """Return the Markdown table of the front-matter fields of ``kind``, for the editors' guide."""
    rows = ["| Trường | Bắt buộc | Kiểu | Ý nghĩa | Ví dụ |", "|---|---|---|---|---|"]
    for spec in fields_for(kind):
        required = "có" if kind in spec.required else "không"
        kind_label = _KIND_LABELS[spec.kind]
        if spec.choices and spec.name != "type":
            kind_label += ": " + ", ".join(f"`{c}`" for c in spec.choices)
        example = f"`{spec.example}`" if spec.example else ""
        rows.append(f"| `{spec.name}` | {required} | {kind_label} | {spec.description} | {example} |")
    return "\n".join(rows) + "\n"


def update_field_tables(text: str) -> str:
    """Regenerate every ``<!-- loa:fields KIND -->`` block of a guide."""
    return _TABLE_BLOCK.sub(lambda m: m[1] + field_table(m[2]) + m[3], text)
