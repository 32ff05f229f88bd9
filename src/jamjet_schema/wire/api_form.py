"""The API form: a document as the runtime's HTTP API writes it.

The API builds its answers with `json!`, so every value goes through
`serde_json::Value` before it is written: each object's members come out sorted by key
(a `BTreeMap<String, _>`: by the keys' UTF-8 bytes, which is code point order), at every
level; scalars are written as in the log form. So the API form of a document is its
canonical log form with its members reordered, which is how it is made here: the
tokens of the canonical text are kept byte for byte, only objects are re-sorted.
"""

from __future__ import annotations

import json
import re

# The tokens of a canonical (compact) JSON text: a string, a structural character, or
# the characters of a number or literal.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^{}\[\],:"]+')


def sorted_members(canonical: str) -> str:
    """`canonical` (a compact JSON text, as serde_json writes it) with every object's
    members sorted by key in code point order: serde_json's `Value` form of it."""
    tokens = _TOKEN.findall(canonical)
    text, end = _value(tokens, 0)
    if end != len(tokens):
        raise ValueError("not one compact JSON value")
    return text


def _value(tokens: list[str], at: int) -> tuple[str, int]:
    token = tokens[at]
    if token == "{":
        return _object(tokens, at + 1)
    if token == "[":
        return _array(tokens, at + 1)
    return token, at + 1


def _array(tokens: list[str], at: int) -> tuple[str, int]:
    items: list[str] = []
    while tokens[at] != "]":
        item, at = _value(tokens, at)
        items.append(item)
        at += tokens[at] == ","
    return "[" + ",".join(items) + "]", at + 1


def _object(tokens: list[str], at: int) -> tuple[str, int]:
    members: list[tuple[str, str, str]] = []  # (key, its JSON text, the value's text)
    while tokens[at] != "}":
        key = tokens[at]
        value, at = _value(tokens, at + 2)  # past the key and its colon
        members.append((json.loads(key), key, value))
        at += tokens[at] == ","
    members.sort(key=lambda member: member[0])
    return "{" + ",".join(f"{key}:{value}" for _, key, value in members) + "}", at + 1
