"""src/view.ts: the view for UI code, one type and one pair of converters per declaration.

The view holds the same values as plain JavaScript data (runtime/view.ts): u64/i64
as number where a number holds them exactly, DateTime<Utc> as serde's RFC 3339 text,
serde_json::Value as plain data. Everything else is the exact type, unchanged. So
the view is defined from the exact types (types.py), not from the schema again:
VIEWS says which exact TypeScript types change and by which runtime functions, and
the rest of this module only walks the model with it.

It is built on the exact parse and serialize (decode.py, encode.py): parse<Name>View
is parse<Name> then to<Name>View, serialize<Name>View is from<Name>View then
serialize<Name>. So serde's verdicts and bytes stay in one place, and the view adds
only its own refusals (an integer beyond 2^53 - 1).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from codegen.header import header
from codegen.model import (
    Field,
    NamedType,
    OnOutput,
    OptionType,
    ScalarType,
    Struct,
    TaggedUnion,
    TypeExpr,
    Variant,
    WireModel,
)

from .envelope import EVENTS_ARRAY, array_type, envelope, lists_events
from .imports import RUNTIME, imports, runtime_exports
from .naming import SCALARS, access, article, doc, literal, prop, protocol_decls, type_names
from .types import ts_type

# The exact TypeScript types the view changes (naming.SCALARS gives each scalar's):
# the view's type, the runtime function to the view and the one back.
VIEWS: dict[str, tuple[str, str, str]] = {
    "bigint": ("number", "viewInt", "exactInt"),
    "Timestamp": ("string", "viewTimestamp", "exactTimestamp"),
    "JsonNode": ("PlainJson", "viewValue", "exactValue"),
}

SUFFIX = "View"


class Way(enum.Enum):
    """Which way a converter goes: to the view, or from it back to the exact types."""

    TO = "to"
    FROM = "from"

    def scalar(self, view: tuple[str, str, str]) -> str:
        return view[1] if self is Way.TO else view[2]

    def function(self, name: str) -> str:
        """`toEventView`, `fromEventView`."""
        return f"{self.value}{name}{SUFFIX}"

    def signature(self, name: str) -> str:
        """The parameter and result types: exact to view, or view to exact."""
        exact, view = name, f"{name}{SUFFIX}"
        return f"(value: {exact}): {view}" if self is Way.TO else f"(value: {view}): {exact}"


def ui_alias(model: WireModel, v: Variant) -> str:
    """The name hand-typed UI code gives a variant: `NodeCompleted` of `Event` is `NodeCompletedEvent`."""
    return f"{v.name}{model.root}"


def view_names(model: WireModel) -> list[str]:
    """The types view.ts declares: a view per struct, union, variant and API list, and the UI aliases."""
    names = names_with_entry_points(model)
    names += [v.name for u in model.of_kind(TaggedUnion) for v in u.variants]
    views = [f"{n}{SUFFIX}" for n in names]
    aliases = [ui_alias(model, v) for u in model.of_kind(TaggedUnion) for v in u.variants]
    return views + aliases


def check_view_names(model: WireModel) -> None:
    """The view's names share the package's namespace with the exact types: refuse a clash."""
    names = view_names(model) + type_names(model)
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise ValueError(f"TypeScript names of the view clash: {', '.join(clashes)}")


def documents(model: WireModel) -> list[Struct | TaggedUnion]:
    """What gets a view, a parse and a serialize: the model's documents and the API's envelope."""
    return protocol_decls(model) + ([envelope(model)] if lists_events(model) else [])


def converter(model: WireModel, expr: TypeExpr, way: Way) -> str | None:
    """The TypeScript function converting a value of `expr`; None where the view holds it as it is."""
    expr = model.resolve(expr)
    if isinstance(expr, ScalarType):
        view = VIEWS.get(SCALARS[expr.scalar][0])
        return None if view is None else way.scalar(view)
    if isinstance(expr, NamedType):
        decl = model.decl(expr.name)
        return way.function(expr.name) if isinstance(decl, Struct | TaggedUnion) else None
    inner = converter(model, expr.inner, way)
    if inner is None:
        return None
    return f"mapOption({inner})" if isinstance(expr, OptionType) else f"mapVec({inner})"


def view_type(model: WireModel, expr: TypeExpr) -> str:
    """The view's type of a value: the exact one (aliases kept) where the view holds it as it is."""
    if converter(model, expr, Way.TO) is None:
        return ts_type(expr)
    expr = model.resolve(expr)
    if isinstance(expr, ScalarType):
        return VIEWS[SCALARS[expr.scalar][0]][0]
    if isinstance(expr, NamedType):
        return f"{expr.name}{SUFFIX}"
    inner = view_type(model, expr.inner)
    if isinstance(expr, OptionType):
        return f"{inner} | null"
    return f"Array<{inner}>" if " " in inner else f"{inner}[]"


