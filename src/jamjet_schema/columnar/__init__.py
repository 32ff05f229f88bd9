"""The event log as columns: Arrow tables and Parquet files, and back to serde's bytes.

    table = to_arrow(events)        # a pyarrow.Table of the layout (generated/arrow/README.md)
    events = from_arrow(table)      # the Events again; their JSON is serde's bytes

The layout is emitted from the wire model (codegen/emit/arrow); pyarrow is needed
(`pip install jamjet-schema[arrow]`). `jamjet-schema export --format parquet` writes
logs and stores as Parquet, `export --format jsonl FILE.parquet` reads them back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from jamjet_schema.columnar.schema import arrow_schema, layout_problem

if TYPE_CHECKING:
    import pyarrow as pa

    from jamjet_schema import Event

__all__ = ["arrow_schema", "from_arrow", "layout_problem", "to_arrow"]


# Text of the events per record batch: a string column holds at most 2 GiB in a batch.
BATCH_BYTES = 1 << 26


def to_arrow(events: Iterable[Event]) -> pa.Table:
    """A table of the layout, one row per event, in order (in record batches of about
    BATCH_BYTES of the events' text each)."""
    import pyarrow as pa

    from jamjet_schema.columnar.assemble import batch_of_text

    batches, text, size = [], [], 0
    for event in events:
        line = (event.model_dump_json() + "\n").encode()
        text.append(line)
        size += len(line)
        if size >= BATCH_BYTES:
            batches.append(batch_of_text(b"".join(text)))
            text, size = [], 0
    if text or not batches:
        batches.append(batch_of_text(b"".join(text)))
    return pa.Table.from_batches(batches, schema=arrow_schema())


def from_arrow(table: pa.Table | pa.RecordBatch) -> list[Event]:
    """The events of a table of the layout, each read with serde's verdict (a row serde
    would refuse raises pydantic's ValidationError); ValueError if the table is not of
    the layout."""
    from jamjet_schema.columnar.decode import lines_of_batch

    problem = layout_problem(table.schema)
    if problem is not None:
        raise ValueError(problem)
    batches = table.to_batches() if hasattr(table, "to_batches") else [table]
    return [_event(line) for batch in batches for line in lines_of_batch(batch)]


def _event(line: str) -> Event:
    """The row's event as serde reads its text; where that reading drifts from the row's
    own floats (columnar.drift), the event of the row's values themselves."""
    from jamjet_schema import Event
    from jamjet_schema.columnar.drift import as_serde_wrote

    event = Event.model_validate_json(line)
    written = event.model_dump_json()
    if written != line and as_serde_wrote(line, written):
        exact = Event.model_validate(json.loads(line))
        if exact.model_dump_json() == line:
            return exact
    return event
