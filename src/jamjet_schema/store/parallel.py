"""`validate`'s bulk path: the store in ranges of rowids, each range's Event lines joined
by SQLite itself (`group_concat`, inside one step, without the GIL or a Python object
per row), then checked by the native core on `jobs` threads while the next range is
read. SQLite does not scale across threads here (its allocator takes a global lock),
so one thread reads and the others check. Results come back in rowid order.

The rowid ranges assume a store whose rows were appended and seldom deleted (the
runtime's); a sparse one (compacted) goes back to `scan`'s row-by-row fetching.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jamjet_schema import native
from jamjet_schema.logs.batch import Chunk, in_parallel
from jamjet_schema.store.connection import Store
from jamjet_schema.store.row_batches import (
    BATCH_ROWS,
    EVENT_LINE,
    FAST_ROWS,
    Batch,
    Selection,
    exact_batch,
    judged_batch,
    where_clause,
)

_SPARSE = 4  # more rowids than this many per row: not an append-only store


@dataclass(frozen=True)
class RangeChunk(Chunk):
    first: int = 0  # the range's first rowid
    count: int = 0  # its rows (of the selection)


def ranges(store: Store) -> list[int] | None:
    """The first rowid of each range, or None when the store is too sparse for ranges."""
    low, high, count = store.connection.execute(
        "SELECT min(rowid), max(rowid), count(*) FROM events"
    ).fetchone()
    if not count:
        return []
    if high - low + 1 > _SPARSE * count:
        return None
    return list(range(low, high + 1, BATCH_ROWS))


def _chunks(store: Store, selection: Selection, firsts: list[int]) -> Iterator[RangeChunk]:
    where, args = where_clause(store, selection)
    within = "rowid BETWEEN ? AND ?" + (" AND " + where.removeprefix(" WHERE ") if where else "")
    # A row SQLite builds no line for is a line `!`, which the core refuses: every row
    # keeps its place, and every row for the exact path is among the core's problems.
    sql = (
        "SELECT group_concat(line, char(10)), count(*)"
        f" FROM (SELECT CASE WHEN {FAST_ROWS} THEN {EVENT_LINE} ELSE '!' END AS line FROM events"
        f" WHERE {within} ORDER BY rowid)"
    )
    for first in firsts:
        data, count = store.connection.execute(sql, [first, _last(first), *args]).fetchone()
        if count:
            yield RangeChunk(data, 0, len(data), first, count)


def _last(first: int) -> int:
    return first + BATCH_ROWS - 1


def _rowids(store: Store, selection: Selection, chunk: RangeChunk) -> list[int]:
    """The rowids of a range's rows, in the order of its lines (read only when a row of
    it needs the exact path)."""
    where, args = where_clause(store, selection)
    within = "rowid BETWEEN ? AND ?" + (" AND " + where.removeprefix(" WHERE ") if where else "")
    sql = f"SELECT rowid FROM events WHERE {within} ORDER BY rowid"
    rows = store.connection.execute(sql, [chunk.first, _last(chunk.first), *args]).fetchall()
    return [row[0] for row in rows]


def batches(store: Store, selection: Selection, firsts: list[int], jobs: int) -> Iterator[Batch]:
    def work(chunk: Chunk) -> Any:
        return native.CORE.check_lines(chunk.data, chunk.start, chunk.end, True)

    for item in in_parallel(_chunks(store, selection, firsts), work, jobs):
        chunk, (counts, places, ends) = item  # type: ignore[misc]  # no Tail among ranges
        assert isinstance(chunk, RangeChunk)
        if not places and ends == chunk.count - 1:
            per_variant = {n: c for n, c in zip(native.CORE.VARIANTS, counts, strict=True) if c}
            yield Batch([], per_variant, {})  # all clean: no row named, none kept
            continue
        rowids = _rowids(store, selection, chunk)
        if ends != chunk.count - 1:  # a newline inside a column
            yield exact_batch(store, [(None, r) for r in rowids])
            continue
        yield judged_batch(store, [(b"", rowid) for rowid in rowids], counts, places, None)
