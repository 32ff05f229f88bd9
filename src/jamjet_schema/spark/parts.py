"""Where the events go: one Parquet file of the layout per input split, written by the
executor that judged the split, through pyarrow's file systems.

Spark's own writer cannot write the layout (it has no unsigned integers, its
timestamps are microseconds, it writes no Parquet JSON type), so each executor writes
its part with the package's ParquetSink. A part is named by its file's place among the
inputs and its split's first byte, so the names sort in the log's order; it is written
to a hidden temporary name and renamed when complete, so a retried or speculative task
leaves one whole part (the same bytes) and readers never see half of one.
"""

from __future__ import annotations

import os
import uuid
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jamjet_schema.columnar.parquet import ROW_GROUP_ROWS, ParquetSink
from jamjet_schema.files.errors import Unusable

if TYPE_CHECKING:
    import pyarrow.fs

# Hadoop's names for the object stores whose pyarrow names differ
_PYARROW_SCHEME = {"s3a": "s3", "s3n": "s3"}
SUCCESS = "_SUCCESS"  # written last, as Spark's writers do: the folder is complete


def output_uri(out: str) -> str:
    """`out` as pyarrow reads it: a URI (Hadoop's object-store schemes renamed), or an
    absolute local path."""
    scheme = urlsplit(out).scheme
    if scheme in _PYARROW_SCHEME:
        return _PYARROW_SCHEME[scheme] + out[len(scheme) :]
    return out if scheme else os.path.abspath(out)


def filesystem(uri: str) -> tuple[pyarrow.fs.FileSystem, str]:
    import pyarrow as pa
    import pyarrow.fs

    try:
        fs, path = pyarrow.fs.FileSystem.from_uri(uri)
    except (pa.ArrowException, ValueError) as err:
        raise Unusable(f"{uri}: no file system pyarrow can write ({err})") from None
    return fs, str(path)


def prepare(uri: str) -> None:
    """Unusable if the folder exists with anything in it; else it exists, empty."""
    import pyarrow.fs

    fs, base = filesystem(uri)
    info = fs.get_file_info(base)
    if info.type == pyarrow.fs.FileType.File:
        raise Unusable(f"{uri}: a file, not a folder for the events")
    if info.type == pyarrow.fs.FileType.Directory and fs.get_file_info(
        pyarrow.fs.FileSelector(base)
    ):
        raise Unusable(f"{uri}: not empty; refusing to write over it")
    fs.create_dir(base)


def finish(uri: str) -> None:
    fs, base = filesystem(uri)
    with fs.open_output_stream(f"{base}/{SUCCESS}"):
        pass


def part_name(file_number: int, block: int) -> str:
    return f"part-{file_number:05d}-{block:015d}.parquet"


class Part:
    """One split's events, written as they come (row groups of ROW_GROUP_ROWS)."""

    def __init__(self, uri: str, name: str) -> None:
        self._fs, base = filesystem(uri)
        self._final = f"{base}/{name}"
        self._temporary = f"{base}/.{name}.{uuid.uuid4().hex}.part"
        self._stream: Any = self._fs.open_output_stream(self._temporary)
        self.sink = ParquetSink(self._stream, ROW_GROUP_ROWS)

    def close(self) -> int:
        """Completes the part under its name; the number of events in it."""
        self.sink.close()
        self._stream.close()
        self._fs.move(self._temporary, self._final)
        return self.sink.rows
