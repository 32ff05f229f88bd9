"""One row of the events table read exactly as the runtime reads it, column by column,
stopping at the first that fails: `id` and `execution_id` with `Uuid::parse_str`,
`sequence` as an i64, `kind_json` with `serde_json::from_str::<EventKind>`,
`created_at` with `DateTime::parse_from_rfc3339`, converted to UTC. A column must hold
the SQLite type the runtime decodes (TEXT, or INTEGER for `sequence`): NULL, a BLOB or
a number where text is expected fails, as it does in the runtime's decoder.

This is the exact, slow path; `scan` sends only the rows it cannot clear in bulk here.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from jamjet_schema import native
from jamjet_schema.store.members import event_line
from jamjet_schema.store.parse_from_rfc3339 import parse_from_rfc3339
from jamjet_schema.wire.datetime_from_str import ParseError

COLUMNS = ("id", "execution_id", "sequence", "kind_json", "created_at")
ROW_QUERY = (
    "SELECT id, execution_id, sequence, kind_json, created_at, typeof(id), typeof(execution_id),"
    " typeof(sequence), typeof(kind_json), typeof(created_at) FROM events WHERE rowid = ?"
)
_UUID_PREFIX = "UUID parsing failed: "


@dataclass(frozen=True)
class RowVerdict:
    """The runtime's verdict on one row: the Event serde writes for it, or the first
    column that failed and why. `id`, `execution_id` and `sequence` are the stored
    values, as they name the row."""

    rowid: int
    id: Any
    execution_id: Any
    sequence: Any
    variant: str | None
    event: str | None = None  # the Event as serde writes it, when read
    column: str | None = None
    error: str | None = None
    rule: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None


class ColumnError(Exception):
    def __init__(self, column: str, message: str, rule: str) -> None:
        super().__init__(message)
        self.column, self.message, self.rule = column, message, rule


def _text(value: Any, kind: bytes, column: str) -> str:
    if kind != b"text":
        raise ColumnError(column, f"expected TEXT, found {kind.decode().upper()}", "column-type")
    try:
        return bytes(value).decode("utf-8")
    except UnicodeDecodeError as err:
        raise ColumnError(column, f"invalid UTF-8 at byte {err.start}", "encoding") from None


def _uuid(value: Any, kind: bytes, column: str) -> str:
    from jamjet_schema.wire import WireError
    from jamjet_schema.wire.uuids import parse_uuid

    text = _text(value, kind, column)
    try:
        return str(parse_uuid(text))
    except WireError as err:  # serde's Uuid reader is Uuid::parse_str with a prefix
        raise ColumnError(column, err.message.removeprefix(_UUID_PREFIX), "uuid") from None


def _sequence(value: Any, kind: bytes) -> int:
    if kind != b"integer":
        raise ColumnError(
            "sequence", f"expected INTEGER, found {kind.decode().upper()}", "column-type"
        )
    return int(value)


def _kind(text: str) -> str:
    """The kind as serde writes it, or ColumnError with serde's message: located by the
    native core when it can (without the models), else by the models' exact path."""
    why = native.refusal("EventKind", text) if native.CORE is not None else None
    if why is not None:
        raise ColumnError("kind_json", str(why), why.rule)
    from pydantic import ValidationError

    from jamjet_schema import EventKind, serde_message
    from jamjet_schema.models.errors import serde_rule
    from jamjet_schema.wire import WireError

    try:
        return EventKind.model_validate_json(text).model_dump_json()
    except ValidationError as err:
        raise ColumnError("kind_json", serde_message(err), serde_rule(err)) from None
    except WireError as err:
        raise ColumnError("kind_json", str(err), err.rule) from None


def _created_at(value: Any, kind: bytes) -> str:
    from jamjet_schema.wire import Timestamp

    text = _text(value, kind, "created_at")
    try:
        seconds, nanosecond = parse_from_rfc3339(text)
    except ParseError as err:
        raise ColumnError("created_at", str(err), "timestamp") from None
    return Timestamp(seconds, nanosecond).to_json_str()


def variant_of(kind_json: Any) -> str | None:
    """The tag of a row's kind, if plain JSON parsing finds one."""
    try:
        kind = json.loads(kind_json)
    except (ValueError, TypeError, RecursionError):
        return None
    tag = kind.get("type") if isinstance(kind, dict) else None
    return tag if isinstance(tag, str) else None


def read_values(rowid: int, values: tuple[Any, ...]) -> RowVerdict:
    """The verdict on one row from its five values and their five SQLite types."""
    raw, types = values[:5], values[5:]
    variant = variant_of(raw[3]) if types[3] in (b"text", b"blob") else None
    try:
        event_id = _uuid(raw[0], types[0], "id")
        execution_id = _uuid(raw[1], types[1], "execution_id")
        sequence = _sequence(raw[2], types[2])
        kind = _kind(_text(raw[3], types[3], "kind_json"))
        created_at = _created_at(raw[4], types[4])
    except ColumnError as err:
        return RowVerdict(
            rowid, raw[0], raw[1], raw[2], variant, None, err.column, err.message, err.rule
        )
    event = event_line(
        {
            "id": event_id,
            "execution_id": execution_id,
            "sequence": sequence,
            "kind": kind,
            "created_at": created_at,
        }
    )
    return RowVerdict(rowid, raw[0], raw[1], raw[2], variant, event)


def read_row(connection: sqlite3.Connection, rowid: int) -> RowVerdict:
    """The verdict on the row `rowid`, read from the store."""
    values = connection.execute(ROW_QUERY, (rowid,)).fetchone()
    return read_values(rowid, tuple(values))
