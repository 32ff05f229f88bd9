"""The columnar layout of the root document, derived from the wire model.

One row per Event. The root struct's fields are columns, except its tagged union,
which becomes the tag column (dictionary-encoded) beside one column per member name
of its variants: a member shared by several variants (`node_id`, `attempt`) is one
column, null in the rows of variants without it. Every rule of the layout is decided
here, once; the emitters beside it only write the result down (the Python table the
package reads, the JSON and Markdown an analyst reads).
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.model import (
    NamedType,
    OptionType,
    Scalar,
    ScalarType,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
    VecType,
    WireModel,
)

# How each scalar is kept. A UUID is its canonical text (the uuid crate's lower-case,
# hyphenated form: DuckDB casts it with ::UUID, Spark reads it as a string; Parquet's
# UUID logical type is not read by Spark). A Value is serde_json's text of it.
SCALAR_KINDS = {
    Scalar.STRING: "string",
    Scalar.BOOL: "bool",
    Scalar.U32: "uint32",
    Scalar.U64: "uint64",
    Scalar.I64: "int64",
    Scalar.F64: "float64",
    Scalar.TIMESTAMP: "timestamp",
    Scalar.UUID: "uuid",
    Scalar.JSON: "json",
}
# What a list may hold as typed items; any other list is kept as its JSON text.
LIST_ITEMS = ("string", "bool", "uint32", "uint64", "int64", "float64", "uuid", "json")
# The companion of a timestamp column: chrono's text for an instant timestamp[ns] cannot
# hold (before 1677-09-21 or after 2262-04-11, or a leap second), null otherwise.
OVERFLOW_SUFFIX = "__text"
# Joins a variant's wire name and a member's name where one column per name cannot do
# (the same name with two kinds, or a name the root struct already has).
QUALIFIER = "__"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # a SCALAR_KINDS value, "list<KIND>", or "text" (a timestamp's overflow)
    nullable: bool
    note: str  # where its values come from, for the documentation


@dataclass(frozen=True)
class Member:
    """A member as serde writes it: its name, its column, and when it is written."""

    name: str
    column: str
    writes: str  # an OnOutput value: always, skip_if_none, skip_if_empty


@dataclass(frozen=True)
class Layout:
    version: str
    root: str
    union_member: str  # the root field that holds the tagged union
    tag: str  # the union's tag member, and its column
    envelope: tuple[Member, ...]  # the root's fields in wire order (the union's column: the tag)
    variants: tuple[tuple[str, tuple[Member, ...]], ...]  # by wire name, in model order
    columns: tuple[Column, ...]
    overflow: tuple[tuple[str, str], ...]  # (timestamp column, its text column)


class LayoutError(ValueError):
    """The model has a shape the layout does not place; says which member."""


def kind_of(model: WireModel, expr: TypeExpr) -> str:
    """The column kind of a member of type `expr` (an Option: its inner type's; null is None)."""
    expr = model.resolve(expr)
    if isinstance(expr, OptionType):
        return kind_of(model, expr.inner)
    if isinstance(expr, ScalarType):
        return SCALAR_KINDS[expr.scalar]
    if isinstance(expr, VecType):
        inner = kind_of(model, expr.inner)
        return f"list<{inner}>" if inner in LIST_ITEMS else "json"
    assert isinstance(expr, NamedType)
    decl = model.decl(expr.name)
    # a unit enum is its variant's wire name; a struct or union nested in a member is
    # kept whole, as serde's text of it (DuckDB's JSON type reads it)
    return "string" if isinstance(decl, UnitEnum) else "json"


def _decl_of(model: WireModel, expr: TypeExpr) -> object:
    expr = model.resolve(expr)
    return model.decl(expr.name) if isinstance(expr, NamedType) else None


def layout(model: WireModel) -> Layout:
    root = model.decl(model.root)
    assert isinstance(root, Struct)
    unions = [f for f in root.fields if isinstance(_decl_of(model, f.type), TaggedUnion)]
    if len(unions) != 1:
        raise LayoutError(f"{root.name}: the layout wants one tagged union field")
    union_field = unions[0]
    union = _decl_of(model, union_field.type)
    assert isinstance(union, TaggedUnion)

    columns: dict[str, Column] = {}
    envelope: list[Member] = []
    for f in root.fields:
        if f is union_field:
            columns[union.tag] = Column(union.tag, "dictionary", False, f"the {union.name} variant")
            envelope.append(Member(f.name, union.tag, f.on_output.value))
            continue
        kind = kind_of(model, f.type)
        columns[f.name] = Column(f.name, kind, f.nullable or kind == "timestamp", f"{root.name}")
        envelope.append(Member(f.name, f.name, f.on_output.value))

    reserved = set(columns)
    first_kind: dict[str, str] = {}
    users: dict[str, list[str]] = {}
    variants = []
    for v in union.variants:
        members = []
        for f in v.fields:
            kind = kind_of(model, f.type)
            name = f.name
            if name in reserved or first_kind.setdefault(name, kind) != kind:
                name = f"{v.wire_name}{QUALIFIER}{f.name}"
            users.setdefault(name, []).append(v.wire_name)
            columns.setdefault(name, Column(name, kind, True, ""))
            members.append(Member(f.name, name, f.on_output.value))
        variants.append((v.wire_name, tuple(members)))
    for name, wire_names in users.items():
        col = columns[name]
        columns[name] = Column(name, col.kind, True, ", ".join(wire_names))

    overflow = []
    for col in list(columns.values()):
        if col.kind == "timestamp":
            text = f"{col.name}{OVERFLOW_SUFFIX}"
            if text in columns:
                raise LayoutError(f"{text}: a member has the name of a timestamp's text column")
            columns[text] = Column(text, "text", True, f"{col.name} outside timestamp[ns]")
            overflow.append((col.name, text))
    return Layout(
        version=model.version,
        root=root.name,
        union_member=union_field.name,
        tag=union.tag,
        envelope=tuple(envelope),
        variants=tuple(variants),
        columns=tuple(columns.values()),
        overflow=tuple(overflow),
    )
