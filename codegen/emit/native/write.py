"""Writing: from the models' fields to serde's bytes.

For each struct and tagged union the module mirrors the generated crate's type as
`<Name>Out<'py>`, with the same serde attributes (the Rust emitter's), whose leaves
borrow the Python objects: strings as `PyText`, Values as `PyJson` (serialized as
serde_json::Value is: keys in sorted order), the rest as the crate's own leaf types.
serde's derive and serde_json then write the bytes, without copying the model into
owned Rust values first.
"""

from __future__ import annotations

import json

from codegen.emit.native.names import class_const
from codegen.emit.rust import rust_type, serde_attr, union_attr
from codegen.model import (
    BoxType,
    Field,
    NamedType,
    Newtype,
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

_BORROWED = {Scalar.STRING: "PyText<'py>", Scalar.JSON: "PyJson<'py>"}


def out_type(model: WireModel, expr: TypeExpr) -> str:
    """The borrowed (serializing) type of a field of type `expr`."""
    if isinstance(expr, BoxType):  # kept: a recursive struct needs it to have a size
        return f"Box<{out_type(model, expr.inner)}>"
    if isinstance(expr, OptionType):
        return f"Option<{out_type(model, expr.inner)}>"
    if isinstance(expr, VecType):
        return f"Vec<{out_type(model, expr.inner)}>"
    if isinstance(expr, NamedType):
        decl = model.decl(expr.name)
        if isinstance(decl, Struct | TaggedUnion):
            return f"{decl.name}Out<'py>"
        if isinstance(decl, UnitEnum | Newtype):
            return decl.name  # the crate's own type, taken from Python by value
        return out_type(model, model.resolve(expr))
    assert isinstance(expr, ScalarType)
    return _BORROWED.get(expr.scalar) or rust_type(expr)  # the rest: the crate's leaf types


def _members(model: WireModel, fields: tuple[Field, ...], indent: str, visibility: str) -> str:
    out = []
    for f in fields:
        attr = serde_attr(f)
        if attr:
            out.append(f"{indent}{attr}\n")
        out.append(f"{indent}{visibility}{f.name}: {out_type(model, f.type)},\n")
    out.append(f"{indent}#[serde(skip)]\n{indent}{visibility}_py: PhantomData<&'py ()>,\n")
    return "".join(out)


def _takes(fields: tuple[Field, ...], indent: str) -> str:
    lines = [f"{f.name}: take(&fields, intern!(py, {json.dumps(f.name)}))?," for f in fields]
    return "".join(f"{indent}{line}\n" for line in [*lines, "_py: PhantomData,"])


def struct(model: WireModel, decl: Struct) -> str:
    return (
        f"#[derive(Serialize)]\npub struct {decl.name}Out<'py> {{\n"
        f"{_members(model, decl.fields, '    ', '')}}}\n\n"
        f"impl<'py> FromPy<'py> for {decl.name}Out<'py> {{\n"
        "    fn from_py(value: &Bound<'py, PyAny>) -> Option<Self> {\n"
        f"        if class_index(value)? != {class_const(decl.name)} {{\n"
        "            return None;\n        }\n"
        "        let py = value.py();\n"
        "        let fields = fields_of(value)?;\n"
        f"        Some({decl.name}Out {{\n{_takes(decl.fields, '            ')}        }})\n"
        "    }\n}\n"
    )


def union(model: WireModel, decl: TaggedUnion) -> str:
    variants = "".join(
        f"    {v.name} {{\n{_members(model, v.fields, '        ', '')}    }},\n"
        for v in decl.variants
    )
    arms = "".join(
        f"            {class_const(v.name)} => {decl.name}Out::{v.name} {{\n"
        f"{_takes(v.fields, '                ')}            }},\n"
        for v in decl.variants
    )
    return (
        "#[derive(Serialize)]\n"
        + union_attr(decl)
        + f"pub enum {decl.name}Out<'py> {{\n{variants}}}\n\n"
        f"impl<'py> FromPy<'py> for {decl.name}Out<'py> {{\n"
        "    fn from_py(value: &Bound<'py, PyAny>) -> Option<Self> {\n"
        "        let py = value.py();\n"
        "        let index = class_index(value)?;\n"
        "        let fields = fields_of(value)?;\n"
        f"        Some(match index {{\n{arms}            _ => return None,\n        }})\n"
        "    }\n}\n"
    )


def unit_enum(decl: UnitEnum) -> str:
    arms = "".join(
        f"            {json.dumps(wire)} => {decl.name}::{rust},\n" for rust, wire in decl.variants
    )
    return (
        f"impl FromPy<'_> for {decl.name} {{\n"
        "    fn from_py(value: &Bound<'_, PyAny>) -> Option<Self> {\n"
        f"        if class_index(value)? != {class_const(decl.name)} {{\n"
        "            return None;\n        }\n"
        '        let wire: String = value.getattr(intern!(value.py(), "value")).ok()?.extract().ok()?;\n'
        f"        Some(match wire.as_str() {{\n{arms}            _ => return None,\n        }})\n"
        "    }\n}\n"
    )


def newtype(decl: Newtype) -> str:
    return (
        f"impl FromPy<'_> for {decl.name} {{\n"
        "    fn from_py(value: &Bound<'_, PyAny>) -> Option<Self> {\n"
        f"        {rust_type(decl.inner)}::from_py(value).map({decl.name})\n"
        "    }\n}\n"
    )
