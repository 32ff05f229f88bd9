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

from .imports import module
from .naming import SCALARS, access, article, constant, literal


def writer(model: WireModel, expr: TypeExpr) -> str:
    expr = model.resolve(expr)
    if isinstance(expr, ScalarType):
        return SCALARS[expr.scalar][2]
    if isinstance(expr, OptionType):
        return f"writeOption({writer(model, expr.inner)})"
    if isinstance(expr, VecType):
        return f"writeVec({writer(model, expr.inner)})"
    assert isinstance(expr, NamedType)
    decl = model.decl(expr.name)
    return f"write{decl.name}" if isinstance(decl, UnitEnum) else f"serialize{decl.name}"


def member_call(model: WireModel, f: Field, obj: str) -> str:
    value = access(obj, f.name)
    if f.on_output is OnOutput.SKIP_IF_NONE:  # written as its inner type, when Some
        return f"memberUnlessNone({literal(f.name)}, {value}, {writer(model, f.written_type)}),"
    if f.on_output is OnOutput.SKIP_IF_EMPTY:
        return f"memberUnlessEmpty({literal(f.name)}, {value}, {writer(model, f.type)}),"
    return f"member({literal(f.name)}, {value}, {writer(model, f.type)}),"


def members(model: WireModel, fields: Iterable[Field], first: str = "") -> str:
    lines = [first] if first else []
    lines += [member_call(model, f, "value") for f in fields]
    return "".join(f"    {line}\n" for line in lines)


def struct_encoder(model: WireModel, decl: Struct) -> str:
    return (
        f"/** serde_json::to_string of {article(decl.name)} {decl.name}: its canonical bytes. */\n"
        f"export function serialize{decl.name}(value: {decl.name}): string {{\n"
        f"  checkObject(value, {literal(decl.name)});\n"
        f"  return writeMembers([\n{members(model, decl.fields)}  ]);\n}}\n"
    )


def union_encoder(model: WireModel, decl: TaggedUnion) -> str:
    tag = access("value", decl.tag)
    cases = "".join(
        f"    case {literal(v.wire_name)}:\n      return write{v.name}(value);\n"
        for v in decl.variants
    )
    head = (
        f"/** serde_json::to_string of {article(decl.name)} {decl.name}: the tag first, then the fields. */\n"
        f"export function serialize{decl.name}(value: {decl.name}): string {{\n"
        f"  checkObject(value, {literal(decl.name)});\n"
        f"  switch ({tag}) {{\n{cases}"
        f"    default:\n      throw unknownTag({literal(decl.name)}, {literal(decl.tag)}, value);\n  }}\n}}\n"
    )
    variants = []
    for v in decl.variants:
        first = f"member({literal(decl.tag)}, {tag}, writeString),"
        variants.append(
            f"function write{v.name}(value: {v.name}): string {{\n"
            f"  return writeMembers([\n{members(model, v.fields, first)}  ]);\n}}\n"
        )
    return "\n".join([head, *variants])


def unit_enum_encoder(decl: UnitEnum) -> str:
    return (
        f"function write{decl.name}(value: {decl.name}): string {{\n"
        f"  return writeUnitVariant(value, {literal(decl.name)}, {constant(decl.name, 'VALUES')});\n}}\n"
    )


def encode_ts(model: WireModel) -> str:
    parts = []
    for decl in model.decls:
        if isinstance(decl, Struct):
            parts.append(struct_encoder(model, decl))
        elif isinstance(decl, TaggedUnion):
            parts.append(union_encoder(model, decl))
        elif isinstance(decl, UnitEnum):
            parts.append(unit_enum_encoder(decl))
    intro = (
        "// Typed values -> serde_json::to_string's bytes: compact, fields in declaration\n"
        "// order, None written as null unless the field is skipped when None/empty.\n"
    )
    return module(model, intro, "\n".join(parts))
