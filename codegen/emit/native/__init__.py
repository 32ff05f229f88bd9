"""The native emitter: the per-type half of the Python package's Rust core (native/).

Two Rust modules, included by native/src/lib.rs. generated/native/wire.rs:
- tables the entry points dispatch on: the Python classes, the documents, the tags;
- reading (read.py): shadow types serde deserializes into the Python objects the
  models hold, and builders of a model from the generated crate's own value;
- writing (write.py): borrowed mirror types of the generated crate's, with the same
  serde attributes, that serde serializes straight from the models' fields.
generated/native/columns.rs (columns.py): the columnar layout's Arrow columns filled
from the generated crate's values.
The verdicts are the generated crate's (generated/rust); the bytes are serde's derive
and serde_json's, with the attributes the Rust emitter gives the crate.
"""

from __future__ import annotations

import json
import subprocess

from codegen.emit.native import columns, read, write
from codegen.emit.native.names import class_const, documents, python_classes, root_union
from codegen.emit.rust import rust_type
from codegen.header import header
from codegen.model import NamedType, Newtype, Struct, TaggedUnion, UnitEnum, WireModel

PATH = "generated/native/wire.rs"

_PRELUDE = """\
//! Per-type code of the native core; included by native/src/lib.rs.

use std::marker::PhantomData;

use chrono::{DateTime, Utc};
use jamjet_schema::*;
use pyo3::intern;
use pyo3::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::py::*;
use crate::refusal::{At, Fault};
use crate::{canonical, read_as, Text};
"""


def emit(model: WireModel) -> dict[str, str]:
    return {
        PATH: rustfmt(wire_rs(model)),
        columns.PATH: rustfmt(columns.columns_rs(model)),
    }


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


def wire_rs(model: WireModel) -> str:
    parts = [header(model, "//"), _PRELUDE, _tables(model)]
    for decl in model.decls:
        if isinstance(decl, Struct):
            parts += [read.struct(model, decl), write.struct(model, decl)]
        elif isinstance(decl, TaggedUnion):
            parts += [read.union(model, decl), write.union(model, decl)]
        elif isinstance(decl, UnitEnum):
            parts.append(read.unit_enum(decl) + write.unit_enum(decl))
        elif isinstance(decl, Newtype):
            parts.append(read.newtype(decl) + write.newtype(decl))
    parts.append(_entry_points(model))
    return "\n".join(parts)


def _tables(model: WireModel) -> str:
    union = root_union(model)
    classes = python_classes(model)
    consts = "".join(
        (
            "#[allow(dead_code)] // the union's root: never built, never written\n"
            if n == union.name
            else ""
        )
        + f"pub const {class_const(n)}: usize = {i};\n"
        for i, n in enumerate(classes)
    )
    quoted = ", ".join(f'"{n}"' for n in classes)
    docs = ", ".join(f'"{d.name}"' for d in documents(model))
    tags = ", ".join(f'"{v.wire_name}"' for v in union.variants)
    return (
        "/// The Python classes `bind` receives, in this order.\n"
        f"pub const CLASSES: &[&str] = &[{quoted}];\n{consts}\n"
        "/// The documents `read` and `check` take, by index.\n"
        f"pub const DOCUMENTS: &[&str] = &[{docs}];\n\n"
        "/// The tags of the root's tagged union, as `check_lines` counts them.\n"
        f"pub const VARIANTS: &[&str] = &[{tags}];\n"
    )


