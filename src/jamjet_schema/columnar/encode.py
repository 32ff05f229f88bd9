"""Canonical event lines -> an Arrow record batch, as the layout places each member.

The input is serde's canonical text of accepted events (what the native core's
canonical_lines gives, or `Event.model_dump_json()`), never raw log lines: every
verdict is taken before, so this module only moves values. That is also why the
standard library's JSON reader is exact here: serde writes each f64 in the shortest
form that reads back to it, and a correctly rounded reader (CPython's) gives that
very f64 back; integers are written without fraction or exponent, floats never so.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from jamjet_schema.columnar._layout import COLUMNS, ENVELOPE, OVERFLOW, TAG, UNION_MEMBER, VARIANTS
from jamjet_schema.columnar.json_text import json_text
from jamjet_schema.columnar.schema import arrow_schema
from jamjet_schema.wire.timestamp import Timestamp

if TYPE_CHECKING:
    import pyarrow as pa

_NANOS = 1_000_000_000
# timestamp[ns] is an int64; its least value is left out, being the null of some
# readers (pandas' NaT)
_NS_MIN, _NS_MAX = -(2**63) + 1, 2**63 - 1

_KIND = {name: kind for name, kind, _ in COLUMNS}
_NAMES = [name for name, _, _ in COLUMNS]
_INDEX = {name: i for i, name in enumerate(_NAMES)}
_loads = json.loads


def _nanos(text: str) -> int | None:
    """The instant as timestamp[ns] holds it; None where it cannot (out of its range,
    or a leap second), for the overflow column to keep the text."""
    instant = Timestamp.parse(text)
    if instant.is_leap_second:
        return None
    nanos = instant.unix_seconds * _NANOS + instant.nanosecond
    return nanos if _NS_MIN <= nanos <= _NS_MAX else None


def _same(value: Any) -> Any:
    return value


def _json(value: Any) -> str | None:
    # JSON null is a null cell: serde writes a null member's `null` back from the layout
    return None if value is None else json_text(value)


def _list_of(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def each(items: list[Any]) -> list[Any]:
        return [None if item is None else convert(item) for item in items]

    return each


def _converter(kind: str) -> Callable[[Any], Any]:
    if kind.startswith("list<"):
        inner = _converter(kind[5:-1])
        return _list_of(inner) if inner is not _same else _same
    return _json if kind == "json" else _same


_CONVERT = {name: _converter(kind) for name, kind, _ in COLUMNS}
# (member, column index, converter or None when the value goes in as it is, timestamp's
# overflow column index or -1)
Plan = tuple[tuple[str, int, Callable[[Any], Any] | None, int], ...]


def _plan(members: Iterable[tuple[str, str, str]]) -> Plan:
    return tuple(
        (
            member,
            _INDEX[column],
            None if _CONVERT[column] is _same else _CONVERT[column],
            _INDEX[OVERFLOW[column]] if column in OVERFLOW else -1,
        )
        for member, column, _ in members
    )


_ENVELOPE = _plan(m for m in ENVELOPE if m[0] != UNION_MEMBER)
_VARIANTS = {wire: _plan(members) for wire, members in VARIANTS.items()}
_TAG = _INDEX[TAG]


def _put(columns: list[list[Any]], row: int, plan: Plan, doc: dict[str, Any]) -> None:
    for member, index, convert, overflow in plan:
        value = doc.get(member)
        if value is None:
            continue
        if overflow >= 0:
            nanos = _nanos(value)
            if nanos is None:
                columns[overflow][row] = value
            columns[index][row] = nanos
        else:
            columns[index][row] = value if convert is None else convert(value)


def batch_of_lines(lines: list[str]) -> pa.RecordBatch:
    """The record batch of canonical event lines (without their line ends)."""
    import pyarrow as pa

    count = len(lines)
    columns: list[list[Any]] = [[None] * count for _ in _NAMES]
    for row, line in enumerate(lines):
        doc = _loads(line)
        _put(columns, row, _ENVELOPE, doc)
        kind = doc[UNION_MEMBER]
        tag = kind[TAG]
        columns[_TAG][row] = tag
        _put(columns, row, _VARIANTS[tag], kind)
    schema = arrow_schema()
    arrays = [_array(values, field.type) for values, field in zip(columns, schema, strict=True)]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _array(values: list[Any], kind: pa.DataType) -> pa.Array:
    import pyarrow as pa

    if isinstance(kind, pa.BaseExtensionType):
        storage = pa.array(values, kind.storage_type)
        return pa.ExtensionArray.from_storage(kind, storage)
    if pa.types.is_dictionary(kind):
        return pa.array(values, pa.string()).dictionary_encode().cast(kind)
    if pa.types.is_timestamp(kind):
        return pa.array(values, pa.int64()).cast(kind)
    if pa.types.is_list(kind) and isinstance(kind.value_type, pa.BaseExtensionType):
        # pyarrow builds no list of an extension type from Python values: the list of
        # its storage, then the items wrapped
        plain: pa.ListArray = pa.array(values, pa.list_(kind.value_type.storage_type))
        items = pa.ExtensionArray.from_storage(kind.value_type, plain.values)
        return pa.ListArray.from_arrays(plain.offsets, items, kind, mask=plain.is_null())
    return pa.array(values, kind)


def batch_of_text(data: bytes) -> pa.RecordBatch:
    """The record batch of canonical JSON Lines (UTF-8, one event per line, each ended
    by a line feed). Split at line feeds only: serde leaves U+2028 and U+0085 in
    strings unescaped, which str.splitlines would cut at."""
    lines = data.decode("utf-8").split("\n")
    if lines[-1] == "":
        lines.pop()
    return batch_of_lines(lines)
