"""UUIDs as uuid 1.29.3's serde support reads and writes them in JSON.

Reading (`Uuid::parse_str` via the human-readable visitor; only a JSON *string* is
accepted -- serde_json's deserialize_str never offers the visitor a sequence):
lengths are in bytes and decide the shape --
  32  simple:     32 hex digits
  36  hyphenated: 8-4-4-4-12 with `-` at 8, 13, 18, 23
  38  braced:     `{` hyphenated `}`
  45  urn:        `urn:uuid:` (ASCII case-insensitive) + hyphenated
hex digits in either case, mixed freely; nothing else (no whitespace, no `{simple}`).
Errors are "UUID parsing failed: " + uuid's `InvalidUuid::into_err` diagnosis.
Writing: lower-case hyphenated.
"""

from __future__ import annotations

import re
import uuid

from ._constants import EXPECTING_UUID as EXPECTING
from .errors import Path, WireError
from .nodes import JsonNode
from .unexpected import invalid_type

_HEX32 = re.compile(r"[0-9a-fA-F]{32}\Z")
_HYPHENATED = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z"
)
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_GROUP_STARTS = (0, 9, 14, 19, 24)
_GROUP_LENGTHS = (8, 4, 4, 4, 12)


def _byte_index(text: str, char_index: int) -> int:
    return len(text[:char_index].encode("utf-8"))


def _diagnose_chars(text: str, start: int, kind: str) -> tuple[str, int, list[int]]:
    """Walk text[start:] like into_err: (format, hyphen count, hyphen byte offsets).

    Raises the ParseChar error for the first character that is neither hex nor an
    allowed hyphen (index counted in bytes from the start of `text`)."""
    body = text[start:]
    hyphens: list[int] = []
    for position, char in enumerate(body):
        if char in _HEX_DIGITS:
            continue
        if char == "-" and kind != "simple":
            kind = "hyphenated" if kind == "any" else kind
            hyphens.append(_byte_index(body, position))
            continue
        index = _byte_index(text, start + position)
        raise WireError(f"invalid character: found `{char}` at {index}", rule="uuid")
    return kind, len(hyphens), hyphens


def _diagnose(text: str, requested: str) -> str:
    """InvalidUuid(text, requested).into_err()'s Display (parser.rs / error.rs)."""
    size = len(text.encode("utf-8"))
    if size == 0 or size > 45:
        return f"invalid length: found {size}"
    if requested == "any" and len(text) >= 2 and text[0] == "{" and text[-1] == "}":
        start, end, kind = 1, size - 1, "braced"
    elif requested == "any" and text.encode("utf-8")[:9].lower() == b"urn:uuid:":
        start, end, kind = 9, size, "urn"
    else:
        start, end, kind = 0, size, requested
    body = text[start : len(text) - (1 if kind == "braced" else 0)]
    try:
        kind, count, hyphens = _diagnose_chars(text[: start + len(body)], start, kind)
    except WireError as exc:
        return exc.message
    if kind in ("any", "simple"):
        return f"invalid length: found {size}"
    if count != 4:
        return f"invalid group count: expected 5, found {count + 1}"
    for group in range(4):
        if hyphens[group] != _GROUP_STARTS[group + 1] - 1:
            found = hyphens[group] - _GROUP_STARTS[group]
            return _group_length(group, found)
    return _group_length(4, end - start - _GROUP_STARTS[4])


def _group_length(group: int, found: int) -> str:
    expected = _GROUP_LENGTHS[group]
    return f"invalid group length in group {group}: expected {expected}, found {found}"


def _failed(text: str, requested: str) -> WireError:
    return WireError(f"UUID parsing failed: {_diagnose(text, requested)}", rule="uuid")


def parse_uuid(text: str) -> uuid.UUID:
    """`text.parse::<Uuid>()` as uuid's serde Deserialize runs it; WireError if refused."""
    size = len(text) if text.isascii() else len(text.encode("utf-8"))
    if size == 32:
        if _HEX32.match(text):
            return uuid.UUID(hex=text)
        raise _failed(text, "any")
    if size in (36, 38, 45):
        inner = _hyphenated_part(text, size)
        if inner is None:
            raise _failed(text, "any")
        if _HYPHENATED.match(inner):
            return uuid.UUID(hex=inner)
        raise _failed(inner, "hyphenated")
    raise _failed(text, "any")


def _hyphenated_part(text: str, size: int) -> str | None:
    """The 36-byte hyphenated candidate inside a 36/38/45-byte input, or None."""
    if size == 36:
        return text
    if size == 38:
        return text[1:-1] if text[0] == "{" and text[-1] == "}" else None
    prefix = text[:9]
    return text[9:] if prefix.isascii() and prefix.lower() == "urn:uuid:" else None


def uuid_from_node(node: JsonNode, path: Path = ()) -> uuid.UUID:
    """A JSON value as serde would decode a Uuid field from it."""
    if not isinstance(node, str):
        raise invalid_type(node, EXPECTING, path)
    try:
        return parse_uuid(node)
    except WireError as exc:
        raise exc.prefixed(*path) from None


def format_uuid(value: uuid.UUID) -> str:
    """uuid's Serialize for JSON: lower-case hyphenated (without the JSON quotes)."""
    return str(value)
