"""`jamjet-schema validate STORE`: every row of a store, as the runtime reads it."""

from __future__ import annotations

from typing import TextIO

from jamjet_schema.logs.summary import Summary
from jamjet_schema.store.connection import opened
from jamjet_schema.store.row_batches import Selection
from jamjet_schema.store.row_report import count, render
from jamjet_schema.store.scan import batches


def validate_store(
    name: str, selection: Selection, jobs: int, fmt: str, timeout: float, out: TextIO
) -> int:
    """Reports every rejected row and a summary; 0 clean, 1 bad rows; StoreError if the
    store cannot be read."""
    summary = Summary()
    with opened(name, timeout) as store:
        for batch in batches(store, selection, jobs):
            summary.add_clean(batch.per_variant)
            for verdict in batch.problems.values():
                count(summary, verdict)
                if not verdict.ok:
                    out.write(render(name, verdict, fmt) + "\n")
    out.write((summary.as_json() if fmt == "json" else summary.as_text(False)) + "\n")
    return 1 if summary.errors else 0
