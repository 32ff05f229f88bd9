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
from jamjet_schema.store.connection import Store, StoreError
from jamjet_schema.store.members import EVENT_LINE_SQL
from jamjet_schema.store.rows import COLUMNS, RowVerdict, read_row, read_values

BATCH_ROWS = 4096
STORAGE_ORDER = "rowid"
EXECUTION_ORDER = "execution_id, sequence"

# Which rows the native core can clear in bulk. The line SQLite builds is checked to be
# one Event that serde reads *and* writes back byte for byte, which pins every column:
# an id of 36 characters is then exactly the canonical UUID at its fixed place (and so
# is execution_id after it); created_at holds no quote, so the line ends in its string,
# which is serde's canonical UTC instant and starts with a digit (a year 0000-9999, all
# that to_rfc3339 and parse_from_rfc3339 share); kind_json, between the two, is then
# exactly serde's bytes of one EventKind. A newline inside a column shows as a line
# count that does not match the batch, which then goes the exact way.
_FAST = " AND ".join(
    [
        *(f"typeof({c}) = 'text'" for c in ("id", "execution_id", "kind_json", "created_at")),
        "typeof(sequence) = 'integer'",
        "length(id) = 36",
        "length(execution_id) = 36",
        "instr(created_at, '\"') = 0",
        "created_at GLOB '[0-9]*+00:00'",
    ]
)
_LINE = EVENT_LINE_SQL  # the row's Event line, members in serde's order (members.py)


@dataclass(frozen=True)
class Selection:
    """Which rows, in which order; `extra` columns come after the line and the rowid."""

    execution: str | None = None
    tenant: str | None = None
    order: str = STORAGE_ORDER
    extra: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowChunk(Chunk):
    rows: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass
class Batch:
    """A batch of rows: the clean ones counted per variant, the others' verdicts by index;
    with `rewrite`, `out` holds the canonical line of every row read, in order."""

    rows: list[tuple[Any, ...]]
    per_variant: dict[str, int]
    problems: dict[int, RowVerdict]
    out: bytes | None = None


def _where(store: Store, selection: Selection) -> tuple[str, list[str]]:
    clauses, args = [], []
    if selection.execution is not None:
        clauses.append("execution_id = ?")
        args.append(selection.execution)
    if selection.tenant is not None:
        if "tenant_id" not in store.columns:
            raise StoreError(f"{store.name}: the events table has no tenant_id column")
        clauses.append("tenant_id = ?")
        args.append(selection.tenant)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _cursor(store: Store, selection: Selection, columns: str) -> sqlite3.Cursor:
    where, args = _where(store, selection)
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
        from jamjet_schema.store import parallel

        firsts = parallel.ranges(store)
        if firsts is not None:
            yield from parallel.batches(store, selection, firsts, jobs)
            return

    def work(chunk: Chunk) -> Any:
        if rewrite:
            return native.CORE.canonical_lines(chunk.data, chunk.start, chunk.end)
        return native.CORE.check_lines(chunk.data, chunk.start, chunk.end, True)

    cursor = _cursor(store, selection, f"CASE WHEN {_FAST} THEN {_LINE} END")
    for item in in_parallel(_chunks(cursor), work, jobs):
        chunk, result = item  # type: ignore[misc]  # no Tail: rows are never split
        assert isinstance(chunk, RowChunk)
        out, counts, places, ends = result if rewrite else (None, *result)
        if ends != len(chunk.rows) - 1:  # a newline inside a column: no line per row
            yield _exact_batch(store, chunk.rows)
            continue
        yield _batch(store, chunk.rows, counts, places, out)


def _batch(
    store: Store, rows: list[tuple[Any, ...]], counts: list[int], places: list[Any], out: Any
) -> Batch:
    flagged = {index: what for index, _, _, what in places}
    slow = (
        sorted({i for i, row in enumerate(rows) if row[0] is None} | set(flagged))
        if (flagged or any(row[0] is None for row in rows))
        else []
    )
    problems = {i: read_row(store.connection, rows[i][1]) for i in slow}
    per_variant = {name: n for name, n in zip(native.CORE.VARIANTS, counts, strict=True) if n}
    if out is not None and slow:
        out = _merged(bytes(out), rows, flagged, problems)
    return Batch(rows, per_variant, problems, None if out is None else bytes(out))


def _merged(
    out: bytes,
    rows: list[tuple[Any, ...]],
    flagged: dict[int, int],
    problems: dict[int, RowVerdict],
) -> bytes:
    """Every row's canonical line in order: the core's for the rows it cleared (it wrote
    one for each row it accepted, also those only written differently, flag 2), the
    exact path's for the others."""
    written = iter(out.split(b"\n"))
    merged = []
    for index, row in enumerate(rows):
        line = next(written) if row[0] is not None and flagged.get(index) != 1 else None
        verdict = problems.get(index)
        if verdict is None:
            merged.append(line)
        elif verdict.event is not None:
            merged.append(verdict.event.encode())
    return b"".join(line + b"\n" for line in merged if line is not None)


def _exact_batch(store: Store, rows: list[tuple[Any, ...]]) -> Batch:
    problems = {i: read_row(store.connection, row[1]) for i, row in enumerate(rows)}
    texts = [v.event.encode() + b"\n" for v in problems.values() if v.event is not None]
    return Batch(rows, {}, problems, b"".join(texts))


def _exact_batches(store: Store, selection: Selection) -> Iterator[Batch]:
    """The pure-Python path: every row read by `rows`, in batches all the same."""
    typed = ", ".join([*COLUMNS, *(f"typeof({c})" for c in COLUMNS)])
    cursor = _cursor(store, selection, f"NULL, {typed}")
    while rows := cursor.fetchmany(BATCH_ROWS):
        verdicts = {i: read_values(row[1 + 10], row[1:11]) for i, row in enumerate(rows)}
        plain = [(None, row[11], *row[12:]) for row in rows]
        texts = [v.event.encode() + b"\n" for v in verdicts.values() if v.event is not None]
        yield Batch(plain, {}, verdicts, b"".join(texts))
