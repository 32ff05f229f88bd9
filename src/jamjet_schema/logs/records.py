"""Streams the records of an event log, one at a time, whatever its size.

A log is JSON Lines (one Event per line) or one JSON array of Events. Neither is
ever read whole: lines are read one by one, and an array is split into its
elements by a small scanner that tracks strings and nesting, so memory stays flat
on a log of any size. Each record keeps where it starts (file and line) for error
reports, and bytes that are not UTF-8 become a record with a decode error instead
of stopping the stream.

The framing gets serde's verdict too: serde_json reads neither a byte-order mark nor an
unclosed array, so each is a record with serde's error at its place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from jamjet_schema.files.inputs import Readable
from jamjet_schema.wire import WireError
from jamjet_schema.wire import _constants as c
from jamjet_schema.wire.serde_parser import parse_value

CHUNK = 1 << 16


@dataclass(slots=True)  # not frozen: made once per reported line, frozen costs 3x
class Record:
    source: str
    line: int
    text: str | None  # None when the bytes are not UTF-8
    size: int  # bytes consumed, for progress
    # the log's own fault at this place, when there is no text to check: bytes that are
    # not UTF-8, a byte-order mark before an array, an array that is not closed
    framing_error: str | None = None
    framing_rule: str = "json-syntax"  # the rule it breaks ("encoding": not UTF-8)
    element: str | None = None  # in a JSON document: the element's path (`events[3]`)
    column: int | None = None  # ... and the column it starts at


def make_record(source: str, line: int, raw: bytes) -> Record:
    try:
        return Record(source, line, raw.decode("utf-8"), len(raw))
    except UnicodeDecodeError as err:
        why = f"invalid UTF-8 at byte {err.start}: {err.reason}"
        return Record(source, line, None, len(raw), why, ENCODING)


ENCODING = "encoding"  # the log file's own rule (bytes that are no UTF-8), before any serde rule
BOM = b"\xef\xbb\xbf"
BOM_HINT = "a UTF-8 byte-order mark (U+FEFF) comes first; serde_json does not skip it"


def is_array(head: bytes) -> bool:
    """A log whose first non-blank byte (after a byte-order mark) is `[` is one JSON
    array; any other, JSON Lines."""
    return head.removeprefix(BOM).lstrip(b" \t\r\n")[:1] == b"["


def records_after(head: bytes, stream: Readable, source: str) -> Iterator[Record]:
    """The records of a log whose first bytes, `head`, were read already."""
    if is_array(head):
        yield from _array_records(head, stream, source)
    else:
        yield from _line_records(head, stream, source)


def _line_records(head: bytes, stream: Readable, source: str) -> Iterator[Record]:
    # Lines are cut out of the buffer by position; the buffer is rebuilt only when a
    # chunk runs out, so a line costs one slice, not a copy of the rest of the chunk.
    pending, pos, line = head, 0, 1
    while True:
        newline = pending.find(b"\n", pos)
        if newline < 0:
            more = stream.read(CHUNK)
            if not more:
                break
            pending, pos = pending[pos:] + more, 0
            continue
        raw = pending[pos:newline]
        pos = newline + 1
        if raw.strip():
            yield make_record(source, line, raw.rstrip(b"\r"))
        line += 1
    rest = pending[pos:]
    if rest.strip():
        yield make_record(source, line, rest)


ARRAY_NOT_CLOSED = "the JSON array is not closed: the log is truncated"
_EOF = "EOF while parsing"
_POSITION = re.compile(r" at line \d+ column \d+$")
_STRUCTURAL = re.compile(rb'[\[\]{},"\\\n]')


class _ArraySplitter:
    """Finds the top-level elements of a JSON array in a byte stream.

    Only the bytes that matter (brackets, commas, quotes, backslashes, newlines) are
    looked at one by one; everything between them is sliced, so splitting runs at
    close to regex speed.
    """

    def __init__(self) -> None:
        self.depth = 0  # 1 inside the outer array
        self.in_string = False
        self.skip_next = False  # the byte after a backslash inside a string
        self.line = 1
        self.start_line = 1
        self.column = 0  # bytes since the last newline: serde's column at the end
        self.carry = bytearray()  # the current element's bytes from earlier chunks
        self.closed = False
        self.after_comma = False  # the last structural byte at depth 1 was a comma

    def feed(self, chunk: bytes) -> Iterator[tuple[int, bytes]]:
        begin = 0 if self.depth >= 1 else len(chunk)
        skip_to = 1 if self.skip_next else 0
        self.skip_next = False
        for match in _STRUCTURAL.finditer(chunk):
            i = match.start()
            if i < skip_to:
                continue
            byte = chunk[i]
            if byte == 0x0A:
                self.line += 1
            elif self.in_string:
                if byte == 0x5C:
                    skip_to = i + 2
                    self.skip_next = i + 1 == len(chunk)
                elif byte == 0x22:
                    self.in_string = False
            elif byte == 0x22:
                self.in_string = True
            elif byte in b"[{":
                self.depth += 1
                if self.depth == 1:
                    begin, self.start_line = i + 1, self.line
                    self.after_comma = False
            elif byte in b"]}" or (byte == 0x2C and self.depth == 1):
                closing = byte != 0x2C
                self.after_comma = not closing and self.depth == 1
                if closing:
                    self.depth -= 1
                if self.depth <= 1 and (not closing or self.depth == 0):
                    yield from self._flush(chunk[begin:i])
                    begin, self.start_line = i + 1, self.line
                    self.closed = self.depth == 0
        if self.depth >= 1:
            self.carry += chunk[begin:]
        last_newline = chunk.rfind(b"\n")
        self.column = (
            len(chunk) - last_newline - 1 if last_newline >= 0 else self.column + len(chunk)
        )

    def unclosed(self, source: str) -> Record:
        """serde_json's verdict on an array cut short: the EOF error it stops at (a list,
        a value after a comma, an element's object or string), at the end of the input.
        An element that breaks off with another syntax error is checked as it stands."""
        pending = bytes(self.carry)
        framed = (b"[0," if self.after_comma else b"[") + pending
        try:
            parse_value(framed.decode("utf-8", "replace"))
            message = f"{c.EOF_LIST} at line 1 column 1"  # not reached: the list is open
        except WireError as err:
            message = str(err)
        if not message.startswith(_EOF):
            lead = pending[: len(pending) - len(pending.lstrip())]
            return make_record(source, self.start_line + lead.count(b"\n"), pending.strip())
        at = f" at line {self.line} column {self.column}"
        text = _POSITION.sub(at, message) + f" ({ARRAY_NOT_CLOSED})"
        return Record(source, self.line, None, 0, text)

    def _flush(self, tail: bytes) -> Iterator[tuple[int, bytes]]:
        raw = bytes(self.carry) + tail
        self.carry.clear()
        stripped = raw.strip()
        if stripped:
            lead = raw[: len(raw) - len(raw.lstrip())]
            yield self.start_line + lead.count(b"\n"), stripped


def _array_records(head: bytes, stream: Readable, source: str) -> Iterator[Record]:
    if head.startswith(BOM):  # serde rejects the document there; its elements are still read
        yield Record(
            source, 1, None, len(BOM), f"{c.EXPECTED_VALUE} at line 1 column 1 ({BOM_HINT})"
        )
        head = head[len(BOM) :]
    splitter = _ArraySplitter()
    chunk, index = head, 0
    while chunk:
        for line, raw in splitter.feed(chunk):
            record = make_record(source, line, raw)
            record.element = f"[{index}]"  # the field-path notation of an element
            index += 1
            yield record
        chunk = stream.read(CHUNK)
    if not splitter.closed:
        yield splitter.unclosed(source)
