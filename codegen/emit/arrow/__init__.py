"""The columnar layout (Arrow, Parquet) of the event log, emitted from the wire model.

- `src/jamjet_schema/columnar/_layout.py`: the table the package's columnar code reads
  (jamjet_schema.columnar builds the Arrow schema and both directions from it alone);
- `generated/arrow/layout.json`: the same table for any other language;
- `generated/arrow/README.md`: the layout for an analyst, column by column.

The layout itself is decided in layout.py.
"""

from __future__ import annotations

import json

from codegen.emit.arrow.layout import Layout, Member, layout
from codegen.emit.arrow.readme import readme
from codegen.header import header, header_lines
from codegen.model import WireModel

PYTHON = "src/jamjet_schema/columnar/_layout.py"
JSON = "generated/arrow/layout.json"
README = "generated/arrow/README.md"
# The version of the layout's rules (not of the schema): a reader refuses a file of
# another layout rather than misreading it.
LAYOUT_VERSION = 1


def emit(model: WireModel) -> dict[str, str]:
    table = layout(model)
    return {
        PYTHON: python_module(model, table),
        JSON: json.dumps(json_table(model, table), indent=2) + "\n",
        README: readme(model, table),
    }


def json_table(model: WireModel, table: Layout) -> dict[str, object]:
    return {
        "$comment": " ".join(header_lines(model)),
        "layout_version": LAYOUT_VERSION,
        "schema_version": table.version,
        "root": table.root,
        "union_member": table.union_member,
        "tag": table.tag,
        "envelope": [[m.name, m.column, m.writes] for m in table.envelope],
        "variants": {
            wire: [[m.name, m.column, m.writes] for m in members]
            for wire, members in table.variants
        },
        "columns": [[c.name, c.kind, c.nullable] for c in table.columns],
        "overflow": dict(table.overflow),
    }


def _variant(wire: str, members: tuple[Member, ...]) -> str:
    """A variant's entry as ruff formats it: one member on one line where it fits."""
    if not members:
        return f"    {json.dumps(wire)}: (),\n"
    items = [
        f"({json.dumps(m.name)}, {json.dumps(m.column)}, {json.dumps(m.writes)})" for m in members
    ]
    line = f"    {json.dumps(wire)}: ({items[0]},),\n" if len(items) == 1 else ""
    if line and len(line) <= 101:
        return line
    return f"    {json.dumps(wire)}: (\n" + "".join(f"        {i},\n" for i in items) + "    ),\n"


def python_module(model: WireModel, table: Layout) -> str:
    envelope = "".join(
        f"    ({json.dumps(m.name)}, {json.dumps(m.column)}, {json.dumps(m.writes)}),\n"
        for m in table.envelope
    )
    variants = "".join(_variant(wire, members) for wire, members in table.variants)
    columns = "".join(
        f"    ({json.dumps(c.name)}, {json.dumps(c.kind)}, {c.nullable}),\n" for c in table.columns
    )
    overflow = "".join(f"    {json.dumps(a)}: {json.dumps(b)},\n" for a, b in table.overflow)
    return (
        header(model, "#")
        + '"""The columnar layout of the event log (codegen/emit/arrow/layout.py).\n\n'
        "One row per event; generated/arrow/README.md describes it column by column.\n"
        '"""\n\n'
        "from __future__ import annotations\n\n"
        f"LAYOUT_VERSION = {LAYOUT_VERSION}\n"
        f"SCHEMA_VERSION = {json.dumps(table.version)}\n"
        f"ROOT = {json.dumps(table.root)}\n"
        f"UNION_MEMBER = {json.dumps(table.union_member)}\n"
        f"TAG = {json.dumps(table.tag)}\n\n"
        "# (member, column, when serde writes it): the root's fields in wire order; the\n"
        "# union's member is written as the tag column's variant with its members.\n"
        f"ENVELOPE: tuple[tuple[str, str, str], ...] = (\n{envelope})\n\n"
        "# Each variant's members in wire order, after the tag: (member, column, writes).\n"
        f"VARIANTS: dict[str, tuple[tuple[str, str, str], ...]] = {{\n{variants}}}\n\n"
        "# (column, kind, nullable) in column order.\n"
        f"COLUMNS: tuple[tuple[str, str, bool], ...] = (\n{columns})\n\n"
        "# A timestamp column -> the column holding chrono's text where timestamp[ns] cannot.\n"
        f"OVERFLOW: dict[str, str] = {{\n{overflow}}}\n"
    )
