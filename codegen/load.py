"""Stage 1: read the canonical schema and refuse anything the later stages would misread.

Two checks: the schema is a valid Draft 2020-12 schema, and every `x-` keyword in
it belongs to the documented vocabulary (schema/README.md) and stands where it means
something. The wire rules themselves are checked when the model is built.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from codegen.errors import SchemaError

# keyword -> the kinds of place it may stand: "root", "def", "field"
VOCABULARY: dict[str, frozenset[str]] = {
    "x-jamjet-version": frozenset({"root"}),
    "x-serde-tag": frozenset({"def"}),
    "x-serde-rename-all": frozenset({"def"}),
    "x-serde-skip-serializing-if": frozenset({"field"}),
    "x-rust-type": frozenset({"def"}),
    "x-rust-alias": frozenset({"def"}),
    "x-rust-newtype": frozenset({"def"}),
    "x-rust-variants": frozenset({"def"}),
    "x-rust-box": frozenset({"field"}),
    "x-jamjet-node-id": frozenset({"def"}),
    "x-jamjet-new": frozenset({"def"}),
}

Schema = dict[str, Any]


def load_schema(path: Path) -> Schema:
    """Reads `path`, checks it against the metaschema and the vocabulary, and returns it."""
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise SchemaError("", f"{path} is not JSON: {err}") from err
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as err:
        pointer = "/" + "/".join(str(p) for p in err.path)
        raise SchemaError(pointer, f"not a valid Draft 2020-12 schema: {err.message}") from err
    if not isinstance(schema, dict):
        raise SchemaError("", "the schema must be a JSON object")
    check_vocabulary(schema)
    return schema


def check_vocabulary(schema: Schema) -> None:
    _check_place(schema, "", "root")
    for name, definition in schema.get("$defs", {}).items():
        pointer = f"/$defs/{name}"
        _check_place(definition, pointer, "def")
        for field, field_schema in definition.get("properties", {}).items():
            _check_place(field_schema, f"{pointer}/properties/{field}", "field")


def _check_place(node: Schema, pointer: str, place: str) -> None:
    for key in node:
        if not key.startswith("x-"):
            continue
        places = VOCABULARY.get(key)
        if places is None:
            raise SchemaError(pointer, f"unknown keyword {key!r}; see schema/README.md")
        if place not in places:
            raise SchemaError(pointer, f"{key!r} cannot stand on a {place}")
