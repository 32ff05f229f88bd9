"""`jamjet-schema export STORE`: the stored events as canonical JSON Lines, each `Event`
as serde writes it, in (execution_id, sequence) order; rejected rows are reported on
stderr and left out."""

from __future__ import annotations

from typing import BinaryIO, TextIO

from jamjet_schema.store.connection import opened
from jamjet_schema.store.row_batches import EXECUTION_ORDER, Selection
from jamjet_schema.store.row_report import render
from jamjet_schema.store.scan import batches


def export_store(
    name: str, selection: Selection, out: BinaryIO, jobs: int, timeout: float, err: TextIO
) -> int:
    """0 every row exported, 1 some rows rejected (reported on `err`); StoreError if the
    store cannot be read."""
    rejected = exported = 0
    ordered = Selection(selection.execution, selection.tenant, EXECUTION_ORDER)
    with opened(name, timeout) as store:
        for batch in batches(store, ordered, jobs, rewrite=True):
            out.write(batch.out or b"")
            exported += len(batch.rows)
            for verdict in batch.problems.values():
                if not verdict.ok:
                    rejected += 1
                    err.write(render(name, verdict, "text") + "\n")
    out.flush()
    print(f"{exported - rejected} events exported, {rejected} rows rejected", file=err)
    return 1 if rejected else 0
