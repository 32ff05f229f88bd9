"""`jamjet-schema export STORE`: the stored events as canonical JSON Lines, each `Event`
as serde writes it, in (execution_id, sequence) order; rejected rows are reported on
stderr and left out. With `resolve`, each NodeCompleted output the runtime spilled to
its artifacts table is resolved as the runtime's API resolves it (store.artifacts)."""

from __future__ import annotations

from typing import BinaryIO, TextIO

from jamjet_schema.logs.summary import exported_summary
from jamjet_schema.store.connection import opened
from jamjet_schema.store.row_batches import EXECUTION_ORDER, Selection
from jamjet_schema.store.row_report import render
from jamjet_schema.store.scan import batches


def export_store(
    name: str,
    selection: Selection,
    out: BinaryIO,
    jobs: int,
    timeout: float,
    err: TextIO,
    resolve: bool = False,
) -> int:
    """0 every row exported, 1 some rows rejected (reported on `err`); StoreError if the
    store cannot be read (with `resolve`: also if it has no artifacts table). Outputs
    left unresolved are exported as the runtime serves them and named on `err`."""
    from jamjet_schema.store.artifacts import Artifacts, Resolver

    rejected = exported = 0
    ordered = Selection(selection.execution, selection.tenant, EXECUTION_ORDER)
    with opened(name, timeout) as store:
        resolver = Resolver(Artifacts(store)) if resolve else None
        for batch in batches(store, ordered, jobs, rewrite=True):
            data = batch.out or b""
            if resolver is not None:
                data = resolver.batch(batch, data)
                for message in resolver.unresolved:
                    err.write(f"warning: {message}\n")
                resolver.unresolved.clear()
            out.write(data)
            exported += len(batch.rows)
            for verdict in batch.problems.values():
                if not verdict.ok:
                    rejected += 1
                    err.write(render(name, verdict, "text") + "\n")
    out.flush()
    print(exported_summary(exported - rejected, rejected, "row"), file=err)
    return 1 if rejected else 0
