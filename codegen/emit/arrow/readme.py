"""generated/arrow/README.md: the columnar layout as an analyst reads it."""

from __future__ import annotations

from codegen.emit.arrow.layout import Layout
from codegen.header import header_lines
from codegen.model import WireModel

# Each kind as Arrow holds it, as Parquet stores it, and as DuckDB reads it.
ARROW_TYPES = {
    "dictionary": ("dictionary<int16, string>", "BYTE_ARRAY (UTF8), dictionary", "VARCHAR"),
    "string": ("string", "BYTE_ARRAY (UTF8)", "VARCHAR"),
    "bool": ("bool", "BOOLEAN", "BOOLEAN"),
    "uint32": ("uint32", "INT32 (UINT_32)", "UINTEGER"),
    "uint64": ("uint64", "INT64 (UINT_64)", "UBIGINT"),
    "int64": ("int64", "INT64", "BIGINT"),
    "float64": ("float64", "DOUBLE", "DOUBLE"),
    "timestamp": (
        "timestamp[ns, tz=UTC]",
        "INT64 (TIMESTAMP NANOS, UTC)",
        "TIMESTAMPTZ_NS (older DuckDB: TIMESTAMPTZ)",
    ),
    "uuid": ("string", "BYTE_ARRAY (UTF8)", "VARCHAR (`::UUID` casts it)"),
    "json": ("extension<arrow.json> (string)", "BYTE_ARRAY (JSON)", "JSON"),
    "text": ("string", "BYTE_ARRAY (UTF8)", "VARCHAR"),
}


def arrow_type(kind: str) -> tuple[str, str, str]:
    if kind.startswith("list<"):
        inner = ARROW_TYPES[kind[5:-1]]
        return (f"list<{inner[0]}>", f"LIST of {inner[1]}", f"{inner[2]}[]")
    return ARROW_TYPES[kind]


def readme(model: WireModel, table: Layout) -> str:
    comment = "".join(f"<!-- {line} -->\n" for line in header_lines(model))
    rows = "".join(
        f"| `{c.name}` | {arrow_type(c.kind)[0]} | {arrow_type(c.kind)[2]} | "
        f"{'yes' if c.nullable else 'no'} | {c.note} |\n"
        for c in table.columns
    )
    overflow = ", ".join(f"`{a}` -> `{b}`" for a, b in table.overflow)
    return (
        f"{comment}# The event log as columns (Arrow, Parquet)\n\n"
        f"Schema {table.version}. One row per `{table.root}`, in the log's order. Made by\n"
        "`jamjet-schema export --format parquet` and `jamjet_schema.columnar.to_arrow`;\n"
        "`export --format jsonl FILE.parquet` and `from_arrow` give serde's bytes back.\n\n"
        "- The envelope's fields are columns; the tagged union is the column "
        f"`{table.tag}` (its\n  variant's wire name, dictionary-encoded) beside one column "
        "per member name of the\n  variants: a name several variants share (`node_id`, "
        "`attempt`) is one column,\n  null in the rows of the variants without it. A name "
        "given two kinds, or a name the\n  envelope has, is qualified: `<variant>__<member>`.\n"
        "- Integers keep Rust's width and sign (u32 -> uint32, u64 -> uint64, i64 -> int64).\n"
        "- Timestamps are timestamp[ns, UTC]. chrono's instants reach far beyond what that\n"
        "  holds (1677-09-21 to 2262-04-11; and a leap second, 23:59:60): such a value is\n"
        "  null there and chrono's text of it stands in the column beside, "
        f"{overflow}\n  (null in every other row).\n"
        "- UUIDs are their canonical text (lower-case, hyphenated): `id::UUID` in DuckDB,\n"
        "  a string in Spark (which does not read Parquet's UUID type).\n"
        "- `serde_json::Value` members, and structs nested in a member, are serde's JSON\n"
        "  text of them (objects' members sorted, as serde_json writes a Value), stored with\n"
        "  Parquet's JSON type: DuckDB reads them as JSON (`output->>'$.answer'`).\n"
        "- An Option that is None is null; so is a member of another variant. Which\n"
        "  members a row has, and whether serde writes a None as `null` or leaves it out,\n"
        "  is the variant's (the `writes` of each member in layout.json), so the column\n"
        "  values and the tag give serde's bytes back exactly.\n\n"
        "The file's schema metadata holds `jamjet.layout_version` and `jamjet.schema_version`.\n\n"
        "| column | Arrow | DuckDB | nullable | from |\n"
        "| --- | --- | --- | --- | --- |\n"
        f"{rows}"
    )
