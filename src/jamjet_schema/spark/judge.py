"""What runs on the executors (in mapInArrow): the lines of each input split given
serde's verdict, a batch at a time (logs.scan.judged_lines: one call into the native
core per batch), the accepted ones written to the split's part (parts.py) and the
refused ones handed back as rows, with one row more per split that counts its lines.

A split's lines come in order and all in one task, so a line's place in its split
is exact; its line in the file is the lines of the file's earlier splits plus that
place, which the driver adds up from the count rows (export.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jamjet_schema.logs.check import Verdict
from jamjet_schema.logs.scan import Canonical, Columns, judged_lines
from jamjet_schema.spark.parts import Part, part_name

if TYPE_CHECKING:
    import pyarrow as pa

# What each task hands back: a refused line (`index`: its place in the split, from 0)
# or a split's count (`lines`, and `events` written; `index` null).
_COLUMNS = [
    ("file", "string"),
    ("block", "long"),
    ("index", "long"),
    ("lines", "long"),
    ("events", "long"),
    ("variant", "string"),
    ("rule", "string"),
    ("path", "string"),
    ("message", "string"),
]
SCHEMA = ", ".join(f"{name} {kind}" for name, kind in _COLUMNS)  # Spark's DDL

FileKey = tuple[str, str, str]


def file_key(uri: str) -> FileKey:
    """A file's URI as Spark spells it anywhere (`file:/x` and `file:///x` alike)."""
    parts = urlsplit(uri)
    return parts.scheme, parts.netloc, parts.path


def judged(
    batches: Iterator[pa.RecordBatch], files: dict[FileKey, int], out: str
) -> Iterator[pa.RecordBatch]:
    """mapInArrow's function: batches of (file, block, line) in, SCHEMA's rows out."""
    split: _Split | None = None
    for batch in batches:
        for key, lines in _runs(batch):
            if split is None or split.key != key:
                if split is not None:
                    yield split.close()
                split = _Split(key, files, out)
            refused = split.take(lines)
            if refused.num_rows:
                yield refused
    if split is not None:
        yield split.close()


def _runs(batch: pa.RecordBatch) -> Iterator[tuple[tuple[str, int], pa.Array]]:
    """The lines of each split in the batch: a split's lines are consecutive."""
    import pyarrow.compute as pc

    files, blocks, lines = batch.columns
    count = batch.num_rows
    if count == 0:
        return
    before, after = slice(0, count - 1), slice(1, count)
    changed = pc.or_(
        pc.not_equal(files[after], files[before]), pc.not_equal(blocks[after], blocks[before])
    )
    starts = [0, *(int(i) + 1 for i in pc.indices_nonzero(changed).to_pylist()), count]
    for start, end in pairwise(starts):
        yield (files[start].as_py(), blocks[start].as_py()), lines[start:end]


class _Split:
    def __init__(self, key: tuple[str, int], files: dict[FileKey, int], out: str) -> None:
        self.key = key
        self.file, self.block = key
        number = files.get(file_key(self.file))
        if number is None:  # not reached: Spark reads the files it listed
            raise ValueError(f"{self.file}: not among the input files {sorted(files)}")
        self.part = Part(out, part_name(number, self.block))
        self.lines = 0  # taken so far

    def take(self, lines: pa.Array) -> pa.RecordBatch:
        """The refused ones among the split's next lines; the accepted ones are written."""
        data = b"\n".join(lines.to_pylist()) + b"\n"
        refused: list[Verdict] = []
        for item in judged_lines(self.file, self.lines, data, columns=True):
            if isinstance(item, Canonical):
                self.part.sink.write(item.data)
            elif isinstance(item, Columns):
                self.part.sink.add_columns(item)
            else:
                refused.append(item)
        self.lines += len(lines)
        return _batch([self._refused(verdict) for verdict in refused])

    def _refused(self, verdict: Verdict) -> dict[str, Any]:
        return {
            "file": self.file,
            "block": self.block,
            "index": verdict.record.line,
            "variant": verdict.variant,
            "rule": verdict.rule,
            "path": verdict.path,
            "message": verdict.error,
        }

    def close(self) -> pa.RecordBatch:
        events = self.part.close()
        counted = {"file": self.file, "block": self.block, "lines": self.lines, "events": events}
        return _batch([counted])


def _batch(rows: list[dict[str, Any]]) -> pa.RecordBatch:
    import pyarrow as pa

    return pa.RecordBatch.from_pylist(rows, schema=_schema())


def _schema() -> pa.Schema:
    import pyarrow as pa

    types = {"string": pa.string(), "long": pa.int64()}
    return pa.schema([(name, types[kind]) for name, kind in _COLUMNS])
