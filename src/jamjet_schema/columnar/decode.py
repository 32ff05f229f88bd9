"""An Arrow record batch of the layout -> the events' JSON text, as serde writes them.

Each column is rendered to JSON text once, column by column (null stays None); then
each row is the envelope's members in wire order with the union in place of its
member: the tag first, then the variant's members, a null one written as `null` or
left out as the variant's rule says (the layout's `writes`). The text is serde's
bytes for a table made from events; for a table from elsewhere it is checked by
serde's verdict before it is used (jamjet_schema.columnar.read_back).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from jamjet_schema.columnar._layout import COLUMNS, ENVELOPE, OVERFLOW, TAG, UNION_MEMBER, VARIANTS
from jamjet_schema.wire.floats import format_f64
from jamjet_schema.wire.strings import write_json_string
from jamjet_schema.wire.timestamp import Timestamp

if TYPE_CHECKING:
    import pyarrow as pa

_NANOS = 1_000_000_000
_KIND = {name: kind for name, kind, _ in COLUMNS}
_SKIP_IF_NONE, _SKIP_IF_EMPTY = "skip_if_none", "skip_if_empty"


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _instant(nanos: int) -> str:
    seconds, fraction = divmod(nanos, _NANOS)
    return Timestamp(seconds, fraction).to_json()


def _json(text: str) -> str:
    return text  # serde's text already


_RENDER: dict[str, Callable[[Any], str]] = {
    "dictionary": write_json_string,
    "string": write_json_string,
    "uuid": write_json_string,
    "text": write_json_string,
    "bool": _bool,
    "uint32": str,
    "uint64": str,
    "int64": str,
    "float64": format_f64,
    "timestamp": _instant,
    "json": _json,
}


def _rendered(column: pa.Array, kind: str) -> list[str | None]:
    """Every value of `column` as JSON text, None for null."""
    import pyarrow as pa

    if isinstance(column.type, pa.BaseExtensionType):
        column = column.storage
    if pa.types.is_timestamp(column.type):
        column = column.cast(pa.int64())  # whole nanoseconds: Python's datetime has micros
    values = column.to_pylist()
    if kind.startswith("list<"):
        item = _RENDER[kind[5:-1]]
        return [
            None
            if items is None
            else "[" + ",".join("null" if v is None else item(v) for v in items) + "]"
            for items in values
        ]
    render = _RENDER[kind]
    return [None if value is None else render(value) for value in values]


def _with_overflow(instants: list[str | None], texts: list[str | None]) -> list[str | None]:
    """A timestamp column with chrono's text (rendered already) where it stands instead."""
    return [
        instant if text is None else text for instant, text in zip(instants, texts, strict=True)
    ]


# a member of a row: (its `"name":` prefix, its column, when it is written)
_Member = tuple[str, str, str]


def _members(members: tuple[tuple[str, str, str], ...]) -> tuple[_Member, ...]:
    return tuple((write_json_string(m) + ":", column, writes) for m, column, writes in members)


_ENVELOPE = _members(ENVELOPE)
_VARIANTS = {wire: _members(members) for wire, members in VARIANTS.items()}
_UNION = write_json_string(UNION_MEMBER) + ":"
_TAG_PREFIX = "{" + write_json_string(TAG) + ":"


def lines_of_batch(batch: pa.RecordBatch) -> list[str]:
    """Each row's event as JSON text (no line end), in row order."""
    names = batch.schema.names
    text: dict[str, list[str | None]] = {
        name: _rendered(batch.column(names.index(name)), kind) for name, kind, _ in COLUMNS
    }
    for column, overflow in OVERFLOW.items():
        text[column] = _with_overflow(text[column], text.pop(overflow))
    tags = batch.column(names.index(TAG)).to_pylist()
    return [_row(text, row, tags[row]) for row in range(batch.num_rows)]


def _row(text: dict[str, list[str | None]], row: int, tag: str | None) -> str:
    out: list[str] = []
    for prefix, column, writes in _ENVELOPE:
        if prefix == _UNION:
            _append(out, prefix, _union(text, row, tag), writes)
        else:
            _append(out, prefix, text[column][row], writes)
    return "{" + "".join(out)[1:] + "}"  # each member came with a comma before it


def _union(text: dict[str, list[str | None]], row: int, tag: str | None) -> str | None:
    if tag is None:
        return None  # no variant: written as null, which serde's verdict names
    out = [_TAG_PREFIX, write_json_string(tag)]
    for prefix, column, writes in _VARIANTS.get(tag, ()):
        _append(out, prefix, text[column][row], writes)
    out.append("}")
    return "".join(out)


def _append(out: list[str], prefix: str, value: str | None, writes: str) -> None:
    """`,"name":value` as serde writes the member, or nothing where it leaves it out."""
    if value is None:
        if writes in (_SKIP_IF_NONE, _SKIP_IF_EMPTY):
            return
        value = "null"
    elif writes == _SKIP_IF_EMPTY and value == "[]":
        return
    out.append("," + prefix + value)
