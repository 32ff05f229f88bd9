"""Every row of a store through the checks, in batches, memory flat.

SQLite builds each row's Event text itself, from columns that look like the runtime's
own form (TEXT ids, an INTEGER sequence, `created_at` as `to_rfc3339()` writes a UTC
instant, ending in `+00:00`), with the offset turned into serde's `Z`. A batch of
these lines goes to the native core (`check_lines`, without the GIL, overlapping the
next fetch), which must find each
one accepted *and* canonical: that proves the id, the sequence, the instant and the
kind_json (exactly serde's bytes of one EventKind, so `from_str::<EventKind>` takes
it alone) read as the runtime reads them. Every other row -- not in that form, or
flagged by the core -- is read by `rows.read_row`, the exact path.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from jamjet_schema import native
from jamjet_schema.logs.batch import Chunk, in_parallel
from jamjet_schema.store import parallel
from jamjet_schema.store.connection import Store
from jamjet_schema.store.row_batches import (
    BATCH_ROWS,
    EVENT_LINE,
    FAST_ROWS,
    STORAGE_ORDER,
    Batch,
    Selection,
    exact_batch,
    judged_batch,
    where_clause,
)
from jamjet_schema.store.rows import COLUMNS, read_values


@dataclass(frozen=True)
class RowChunk(Chunk):
    rows: list[tuple[Any, ...]] = field(default_factory=list)


def _cursor(store: Store, selection: Selection, columns: str) -> sqlite3.Cursor:
    where, args = where_clause(store, selection)
    extra = "".join(f", {c}" for c in selection.extra)
    sql = f"SELECT {columns}, rowid{extra} FROM events{where} ORDER BY {selection.order}"
    return store.connection.execute(sql, args)


def _chunks(cursor: sqlite3.Cursor) -> Iterator[RowChunk]:
    while rows := cursor.fetchmany(BATCH_ROWS):
        lines = [row[0] for row in rows]
        if None in lines:  # rows for the exact path: an empty line keeps the count
            lines = [line or b"" for line in lines]
        data = b"\n".join(lines)
        yield RowChunk(data, 0, len(data), rows)


def batches(
    store: Store, selection: Selection, jobs: int = 1, rewrite: bool = False
) -> Iterator[Batch]:
    """The selected rows in batches, in the selection's order."""
    if native.CORE is None:
        yield from _exact_batches(store, selection)
        return
    if selection.order == STORAGE_ORDER and not rewrite and not selection.extra:
        firsts = parallel.ranges(store)
        if firsts is not None:
            yield from parallel.batches(store, selection, firsts, jobs)
            return

    def work(chunk: Chunk) -> Any:
        if rewrite:
            return native.CORE.canonical_lines(chunk.data, chunk.start, chunk.end)
        return native.CORE.check_lines(chunk.data, chunk.start, chunk.end, True)

    cursor = _cursor(store, selection, f"CASE WHEN {FAST_ROWS} THEN {EVENT_LINE} END")
    for item in in_parallel(_chunks(cursor), work, jobs):
        chunk, result = item  # type: ignore[misc]  # no Tail: rows are never split
        assert isinstance(chunk, RowChunk)
        out, counts, places, ends = result if rewrite else (None, *result)
        if ends != len(chunk.rows) - 1:  # a newline inside a column: no line per row
            yield exact_batch(store, chunk.rows)
            continue
        yield judged_batch(store, chunk.rows, counts, places, out)


def _exact_batches(store: Store, selection: Selection) -> Iterator[Batch]:
    """The pure-Python path: every row read by `rows`, in batches all the same."""
    typed = ", ".join([*COLUMNS, *(f"typeof({c})" for c in COLUMNS)])
    cursor = _cursor(store, selection, f"NULL, {typed}")
    while rows := cursor.fetchmany(BATCH_ROWS):
        split = [_typed_row(row) for row in rows]
        verdicts = {i: read_values(rowid, values) for i, (values, rowid, _) in enumerate(split)}
        plain = [(None, rowid, *extra) for _, rowid, extra in split]
        texts = [v.event.encode() + b"\n" for v in verdicts.values() if v.event is not None]
        yield Batch(plain, {}, verdicts, b"".join(texts))


_TYPED = 2 * len(COLUMNS)  # each column's value, then each one's SQLite type


def _typed_row(row: tuple[Any, ...]) -> tuple[tuple[Any, ...], int, tuple[Any, ...]]:
    """A row of the exact query (a NULL line, the typed columns, the rowid, the extra
    columns): its values with their types, its rowid, its extra columns."""
    return row[1 : 1 + _TYPED], row[1 + _TYPED], row[2 + _TYPED :]
