"""The Arrow schema of the event log, built from the generated layout (_layout.py).

Each column kind maps to one Arrow type here; which columns there are, and what each
variant writes into them, is the layout's (codegen/emit/arrow/layout.py).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from jamjet_schema.columnar._layout import COLUMNS, LAYOUT_VERSION, SCHEMA_VERSION, VARIANTS

if TYPE_CHECKING:
    import pyarrow as pa

LAYOUT_KEY = b"jamjet.layout_version"
SCHEMA_KEY = b"jamjet.schema_version"


def _scalar_types() -> dict[str, pa.DataType]:
    import pyarrow as pa

    return {
        # int16 indices: the union has tens of variants, never thousands
        "dictionary": pa.dictionary(pa.int16(), pa.string()),
        "string": pa.string(),
        "uuid": pa.string(),
        "text": pa.string(),
        "bool": pa.bool_(),
        "uint32": pa.uint32(),
        "uint64": pa.uint64(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "timestamp": pa.timestamp("ns", tz="UTC"),
        # Parquet's JSON type: DuckDB reads the column as JSON, Spark as a string
        "json": pa.json_(pa.string()),
    }


def arrow_type(kind: str) -> pa.DataType:
    import pyarrow as pa

    types = _scalar_types()
    if kind.startswith("list<"):
        return pa.list_(types[kind[5:-1]])
    return types[kind]


@functools.cache
def arrow_schema() -> pa.Schema:
    """The schema of every table and Parquet file of events, with the layout's version."""
    import pyarrow as pa

    fields = [pa.field(name, arrow_type(kind), nullable) for name, kind, nullable in COLUMNS]
    metadata = {LAYOUT_KEY: str(LAYOUT_VERSION).encode(), SCHEMA_KEY: SCHEMA_VERSION.encode()}
    return pa.schema(fields, metadata=metadata)


@functools.cache
def tag_dictionary() -> pa.Array:
    """The tag column's dictionary: every variant's wire name in the union's order, the
    same in every batch, so a variant's index is the same in every row group."""
    import pyarrow as pa

    return pa.array(list(VARIANTS), pa.string())


def layout_problem(schema: pa.Schema) -> str | None:
    """Why a table or file of that schema cannot be read back as events; None if it can.

    The columns must be the layout's, by name and type; the version of the schema that
    wrote them may be older (a reader of a newer schema reads what an older one wrote)."""
    metadata = schema.metadata or {}
    version = metadata.get(LAYOUT_KEY)
    if version is not None and version != str(LAYOUT_VERSION).encode():
        return f"columnar layout {version.decode()}, this version reads layout {LAYOUT_VERSION}"
    have = {field.name: field.type for field in schema}
    for name, kind, _ in COLUMNS:
        if name not in have:
            return f"no column {name!r}: not an event table of this layout"
        wanted = arrow_type(kind)
        if not _readable_as(have[name], wanted):
            return f"column {name!r} is {have[name]}, the layout's is {wanted}"
    return None


def _readable_as(have: pa.DataType, wanted: pa.DataType) -> bool:
    """`have` holds what `wanted` would: the same type, or its plain storage (a JSON
    column read without its extension, a dictionary decoded, as other tools write them)."""
    import pyarrow as pa

    if have == wanted:
        return True
    if isinstance(wanted, pa.BaseExtensionType):
        return bool(have == wanted.storage_type)
    if pa.types.is_dictionary(wanted):
        return bool(have == wanted.value_type) or (
            pa.types.is_dictionary(have) and have.value_type == wanted.value_type
        )
    if pa.types.is_timestamp(wanted):
        return pa.types.is_timestamp(have) and have.unit == "ns" and have.tz in ("UTC", "+00:00")
    if pa.types.is_list(wanted) and pa.types.is_list(have):
        return _readable_as(have.value_type, wanted.value_type)
    return False
