"""The hand-written runtime of the generated models: serde's rules in Pydantic.

The generated classes (package _jamjet_schema_generated) only declare fields; the
semantics live here: base classes (base), field types (types), unit enums (enums),
JSON values (values), per-class structure and writers (plan), errors (errors), and the
module the classes name as theirs, jamjet_schema (public).
"""

from jamjet_schema.models.base import TaggedUnionRoot, WireStruct, node_id_of
from jamjet_schema.models.enums import unit_enum_schema
from jamjet_schema.models.errors import serde_message
from jamjet_schema.models.values import JsonValue

__all__ = [
    "JsonValue",
    "TaggedUnionRoot",
    "WireStruct",
    "node_id_of",
    "serde_message",
    "unit_enum_schema",
]
