"""The native core's Arrow columns (generated/native/columns.rs), from the columnar layout.

The layout (codegen/emit/arrow/layout.py) decides which column each member goes to
and its kind; this module writes the Rust that puts a value of the generated crate's
types there, with the builders of native/src/columns.rs: a struct with one builder per
column, `push` (one event: its envelope, then a match on the union's variants) and
`finish` (the columns in the layout's order). The kind of every column is the
layout's (`kind_of`); how a type reaches it (an Option, a newtype, a Box) is the
model's.
"""

from __future__ import annotations

import json

from codegen.emit.arrow.layout import Layout, kind_of, layout
from codegen.emit.native.names import root_union
from codegen.header import header
from codegen.model import (
    Alias,
    BoxType,
    NamedType,
    OptionType,
    Scalar,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
    VecType,
    WireModel,
)

PATH = "generated/native/columns.rs"

_PRELUDE = """\
//! The Arrow columns of events; included by native/src/lib.rs, built with the
//! builders of native/src/columns.rs.

use jamjet_schema::*;

use crate::columns::*;
"""

# The builder of each column kind (a list's: List of its item's).
_BUILDERS = {
    "dictionary": "Fixed<i16>",  # the variant's index in the union's (wire.rs' VARIANTS)
    "string": "Utf8",
    "uuid": "Utf8",
    "text": "Utf8",
    "json": "Utf8",
    "bool": "Bools",
    "uint32": "Fixed<u32>",
    "uint64": "Fixed<u64>",
    "int64": "Fixed<i64>",
    "float64": "Fixed<f64>",
    "timestamp": "Fixed<i64>",
}
# How a scalar's value (a reference) goes into its builder.
_PUTS = {
    Scalar.STRING: "{b}.str({row}, {v});",
    Scalar.BOOL: "{b}.put({row}, {copy});",
    Scalar.U32: "{b}.put({row}, {copy});",
    Scalar.U64: "{b}.put({row}, {copy});",
    Scalar.I64: "{b}.put({row}, {copy});",
    Scalar.F64: "{b}.put({row}, {copy});",
    Scalar.UUID: "{b}.display({row}, {v});",
    Scalar.JSON: "{b}.value({row}, {v});",
}
# Rust's keywords: a column of such a name is a raw identifier.
_KEYWORDS = frozenset(
    (
        "as",
        "async",
        "await",
        "box",
        "break",
        "const",
        "continue",
        "crate",
        "dyn",
        "else",
        "enum",
        "extern",
        "false",
        "fn",
        "for",
        "if",
        "impl",
        "in",
        "let",
        "loop",
        "match",
        "mod",
        "move",
        "mut",
        "priv",
        "pub",
        "ref",
        "return",
        "static",
        "struct",
        "super",
        "trait",
        "true",
        "try",
        "type",
        "unsafe",
        "use",
        "where",
        "while",
        "yield",
    )
)


def field(column: str) -> str:
    """The builder's field for a column: its name (a keyword raw)."""
    return f"r#{column}" if column in _KEYWORDS else column


def builder(kind: str) -> str:
    if kind.startswith("list<"):
        return f"List<{builder(kind[5:-1])}>"
    return _BUILDERS[kind]


class _Writer:
    """The Rust that puts one value into its column, for one layout."""

    def __init__(self, model: WireModel, table: Layout) -> None:
        self.model = model
        self.overflow = dict(table.overflow)
        self.enums: dict[str, UnitEnum] = {}  # the unit enums whose names are written

    def put(self, expr: TypeExpr, column: str, b: str, row: str, v: str, depth: int = 0) -> str:
        """Puts `v` (a reference to a value of type `expr`) into builder `b` at `row`."""
        model = self.model
        if isinstance(expr, BoxType):
            return self.put(expr.inner, column, b, row, f"&**{v}", depth)
        if isinstance(expr, OptionType):
            inner = f"v{depth}"
            body = self.put(expr.inner, column, b, row, inner, depth + 1)
            return f"if let Some({inner}) = {v} {{ {body} }}"
        if isinstance(expr, NamedType):
            return self._named(expr, column, b, row, v, depth)
        if isinstance(expr, VecType):
            if kind_of(model, expr) == "json":  # a list of what no typed item holds
                return f"{b}.json({row}, {v});"
            item = f"item{depth}"
            body = self.put(expr.inner, column, "items", "at", item, depth + 1)
            return f"{b}.put({row}, {v}, |items, at, {item}| {{ {body} }});"
        if expr.scalar is Scalar.TIMESTAMP:
            text = f"self.{field(self.overflow[column])}"
            return f"stamp(&mut {b}, &mut {text}, {row}, {v});"
        return _PUTS[expr.scalar].format(b=b, row=row, v=v, copy=_copy(v))

    def _named(self, expr: NamedType, column: str, b: str, row: str, v: str, depth: int) -> str:
        decl = self.model.decl(expr.name)
        if isinstance(decl, Struct | TaggedUnion):  # kept whole, as serde's text of it
            return f"{b}.json({row}, {v});"
        if isinstance(decl, UnitEnum):
            self.enums[decl.name] = decl
            return f"{b}.str({row}, {_wire_fn(decl)}({v}));"
        if isinstance(decl, Alias):
            return self.put(decl.target, column, b, row, v, depth)
        return self.put(decl.inner, column, b, row, _inner(v), depth)