def _entry_points(model: WireModel) -> str:
    docs = documents(model)
    union = root_union(model)
    root = model.decl(model.root)
    assert isinstance(root, Struct)
    kind = next(f.name for f in root.fields if f.type == NamedType(union.name))
    read_arms = "".join(
        f"        {i} => read_as::<{d.name}, {d.name}In>(py, text),\n" for i, d in enumerate(docs)
    )
    check_arms = "".join(
        f"        {i} => canonical::<{d.name}>(text),\n" for i, d in enumerate(docs)
    )
    write_arms = "".join(
        f"        {class_const(d.name)} => writer.write(&{d.name}Out::from_py(model)?),\n"
        for d in docs
        if isinstance(d, Struct)
    )
    variant_classes = " | ".join(class_const(v.name) for v in union.variants)
    return (
        "/// Document `doc` of `text` as a model, or serde's refusal.\n"
        "pub fn read_document(\n    py: Python<'_>,\n    doc: usize,\n    text: Text<'_>,\n"
        ") -> Result<PyResult<Obj>, serde_json::Error> {\n"
        f"    match doc {{\n{read_arms}"
        '        _ => Ok(Err(pyo3::exceptions::PyValueError::new_err(format!("no document {doc}")))),\n'
        "    }\n}\n\n"
        "/// serde's canonical text of document `doc`, or serde's message.\n"
        "pub fn check_document(doc: usize, text: Text<'_>) -> Result<String, String> {\n"
        f"    match doc {{\n{check_arms}"
        '        _ => Err(format!("no document {doc}")),\n    }\n}\n\n'
        "/// A model instance as serde serializes it, into `writer` (serde_json's text, or\n"
        "/// its Python form); None for what the Python writer decides.\n"
        "pub fn write_model<W: Writer>(model: &Bound<'_, PyAny>, writer: W) -> Option<W::Output> {\n"
        f"    match class_index(model)? {{\n{write_arms}"
        f"        {variant_classes} => writer.write(&{union.name}Out::from_py(model)?),\n"
        "        _ => None,\n    }\n}\n\n"
        + _explain(model)
        + "/// The document each line of a log holds, and its index in DOCUMENTS.\n"
        f"pub type Root = {root.name};\n"
        f"pub const ROOT_DOCUMENT: usize = {docs.index(root)};\n\n"
        "/// The position of a root document's variant in VARIANTS.\n"
        f"pub fn root_variant(root: &Root) -> usize {{\n    variant_of(&root.{kind})\n}}\n"
    )


def _explain(model: WireModel) -> str:
    """What native/src/refusal.rs locates a refusal with: serde_json's error, the
    documents read from a tree, each variant's members read alone (`<Variant>Alone`),
    and where each document holds the tagged union."""
    docs = documents(model)
    union = root_union(model)
    refusal = "".join(
        f"        {i} => text.parse::<{d.name}>().err(),\n" for i, d in enumerate(docs)
    )
    explain = "".join(
        f"        {i} => {d.name}::deserialize(at).map(drop),\n" for i, d in enumerate(docs)
    )
    variants = "".join(
        f"        {json.dumps(v.wire_name)} => {v.name}Alone::deserialize(at).map(drop),\n"
        for v in union.variants
    )
    alone = "".join(
        "#[derive(Deserialize)]\n#[allow(dead_code)] // read for its refusal only\n"
        f"struct {v.name}Alone {{\n"
        + "".join(
            f"    #[serde(default)]\n    {f.name}: Slot<{rust_type(f.type)}>,\n" for f in v.fields
        )
        + "}\n\n"
        for v in union.variants
    )
    places = "".join(
        f"        {i} => Some((&[{', '.join(json.dumps(p) for p in path)}], {json.dumps(union.tag)})),\n"
        for i, path in _union_paths(docs, union)
    )
    return (
        "/// Each variant's members as serde reads them, every member optional: read alone,\n"
        "/// they say which member a union's buffered read refused.\n"
        + alone
        + "/// serde_json's refusal of `text` as document `doc`.\n"
        "pub fn refusal(doc: usize, text: Text<'_>) -> Option<serde_json::Error> {\n"
        f"    match doc {{\n{refusal}        _ => None,\n    }}\n}}\n\n"
        "/// Document `doc` deserialized from a tree, for its Fault.\n"
        "pub fn explain_document(doc: usize, at: At<'_>) -> Result<(), Fault> {\n"
        f"    match doc {{\n{explain}        _ => Ok(()),\n    }}\n}}\n\n"
        "/// The variant tagged `tag` read alone from the union's tree (None: no such tag).\n"
        "pub fn explain_variant(tag: &str, at: At<'_>) -> Option<Result<(), Fault>> {\n"
        f"    Some(match tag {{\n{variants}        _ => return None,\n    }})\n}}\n\n"
        "/// Where document `doc` holds the tagged union (member names from its root), and its tag.\n"
        "pub fn union_at(doc: usize) -> Option<(&'static [&'static str], &'static str)> {\n"
        f"    match doc {{\n{places}        _ => None,\n    }}\n}}\n\n"
    )


def _union_paths(
    docs: list[Struct | TaggedUnion], union: TaggedUnion
) -> list[tuple[int, list[str]]]:
    out: list[tuple[int, list[str]]] = []
    for i, doc in enumerate(docs):
        if doc is union:
            out.append((i, []))
        elif isinstance(doc, Struct):
            out += [(i, [f.name]) for f in doc.fields if f.type == NamedType(union.name)]
    return out
