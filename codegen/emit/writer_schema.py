"""The writer view: a JSON Schema of exactly what serde writes, emitted from the model.

The canonical schema (schema/) is the reader view: what serde accepts. A writer is
stricter: every always-emitted field is present, a skipped field is absent rather
than null or empty, no unknown members, timestamps and UUIDs in their one canonical
spelling. Tests check every output of the Rust reference against this view.
"""

from __future__ import annotations

import json
from typing import Any

from codegen.header import header_lines
from codegen.model import (
    Alias,
    BoxType,
    Field,
    NamedType,
    Newtype,
    OnOutput,
    Scalar,
    ScalarType,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
    Variant,
    VecType,
    WireModel,
)

PATH = "generated/jsonschema/event.writer.schema.json"

# chrono writes a four-digit year, or a signed one outside 0..=9999; Z; 0, 3, 6 or 9 digits.
TIMESTAMP_PATTERN = (
    r"^([0-9]{4}|[+-][0-9]{4,})-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
    r"(\.[0-9]{3}|\.[0-9]{6}|\.[0-9]{9})?Z$"
)
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

Schema = dict[str, Any]


def emit(model: WireModel) -> dict[str, str]:
    return {PATH: json.dumps(writer_schema(model), indent=2, ensure_ascii=False) + "\n"}


def writer_schema(model: WireModel) -> Schema:
    defs: Schema = {}
    for decl in model.decls:
        if isinstance(decl, Struct):
            defs[decl.name] = object_schema(decl.fields, decl.description)
        elif isinstance(decl, TaggedUnion):
            defs.update(union_defs(decl))
        elif isinstance(decl, UnitEnum):
            defs[decl.name] = {"type": "string", "enum": [wire for _, wire in decl.variants]}
        elif isinstance(decl, Alias | Newtype):
            defs[decl.name] = type_schema(decl.target if isinstance(decl, Alias) else decl.inner)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{model.schema_id}:writer",
        "$comment": " ".join(header_lines(model)),
        "title": "JamJet event log, writer view",
        "description": "Exactly what serde writes: canonical documents only.",
        "$ref": f"#/$defs/{model.root}",
        "$defs": defs,
    }


def union_defs(decl: TaggedUnion) -> Schema:
    """if/then on the tag, as in the canonical schema: generic validators check one variant."""
    defs: Schema = {
        decl.name: {
            "type": "object",
            "properties": {decl.tag: {"enum": [v.wire_name for v in decl.variants]}},
            "required": [decl.tag],
            "allOf": [
                {
                    "if": {"properties": {decl.tag: {"const": v.wire_name}}},
                    "then": {"$ref": f"#/$defs/{v.name}"},
                }
                for v in decl.variants
            ],
        }
    }
    for v in decl.variants:
        defs[v.name] = variant_schema(decl.tag, v)
    return defs


def variant_schema(tag: str, variant: Variant) -> Schema:
    schema = object_schema(variant.fields, variant.description)
    schema["properties"] = {tag: {"const": variant.wire_name}, **schema["properties"]}
    schema["required"] = [tag, *schema["required"]]
    return schema


def object_schema(fields: tuple[Field, ...], description: str) -> Schema:
    return {
        "type": "object",
        "description": description,
        "properties": {f.name: field_schema(f) for f in fields},
        "required": [f.name for f in fields if f.always_emitted],
        "additionalProperties": False,
    }


def field_schema(field: Field) -> Schema:
    schema = type_schema(field.written_type)  # an Option skipped when None is never null
    if field.on_output is OnOutput.SKIP_IF_EMPTY:
        schema["minItems"] = 1
    return schema


_SCALARS: dict[Scalar, Schema] = {
    Scalar.STRING: {"type": "string"},
    Scalar.BOOL: {"type": "boolean"},
    Scalar.F64: {"type": "number"},
    Scalar.TIMESTAMP: {"type": "string", "pattern": TIMESTAMP_PATTERN},
    Scalar.UUID: {"type": "string", "pattern": UUID_PATTERN},
    Scalar.JSON: {},
}


def type_schema(expr: TypeExpr) -> Schema:
    if isinstance(expr, ScalarType):
        bounds = expr.scalar.int_bounds
        if bounds:
            return {"type": "integer", "minimum": bounds[0], "maximum": bounds[1]}
        return dict(_SCALARS[expr.scalar])
    if isinstance(expr, NamedType):
        return {"$ref": f"#/$defs/{expr.name}"}
    if isinstance(expr, BoxType):
        return type_schema(expr.inner)
    if isinstance(expr, VecType):
        return {"type": "array", "items": type_schema(expr.inner)}
    return {"anyOf": [type_schema(expr.inner), {"type": "null"}]}