# Values are references: `&root.member` for the envelope's, bound names in a match.
def _copy(v: str) -> str:
    """The value a reference points at (a number, a bool)."""
    return v[1:] if v.startswith("&") else f"*{v}"


def _inner(v: str) -> str:
    """A reference to a newtype's value."""
    return f"{v}.0" if v.startswith("&") else f"&{v}.0"


def _wire_fn(decl: UnitEnum) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in decl.name).lstrip("_") + "_wire"


def _wire_fns(enums: dict[str, UnitEnum]) -> str:
    return "".join(
        f"fn {_wire_fn(decl)}(value: &{decl.name}) -> &'static str {{\n    match value {{\n"
        + "".join(
            f"        {decl.name}::{rust} => {json.dumps(wire)},\n" for rust, wire in decl.variants
        )
        + "    }\n}\n\n"
        for decl in enums.values()
    )


def columns_rs(model: WireModel) -> str:
    table = layout(model)
    root = model.decl(model.root)
    assert isinstance(root, Struct)
    union = root_union(model)
    writer = _Writer(model, table)
    fields = "".join(f"    {field(c.name)}: {builder(c.kind)},\n" for c in table.columns)
    finished = "".join(f"            self.{field(c.name)}.finished(rows),\n" for c in table.columns)

    envelope = []
    for f, member in zip(root.fields, table.envelope, strict=True):
        if member.column == table.tag:
            continue
        b = f"self.{field(member.column)}"
        envelope.append(
            "        " + writer.put(f.type, member.column, b, "row", f"&root.{f.name}") + "\n"
        )
    members = dict(table.variants)
    arms = []
    for index, v in enumerate(union.variants):
        puts = "".join(
            "                "
            + writer.put(f.type, m.column, f"self.{field(m.column)}", "row", f.name)
            + "\n"
            for f, m in zip(v.fields, members[v.wire_name], strict=True)
        )
        bound = ", ".join(f.name for f in v.fields) or ".."
        arms.append(
            f"            {union.name}::{v.name} {{ {bound} }} => {{\n"
            f"                self.{field(table.tag)}.put(row, {index});\n{puts}            }}\n"
        )
    union_field = next(f.name for f in root.fields if f.type == NamedType(union.name))
    return (
        header(model, "//")
        + _PRELUDE
        + "\n/// A builder per column of the layout (generated/arrow/README.md), named as the column.\n"
        "#[derive(Default)]\n#[allow(non_snake_case)] // a timestamp's text column: `<name>__text`\n"
        f"pub struct Columns {{\n    rows: usize,\n{fields}}}\n\n"
        "impl Columns {\n"
        "    /// Puts one event in the next row.\n"
        f"    pub fn push(&mut self, root: &{root.name}) {{\n"
        "        let row = self.rows;\n        self.rows += 1;\n"
        + "".join(envelope)
        + f"        match &root.{union_field} {{\n"
        + "".join(arms)
        + "        }\n    }\n\n"
        "    /// The columns in the layout's order, each `rows` long.\n"
        "    pub fn finish(self) -> Vec<Built> {\n"
        "        let rows = self.rows;\n"
        f"        vec![\n{finished}        ]\n    }}\n}}\n\n" + _wire_fns(writer.enums)
    )
