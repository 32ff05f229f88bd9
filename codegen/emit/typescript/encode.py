"""src/encode.ts: serialize* for each declaration, serde_json::to_string's bytes."""

from __future__ import annotations

from collections.abc import Iterable

from codegen.model import (
    Field,
    NamedType,
    OnOutput,
    OptionType,
    ScalarType,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
    VecType,
    WireModel,
)

from .envelope import EVENTS_ARRAY, array_type, envelope, lists_events
from .imports import module
from .naming import API_SUFFIX, SCALARS, access, article, constant, literal


def writer(model: WireModel, expr: TypeExpr) -> str:
    """The runtime or generated writer of a value: each takes (value, form)."""
    expr = model.resolve(expr)
    if isinstance(expr, ScalarType):
        return SCALARS[expr.scalar][2]
    if isinstance(expr, OptionType):
        return f"writeOption({writer(model, expr.inner)})"
    if isinstance(expr, VecType):
        return f"writeVec({writer(model, expr.inner)})"
    assert isinstance(expr, NamedType)
    return f"write{expr.name}"


def member_call(model: WireModel, f: Field, obj: str) -> str:
    value = access(obj, f.name)
    if f.on_output is OnOutput.SKIP_IF_NONE:  # written as its inner type, when Some
        return (
            f"memberUnlessNone({literal(f.name)}, {value}, {writer(model, f.written_type)}, form),"
        )
    if f.on_output is OnOutput.SKIP_IF_EMPTY:
        return f"memberUnlessEmpty({literal(f.name)}, {value}, {writer(model, f.type)}, form),"
    return f"member({literal(f.name)}, {value}, {writer(model, f.type)}, form),"


def members(model: WireModel, fields: Iterable[Field], first: str = "") -> str:
    lines = [first] if first else []
    lines += [member_call(model, f, "value") for f in fields]
    return "".join(f"    {line}\n" for line in lines)


def serializers(name: str, value_type: str, what: str) -> str:
    """The public pair over write<name>: serialize<name> (the log form) and
    serialize<name>Api (the HTTP API's). Two functions rather than an options
    parameter, so that `events.map(serializeEvent)` stays well typed (map passes
    the index as a second argument)."""
    return (
        f"/** serde_json::to_string of {article(name)} {name}: {what}, in the log form (serde's field order). */\n"
        f"export function serialize{name}(value: {value_type}): string {{\n"
        f"  // the fast path (src/write.ts); on a throw, the exact path says where and why\n"
        f"  return fastWrite(value, print{name}) ?? write{name}(value, LOG_FORM);\n}}\n\n"
        f"/**\n * {article(name).capitalize()} {name} as the runtime's HTTP API writes it (the api form): through\n"
        " * serde_json::Value, so every object's members sorted by key (by code point) at\n"
        " * every level, the tag among them; scalars as in the log form.\n */\n"
        f"export function serialize{name}{API_SUFFIX}(value: {value_type}): string {{\n"
        f"  return write{name}(value, API_FORM);\n}}\n"
    )


def struct_encoder(model: WireModel, decl: Struct) -> str:
    return (
        serializers(decl.name, decl.name, "its canonical bytes")
        + f"\nfunction write{decl.name}(value: {decl.name}, form: Form): string {{\n"
        f"  checkObject(value, {literal(decl.name)});\n"
        f"  return writeMembers([\n{members(model, decl.fields)}  ], form);\n}}\n"
    )


def union_encoder(model: WireModel, decl: TaggedUnion) -> str:
    tag = access("value", decl.tag)
    cases = "".join(
        f"    case {literal(v.wire_name)}:\n      return write{v.name}(value, form);\n"
        for v in decl.variants
    )
    head = (
        serializers(decl.name, decl.name, "the tag first, then the fields")
        + f"\nfunction write{decl.name}(value: {decl.name}, form: Form): string {{\n"
        f"  checkObject(value, {literal(decl.name)});\n"
        f"  switch ({tag}) {{\n{cases}"
        f"    default:\n      throw unknownTag({literal(decl.name)}, {literal(decl.tag)}, value);\n  }}\n}}\n"
    )
    variants = []
    for v in decl.variants:
        first = f"member({literal(decl.tag)}, {tag}, writeString, form),"
        variants.append(
            f"function write{v.name}(value: {v.name}, form: Form): string {{\n"
            f"  return writeMembers([\n{members(model, v.fields, first)}  ], form);\n}}\n"
        )
    return "\n".join([head, *variants])


def unit_enum_encoder(decl: UnitEnum) -> str:
    # its name as a string: the same in both forms
    return (
        f"function write{decl.name}(value: {decl.name}): string {{\n"
        f"  return writeUnitVariant(value, {literal(decl.name)}, {constant(decl.name, 'VALUES')});\n}}\n"
    )


def api_encoders(model: WireModel) -> list[str]:
    """The HTTP API's list of events, bare and in its envelope (envelope.py)."""
    array = (
        serializers(EVENTS_ARRAY, EVENTS_ARRAY, f"a JSON array of {model.root}")
        + f"\nfunction write{EVENTS_ARRAY}(value: {EVENTS_ARRAY}, form: Form): string {{\n"
        f"  return {writer(model, array_type(model))}(value, form);\n}}\n"
    )
    return [array, struct_encoder(model, envelope(model))]


def encode_ts(model: WireModel) -> str:
    parts = []
    for decl in model.decls:
        if isinstance(decl, Struct):
            parts.append(struct_encoder(model, decl))
        elif isinstance(decl, TaggedUnion):
            parts.append(union_encoder(model, decl))
        elif isinstance(decl, UnitEnum):
            parts.append(unit_enum_encoder(decl))
    parts += api_encoders(model) if lists_events(model) else []
    intro = (
        "// Typed values -> serde_json::to_string's bytes: compact, fields in declaration\n"
        "// order, None written as null unless the field is skipped when None/empty (the\n"
        "// log form); serialize*Api write the HTTP API's form, every object sorted by key.\n"
        "// Each write* takes the form and hands it down (runtime/writers.ts).\n"
    )
    printers = [f"print{name}" for name in serialized(model)]  # src/write.ts: the fast path
    return module(model, intro, "\n".join(parts), [("./write.js", printers)])


def serialized(model: WireModel) -> list[str]:
    """The types serialize* writes: the structs and unions, and the API's two lists."""
    names = [d.name for d in model.decls if isinstance(d, Struct | TaggedUnion)]
    return names + ([EVENTS_ARRAY, envelope(model).name] if lists_events(model) else [])
