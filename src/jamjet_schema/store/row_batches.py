"""What both ways of scanning a store share: which rows (Selection), the SQL that
builds a row's Event line and tells which rows the native core may clear in bulk, and
a Batch of judged rows (the core's counts, the exact path's verdicts for the others).
scan.py fetches rows one batch at a time; parallel.py reads rowid ranges whole."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jamjet_schema import native
from jamjet_schema.store.connection import Store, StoreError
from jamjet_schema.store.members import EVENT_LINE_SQL
from jamjet_schema.store.rows import RowVerdict, read_row

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
FAST_ROWS = " AND ".join(
    [
        *(f"typeof({c}) = 'text'" for c in ("id", "execution_id", "kind_json", "created_at")),
        "typeof(sequence) = 'integer'",
        "length(id) = 36",
        "length(execution_id) = 36",
        "instr(created_at, '\"') = 0",
        "created_at GLOB '[0-9]*+00:00'",
    ]
)
EVENT_LINE = EVENT_LINE_SQL  # the row's Event line, members in serde's order (members.py)


@dataclass(frozen=True)
class Selection:
    """Which rows, in which order; `extra` columns come after the line and the rowid."""

    execution: str | None = None
    tenant: str | None = None
    order: str = STORAGE_ORDER
    extra: tuple[str, ...] = ()


@dataclass
class Batch:
    """A batch of rows: the clean ones counted per variant, the others' verdicts by index;
    with `rewrite`, `out` holds the canonical line of every row read, in order."""

    rows: list[tuple[Any, ...]]
    per_variant: dict[str, int]
    problems: dict[int, RowVerdict]
    out: bytes | None = None


def where_clause(store: Store, selection: Selection) -> tuple[str, list[str]]:
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


def judged_batch(
    store: Store, rows: list[tuple[Any, ...]], counts: list[int], places: list[Any], out: Any
) -> Batch:
    flagged = {place[0]: place[3] for place in places}
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


def exact_batch(store: Store, rows: list[tuple[Any, ...]]) -> Batch:
    problems = {i: read_row(store.connection, row[1]) for i, row in enumerate(rows)}
    texts = [v.event.encode() + b"\n" for v in problems.values() if v.event is not None]
    return Batch(rows, {}, problems, b"".join(texts))
