"""Parquet files of the layout, written and read in row groups: memory stays flat on a
log of any size (one row group's columns, and one chunk of text, at a time).

`ParquetSink` takes canonical JSON Lines (whole lines per write, as the log and store
pipelines hand them on), or record batches the native core built straight from a log
(logs.scan's Columns), and writes them as row groups; `read_back` gives a file's
events again with serde's verdict on each row, in the shape the log pipeline gives
(logs.scan.canonical_texts): Canonical chunks, and a Verdict for each refused row.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from jamjet_schema.columnar.assemble import batch_of_columns, batch_of_text
from jamjet_schema.columnar.decode import lines_of_batch
from jamjet_schema.columnar.drift import as_serde_wrote
from jamjet_schema.columnar.schema import arrow_schema, layout_problem
from jamjet_schema.files.errors import Unusable
from jamjet_schema.logs.check import Verdict
from jamjet_schema.logs.scan import Canonical, Columns, judged_lines

if TYPE_CHECKING:
    import pyarrow as pa

# Rows per row group: about 30 MB of columns for events of a few hundred bytes, and
# enough rows for each column chunk to compress well.
ROW_GROUP_ROWS = 1 << 16
READ_BATCH_ROWS = 1 << 13  # rows restored to text at a time when reading back
MAGIC = b"PAR1"
COMPRESSION = "zstd"


class ParquetSink:
    """A binary stream's stand-in that turns canonical JSON Lines into Parquet row groups.

    `write` takes whole lines, `add` a record batch of the layout, `add_columns` the
    core's columns; `flush` writes nothing (a row group is written when it is
    full); `close` writes the last row group and the footer."""

    def __init__(self, out: IO[bytes], rows_per_group: int = ROW_GROUP_ROWS) -> None:
        import pyarrow.parquet as pq

        self.rows_per_group = rows_per_group
        self.rows = 0  # written so far
        self._pending: list[Any] = []  # record batches of the row group being gathered
        self._pending_rows = 0
        self._writer = pq.ParquetWriter(out, arrow_schema(), compression=COMPRESSION)

    def write(self, data: bytes) -> int:
        if data:
            self.add(batch_of_text(data))
        return len(data)

    def add_columns(self, columns: Columns) -> None:
        """A chunk's events as the native core built their columns."""
        if columns.rows:
            self.add(batch_of_columns(columns.columns, columns.rows))

    def add(self, batch: pa.RecordBatch) -> None:
        self._pending.append(batch)
        self._pending_rows += batch.num_rows
        while self._pending_rows >= self.rows_per_group:
            self._write_group(self.rows_per_group)

    def flush(self) -> None:
        """Nothing: a row group is written whole, when full or at close."""

    def close(self) -> None:
        if self._pending_rows:
            self._write_group(self._pending_rows)
        self._writer.close()

    def abandon(self) -> None:
        """Ends the writer on a failed export (whose output is then discarded), so that
        it does not try to finish the file later, on a closed stream."""
        with contextlib.suppress(Exception):
            self._writer.close()

    def _write_group(self, rows: int) -> None:
        """The first `rows` pending rows as one row group; the rest stay pending."""
        import pyarrow as pa

        table = pa.Table.from_batches(self._pending, schema=arrow_schema())
        self._writer.write_table(table.slice(0, rows), row_group_size=rows)
        rest = table.slice(rows)
        self._pending = rest.to_batches() if rest.num_rows else []
        self._pending_rows -= rows
        self.rows += rows


def is_parquet(path: str) -> bool:
    """A file that starts as Parquet does (a log never starts so)."""
    if path == "-":
        return False
    try:
        with open(path, "rb") as stream:
            return stream.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def read_back(path: str) -> Iterator[Canonical | Verdict]:
    """The events of a Parquet file of the layout, as canonical lines in row order, with
    serde's verdict on each row (a row is named as line N of the file: its row number,
    from 1). Unusable if the file cannot be read or holds another layout."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as err:
        raise Unusable(f"{path}: not a readable Parquet file ({err})") from None
    problem = layout_problem(parquet.schema_arrow)
    if problem is not None:
        raise Unusable(f"{path}: {problem}")
    row = 1
    for batch in parquet.iter_batches(batch_size=READ_BATCH_ROWS):
        lines = lines_of_batch(batch)
        yield from _judged(path, row, lines)
        row += len(lines)


def _judged(path: str, first: int, lines: list[str]) -> Iterator[Canonical | Verdict]:
    """serde's verdict on restored rows: from a file this package wrote, every row is
    accepted as it is; one written by other tools may hold what serde refuses, or text
    serde writes otherwise (as a log's line, its canonical text is given). A row serde
    writes otherwise only as its float parsing drifts keeps its own text (drift.py)."""
    data = "".join(line + "\n" for line in lines).encode()
    items = list(judged_lines(path, first, data))
    refused = {item.record.line - first for item in items if isinstance(item, Verdict)}
    written = b"".join(item.data for item in items if isinstance(item, Canonical))
    kept = [line for index, line in enumerate(lines) if index not in refused]
    if written != "".join(line + "\n" for line in kept).encode():
        rewritten = written.decode().split("\n")[:-1]
        texts = [
            a if a == b or as_serde_wrote(a, b) else b for a, b in zip(kept, rewritten, strict=True)
        ]
        written = "".join(text + "\n" for text in texts).encode()
    yield Canonical(written)
    yield from (item for item in items if isinstance(item, Verdict))
