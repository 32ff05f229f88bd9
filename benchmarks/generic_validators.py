"""The canonical schema as a generic JSON Schema validator sees it, in two shapes."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema

Schema = dict[str, Any]


def dispatching_schema(schema: Schema) -> Schema:
    """The tagged union as `if tag == X then variant X`, instead of a 44-way oneOf.

    A oneOf makes a generic validator try every branch to prove exactly one
    matches; if/then on a const tag lets it test 44 cheap conditions and validate
    one branch.
    """
    out = copy.deepcopy(schema)
    for definition in out["$defs"].values():
        if "x-serde-tag" in definition and "oneOf" in definition:
            tag = definition["x-serde-tag"]
            mapping = definition["discriminator"]["mapping"]
            del definition["oneOf"]
            definition["type"] = "object"
            definition["required"] = [tag]
            definition["properties"] = {tag: {"enum": list(mapping)}}
            definition["allOf"] = [
                {"if": {"properties": {tag: {"const": name}}}, "then": {"$ref": ref}}
                for name, ref in mapping.items()
            ]
    return out


def validator_for(schema: Schema) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)
