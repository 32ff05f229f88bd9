"""Reading: from serde to the Python objects the models hold.

Two ways, chosen per text by native/src/lib.rs `read_as`:
- a canonical text is built from the generated crate's value (`ToPy`): it holds
  exactly the members serde writes, so `model_fields_set` follows from the value;
- any other text is deserialized again into a shadow type (`<Name>In`: every member a
  `Slot`, leaves deserialized by the same serde impls), which sees the members given
  and the document order of Value objects, and `Build` makes the model of it.
"""

from __future__ import annotations

import json

from codegen.emit.native.names import class_const
from codegen.emit.rust import rust_type
from codegen.model import (
    BoxType,
    Field,
    NamedType,
    Newtype,
    OnMissing,
    OnOutput,
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


def shadow_type(model: WireModel, expr: TypeExpr) -> str:
    """The shadow (Python-building) type of a field of type `expr`."""
    if isinstance(expr, BoxType):  # kept: a recursive struct needs it to have a size
        return f"Box<{shadow_type(model, expr.inner)}>"
    if isinstance(expr, OptionType):
        return f"Opt<{shadow_type(model, expr.inner)}>"
    if isinstance(expr, VecType):
        return f"List<{shadow_type(model, expr.inner)}>"
    if isinstance(expr, NamedType):
        decl = model.decl(expr.name)
        if isinstance(decl, Struct | TaggedUnion):
            return f"{decl.name}In"
        if isinstance(decl, UnitEnum):
            return f"Leaf<{decl.name}>"
        return shadow_type(model, model.resolve(expr))
    assert isinstance(expr, ScalarType)
    if expr.scalar is Scalar.STRING:
        return "Str"
    if expr.scalar is Scalar.JSON:
        return "Json"
    return f"Leaf<{rust_type(expr)}>"  # read by the crate's own leaf type


def _missing(field: Field) -> str:
    if field.on_missing is OnMissing.NONE:
        return "missing_none"
    if field.on_missing is OnMissing.DEFAULT:
        return f"missing_default({json.dumps(json.dumps(field.default))})"
    return "missing_required"


def _written(field: Field, value: str) -> str:
    """Whether serde writes the field, i.e. whether a canonical text holds it."""
    if field.on_output is OnOutput.SKIP_IF_NONE:
        return f"{value}.is_some()"
    if field.on_output is OnOutput.SKIP_IF_EMPTY:
        return f"!{value}.is_empty()"
    return "true"


def _tag_line(tag: tuple[str, str] | None) -> list[str]:
    if tag is None:
        return []
    key, value = tag
    return [
        f"fields.given(intern!(py, {json.dumps(key)}), "
        f"intern!(py, {json.dumps(value)}).clone().into_any().unbind())?;"
    ]


def _shadow(
    model: WireModel, name: str, fields: tuple[Field, ...], tag: tuple[str, str] | None
) -> str:
    members = "".join(
        f"    #[serde(default)]\n    {f.name}: Slot<{shadow_type(model, f.type)}>,\n"
        for f in fields
    )
    puts = [
        f"fields.put(intern!(py, {json.dumps(f.name)}), self.{f.name}, {_missing(f)})?;"
        for f in fields
    ]
    body = ["let fields = Fields::new(py)?;", *_tag_line(tag), *puts]
    body.append(f"fields.into_model({class_const(name)})")
    return (
        f"#[derive(Deserialize)]\npub struct {name}In {{\n{members}}}\n\n"
        f"impl Build for {name}In {{\n"
        "    fn build(self, py: Python<'_>) -> PyResult<Obj> {\n"
        + "".join(f"        {line}\n" for line in body)
        + "    }\n}\n"
    )


def _from_value(
    name: str, fields: tuple[Field, ...], tag: tuple[str, str] | None, prefix: str
) -> list[str]:
    """The lines building the model of class `name` from a value of the generated crate."""
    lines = ["let fields = Fields::new(py)?;", *_tag_line(tag)]
    for f in fields:
        value = f"{prefix}{f.name}"
        reference = f"&{value}" if prefix else value
        lines.append(
            f"fields.written(intern!(py, {json.dumps(f.name)}), {reference}, {_written(f, value)})?;"
        )
    lines.append(f"fields.into_model({class_const(name)})")
    return lines


def struct(model: WireModel, decl: Struct) -> str:
    body = _from_value(decl.name, decl.fields, None, "self.")
    return (
        _shadow(model, decl.name, decl.fields, None) + f"\nimpl ToPy for {decl.name} {{\n"
        "    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {\n"
        + "".join(f"        {line}\n" for line in body)
        + "    }\n}\n"
    )


def union(model: WireModel, decl: TaggedUnion) -> str:
    variants = "".join(
        f"    #[serde(rename = {json.dumps(v.wire_name)})]\n    {v.name}({v.name}In),\n"
        for v in decl.variants
    )
    builds = "".join(f"            Self::{v.name}(v) => v.build(py),\n" for v in decl.variants)
    parts = [
        f"#[derive(Deserialize)]\n#[serde(tag = {json.dumps(decl.tag)})]\n"
        f"pub enum {decl.name}In {{\n{variants}}}\n\n"
        f"impl Build for {decl.name}In {{\n"
        "    fn build(self, py: Python<'_>) -> PyResult<Obj> {\n"
        f"        match self {{\n{builds}        }}\n    }}\n}}\n"
    ]
    parts += [_shadow(model, v.name, v.fields, (decl.tag, v.wire_name)) for v in decl.variants]
    arms = []
    for v in decl.variants:
        body = _from_value(v.name, v.fields, (decl.tag, v.wire_name), "")
        arms.append(
            f"            {decl.name}::{v.name} {{ {', '.join(f.name for f in v.fields)} }} => {{\n"
            + "".join(f"                {line}\n" for line in body)
            + "            }\n"
        )
    parts.append(
        f"impl ToPy for {decl.name} {{\n"
        "    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {\n"
        f"        match self {{\n{''.join(arms)}        }}\n    }}\n}}\n"
    )
    tags = "".join(
        f"        {decl.name}::{v.name} {{ .. }} => {i},\n" for i, v in enumerate(decl.variants)
    )
    parts.append(
        "/// The position of `kind`'s variant in VARIANTS.\n"
        f"pub fn variant_of(kind: &{decl.name}) -> usize {{\n    match kind {{\n{tags}    }}\n}}\n"
    )
    return "\n".join(parts)


def unit_enum(decl: UnitEnum) -> str:
    arms = "".join(
        f"            {decl.name}::{rust} => {json.dumps(wire)},\n" for rust, wire in decl.variants
    )
    return (
        f"impl ToPy for {decl.name} {{\n"
        "    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {\n"
        f"        let wire = match self {{\n{arms}        }};\n"
        f"        enum_member(py, {class_const(decl.name)}, wire)\n"
        "    }\n}\n\n"
    )


def newtype(decl: Newtype) -> str:
    return (
        f"impl ToPy for {decl.name} {{\n"
        "    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {\n"
        "        self.0.to_py(py)\n"
        "    }\n}\n\n"
    )
