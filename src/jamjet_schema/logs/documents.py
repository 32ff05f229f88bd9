"""Events inside one JSON document: the runtime's HTTP API answer, or any document
holding an array of events at a JSON Pointer (RFC 6901).

`GET /executions/{id}/events` answers `{"events": [...]}`; it is recognised by its
first bytes, and `--pointer` names the array in any other document. The document is
read whole (an API answer, not a log of any size). serde's verdict on the document
comes first: a syntax error, or nesting past serde_json's limit counted from the
document's root, is one record at its place; then each element is a record of its
own, named by its path (`events[3]`) with its line and column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from json.decoder import scanstring  # type: ignore[attr-defined]  # untyped in typeshed

from jamjet_schema.files.errors import Unusable
from jamjet_schema.files.inputs import Readable
from jamjet_schema.logs.records import BOM, CHUNK, Record, make_record
from jamjet_schema.wire import WireError, format_path
from jamjet_schema.wire._constants import ENVELOPE_MEMBER
from jamjet_schema.wire.serde_parser import parse_value

ENVELOPE_POINTER = f"/{ENVELOPE_MEMBER}"
_ENVELOPE = re.compile(rb'\s*\{\s*"' + ENVELOPE_MEMBER.encode() + rb'"\s*:\s*\[')
_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"


def is_envelope(head: bytes) -> bool:
    """Does the input start as the API's envelope, `{"events": [`?"""
    return _ENVELOPE.match(head.removeprefix(BOM)) is not None


def document_records_after(
    head: bytes, stream: Readable, source: str, pointer: str
) -> Iterator[Record]:
    """The records of the array at `pointer` of the document whose first bytes, `head`,
    were read already (the rest is read whole)."""
    rest = b"".join(iter(lambda: stream.read(CHUNK), b""))
    return document_records(head + rest, source, pointer)


def document_records(data: bytes, source: str, pointer: str) -> Iterator[Record]:
    """The records of the array at `pointer` in the document `data`."""
    text = data.decode("utf-8", "replace")
    problem = _document_error(text, pointer)
    if problem is not None:
        yield problem_record(source, text, problem)
        return
    at, steps = _locate(text, pointer, source)
    for index, start, end in _elements(text, at):
        record = make_record(source, _line(text, start), text[start:end].encode("utf-8"))
        record.element = format_path([*steps, index])
        record.column = _column(text, start)
        yield record


def _document_error(text: str, pointer: str) -> str | None:
    """serde_json's refusal of the document as JSON (the elements are checked apart),
    reading the envelope and a bare array as serde reads them (unknown members skimmed)."""
    from jamjet_schema.responses import array_skims, envelope_skims  # loads the models

    skims = {ENVELOPE_POINTER: envelope_skims, "": array_skims}.get(pointer)
    try:
        parse_value(text, known_at=None if skims is None else skims())
    except WireError as err:
        return str(err)
    return None


def problem_record(source: str, text: str, message: str) -> Record:
    found = re.search(r" at line (\d+) column \d+$", message)
    return Record(source, int(found.group(1)) if found else 1, None, len(text), message)


def _locate(text: str, pointer: str, source: str) -> tuple[int, list[str | int]]:
    """The offset of the array at `pointer`, and the path to it."""
    at, steps = _skip_space(text, 0), list[str | int]()
    for token in _tokens(pointer, source):
        at, step = _child(text, at, token, source, pointer)
        steps.append(step)
    if text[at : at + 1] != "[":
        raise Unusable(f"{source}: the value at {pointer or '(the root)'} is not a JSON array")
    return at, steps


def _tokens(pointer: str, source: str) -> list[str]:
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise Unusable(f"{source}: --pointer {pointer!r} is no JSON Pointer (it starts with /)")
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def _child(text: str, at: int, token: str, source: str, pointer: str) -> tuple[int, str | int]:
    """The offset of member or element `token` of the value at `at`, and its path step."""
    opening = text[at : at + 1]
    index = 0
    at = _skip_space(text, at + 1)
    while opening in "{[" and opening and text[at : at + 1] not in ("}", "]"):
        if opening == "{":
            key, at = scanstring(text, at + 1)
            at = _skip_space(text, _skip_space(text, at) + 1)  # past the colon
            if key == token:
                return at, key
        elif str(index) == token:
            return at, index
        at = _skip_space(text, _DECODER.raw_decode(text, at)[1])
        at = _skip_space(text, at + (text[at : at + 1] == ","))
        index += 1
    raise Unusable(f"{source}: nothing at {pointer}")


def _elements(text: str, at: int) -> Iterator[tuple[int, int, int]]:
    """(index, start, end) of each element of the array opening at `at`."""
    at, index = _skip_space(text, at + 1), 0
    while text[at : at + 1] != "]":
        end = _DECODER.raw_decode(text, at)[1]
        yield index, at, end
        at = _skip_space(text, end)
        at = _skip_space(text, at + (text[at : at + 1] == ","))
        index += 1


def _skip_space(text: str, at: int) -> int:
    while text[at : at + 1] and text[at] in _SPACE:
        at += 1
    return at


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def _column(text: str, at: int) -> int:
    """serde_json's column: bytes since the line's start, counting the first as 1."""
    return len(text[text.rfind("\n", 0, at) + 1 : at].encode("utf-8")) + 1
