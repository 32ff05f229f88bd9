"""`serde_json::Value` fields: any JSON, held as plain Python data.

A Value is held as dict / list / str / int / float / bool / None. From parsed JSON
every object arrives as a wire.JsonObject with its duplicate keys; a Value keeps
the last one, as serde_json's map does. From Python the data must be something a
serde_json::Value can hold: str keys, integers within i64/u64, finite floats,
strings without lone surrogates, lists (not tuples: JSON has one array type).
Output is serde_json's canonical text (wire.write_value: keys sorted, compact).
"""

from __future__ import annotations

import json.encoder
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias, Union

from jamjet_schema.wire import JsonNode, JsonObject, WireError, write_value
from jamjet_schema.wire._constants import INT_RANGES

if TYPE_CHECKING:
    JsonValue: TypeAlias = Union[  # noqa: UP007 -- a recursive alias needs the string form
        dict[str, "JsonValue"], list["JsonValue"], str, int, float, bool, None
    ]
else:
    # At run time validate_value does the checking; Pydantic must not try to resolve
    # the recursive forward references in the modules that use the alias.
    JsonValue = Any

_I64_MIN, _U64_MAX = INT_RANGES["i64"][0], INT_RANGES["u64"][1]
_SURROGATE = re.compile("[\ud800-\udfff]")


def validate_value(value: Any) -> JsonValue:
    """The Value serde_json would hold for `value`; WireError if it cannot hold it."""
    return _validate(value, ())


def _validate(value: Any, path: tuple[str | int, ...]) -> JsonValue:
    if value is None or value is True or value is False:
        return value
    if isinstance(value, str):
        return _string(value, path)
    if isinstance(value, int):
        if not _I64_MIN <= value <= _U64_MAX:
            raise WireError(f"integer {value} does not fit serde_json::Number (i64 or u64)", path)
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise WireError(
                f"{value} is not a JSON number (serde_json::Value has no NaN/inf)", path
            )
        return value
    if isinstance(value, list):
        return [_validate(item, (*path, i)) for i, item in enumerate(value)]
    if isinstance(value, JsonObject):
        # The last of a repeated key wins: that is serde_json's map.
        return {key: _validate(item, (*path, key)) for key, item in value.pairs}
    if isinstance(value, dict):
        return {_key(key, path): _validate(item, (*path, key)) for key, item in value.items()}
    raise WireError(f"a Python {type(value).__name__} is not JSON", path)


def _string(text: str, path: tuple[str | int, ...]) -> str:
    if not text.isascii() and _SURROGATE.search(text):
        raise WireError(
            "a lone surrogate is not valid in a JSON string (Rust strings are UTF-8)", path
        )
    return str(text)


def _key(key: Any, path: tuple[str | int, ...]) -> str:
    if not isinstance(key, str):
        raise WireError(f"object keys must be strings, not {type(key).__name__}", path)
    return _string(key, path)


def _node(value: JsonValue) -> JsonNode:
    """The wire tree of a held Value (objects as JsonObject), for wire.write_value."""
    if isinstance(value, dict):
        return JsonObject([(key, _node(item)) for key, item in value.items()])
    if isinstance(value, list):
        return [_node(item) for item in value]
    return value


def write_json_value(value: JsonValue) -> str:
    """serde_json::to_string of the Value."""
    if _ENCODE is not None:
        try:
            text = "".join(_ENCODE(value, 0))
        except (TypeError, ValueError):
            pass  # not a Value (e.g. NaN): the exact writer decides
        else:
            if "e-0" not in text or _SHORT_NEGATIVE_EXPONENT.search(text) is None:
                return text
    return write_value(_node(value))


def _not_json(value: object) -> object:
    raise TypeError(f"not a JSON value: {type(value).__name__}")


# CPython's C encoder writes a held Value as serde_json does: compact, keys sorted by
# code point (= UTF-8 byte order without surrogates), strings escaped exactly as
# wire.write_json_string, integers in decimal, floats as repr(). repr() is zmij's text
# except for exponents -5..-9 ("1e-05" where zmij writes "0.00001", "1e-07" for
# "1e-7"), which hold "e-0": such texts, and anything the encoder refuses (NaN,
# foreign types), are written by wire.write_value instead.
_C_MAKE_ENCODER: Any = getattr(json.encoder, "c_make_encoder", None)
_ENCODE: Callable[[Any, int], Any] | None = (
    None
    if _C_MAKE_ENCODER is None
    else _C_MAKE_ENCODER(
        None,  # markers: a held Value has no cycles
        _not_json,
        json.encoder.encode_basestring,
        None,  # indent
        ":",
        ",",
        True,  # sort_keys
        False,  # skipkeys
        False,  # allow_nan
    )
)
_SHORT_NEGATIVE_EXPONENT = re.compile("[0-9]e-0[5-9]")
