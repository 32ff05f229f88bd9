"""Reading a schema file, and the check of the `x-` vocabulary.

The schema is plain JSON; every `x-` keyword in it must belong to the documented
vocabulary (schema/README.md) and stand where it means something. The wire rules
themselves are checked when the model is built (build.py). The check against the
Draft 2020-12 metaschema needs the `jsonschema` package and is the code generator's
(codegen/load.py): a reader of the model needs only the standard library.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jamjet_schema.wiremodel.errors import SchemaError

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


def parse_schema(path: Path) -> Any:
    """The JSON document in `path` (any JSON value), or a SchemaError saying why not."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise SchemaError("", f"{path} is not JSON: {err}") from err
    except UnicodeDecodeError as err:
        raise SchemaError("", f"{path} is not UTF-8 text: {err.reason}") from err


def read_schema(path: Path) -> Schema:
    """Reads `path`, checks its vocabulary, and returns it (no metaschema check)."""
    return checked(parse_schema(path))


def checked(schema: Any) -> Schema:
    """`schema` if it is an object whose `x-` keywords are in the vocabulary."""
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
