"""The canonical schema as a generic JSON Schema validator sees it, in two shapes."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema

Schema = dict[str, Any]


def oneof_schema(schema: Schema) -> Schema:
    """The canonical schema with its tagged union as a 44-way oneOf, the usual shape.

    A oneOf makes a generic validator validate every branch to prove exactly one
    matches; the canonical if/then on the tag lets it test 44 cheap conditions and
    validate one branch. This rebuilds the oneOf shape to measure the difference.
    """
    out = copy.deepcopy(schema)
    for definition in out["$defs"].values():
        if "x-serde-tag" in definition and "allOf" in definition:
            refs = [branch["then"] for branch in definition.pop("allOf")]
            for key in ("type", "properties", "required"):
                definition.pop(key, None)
            definition["oneOf"] = refs
    return out


def validator_for(schema: Schema) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)
