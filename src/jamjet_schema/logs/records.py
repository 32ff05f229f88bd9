"""Streams the records of an event log, one at a time, whatever its size.

A log is JSON Lines (one Event per line) or one JSON array of Events. Neither is
ever read whole: lines are read one by one, and an array is split into its
elements by a small scanner that tracks strings and nesting, so memory stays flat
on a log of any size. Each record keeps where it starts (file and line) for error
reports, and bytes that are not UTF-8 become a record with a decode error instead
of stopping the stream.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

CHUNK = 1 << 16


@dataclass(frozen=True)
class Record:
    source: str
    line: int
    text: str | None  # None when the bytes are not UTF-8
    size: int  # bytes consumed, for progress
    decode_error: str | None = None


def make_record(source: str, line: int, raw: bytes) -> Record:
    try:
        return Record(source, line, raw.decode("utf-8"), len(raw))
    except UnicodeDecodeError as err:
        return Record(
            source, line, None, len(raw), f"invalid UTF-8 at byte {err.start}: {err.reason}"
        )


def is_array(head: bytes) -> bool:
    """A log whose first non-blank byte is `[` is one JSON array; any other, JSON Lines."""
    return head.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] == b"["


def records_after(head: bytes, stream: BinaryIO, source: str) -> Iterator[Record]:
    """The records of a log whose first bytes, `head`, were read already."""
    if is_array(head):
        yield from _array_records(head, stream, source)
    else:
        yield from _line_records(head, stream, source)


def _line_records(head: bytes, stream: BinaryIO, source: str) -> Iterator[Record]:
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
        self.carry = bytearray()  # the current element's bytes from earlier chunks
        self.closed = False

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
            elif byte in b"]}" or (byte == 0x2C and self.depth == 1):
                closing = byte != 0x2C
                if closing:
                    self.depth -= 1
                if self.depth <= 1 and (not closing or self.depth == 0):
                    yield from self._flush(chunk[begin:i])
                    begin, self.start_line = i + 1, self.line
                    self.closed = self.depth == 0
        if self.depth >= 1:
            self.carry += chunk[begin:]

    def _flush(self, tail: bytes) -> Iterator[tuple[int, bytes]]:
        raw = bytes(self.carry) + tail
        self.carry.clear()
        stripped = raw.strip()
        if stripped:
            lead = raw[: len(raw) - len(raw.lstrip())]
            yield self.start_line + lead.count(b"\n"), stripped


def _array_records(head: bytes, stream: BinaryIO, source: str) -> Iterator[Record]:
    splitter = _ArraySplitter()
    chunk = head
    while chunk:
        for line, raw in splitter.feed(chunk):
            yield make_record(source, line, raw)
        chunk = stream.read(CHUNK)
    if not splitter.closed:
        yield Record(
            source, splitter.line, None, 0, "the JSON array is not closed: the log is truncated"
        )
