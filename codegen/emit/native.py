"""The native emitter: the per-type half of the Python package's Rust core (native/).

For every struct, variant and enum of the model it writes, into one Rust module:
- a shadow type (`<Name>In`) that serde deserializes like the generated crate's type,
  every member optional, into the Python objects the models hold (see native/src/py.rs);
- `Build`: the shadow into a model instance (`__dict__` in declaration order, the
  members given as `model_fields_set`, the model's defaults for the others);
- `FromPy`: a model instance back into the generated crate's type, for serde to write;
- the tables the module's entry points dispatch on (classes, documents, variants).
The verdict and the bytes stay the generated crate's; this code only moves values
between serde and Python.
"""

from __future__ import annotations

import json
import subprocess

from codegen.emit.rust import rust_type
from codegen.header import header
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

PATH = "generated/native/wire.rs"

_LEAVES = {
    Scalar.BOOL: "bool",
    Scalar.U32: "u32",
    Scalar.U64: "u64",
    Scalar.I64: "i64",
    Scalar.F64: "f64",
    Scalar.TIMESTAMP: "DateTime<Utc>",
    Scalar.UUID: "Uuid",
}


def emit(model: WireModel) -> dict[str, str]:
    return {PATH: rustfmt(wire_rs(model))}


def rustfmt(source: str) -> str:
    """The module as rustfmt writes it (the toolchain's, as `cargo fmt --check` in lint)."""
    done = subprocess.run(
        ["rustfmt", "--edition", "2021", "--emit", "stdout"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def python_classes(model: WireModel) -> list[str]:
    """The Python classes, in the order the tables index them: every struct, every
    tagged union followed by its variants, every unit enum."""
    names: list[str] = []
    for decl in model.decls:
        if isinstance(decl, Struct | UnitEnum):
            names.append(decl.name)
        elif isinstance(decl, TaggedUnion):
            names += [decl.name, *(v.name for v in decl.variants)]
    return names


def documents(model: WireModel) -> list[Struct | TaggedUnion]:
    """What `read` and `check` take whole: the structs and the tagged unions."""
    return [d for d in model.decls if isinstance(d, Struct | TaggedUnion)]


def wire_rs(model: WireModel) -> str:
    classes = python_classes(model)
    parts = [
        header(model, "//"),
        "//! Per-type code of the native core; included by native/src/lib.rs.\n",
        "use chrono::{DateTime, Utc};\n"
        "use jamjet_schema::*;\n"
        "use pyo3::prelude::*;\n"
        "use pyo3::intern;\n"
        "use serde::Deserialize;\n"
        "use uuid::Uuid;\n\n"
        "use crate::py::*;\nuse crate::{canonical, read_as, Text};\n",
        _tables(model, classes),
    ]
    for decl in model.decls:
        if isinstance(decl, Struct):
            parts.append(_struct(model, decl, classes))
        elif isinstance(decl, TaggedUnion):
            parts.append(_union(model, decl, classes))
        elif isinstance(decl, UnitEnum):
            parts.append(_unit_enum(decl, classes))
        elif isinstance(decl, Newtype):
            parts.append(_newtype(decl))
    parts.append(_dispatch(model, classes))
    return "\n".join(parts)


def _const(name: str) -> str:
    out = "".join("_" + c if c.isupper() else c for c in name).lstrip("_").upper()
    return f"C_{out}"


def _tables(model: WireModel, classes: list[str]) -> str:
    union = _root_union(model)
    consts = "".join(
        (
            "#[allow(dead_code)] // the union's root: never built, never written\n"
            if n == union.name
            else ""
        )
        + f"pub const {_const(n)}: usize = {i};\n"
        for i, n in enumerate(classes)
    )
    return (
        "/// The Python classes `bind` receives, in this order.\n"
        f"pub const CLASSES: &[&str] = &[{', '.join(json.dumps(n) for n in classes)}];\n"
        f"{consts}\n"
        "/// The documents `read` and `check` take, by index.\n"
        "pub const DOCUMENTS: &[&str] = "
        f"&[{', '.join(json.dumps(d.name) for d in documents(model))}];\n\n"
        "/// The tags of the root's tagged union, as `check_lines` counts them.\n"
        "pub const VARIANTS: &[&str] = "
        f"&[{', '.join(json.dumps(v.wire_name) for v in union.variants)}];\n"
    )


def _root_union(model: WireModel) -> TaggedUnion:
    unions = model.of_kind(TaggedUnion)
    assert len(unions) == 1, "the batch check counts the variants of one tagged union"
    return unions[0]


# -- reading ------------------------------------------------------------------------------


def _shadow(model: WireModel, expr: TypeExpr) -> str:
    """The shadow (Python-building) type of a field of type `expr`."""
    if isinstance(expr, BoxType):
        return _shadow(model, expr.inner)
    if isinstance(expr, OptionType):
        return f"Opt<{_shadow(model, expr.inner)}>"
    if isinstance(expr, VecType):
        return f"List<{_shadow(model, expr.inner)}>"
    if isinstance(expr, NamedType):
        decl = model.decl(expr.name)
        if isinstance(decl, Struct | TaggedUnion):
            return f"{decl.name}In"
        if isinstance(decl, UnitEnum):
            return f"Leaf<{decl.name}>"
        return _shadow(model, model.resolve(expr))
    assert isinstance(expr, ScalarType)
    if expr.scalar is Scalar.STRING:
        return "Str"
    if expr.scalar is Scalar.JSON:
        return "Json"
    return f"Leaf<{_LEAVES[expr.scalar]}>"


def _missing(field: Field) -> str:
    if field.on_missing is OnMissing.NONE:
        return "missing_none"
    if field.on_missing is OnMissing.DEFAULT:
        return f"missing_default({json.dumps(json.dumps(field.default))})"
    return "missing_required"


def _shadow_struct(model: WireModel, name: str, fields: tuple[Field, ...]) -> str:
    members = "".join(
        f"    #[serde(default)]\n    {f.name}: Slot<{_shadow(model, f.type)}>,\n" for f in fields
    )
    return f"#[derive(Deserialize)]\npub struct {name}In {{\n{members}}}\n"


def _build(name: str, fields: tuple[Field, ...], tag: tuple[str, str] | None) -> str:
    lines = [
        f"impl Build for {name}In {{",
        "    fn build(self, py: Python<'_>) -> PyResult<Obj> {",
        "        let fields = Fields::new(py)?;",
    ]
    if tag is not None:
        key, value = tag
        lines.append(
            f"        fields.given(intern!(py, {json.dumps(key)}), "
            f"intern!(py, {json.dumps(value)}).clone().into_any().unbind())?;"
        )
    for f in fields:
        lines.append(
            f"        fields.put(intern!(py, {json.dumps(f.name)}), self.{f.name}, {_missing(f)})?;"
        )
    lines += [f"        fields.into_model({_const(name)})", "    }", "}", ""]
    return "\n".join(lines)


def _written(field: Field, value: str) -> str:
    """Whether serde writes the field, so that a canonical text holds it."""
    if field.on_output is OnOutput.SKIP_IF_NONE:
        return f"{value}.is_some()"
    if field.on_output is OnOutput.SKIP_IF_EMPTY:
        return f"!{value}.is_empty()"
    return "true"


def _to_py_body(
    name: str, fields: tuple[Field, ...], tag: tuple[str, str] | None, prefix: str, indent: str
) -> str:
    """Builds the model of class `name` from a value of the generated crate."""
    lines = ["let fields = Fields::new(py)?;"]
    if tag is not None:
        key, value = tag
        lines.append(
            f"fields.given(intern!(py, {json.dumps(key)}), "
            f"intern!(py, {json.dumps(value)}).clone().into_any().unbind())?;"
        )
    for f in fields:
        value = f"{prefix}{f.name}"
        lines.append(
            f"fields.written(intern!(py, {json.dumps(f.name)}), {'&' if prefix else ''}{value}, "
            f"{_written(f, value)})?;"
        )
    lines.append(f"fields.into_model({_const(name)})")
    return "".join(f"{indent}{line}\n" for line in lines)


def _struct_to_py(decl: Struct) -> str:
    return (
        f"impl ToPy for {decl.name} {{\n"
        "    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {\n"
        f"{_to_py_body(decl.name, decl.fields, None, 'self.', '        ')}"
        "    }\n}\n"
    )


def _union_to_py(decl: TaggedUnion) -> str:
    arms = "".join(
        f"            {decl.name}::{v.name} {{ {', '.join(f.name for f in v.fields)} }} => {{\n"
        f"{_to_py_body(v.name, v.fields, (decl.tag, v.wire_name), '', '                ')}"
        "            }\n"
        for v in decl.variants
    )
    return (
        f"impl ToPy for {decl.name} {{\n"
        "    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {\n"
        f"        match self {{\n{arms}        }}\n"
        "    }\n}\n"
    )


# -- writing ------------------------------------------------------------------------------


def _take_fields(fields: tuple[Field, ...], indent: str) -> str:
    return "".join(
        f"{indent}{f.name}: take(&fields, intern!(py, {json.dumps(f.name)}))?,\n" for f in fields
    )


def _struct(model: WireModel, decl: Struct, classes: list[str]) -> str:
    return (
        _shadow_struct(model, decl.name, decl.fields)
        + "\n"
        + _build(decl.name, decl.fields, None)
        + _struct_to_py(decl)
        + f"impl FromPy for {decl.name} {{\n"
        "    fn from_py(value: &Bound<'_, PyAny>) -> Option<Self> {\n"
        f"        if class_index(value)? != {_const(decl.name)} {{\n"
        "            return None;\n"
        "        }\n"
        "        let py = value.py();\n"
        "        let fields = fields_of(value)?;\n"
        f"        Some({decl.name} {{\n{_take_fields(decl.fields, '            ')}        }})\n"
        "    }\n}\n"
    )


def _union(model: WireModel, decl: TaggedUnion, classes: list[str]) -> str:
    variants = "".join(
        f"    #[serde(rename = {json.dumps(v.wire_name)})]\n    {v.name}({v.name}In),\n"
        for v in decl.variants
    )
    parts = [
        f"#[derive(Deserialize)]\n#[serde(tag = {json.dumps(decl.tag)})]\n"
        f"pub enum {decl.name}In {{\n{variants}}}\n",
        f"impl Build for {decl.name}In {{\n"
        "    fn build(self, py: Python<'_>) -> PyResult<Obj> {\n"
        "        match self {\n"
        + "".join(f"            Self::{v.name}(v) => v.build(py),\n" for v in decl.variants)
        + "        }\n    }\n}\n",
    ]
    for v in decl.variants:
        parts.append(_shadow_struct(model, v.name, v.fields))
        parts.append(_build(v.name, v.fields, (decl.tag, v.wire_name)))
    parts.append(_union_to_py(decl))
    arms = "".join(
        f"            {_const(v.name)} => {decl.name}::{v.name} {{\n"
        f"{_take_fields(v.fields, '                ')}            }},\n"
        for v in decl.variants
    )
    parts.append(
        f"impl FromPy for {decl.name} {{\n"
        "    fn from_py(value: &Bound<'_, PyAny>) -> Option<Self> {\n"
        "        let py = value.py();\n"
        "        let index = class_index(value)?;\n"
        "        let fields = fields_of(value)?;\n"
        "        Some(match index {\n"
        f"{arms}"
        "            _ => return None,\n"
        "        })\n    }\n}\n"
    )
    tags = "".join(
        f"        {decl.name}::{v.name} {{ .. }} => {i},\n" for i, v in enumerate(decl.variants)
    )
    parts.append(
        f"/// The position of `kind`'s variant in VARIANTS.\n"
        f"pub fn variant_of(kind: &{decl.name}) -> usize {{\n    match kind {{\n{tags}    }}\n}}\n"
    )
    return "\n".join(parts)


def _unit_enum(decl: UnitEnum, classes: list[str]) -> str:
    to_py = "".join(
        f"            {decl.name}::{rust} => {json.dumps(wire)},\n" for rust, wire in decl.variants
    )
    from_py = "".join(
        f"            {json.dumps(wire)} => {decl.name}::{rust},\n" for rust, wire in decl.variants
    )
    return (
        f"impl ToPy for {decl.name} {{\n"
        "    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {\n"
        "        let wire = match self {\n"
        f"{to_py}"
        "        };\n"
        f"        enum_member(py, {_const(decl.name)}, wire)\n"
        "    }\n}\n\n"
        f"impl FromPy for {decl.name} {{\n"
        "    fn from_py(value: &Bound<'_, PyAny>) -> Option<Self> {\n"
        f"        if class_index(value)? != {_const(decl.name)} {{\n"
        "            return None;\n"
        "        }\n"
        '        let wire: String = value.getattr(intern!(value.py(), "value")).ok()?.extract().ok()?;\n'
        "        Some(match wire.as_str() {\n"
        f"{from_py}"
        "            _ => return None,\n"
        "        })\n    }\n}\n"
    )


def _newtype(decl: Newtype) -> str:
    inner = rust_type(decl.inner)
    return (
        f"impl ToPy for {decl.name} {{\n"
        "    fn to_py(&self, py: Python<'_>) -> PyResult<Obj> {\n"
        "        self.0.to_py(py)\n"
        "    }\n}\n\n"
        f"impl FromPy for {decl.name} {{\n"
        "    fn from_py(value: &Bound<'_, PyAny>) -> Option<Self> {\n"
        f"        {inner}::from_py(value).map({decl.name})\n"
        "    }\n}\n"
    )


# -- entry points -------------------------------------------------------------------------


def _dispatch(model: WireModel, classes: list[str]) -> str:
    docs = documents(model)
    union = _root_union(model)
    root = model.decl(model.root)
    assert isinstance(root, Struct)
    kind = next(
        f.name for f in root.fields if f.type == NamedType(union.name)
    )  # the root's tagged-union member
    read_arms = "".join(
        f"        {i} => read_as::<{d.name}, {d.name}In>(py, text),\n" for i, d in enumerate(docs)
    )
    check_arms = "".join(
        f"        {i} => canonical::<{d.name}>(text),\n" for i, d in enumerate(docs)
    )
    variant_classes = " | ".join(_const(v.name) for v in union.variants)
    write_arms = "".join(
        f"        {_const(d.name)} => to_text(&{d.name}::from_py(model)?),\n"
        for d in docs
        if isinstance(d, Struct)
    )
    return (
        "/// Document `doc` of `text` as a model; None when serde refuses the text.\n"
        "pub fn read_document(py: Python<'_>, doc: usize, text: Text<'_>) -> Option<PyResult<Obj>> {\n"
        "    match doc {\n"
        f"{read_arms}"
        "        _ => None,\n"
        "    }\n}\n\n"
        "/// serde's canonical text of document `doc`, or serde's message.\n"
        "pub fn check_document(doc: usize, text: Text<'_>) -> Result<String, String> {\n"
        "    match doc {\n"
        f"{check_arms}"
        '        _ => Err(format!("no document {doc}")),\n'
        "    }\n}\n\n"
        "/// serde_json::to_string of a model instance; None for what the Python writer decides.\n"
        "pub fn write_model(model: &Bound<'_, PyAny>) -> Option<String> {\n"
        "    match class_index(model)? {\n"
        f"{write_arms}"
        f"        {variant_classes} => to_text(&{union.name}::from_py(model)?),\n"
        "        _ => None,\n"
        "    }\n}\n\n"
        f"/// The root document of one log line: its variant, and its canonical bytes if asked.\n"
        f"pub fn check_root(line: &[u8], canonical: bool) -> Result<(usize, Option<Vec<u8>>), String> {{\n"
        f"    let root: {root.name} = serde_json::from_slice(line).map_err(|err| err.to_string())?;\n"
        "    let bytes = if canonical { serde_json::to_vec(&root).ok() } else { None };\n"
        f"    Ok((variant_of(&root.{kind}), bytes))\n"
        "}\n"
    )
