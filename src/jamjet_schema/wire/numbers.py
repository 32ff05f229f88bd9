"""Integer and f64 targets, with the messages serde's primitive visitors produce.

serde_json hands a visitor u64 for non-negative integer literals, i64 for negative
ones and f64 for everything else (see jsontext); the tree keeps that distinction as
int >= 0 / int < 0 / float. The visitors then decide:

* an integer of the wrong range is an invalid *value*: "invalid value: integer `-1`,
  expected u32";
* a float is an invalid *type* for every integer target, even `1.0`: "invalid type:
  floating point `1.0`, expected u32";
* bool is not an integer (Python's bool subclasses int; serde's does not).
"""

from __future__ import annotations

from typing import Literal

from ._constants import INT_RANGES as INT_RANGES
from .errors import Path
from .nodes import JsonNode
from .unexpected import invalid_type, invalid_value

IntType = Literal["u32", "u64", "i64"]


def as_int(node: JsonNode, rust_type: IntType, path: Path = ()) -> int:
    """The integer serde would decode into `rust_type`; WireError with serde's message."""
    if isinstance(node, bool) or not isinstance(node, int):
        raise invalid_type(node, rust_type, path)
    low, high = INT_RANGES[rust_type]
    if not low <= node <= high:
        raise invalid_value(f"integer `{node}`", rust_type, path)
    return node


def as_f64(node: JsonNode, path: Path = ()) -> float:
    """f64's visitor takes any number; integers convert with round-to-nearest-even (`as`)."""
    if isinstance(node, bool) or not isinstance(node, int | float):
        raise invalid_type(node, "f64", path)
    return float(node)


def write_int(value: int) -> str:
    """serde_json (itoa) writes integers in plain decimal."""
    return str(value)
