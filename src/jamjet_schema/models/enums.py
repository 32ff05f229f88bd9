"""Unit enums (`#[serde(rename_all = "snake_case")] enum ApprovalDecision { Approved, .. }`).

The generated Enum class hooks this in as its Pydantic schema, because Pydantic's
strict enum validation would refuse the wire string itself. serde reads a unit
variant from its name as a string, and also (serde_json's externally tagged form,
which the Content buffer of an internally tagged enum passes on) from a map of one
key whose value is null or an empty map: {"approved": null}.
"""

from __future__ import annotations

import enum
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema

from jamjet_schema.wire import JsonObject, WireError, messages

from .errors import Missing, describe, serde_error

# The validate functions made below: models.fast lets them see strings only (the map
# form goes the exact way, where a repeated key is still visible).
UNIT_ENUM_VALIDATORS: set[Any] = set()


def unit_enum_schema(
    cls: type[enum.Enum], source: Any, handler: GetCoreSchemaHandler
) -> CoreSchema:
    """The Pydantic core schema of a generated unit enum (used as its classmethod)."""
    by_value = {member.value: member for member in cls}

    def variant(name: Any) -> enum.Enum:
        if isinstance(name, str):
            if name in by_value:
                return by_value[name]
            raise WireError(messages.unknown_variant(name, list(by_value)))
        # serde's words inside the Content buffer of an internally tagged enum, where the
        # contract's unit enums are (read there by ContentDeserializer::deserialize_enum)
        raise WireError(messages.invalid_type(describe(name), "string or map"))

    def validate(value: Any) -> enum.Enum:
        if isinstance(value, cls):
            return value
        try:
            return variant(_single_key(value) if isinstance(value, JsonObject | dict) else value)
        except WireError as err:
            if isinstance(value, Missing):
                raise value.error() from None
            raise serde_error(err.message, err.rule) from None

    serialization = core_schema.plain_serializer_function_ser_schema(
        lambda member: member.value, when_used="json"
    )
    UNIT_ENUM_VALIDATORS.add(validate)
    return core_schema.no_info_plain_validator_function(validate, serialization=serialization)


def _single_key(value: JsonObject | dict[str, Any]) -> Any:
    pairs = value.pairs if isinstance(value, JsonObject) else list(value.items())
    if len(pairs) != 1:
        raise WireError(messages.invalid_value("map", "map with a single key"))
    name, unit = pairs[0]
    if unit is not None and not (isinstance(unit, JsonObject | dict) and len(unit) == 0):
        raise WireError(messages.invalid_type(describe(unit), "unit"))
    return name