# --- types ---------------------------------------------------------------------------


def view_doc(decl: Struct | TaggedUnion) -> str:
    return f"{decl.name} as plain data (the view for UI code).\n{decl.description}".strip()


def object_type(name: str, description: str, lines: Iterable[str]) -> str:
    # a type literal, not an interface: only a type literal converts to
    # Record<string, unknown> (`kind as Record<string, unknown>` in UI code)
    body = "".join(f"  {line}\n" for line in lines)
    return f"{doc(description)}export type {name}{SUFFIX} = {{\n{body}}};\n"


def field_lines(model: WireModel, fields: Iterable[Field]) -> list[str]:
    out: list[str] = []
    for f in fields:
        out += [line.strip() for line in doc(f.description).splitlines()]
        if f.on_output is OnOutput.ALWAYS:
            out.append(f"{prop(f.name)}: {view_type(model, f.type)};")
        else:
            out.append(f"{prop(f.name)}?: {view_type(model, f.written_type)};")
    return out


def union_types(model: WireModel, union: TaggedUnion) -> list[str]:
    members = "".join(f"\n  | {v.name}{SUFFIX}" for v in union.variants)
    parts = [f"{doc(view_doc(union))}export type {union.name}{SUFFIX} ={members};\n"]
    for v in union.variants:
        tag = f"{prop(union.tag)}: {literal(v.wire_name)};"
        parts.append(object_type(v.name, v.description, [tag, *field_lines(model, v.fields)]))
        parts.append(
            f"/** {v.name}{SUFFIX} by the name hand-typed UI code gives it. */\n"
            f"export type {ui_alias(model, v)} = {v.name}{SUFFIX};\n"
        )
    return parts


def view_types(model: WireModel) -> list[str]:
    parts: list[str] = []
    for d in documents(model):
        if isinstance(d, TaggedUnion):
            parts += union_types(model, d)
        else:
            parts.append(object_type(d.name, view_doc(d), field_lines(model, d.fields)))
    if lists_events(model):
        array = view_type(model, array_type(model))
        parts.append(
            f"/** {EVENTS_ARRAY} in the view. */\nexport type {EVENTS_ARRAY}{SUFFIX} = {array};\n"
        )
    return parts


# --- converters ----------------------------------------------------------------------


def member(model: WireModel, f: Field, way: Way) -> str:
    """One field of the converted object; one serde may skip is spread in when present."""
    key, value = literal(f.name), access("value", f.name)
    if f.on_output is OnOutput.ALWAYS:
        convert = converter(model, f.type, way)
        return (
            f"{prop(f.name)}: {value},"
            if convert is None
            else f"{prop(f.name)}: at({key}, () => {convert}({value})),"
        )
    convert = converter(model, f.written_type, way)
    return f"...present({key}, {value}{'' if convert is None else f', {convert}'}),"


def object_body(model: WireModel, fields: Iterable[Field], way: Way, first: str = "") -> str:
    lines = ([first] if first else []) + [member(model, f, way) for f in fields]
    return "".join(f"    {line}\n" for line in lines)


def converter_doc(name: str, way: Way) -> str:
    if way is Way.TO:
        what = name if name == EVENTS_ARRAY else f"{article(name)} {name}"  # a list: no article
        return f"/** The view of {what}; a WireError where an integer is beyond 2^53 - 1. */\n"
    return (
        f"/** The {name} a view stands for; a WireError where the view holds what {name} cannot "
        "(a number that is no safe integer, a date chrono does not read). */\n"
    )


