"""Canonical event lines -> an Arrow record batch, as the layout places each member.

The input is serde's canonical text of accepted events (what the native core's
canonical_lines gives, or `Event.model_dump_json()`), never raw log lines: every
verdict is taken before, so this module only moves values. That is also why the
standard library's JSON reader is exact here: serde writes each f64 in the shortest
form that reads back to it, and a correctly rounded reader (CPython's) gives that
very f64 back; integers are written without fraction or exponent, floats never so.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from jamjet_schema.columnar._layout import COLUMNS, ENVELOPE, OVERFLOW, TAG, UNION_MEMBER, VARIANTS
from jamjet_schema.columnar.json_text import json_text
from jamjet_schema.columnar.schema import arrow_schema, tag_dictionary
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


class _Reader:
    """json.loads that notes whether every float of the text is spelt as Python's repr
    spells it: then the C encoder writes each Value member exactly as serde did (it
    escapes serde_json's set of characters, jamjet_schema.wire.strings), and the exact
    writer (json_text) is needed only for a text with other floats (exponents, or
    positional digits beyond repr's range)."""

    def __init__(self) -> None:
        self.repr_floats = True
        self.decode = json.JSONDecoder(parse_float=self._float).decode

    def _float(self, literal: str) -> float:
        value = float(literal)
        if self.repr_floats and _FLOAT_REPR(value) != literal:
            self.repr_floats = False
        return value


_FLOAT_REPR = float.__repr__
_READER = _Reader()
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _nanos(text: str) -> int | None:
    """The instant as timestamp[ns] holds it; None where it cannot (out of its range,
    or a leap second), for the overflow column to keep the text."""
    if _CHRONO_SHAPE.fullmatch(text):  # chrono's text of a year 0001..9999, no leap second
        midnight = _MIDNIGHTS.get(text[:10])
        if midnight is None:
            midnight = _midnight(text[:10])
        if midnight is not None:
            fraction = text[20:-1]
            seconds = int(text[11:13]) * 3600 + int(text[14:16]) * 60 + int(text[17:19])
            nanos = midnight + seconds * _NANOS + (int(fraction.ljust(9, "0")) if fraction else 0)
            return nanos if _NS_MIN <= nanos <= _NS_MAX else None
    instant = Timestamp.parse(text)
    if instant.is_leap_second:
        return None
    nanos = instant.unix_seconds * _NANOS + instant.nanosecond
    return nanos if _NS_MIN <= nanos <= _NS_MAX else None


_CHRONO_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-5][0-9]:[0-5][0-9](\.[0-9]+)?Z")
_MIDNIGHTS: dict[str, int] = {}  # a day's text -> its midnight in Unix nanoseconds
_EPOCH_DAY = dt.date(1970, 1, 1).toordinal()


def _midnight(day: str) -> int | None:
    try:
        days = dt.date.fromisoformat(day).toordinal() - _EPOCH_DAY
    except ValueError:  # year 0000, which date cannot hold: the exact path
        return None
    if len(_MIDNIGHTS) > 4096:  # a log spans few days; random ones must not grow this
        _MIDNIGHTS.clear()
    _MIDNIGHTS[day] = days * 86_400 * _NANOS
    return _MIDNIGHTS[day]


def _same(value: Any) -> Any:
    return value


def _json(value: Any) -> str | None:
    # JSON null is a null cell: serde writes a null member's `null` back from the layout
    if value is None:
        return None
    return _encode(value) if _READER.repr_floats else json_text(value)


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
_TAG_INDEX = {wire: i for i, wire in enumerate(VARIANTS)}  # the dictionary's (tag_dictionary)


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
    reader = _READER
    for row, line in enumerate(lines):
        reader.repr_floats = True
        doc = reader.decode(line)
        _put(columns, row, _ENVELOPE, doc)
        kind = doc[UNION_MEMBER]
        tag = kind[TAG]
        columns[_TAG][row] = _TAG_INDEX[tag]
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
        return pa.DictionaryArray.from_arrays(pa.array(values, kind.index_type), tag_dictionary())
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
