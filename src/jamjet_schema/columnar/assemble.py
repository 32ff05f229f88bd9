"""Record batches of the layout from canonical lines, or from the columns the native
core built (`column_lines`).

The core fills each column of the layout in Arrow's own memory layout (validity
bitmap, offsets, values: native/src/columns.rs); here each is wrapped as a pyarrow
array of the layout's type, its buffers taken as they are, without a copy. The tag
column holds each variant's index in the union's order (the layout's VARIANTS).
Without the core, encode.py reads the lines in Python, to the same batch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jamjet_schema import native
from jamjet_schema.columnar import encode
from jamjet_schema.columnar.schema import arrow_schema, tag_dictionary
from jamjet_schema.logs.scan import WRITTEN_OTHERWISE

if TYPE_CHECKING:
    import pyarrow as pa

# A column as the core hands it over: (null count, buffers, children), in Arrow's
# order of buffers for its type; a validity buffer is None when nothing is null.
Built = tuple[int, list[bytes | None], list[Any]]


def batch_of_text(data: bytes) -> pa.RecordBatch:
    """The record batch of canonical JSON Lines (UTF-8, each line ended by a line feed).

    The core reads the lines again, and serde's float parsing is not correctly rounded:
    a float serde wrote may read back as another (`9.999999999999999e-31` as `1e-30`),
    and the line is then no longer what serde writes of what was read. The core says
    which lines those are; their rows are the Python encoder's (a correctly rounded
    reader's)."""
    if native.CORE is None:
        return encode.batch_of_text(data)
    columns, counts, places, ends = native.CORE.column_lines(data, 0, len(data), True)
    rows = sum(counts) + len(places)  # a line written otherwise is in the columns too
    if rows != ends or any(place[3] != WRITTEN_OTHERWISE for place in places):
        return encode.batch_of_text(data)  # not serde's lines: the Python path says why
    batch = batch_of_columns(columns, rows)
    return _mended(batch, data, places) if places else batch


def _mended(batch: pa.RecordBatch, data: bytes, places: list[Any]) -> pa.RecordBatch:
    """`batch` with the rows of the lines at `places` (each a row, as every line is one)
    built by the Python encoder."""
    import pyarrow as pa

    pieces, row = [], 0
    for index, start, end, _what, _why in places:
        pieces += [batch.slice(row, index - row), encode.batch_of_text(data[start : end + 1])]
        row = index + 1
    pieces.append(batch.slice(row))
    return pa.concat_batches(pieces)


def batch_of_columns(columns: list[Built], rows: int) -> pa.RecordBatch:
    """The record batch of the core's columns, each `rows` long."""
    import pyarrow as pa

    schema = arrow_schema()
    arrays = [
        _array(field.type, rows, column) for field, column in zip(schema, columns, strict=True)
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _array(kind: pa.DataType, rows: int, column: Built) -> pa.Array:
    import pyarrow as pa

    nulls, buffers, children = column
    if isinstance(kind, pa.BaseExtensionType):
        return pa.ExtensionArray.from_storage(kind, _array(kind.storage_type, rows, column))
    wrapped = [None if b is None else pa.py_buffer(b) for b in buffers]
    if pa.types.is_dictionary(kind):
        indices = pa.Array.from_buffers(kind.index_type, rows, wrapped, nulls)
        return pa.DictionaryArray.from_arrays(indices, tag_dictionary())
    items = [_array(kind.value_type, _last_offset(buffers), children[0])] if children else None
    return pa.Array.from_buffers(kind, rows, wrapped, nulls, children=items)


def _last_offset(buffers: list[bytes | None]) -> int:
    """The items of a list column: where its last list ends (int32 offsets)."""
    offsets = buffers[1]
    assert offsets is not None
    return int.from_bytes(offsets[-4:], "little", signed=True)
