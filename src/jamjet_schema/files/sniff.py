"""What an input looks like when it is not an event log, from its first block.

A log is text: JSON Lines or one JSON array. Input that is binary at its start (NUL
bytes, or bytes that are not UTF-8, before any complete line) is named by what it
looks like, so that a command says so in one line instead of reporting every
"line" of a binary file. A log with one bad line among good ones is still a log.
"""

from __future__ import annotations

import json

from jamjet_schema.files.inputs import GZIP_MAGIC, ZSTD_MAGIC

SQLITE_MAGIC = b"SQLite format 3\x00"

# Formats a log is mistaken for, by their magic bytes (and what to do about them).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (SQLITE_MAGIC, "a SQLite database, not a log (validate and export read stores)"),
    (GZIP_MAGIC, "gzip data inside gzip data; decompress it once first"),
    (ZSTD_MAGIC, "zstd data inside compressed data; decompress it first"),
    (b"BZh", "bzip2-compressed; decompress it first (bzip2 -dc)"),
    (b"\xfd7zXZ\x00", "xz-compressed; decompress it first (xz -dc)"),
    (b"PK\x03\x04", "a zip archive; extract the log first"),
    (b"\xff\xfe", "UTF-16 text; a log is UTF-8 (iconv -f UTF-16 -t UTF-8)"),
    (b"\xfe\xff", "UTF-16 text; a log is UTF-8 (iconv -f UTF-16 -t UTF-8)"),
)


def not_a_log(head: bytes) -> str | None:
    """What `head`, the first block of an input, is if it cannot be a log; else None."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if _binary_before_first_line(head):
        return "binary data, not a log (NUL bytes or bytes that are not UTF-8 at its start)"
    if _spread_document(head):
        return (
            "a JSON document that is not events (one JSON object over several lines); "
            "a log is JSON Lines, one event per line, or a JSON array of events "
            "(events inside a document: --pointer /path/to/the/array)"
        )
    return None


def _binary_before_first_line(head: bytes) -> bool:
    """NUL bytes in the first non-blank line, or bytes that are not UTF-8 in a first line
    that is not JSON text (a log line with a damaged byte starts like one and is mostly
    text: serde rejects that line, and the log is read on)."""
    body = head.lstrip(b" \t\r\n")
    end = body.find(b"\n")
    line = body if end < 0 else body[:end]
    if b"\x00" in line:
        return True
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as err:
        if end < 0 and err.reason == "unexpected end of data":
            return False  # a character cut at the block's end
        damaged = line.decode("utf-8", "replace").count("\ufffd")
        return not line.startswith((b"{", b"[")) or damaged * 10 > len(line)
    return False


def _spread_document(head: bytes) -> bool:
    """An object that opens on the first line and does not close there, continued by a
    line that starts no object: a pretty-printed JSON document, which as JSON Lines
    would be one error per line. (A log whose first event was cut short goes on with
    a line that starts an object.)"""
    body = head.lstrip(b" \t\r\n")
    end = body.find(b"\n")
    rest = body[end:].lstrip() if end >= 0 else b""
    if not body.startswith(b"{") or not rest or rest.startswith(b"{"):
        return False
    first = body[:end].rstrip(b"\r").decode("utf-8", "replace")
    try:
        json.loads(first)
    except json.JSONDecodeError as err:
        return err.pos >= len(first.rstrip())  # ran out of line, not a syntax error
    except RecursionError:
        return False
    return False
