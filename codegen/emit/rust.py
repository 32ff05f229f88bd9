"""The Rust emitter: a serde crate that must behave byte for byte like the seed's event.rs.

It is the reference every other implementation is judged by, so it spells serde's
attributes exactly as the contract does and adds nothing that changes the wire.

The crate: Cargo.toml (with the metadata `cargo package` asks for), src/lib.rs (the
types; it re-exports uuid, chrono and serde_json, and checks that serde_json writes a
Value as the contract does), README.md (the crate's documentation, from
codegen/templates/rust; `cargo test` runs its examples) and LICENSE (the repository's).
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from codegen.header import header, header_lines, license_copy
from codegen.model import (
    Alias,
    BoxType,
    Field,
    Fill,
    NamedType,
    Newtype,
    OnMissing,
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
from jamjet_schema.wiremodel.contract_constants import ENVELOPE_MEMBER, EVENTS_ENVELOPE

ROOT = "generated/rust"
REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "codegen" / "templates" / "rust"
LICENSE = "Apache-2.0"

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


_FILLS = {Fill.UUID_V4: "Uuid::new_v4()", Fill.NOW_UTC: "Utc::now()"}


def emit(model: WireModel, repo: Path = REPO) -> dict[str, str]:
    return {
        f"{ROOT}/Cargo.toml": cargo_toml(model),
        f"{ROOT}/README.md": readme(model),
        f"{ROOT}/LICENSE": license_copy(model, repo),
        f"{ROOT}/src/lib.rs": lib_rs(model),
    }


def cargo_toml(model: WireModel) -> str:
    # No homepage or repository: the project has no public address. `documentation` is
    # where docs.rs builds a crate of this name once it is published.
    return header(model, "#") + "\n".join(
        [
            "[package]",
            'name = "jamjet-schema"',
            f'version = "{model.version}"',
            'edition = "2021"',
            'description = "serde types of the JamJet event log, generated from the canonical schema"',
            f'license = "{LICENSE}"',
            'readme = "README.md"',
            'documentation = "https://docs.rs/jamjet-schema"',
            'keywords = ["jamjet", "event-log", "serde", "schema", "conformance"]',
            'categories = ["encoding", "data-structures"]',
            "",
            "[dependencies]",
            'serde = { version = "1", features = ["derive"] }',
            'serde_json = "1"',
            'chrono = { version = "0.4", features = ["serde"] }',
            'uuid = { version = "1", features = ["serde", "v4"] }',
            "",
        ]
    )


def readme(model: WireModel) -> str:
    """The crate's README, which is also its documentation (lib.rs includes it): the
    examples in it are doctests. They use these names, checked against the model."""
    _check_example_names(model)
    comment = "".join(f"<!-- {line} -->\n" for line in header_lines(model))
    text = (TEMPLATES / "README.md").read_text(encoding="utf-8")
    return comment + Template(text).substitute(
        version=model.version, types=type_summary(model), license=LICENSE
    )


def type_summary(model: WireModel) -> str:
    """The documents, counted from the model: "`Event`, `EventKind` (46 variants), ..."."""
    return ", ".join(
        f"`{d.name}` ({len(d.variants)} variants)" if isinstance(d, TaggedUnion) else f"`{d.name}`"
        for d in model.documents
    )


# What the README's example builds: Event::new(execution_id, sequence, kind) of a NodeStarted.
_EXAMPLE = {"Event::new": ["execution_id", "sequence", "kind"]}
_EXAMPLE["EventKind::NodeStarted"] = ["node_id", "worker_id", "attempt"]


def _check_example_names(model: WireModel) -> None:
    event, kind = model.decl("Event"), model.decl("EventKind")
    assert isinstance(event, Struct) and isinstance(kind, TaggedUnion)
    started = {v.name: v for v in kind.variants}.get("NodeStarted")
    found = {
        "Event::new": [f.name for f in event.fields if event.fill_of(f.name) is None],
        "EventKind::NodeStarted": [f.name for f in started.fields] if started else [],
    }
    if found != _EXAMPLE:
        raise ValueError("codegen/templates/rust/README.md no longer fits the schema: update it")


# serde_json's features are unified across a build; these change the bytes a Value is
# written in. The check writes a two-member map and a number and compares.
_SERDE_JSON_CHECK = """
/// Checks that serde_json, as compiled into this build, writes a `serde_json::Value`
/// as the contract does; `Err` names the serde_json feature that changes it.
///
/// Cargo turns a crate's features on for the whole build: `preserve_order`, enabled by
/// any crate in it, writes the members of a `Value` object in insertion order instead of
/// sorted by key; `arbitrary_precision` writes a `Value`'s numbers as they were read.
/// Either way events are no longer written in the contract's canonical bytes, and
/// nothing warns. The crate's own tests fail in such a build.
pub fn check_serde_json() -> Result<(), &'static str> {
    let mut map = serde_json::Map::new();
    map.insert("b".to_owned(), serde_json::Value::Null);
    map.insert("a".to_owned(), serde_json::Value::Null);
    if !serde_json::to_string(&map).is_ok_and(|text| text == r#"{"a":null,"b":null}"#) {
        return Err(
            "serde_json's `preserve_order` feature is on in this build (`cargo tree -e features -i serde_json` shows who enables it): the members of a serde_json::Value object are written in insertion order, not sorted by key as in the contract's canonical bytes",
        );
    }
    let number = serde_json::from_str::<serde_json::Value>("1.50")
        .and_then(|value| serde_json::to_string(&value));
    if !number.is_ok_and(|text| text == "1.5") {
        return Err(
            "serde_json's `arbitrary_precision` feature is on in this build (`cargo tree -e features -i serde_json` shows who enables it): the numbers of a serde_json::Value are written as they were read (`1.50`), not as in the contract's canonical bytes (`1.5`)",
        );
    }
    Ok(())
}
"""

_TESTS = """
#[cfg(test)]
mod tests {
    /// Fails in a build where a serde_json feature changes the canonical bytes.
    #[test]
    fn serde_json_writes_values_as_the_contract_does() {
        if let Err(problem) = super::check_serde_json() {
            panic!("{problem}");
        }
    }
}
"""


def lib_rs(model: WireModel) -> str:
    parts = [
        header(model, "//"),
        '#![doc = include_str!("../README.md")]\n',
        "// The crates of the types' fields, for users: no need to add and version-match them.\n"
        "pub use chrono;\npub use serde_json;\npub use uuid;\n",
        "use chrono::{DateTime, Utc};\nuse serde::{Deserialize, Serialize};\nuse uuid::Uuid;\n",
        f'/// The schema version these types were generated from.\npub const SCHEMA_VERSION: &str = "{model.version}";\n'
        + _SERDE_JSON_CHECK,
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
    parts.append(api_form(model))
    parts.append(_TESTS.lstrip("\n"))
    return "\n".join(parts)


def api_form(model: WireModel) -> str:
    """The HTTP API's envelope and form (jamjet_schema.wiremodel.contract_constants)."""
    return (
        "/// The envelope the runtime's HTTP API answers `GET /executions/{id}/events` with:\n"
        f'/// `{{"{ENVELOPE_MEMBER}": [...]}}`. Other members are ignored when reading, as for any struct.\n'
        f"{derives()}pub struct {EVENTS_ENVELOPE} {{\n"
        f"    pub {ENVELOPE_MEMBER}: Vec<{model.root}>,\n}}\n\n"
        "/// `value` as the runtime's HTTP API writes it: through `serde_json::Value` (its\n"
        "/// `json!`), so every object's members come out sorted by key, at every level.\n"
        "pub fn to_api_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {\n"
        "    serde_json::to_value(value).and_then(|v| serde_json::to_string(&v))\n}\n"
    )


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
    if field.on_output.skip_predicate is not None:
        args.append(f'skip_serializing_if = "{field.on_output.skip_predicate}"')
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
    text = doc(decl.description) + derives() + union_attr(decl)
    text += f"pub enum {decl.name} {{\n{''.join(body)}}}\n"
    return text + node_id_accessor(decl)


def union_attr(decl: TaggedUnion) -> str:
    """How serde tags the enum: internally, variants in snake_case."""
    return f'#[serde(tag = "{decl.tag}", rename_all = "snake_case")]\n'


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
