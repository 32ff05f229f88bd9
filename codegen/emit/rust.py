"""The Rust emitter: a serde crate that must behave byte for byte like the seed's event.rs.

It is the reference every other implementation is judged by, so it spells serde's
attributes exactly as the contract does and adds nothing that changes the wire.
"""

from __future__ import annotations

from codegen.header import header
from codegen.model import (
    Alias,
    BoxType,
    Field,
    Fill,
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

ROOT = "generated/rust"

_SCALARS = {
    Scalar.STRING: "String",
    Scalar.BOOL: "bool",
    Scalar.U32: "u32",
    Scalar.U64: "u64",
    Scalar.I64: "i64",
    Scalar.F64: "f64",
    Scalar.TIMESTAMP: "DateTime<Utc>",
    Scalar.UUID: "Uuid",
    Scalar.JSON: "serde_json::Value",
}

_SKIP = {OnOutput.SKIP_IF_NONE: "Option::is_none", OnOutput.SKIP_IF_EMPTY: "Vec::is_empty"}

_FILLS = {Fill.UUID_V4: "Uuid::new_v4()", Fill.NOW_UTC: "Utc::now()"}


def emit(model: WireModel) -> dict[str, str]:
    return {
        f"{ROOT}/Cargo.toml": cargo_toml(model),
        f"{ROOT}/src/lib.rs": lib_rs(model),
    }


def cargo_toml(model: WireModel) -> str:
    return header(model, "#") + "\n".join(
        [
            "[package]",
            'name = "jamjet-schema"',
            f'version = "{model.version}"',
            'edition = "2021"',
            'description = "serde types of the JamJet event log, generated from the canonical schema"',
            'license = "Apache-2.0"',
            "",
            "[dependencies]",
            'serde = { version = "1", features = ["derive"] }',
            'serde_json = "1"',
            'chrono = { version = "0.4", features = ["serde"] }',
            'uuid = { version = "1", features = ["serde", "v4"] }',
            "",
        ]
    )


def lib_rs(model: WireModel) -> str:
    parts = [
        header(model, "//"),
        "//! serde types of the JamJet event log.\n",
        "use chrono::{DateTime, Utc};\nuse serde::{Deserialize, Serialize};\nuse uuid::Uuid;\n",
        f'/// The schema version these types were generated from.\npub const SCHEMA_VERSION: &str = "{model.version}";\n',
    ]
    for decl in model.decls:
        if isinstance(decl, Struct):
            parts.append(struct(decl))
        elif isinstance(decl, TaggedUnion):
            parts.append(tagged_union(decl))
        elif isinstance(decl, UnitEnum):
            parts.append(unit_enum(decl))
        elif isinstance(decl, Alias):
            parts.append(
                f"{doc(decl.description)}pub type {decl.name} = {rust_type(decl.target)};\n"
            )
        else:
            parts.append(newtype(decl))
    return "\n".join(parts)


def rust_type(expr: TypeExpr) -> str:
    if isinstance(expr, ScalarType):
        return _SCALARS[expr.scalar]
    if isinstance(expr, NamedType):
        return expr.name
    wrapper = {OptionType: "Option", VecType: "Vec", BoxType: "Box"}[type(expr)]
    return f"{wrapper}<{rust_type(expr.inner)}>"


def doc(text: str, indent: str = "") -> str:
    return "".join(f"{indent}/// {line}\n" for line in text.splitlines() if text)


def serde_attr(field: Field) -> str:
    args = []
    if field.on_missing is OnMissing.DEFAULT:
        args.append("default")
    if field.on_output in _SKIP:
        args.append(f'skip_serializing_if = "{_SKIP[field.on_output]}"')
    return f"#[serde({', '.join(args)})]" if args else ""


def fields(items: tuple[Field, ...], indent: str, visibility: str) -> str:
    out = []
    for f in items:
        out.append(doc(f.description, indent))
        attr = serde_attr(f)
        if attr:
            out.append(f"{indent}{attr}\n")
        out.append(f"{indent}{visibility}{f.name}: {rust_type(f.type)},\n")
    return "".join(out)


def derives(extra: str = "") -> str:
    return f"#[derive(Debug, Clone, PartialEq{extra}, Serialize, Deserialize)]\n"


def struct(decl: Struct) -> str:
    text = doc(decl.description) + derives(", Default" if decl.has_default else "")
    text += f"pub struct {decl.name} {{\n{fields(decl.fields, '    ', 'pub ')}}}\n"
    return text + constructor(decl) if decl.fills else text


def constructor(decl: Struct) -> str:
    params = [f for f in decl.fields if decl.fill_of(f.name) is None]
    args = ", ".join(f"{f.name}: {rust_type(f.type)}" for f in params)
    inits = []
    for f in decl.fields:
        fill = decl.fill_of(f.name)
        inits.append(
            f"            {f.name}: {_FILLS[fill]},\n" if fill else f"            {f.name},\n"
        )
    return (
        f"\nimpl {decl.name} {{\n"
        f"    pub fn new({args}) -> Self {{\n        Self {{\n{''.join(inits)}        }}\n    }}\n}}\n"
    )


def tagged_union(decl: TaggedUnion) -> str:
    body = []
    for v in decl.variants:
        body.append(
            f"{doc(v.description, '    ')}    {v.name} {{\n{fields(v.fields, '        ', '')}    }},\n"
        )
    text = doc(decl.description) + derives()
    text += f'#[serde(tag = "{decl.tag}", rename_all = "snake_case")]\n'
    text += f"pub enum {decl.name} {{\n{''.join(body)}}}\n"
    return text + node_id_accessor(decl)


def node_id_accessor(decl: TaggedUnion) -> str:
    arms = [
        f"            | Self::{v.name} {{ node_id, .. }}\n"
        for v in decl.variants
        if v.has_node_id_accessor
    ]
    if not arms:
        return ""
    arms[0] = arms[0].replace("            | ", "            ", 1)
    arms[-1] = arms[-1].replace("\n", " => Some(node_id.as_str()),\n")
    return (
        f"\nimpl {decl.name} {{\n"
        "    /// Returns the node_id associated with this event, if any.\n"
        "    pub fn node_id(&self) -> Option<&str> {\n"
        "        match self {\n"
        f"{''.join(arms)}"
        "            _ => None,\n"
        "        }\n    }\n}\n"
    )


def unit_enum(decl: UnitEnum) -> str:
    body = "".join(f"    {rust_name},\n" for rust_name, _ in decl.variants)
    return (
        doc(decl.description)
        + derives()
        + '#[serde(rename_all = "snake_case")]\n'
        + f"pub enum {decl.name} {{\n{body}}}\n"
    )


def newtype(decl: Newtype) -> str:
    return (
        doc(decl.description)
        + derives()
        + f"pub struct {decl.name}(pub {rust_type(decl.inner)});\n"
    )
