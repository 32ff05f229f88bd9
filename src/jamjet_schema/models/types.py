"""The field types of the generated models: one annotated type per Rust scalar.

Each is `Annotated[<python type>, WireScalar(...)]`. The WireScalar replaces
Pydantic's own validation with serde's rule for that scalar (no coercion: "1" is
not a u32, 1.0 is not a u32, 1 is not a bool; integers are bounded by their width;
an f64 is finite and may be given as an integer) and knows how serde_json writes
the value. The same check runs for parsed JSON and for values given from Python,
so a model built in Python holds only what serde could have read.

Each rule may also name `fast`: a native pydantic-core schema that gives the same
value as `check` for every JSON value the fast path of model_validate_json lets
through (models.fast screens the text first: no NaN, no number literal serde_json
would round differently, no lone surrogate). Rules without one keep `check` there.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from jamjet_schema.models.values import JsonValue, validate_value, write_json_value
from jamjet_schema.wire import (
    JsonObject,
    Timestamp,
    WireError,
    as_bool,
    as_f64,
    as_int,
    as_string,
    format_f64,
    format_uuid,
    messages,
    parse_uuid,
    write_bool,
    write_json_string,
)
from jamjet_schema.wire._constants import (
    EXPECTING_SEQUENCE,
    EXPECTING_UUID,
    INT_RANGES,
)
from jamjet_schema.wire._constants import EXPECTING_TIMESTAMP as _TIMESTAMP_EXPECTED
from jamjet_schema.wire.numbers import IntType

from .errors import Missing, describe, serde_error

_SURROGATE = re.compile("[\ud800-\udfff]")


class WireScalar:
    """A Pydantic annotation: serde's reading of one Rust scalar, and its JSON writer."""

    __slots__ = ("check", "fast", "json_schema", "rust", "to_json_mode", "write")

    def __init__(
        self,
        rust: str,
        check: Callable[[Any], Any],
        write: Callable[[Any], str],
        json_schema: dict[str, Any],
        to_json_mode: Callable[[Any], Any] | None = None,
        fast: CoreSchema | None = None,
    ) -> None:
        self.rust = rust
        self.check = check  # raises WireError with serde's message
        self.write = write  # the JSON text serde_json writes for a checked value
        self.json_schema = json_schema
        self.to_json_mode = to_json_mode  # model_dump(mode="json"): a JSON-able form
        self.fast = fast  # the native equivalent on screened JSON input (models.fast)

    def __repr__(self) -> str:
        return f"WireScalar({self.rust})"

    def validate(self, value: Any) -> Any:
        try:
            return self.check(value)
        except WireError as err:
            if isinstance(value, Missing):
                raise value.error() from None
            raise serde_error(err.message, err.rule) from None

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        serialization = None
        if self.to_json_mode is not None:
            serialization = core_schema.plain_serializer_function_ser_schema(
                self.to_json_mode, when_used="json"
            )
        return core_schema.no_info_plain_validator_function(
            self.validate, serialization=serialization
        )

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return dict(self.json_schema)


# -- checks: each takes any Python value and returns the value serde would hold ---------
# The readers are the wire layer's (jamjet_schema.wire), the ones parsed JSON goes
# through; what is added here is only what a value given from Python can break.


def _string(value: Any) -> str:
    value = as_string(value)
    if not value.isascii() and _SURROGATE.search(value):
        # JSON input never gets here (the parser refuses it); a Rust String cannot hold it.
        raise WireError(
            messages.invalid_value("a lone surrogate", "a string (Rust strings are UTF-8)")
        )
    return str(value)  # a str subclass (e.g. a StrEnum member) becomes a plain str


def _integer(rust: IntType) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        return int(as_int(value, rust))  # int(): an IntEnum member becomes a plain int

    return check


def _f64(value: Any) -> float:
    # serde's f64 visitor takes any number; JSON cannot spell NaN or infinity, and a
    # non-finite f64 would be written as null, which does not read back.
    try:
        number = as_f64(value)
    except OverflowError:
        raise WireError(messages.invalid_value(f"integer `{value}`", "a finite f64")) from None
    if not math.isfinite(number):
        raise WireError(messages.invalid_value(f"floating point `{value}`", "a finite f64"))
    return number


def _timestamp(value: Any) -> Timestamp:
    if isinstance(value, Timestamp):
        return value
    if isinstance(value, str):
        return Timestamp.parse(value)
    if isinstance(value, dt.datetime) and value.utcoffset() is not None:
        return Timestamp.from_datetime(value)
    expected = _TIMESTAMP_EXPECTED  # serde's words for any JSON value
    if not isinstance(value, _JSON_VALUES):  # a Python object: say what it can be instead
        expected += " (or a Timestamp, or an aware datetime)"
    raise WireError(messages.invalid_type(describe(value), expected))


