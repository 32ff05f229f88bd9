"""src/types.ts: the interfaces, the discriminated union, its type guards and nodeIdOf."""

from __future__ import annotations

from collections.abc import Iterable

from codegen.header import header
from codegen.model import (
    Alias,
    BoxType,
    Decl,
    Field,
    NamedType,
    Newtype,
    OnOutput,
    OptionType,
    ScalarType,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
    Variant,
    WireModel,
)

from .envelope import EVENTS_ARRAY, array_type, envelope, lists_events
from .imports import RUNTIME, imports, runtime_exports
from .naming import SCALARS, access, constant, doc, literal, prop


def ts_type(expr: TypeExpr) -> str:
    """The TypeScript type of a value (aliases and newtypes keep their names)."""
    if isinstance(expr, ScalarType):
        return SCALARS[expr.scalar][0]
    if isinstance(expr, NamedType):
        return expr.name
    if isinstance(expr, BoxType):
        return ts_type(expr.inner)
    inner = ts_type(expr.inner)
    if isinstance(expr, OptionType):
        return f"{inner} | null"
    return f"Array<{inner}>" if " " in inner else f"{inner}[]"


def property_line(f: Field) -> str:
    """Always-written fields are required (Option as `T | null`); skipped ones are `?:`."""
    if f.on_output is OnOutput.ALWAYS:
        return f"{prop(f.name)}: {ts_type(f.type)};"
    return f"{prop(f.name)}?: {ts_type(f.written_type)};"


def interface(name: str, description: str, lines: Iterable[str]) -> str:
    body = "".join(f"  {line}\n" for line in lines)
    return f"{doc(description)}export interface {name} {{\n{body}}}\n"


def fields_lines(fields: Iterable[Field]) -> list[str]:
    out: list[str] = []
    for f in fields:
        out += [line.strip() for line in doc(f.description).splitlines()]
        out.append(property_line(f))
    return out


def struct_type(decl: Struct) -> str:
    return interface(decl.name, decl.description, fields_lines(decl.fields))


def variant_type(union: TaggedUnion, v: Variant) -> str:
    tag = f"{prop(union.tag)}: {literal(v.wire_name)};"
    return interface(v.name, v.description, [tag, *fields_lines(v.fields)])


def union_type(decl: TaggedUnion) -> str:
    tags = constant(decl.name, "TAGS")
    members = "".join(f"\n  | {v.name}" for v in decl.variants)
    values = "".join(f"\n  {literal(v.wire_name)}," for v in decl.variants)
    parts = [
        f"{doc(decl.description)}export type {decl.name} ={members};\n",
        f"/** Every `{decl.tag}` of {decl.name}, in declaration order. */\n"
        f"export const {tags} = [{values}\n] as const;\n",
        f"export type {decl.name}Tag = (typeof {tags})[number];\n",
    ]
    parts += [variant_type(decl, v) for v in decl.variants]
    parts += [type_guard(decl, v) for v in decl.variants]
    return "\n".join(parts) + node_id_of(decl)


def type_guard(union: TaggedUnion, v: Variant) -> str:
    return (
        f"export function is{v.name}(value: {union.name}): value is {v.name} {{\n"
        f"  return {access('value', union.tag)} === {literal(v.wire_name)};\n}}\n"
    )


def node_id_of(union: TaggedUnion) -> str:
    """Mirrors the seed's EventKind::node_id(): Some only for the variants it lists.

    ToolCalled and CriticVerdict have a node_id field but node_id() ignores it;
    the model's has_node_id_accessor says which, so this follows the seed, not the field.
    """
    listed = [v for v in union.variants if v.has_node_id_accessor]
    if not listed:
        return ""
    types = {ts_type(field_named(v, "node_id").type) for v in listed}
    if len(types) != 1:
        raise ValueError(f"node_id has different types in {union.name}: {sorted(types)}")
    cases = "".join(f"    case {literal(v.wire_name)}:\n" for v in listed)
    return (
        f"\n/** The node this {union.name} is about, as the seed's `{union.name}::node_id()`"
        " (null for the variants it does not list). */\n"
        f"export function nodeIdOf(value: {union.name}): {types.pop()} | null {{\n"
        f"  switch ({access('value', union.tag)}) {{\n{cases}"
        "      return value.node_id;\n    default:\n      return null;\n  }\n}\n"
    )


def field_named(v: Variant, name: str) -> Field:
    for f in v.fields:
        if f.name == name:
            return f
    raise ValueError(f"variant {v.name} is listed for node_id() but has no `{name}` field")


def unit_enum_type(decl: UnitEnum) -> str:
    values = constant(decl.name, "VALUES")
    names = " | ".join(literal(wire) for _, wire in decl.variants)
    items = "".join(f"\n  {literal(wire)}," for _, wire in decl.variants)
    return (
        f"{doc(decl.description)}export type {decl.name} = {names};\n\n"
        f"/** Every {decl.name}, in declaration order. */\n"
        f"export const {values} = [{items}\n] as const;\n"
    )


def alias_type(decl: Alias | Newtype) -> str:
    # A newtype is written as its bare value, so it is its inner type here.
    target = decl.target if isinstance(decl, Alias) else decl.inner
    return f"{doc(decl.description)}export type {decl.name} = {ts_type(target)};\n"


def api_types(model: WireModel) -> str:
    """The HTTP API's shapes of a list of events (envelope.py)."""
    array = (
        f"/** A JSON array of {model.root} (Rust `Vec<{model.root}>`), as the runtime's HTTP API lists them. */\n"
        f"export type {EVENTS_ARRAY} = {ts_type(array_type(model))};\n"
    )
    return array + "\n" + struct_type(envelope(model))


def types_ts(model: WireModel) -> str:
    api = [api_types(model)] if lists_events(model) else []
    body = "\n".join([*(type_decl(decl) for decl in model.decls), *api])
    intro = (
        "// The types of the JamJet event log, one per Rust declaration, with the wire\n"
        "// names. u64/i64 are bigint (exact beyond 2^53), serde_json::Value is the\n"
        "// runtime's JsonNode, DateTime<Utc> its Timestamp, Uuid a lower-case string.\n"
    )
    head = imports(body, RUNTIME, [], runtime_exports().names)  # the runtime, as types only
    return f"{header(model, '//')}{intro}\n{head}\n{body}"


def type_decl(decl: Decl) -> str:
    if isinstance(decl, Struct):
        return struct_type(decl)
    if isinstance(decl, TaggedUnion):
        return union_type(decl)
    if isinstance(decl, UnitEnum):
        return unit_enum_type(decl)
    return alias_type(decl)
