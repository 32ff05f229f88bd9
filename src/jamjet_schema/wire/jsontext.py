"""`parse`: serde_json::from_str's verdict on a JSON text, as a JsonNode tree.

Hot path: CPython's C scanner (json.JSONDecoder) with hooks. It is used only where
it provably agrees with serde_json:

* grammar -- both implement RFC 8259 exactly: whitespace is space/tab/LF/CR only,
  no leading zeros, no trailing commas, raw control characters in strings refused,
  only the eight short escapes plus \\uXXXX, nothing after the value. The places
  where CPython is laxer are closed: NaN/Infinity (parse_constant raises), lone
  surrogates (texts with a \\uD800-\\uDFFF escape go to the reference parser, as do
  texts holding a raw surrogate code point), nesting (serde_json stops at depth 128).
* numbers -- the hooks receive the literal text and classify/convert it with
  number_literals, the port of serde_json's arithmetic; "number out of range" raises.
* objects -- object_pairs_hook keeps every pair, duplicates included.

Anything the hot path does not accept goes to serde_parser, the line-by-line port,
which gives the final verdict and serde_json's exact error message.

`parse_plain` is the same hot path with plain dicts for objects, for callers that
must see a text without duplicate keys (it declines every other text).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from ._constants import RECURSION_LIMIT
from .nodes import JsonNode, JsonObject
from .number_literals import NumberOutOfRange, number_from_literal

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_RAW_SURROGATE = re.compile("[\ud800-\udfff]")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class _FallBack(Exception):
    """Raised inside a hook: leave the verdict to the reference parser."""


def _parse_constant(name: str) -> JsonNode:
    raise _FallBack(name)  # NaN, Infinity, -Infinity: not JSON


def _parse_int(literal: str) -> int | float:
    if len(literal) < 19:  # fits i64 and u64 either way; only -0 is special
        value = int(literal)
        return -0.0 if value == 0 and literal[0] == "-" else value
    return number_from_literal(literal)


class Undecided(ValueError):
    """parse_plain declines the text: ask `parse` (the text may still be valid JSON)."""


def _unique_pairs(pairs: list[tuple[str, JsonNode]]) -> dict[str, JsonNode]:
    members = dict(pairs)
    if len(members) != len(pairs):
        raise _FallBack("duplicate key")
    return members


_DECODER = json.JSONDecoder(
    object_pairs_hook=JsonObject,
    parse_float=number_from_literal,
    parse_int=_parse_int,
    parse_constant=_parse_constant,
    strict=True,
)


_PLAIN_DECODER = json.JSONDecoder(
    object_pairs_hook=_unique_pairs,
    parse_float=number_from_literal,
    parse_int=_parse_int,
    parse_constant=_parse_constant,
    strict=True,
)


def max_depth(text: str) -> int:
    """Deepest container nesting of a JSON text already known to be well-formed."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    depth = deepest = 0
    for char in brackets:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _within_recursion_limit(text: str) -> bool:
    # Counting brackets (even inside strings) over-estimates the depth, so a short
    # count proves the limit holds without scanning.
    if text.count("[") + text.count("{") < RECURSION_LIMIT:
        return True
    return max_depth(text) < RECURSION_LIMIT


def _fast_path_applies(text: str) -> bool:
    if _SURROGATE_ESCAPE.search(text) is not None:
        return False
    # A raw surrogate code point cannot occur in Rust's &str: let the reference refuse it.
    return text.isascii() or _RAW_SURROGATE.search(text) is None


def parse(
    text: str,
    *,
    known_fields: frozenset[str] | None = None,
    known_at: Mapping[int, frozenset[str]] | None = None,
) -> JsonNode:
    """Parse like `serde_json::from_str::<serde_json::Value>` but keep duplicate keys.

    Numbers follow serde_json's ParserNumber: integer literals fitting u64 (or, when
    negative, i64) are int; every other number -- fraction, exponent, overflowing
    integer, `-0` -- is a float computed with serde_json's default arithmetic.
    Raises WireError with serde_json's message when serde_json would reject `text`.

    `known_fields` gives the verdict of a derived struct (without deny_unknown_fields)
    with those field names instead: serde skips the values of other top-level keys
    with `ignore_value`, which checks only well-formedness -- lone surrogate escapes,
    numbers beyond f64 and nesting past 128 all pass there. Such members are left out
    of the returned object. (Only the top level: nested structs reached through an
    internally tagged enum are buffered as Content, i.e. parsed strictly.)
    `known_at` says the same of the objects at other nesting levels (1: the top-level
    value): the structs inside a list of them, as `Vec<Event>` or the API's envelope.
    """
    if known_at is None and known_fields is not None:
        known_at = {1: known_fields}
    if not isinstance(text, str):
        raise TypeError(f"parse() wants str, got {type(text).__name__}")
    if _fast_path_applies(text):
        try:
            node: JsonNode = _DECODER.decode(text)
        except (ValueError, RecursionError, _FallBack, NumberOutOfRange):
            pass
        else:
            if _within_recursion_limit(text):
                return node if known_at is None else _drop_unknown(node, known_at, 1)
    # A strict success is a lenient success with the same known values, so only
    # texts the strict reading refuses need the skimming reference parser.
    from .serde_parser import parse_value  # imported on first use: the hot path needs none

    return parse_value(text, known_at=known_at)


def _drop_unknown(node: JsonNode, known_at: Mapping[int, frozenset[str]], level: int) -> JsonNode:
    """`node` without the members a derived struct at its level skips."""
    if level > max(known_at, default=0):
        return node
    if isinstance(node, list):
        return [_drop_unknown(item, known_at, level + 1) for item in node]
    if not isinstance(node, JsonObject):
        return node
    known = known_at.get(level)
    return JsonObject(
        [
            (key, _drop_unknown(value, known_at, level + 1))
            for key, value in node.pairs
            if known is None or key in known
        ]
    )


def parse_plain(text: str) -> object:
    """`text` as serde_json reads it, objects as plain dicts; Undecided unless the hot
    path accepts it and no object in it repeats a key.

    Then the tree is `parse(text)` with every JsonObject turned into a dict (nothing
    is lost: each key occurs once). Numbers are serde_json's, as in `parse`.
    """
    if _fast_path_applies(text):
        try:
            node: object = _PLAIN_DECODER.decode(text)
        except (ValueError, RecursionError, _FallBack, NumberOutOfRange):
            pass
        else:
            if _within_recursion_limit(text):
                return node
    raise Undecided