_JSON_VALUES = (type(None), bool, int, float, str, list, JsonObject)


def _timestamp_from_json(value: Any) -> Timestamp:
    """_timestamp for JSON input (models.fast): only a string can be a DateTime<Utc>."""
    if type(value) is str:
        return Timestamp.parse(value)
    raise WireError(messages.invalid_type(describe(value), _TIMESTAMP_EXPECTED))


def _uuid(value: Any) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        return parse_uuid(value)
    raise WireError(messages.invalid_type(describe(value), EXPECTING_UUID))


_INT_FORMATS = {"u32": "uint32", "u64": "uint64", "i64": "int64"}


def _int_schema(rust: str, low: int, high: int) -> dict[str, Any]:
    return {"type": "integer", "format": _INT_FORMATS[rust], "minimum": low, "maximum": high}


def _write_timestamp(value: Timestamp) -> str:
    return value.to_json()


def _write_uuid(value: uuid.UUID) -> str:
    return f'"{format_uuid(value)}"'


def _int_rule(rust: IntType, low: int, high: int) -> WireScalar:
    return WireScalar(
        rust,
        _integer(rust),
        str,
        _int_schema(rust, low, high),
        # Strict: no bool, no float (not even 1.0), as serde's integer visitors.
        fast=core_schema.int_schema(strict=True, ge=low, le=high),
    )


# uuid's parse_str takes four shapes; the fast path lets only the hyphenated one reach
# pydantic-core's uuid parser (whose value for it is beyond doubt), the others go the
# exact way.
_HYPHENATED_UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"

STRING_RULE = WireScalar(
    "String",
    _string,
    write_json_string,
    {"type": "string"},
    fast=core_schema.str_schema(strict=True),
)
BOOL_RULE = WireScalar(
    "bool", as_bool, write_bool, {"type": "boolean"}, fast=core_schema.bool_schema(strict=True)
)
U32_RULE = _int_rule("u32", *INT_RANGES["u32"])
U64_RULE = _int_rule("u64", *INT_RANGES["u64"])
I64_RULE = _int_rule("i64", *INT_RANGES["i64"])
F64_RULE = WireScalar(
    "f64",
    _f64,
    format_f64,
    {"type": "number", "format": "double"},
    # Strict still takes an integer and returns it as a float, like serde's f64 visitor.
    fast=core_schema.float_schema(strict=True, allow_inf_nan=False),
)
TIMESTAMP_RULE = WireScalar(
    "DateTime<Utc>",
    _timestamp,
    _write_timestamp,
    {"type": "string", "format": "date-time"},
    str,
    fast=core_schema.no_info_plain_validator_function(_timestamp_from_json),
)
UUID_RULE = WireScalar(
    "Uuid",
    _uuid,
    _write_uuid,
    {"type": "string", "format": "uuid"},
    format_uuid,
    fast=core_schema.chain_schema(
        [
            core_schema.str_schema(strict=True, pattern=_HYPHENATED_UUID),
            core_schema.uuid_schema(strict=False),  # lax: from the str the first step checked
        ]
    ),
)
# Screened JSON is always a Value serde_json can hold, and the parser's dicts keep the
# last of a repeated key, as serde_json's map does.
VALUE_RULE = WireScalar(
    "serde_json::Value", validate_value, write_json_value, {}, fast=core_schema.any_schema()
)

# The names the generated code uses (codegen/emit/python.py maps each Scalar to one).
Str = Annotated[str, STRING_RULE]
Bool = Annotated[bool, BOOL_RULE]
U32 = Annotated[int, U32_RULE]
U64 = Annotated[int, U64_RULE]
I64 = Annotated[int, I64_RULE]
F64 = Annotated[float, F64_RULE]
DateTimeUtc = Annotated[Timestamp, TIMESTAMP_RULE]
Uuid = Annotated[uuid.UUID, UUID_RULE]
Value = Annotated[JsonValue, VALUE_RULE]


def vec_items(value: Any) -> Any:
    """A Vec's before-validator: serde's words when the value is no array at all (the
    items are then checked by Pydantic's list validator, each by its own rule)."""
    if isinstance(value, list):
        return value
    if isinstance(value, Missing):
        raise value.error()
    raise serde_error(messages.invalid_type(describe(value), EXPECTING_SEQUENCE))


_Item = TypeVar("_Item")
Vec = Annotated[list[_Item], BeforeValidator(vec_items)]  # Rust Vec<T>
