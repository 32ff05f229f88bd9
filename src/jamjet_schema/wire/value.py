"""`write_value`: the bytes of `serde_json::to_string(&serde_json::Value)`.

serde_json::Value (default features, no `preserve_order`) stores objects in a
BTreeMap<String, Value>: keys come out sorted by their UTF-8 bytes and a repeated
key keeps its last value. Output is compact (no spaces). Code-point order equals
UTF-8 byte order for strings without surrogates, which write_json_string enforces.
"""

from __future__ import annotations

from ._constants import INT_RANGES
from .errors import WireError
from .floats import format_f64
from .nodes import JsonNode, JsonObject
from .strings import write_json_string

_I64_MIN, _U64_MAX = INT_RANGES["i64"][0], INT_RANGES["u64"][1]


def _write_int(value: int) -> str:
    if not _I64_MIN <= value <= _U64_MAX:
        raise WireError(f"integer {value} is outside serde_json::Number's i64/u64 range")
    return str(value)


def _write(node: JsonNode, out: list[str]) -> None:
    # Ordered by how often each kind occurs in event logs.
    if isinstance(node, str):
        out.append(write_json_string(node))
    elif isinstance(node, JsonObject):
        _write_object(node, out)
    elif node is None:
        out.append("null")
    elif isinstance(node, bool):
        out.append("true" if node else "false")
    elif isinstance(node, int):
        out.append(_write_int(node))
    elif isinstance(node, float):
        # Number::from_f64 refuses NaN/inf, so a Value holds null there: same bytes.
        out.append(format_f64(node))
    elif isinstance(node, list):
        _write_array(node, out)
    else:
        raise TypeError(f"not a JsonNode: {type(node).__name__}")


def _write_array(items: list[JsonNode], out: list[str]) -> None:
    out.append("[")
    for index, item in enumerate(items):
        if index:
            out.append(",")
        try:
            _write(item, out)
        except WireError as exc:
            raise exc.prefixed(index) from None
    out.append("]")


def _write_object(obj: JsonObject, out: list[str]) -> None:
    entries = obj.as_dict()
    out.append("{")
    for index, key in enumerate(sorted(entries)):
        if index:
            out.append(",")
        try:
            out.append(write_json_string(key))
            out.append(":")
            _write(entries[key], out)
        except WireError as exc:
            raise exc.prefixed(key) from None
    out.append("}")


def write_value(node: JsonNode) -> str:
    """Canonical serde_json::Value text of `node` (duplicates collapsed, keys sorted)."""
    out: list[str] = []
    _write(node, out)
    return "".join(out)