def struct_converter(model: WireModel, decl: Struct, way: Way) -> str:
    return (
        converter_doc(decl.name, way)
        + f"export function {way.function(decl.name)}{way.signature(decl.name)} {{\n"
        f"  expectObject(value, {literal(decl.name)});\n"
        f"  return {{\n{object_body(model, decl.fields, way)}  }};\n}}\n"
    )


def union_converter(model: WireModel, union: TaggedUnion, way: Way) -> str:
    cases = "".join(
        f"    case {literal(v.wire_name)}:\n      return {way.function(v.name)}(value);\n"
        for v in union.variants
    )
    head = (
        converter_doc(union.name, way)
        + f"export function {way.function(union.name)}{way.signature(union.name)} {{\n"
        f"  expectObject(value, {literal(union.name)});\n"
        f"  switch ({access('value', union.tag)}) {{\n{cases}"
        f"    default:\n      throw unknownTag({literal(union.name)}, {literal(union.tag)}, value);\n  }}\n}}\n"
    )
    variants = [
        f"function {way.function(v.name)}{way.signature(v.name)} {{\n"
        f"  return {{\n{object_body(model, v.fields, way, f'{prop(union.tag)}: {literal(v.wire_name)},')}  }};\n}}\n"
        for v in union.variants
    ]
    return "\n".join([head, *variants])


def converters(model: WireModel, way: Way) -> list[str]:
    parts = [
        union_converter(model, d, way)
        if isinstance(d, TaggedUnion)
        else struct_converter(model, d, way)
        for d in documents(model)
    ]
    if lists_events(model):
        convert = converter(model, array_type(model), way)
        parts.append(
            converter_doc(EVENTS_ARRAY, way)
            + f"export function {way.function(EVENTS_ARRAY)}{way.signature(EVENTS_ARRAY)} {{\n"
            f"  return {convert}(value);\n}}\n"
        )
    return parts


# --- parse and serialize -------------------------------------------------------------


def entry_points(name: str) -> str:
    return (
        f"/**\n * parse{name}, then the view ({Way.TO.function(name)}): serde's verdict, and a WireError\n"
        " * besides where an integer is beyond 2^53 - 1 (a number would round it).\n */\n"
        f"export function parse{name}{SUFFIX}(text: string): {name}{SUFFIX} {{\n"
        f"  return {Way.TO.function(name)}(parse{name}(text));\n}}\n\n"
        f"/**\n * serialize{name} of the view's exact value ({Way.FROM.function(name)}): serde's bytes, but for\n"
        " * a Value's f64 with an integral value, written as the integer (`1.0` as `1`).\n */\n"
        f"export function serialize{name}{SUFFIX}(value: {name}{SUFFIX}): string {{\n"
        f"  return serialize{name}({Way.FROM.function(name)}(value));\n}}\n"
    )


def names_with_entry_points(model: WireModel) -> list[str]:
    return [d.name for d in documents(model)] + ([EVENTS_ARRAY] if lists_events(model) else [])


def view_ts(model: WireModel) -> str:
    check_view_names(model)
    named = names_with_entry_points(model)
    parts = view_types(model) + converters(model, Way.TO) + converters(model, Way.FROM)
    parts += [entry_points(name) for name in named]
    body = "\n".join(parts)
    runtime = runtime_exports()
    head = imports(body, RUNTIME, runtime.values, runtime.types)
    head += imports(body, "./types.js", [], type_names(model))
    head += imports(body, "./decode.js", [f"parse{n}" for n in named])
    head += imports(body, "./encode.js", [f"serialize{n}" for n in named])
    intro = (
        "// The view for UI code: the same values as plain JavaScript data (runtime/view.ts).\n"
        "// u64/i64 are number where a number holds them exactly (else a WireError, never a\n"
        "// rounding), DateTime<Utc> serde's RFC 3339 text, serde_json::Value plain data.\n"
        "// Parsed exactly first, then converted; serialized back through the exact types.\n"
    )
    return f"{header(model, '//')}{intro}\n{head}\n{body}"
