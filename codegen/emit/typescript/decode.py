"""src/decode.ts: parse* (JSON text) and decode* (a parsed node) for each declaration."""

from __future__ import annotations

import json
from collections.abc import Iterable

from codegen.model import (
    BoxType,
    Decl,
    Field,
    NamedType,
    OnMissing,
    OnOutput,
    OptionType,
    ScalarType,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
    Variant,
    VecType,
    WireModel,
)

from .envelope import EVENTS_ARRAY, EVENTS_ENVELOPE, array_type, envelope, lists_events
from .imports import module
from .naming import SCALARS, article, constant, literal, prop, protocol_decls


def reaches_unit_enum(model: WireModel, expr: TypeExpr, seen: frozenset[str] = frozenset()) -> bool:
    """Whether reading `expr` may read a fieldless enum outside any tagged union.

    Only those decoders need the `buffered` flag (see runtime/tagged.ts): a tagged
    union buffers its content, so below it the flag is always true.
    """
    expr = model.resolve(expr)
    if isinstance(expr, OptionType | VecType):
        return reaches_unit_enum(model, expr.inner, seen)
    if not isinstance(expr, NamedType) or expr.name in seen:
        return False
    decl = model.decl(expr.name)
    if isinstance(decl, UnitEnum):
        return True
    if isinstance(decl, Struct):
        return any(reaches_unit_enum(model, f.type, seen | {decl.name}) for f in decl.fields)
    return False


class Decoders:
    """Decoder expressions for the fields of one struct or variant.

    `buffered` is the TypeScript expression for runtime/tagged.ts's flag at this
    place: "true" inside a variant, "buffered" inside a struct that takes it.
    """

    def __init__(self, model: WireModel, buffered: str) -> None:
        self.model = model
        self.buffered = buffered

    def of(self, expr: TypeExpr) -> str:
        expr = self.model.resolve(expr)
        if isinstance(expr, ScalarType):
            return SCALARS[expr.scalar][1]
        if isinstance(expr, OptionType):
            return f"(n) => decodeOption(n, {self.of(expr.inner)})"
        if isinstance(expr, VecType):
            return f"(n) => decodeVec(n, {self.of(expr.inner)})"
        assert isinstance(expr, NamedType)  # resolve() removed boxes, aliases, newtypes
        if reaches_unit_enum(self.model, expr):
            return f"(n) => decode{expr.name}(n, {self.buffered})"
        return f"decode{expr.name}"

    def read(self, f: Field) -> str:
        """The field's value from the struct's members, by what serde does when it is missing."""
        name, decoder = literal(f.name), self.of(f.type)
        if f.on_missing is OnMissing.REJECT:
            return f"required(m, {name}, {decoder})"
        if f.on_missing is OnMissing.NONE:
            return f"optional(m, {name}, {decoder})"
        return f"defaulted(m, {name}, {decoder}, () => {default_value(f)})"

    def member(self, f: Field) -> str:
        """The field in the decoded object; one serde skips when None/empty is spread in if present."""
        if f.on_output is OnOutput.ALWAYS:
            return f"{prop(f.name)}: {self.read(f)},"
        omit = "omitNone" if f.on_output is OnOutput.SKIP_IF_NONE else "omitEmpty"
        return f"...{omit}({literal(f.name)}, {self.read(f)}),"


def default_value(f: Field) -> str:
    """The TypeScript for the value #[serde(default)] gives (the model has it as JSON)."""
    return ts_value(f.default, f.type)


def ts_value(value: object, expr: TypeExpr) -> str:
    if value is None or isinstance(value, bool | str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        inner = expr.inner if isinstance(expr, VecType | OptionType | BoxType) else expr
        return "[" + ", ".join(ts_value(v, inner) for v in value) + "]"
    if isinstance(value, int | float):
        wide = isinstance(expr, ScalarType) and SCALARS[expr.scalar][0] == "bigint"
        return f"{int(value)}n" if wide else repr(value)
    raise ValueError(f"no TypeScript form for the default {value!r}")


def field_specs(name: str, fields: Iterable[Field]) -> str:
    """The readStruct field list: names in declaration order, and which have a default."""
    items = []
    for f in fields:
        extra = ", hasDefault: true" if f.on_missing is OnMissing.DEFAULT else ""
        items.append(f"  {{ name: {literal(f.name)}{extra} }},\n")
    return f"const {name}: readonly FieldSpec[] = [\n{''.join(items)}];\n"


def struct_decoder(model: WireModel, decl: Struct) -> str:
    specs = constant(decl.name, "FIELDS")
    # from the fields, not model.decl(): the API's envelope is no declaration of the model
    flag = any(reaches_unit_enum(model, f.type, frozenset({decl.name})) for f in decl.fields)
    decoders = Decoders(model, "buffered" if flag else "false")
    param = ", buffered = false" if flag else ""
    body = "".join(f"    {decoders.member(f)}\n" for f in decl.fields)
    return (
        field_specs(specs, decl.fields)
        + f"\n/** {decl.name} from a parsed node, by serde derive's struct rules (runtime/struct.ts). */\n"
        f"export function decode{decl.name}(node: JsonNode{param}): {decl.name} {{\n"
        f"  const m = readStruct(node, {literal(decl.name)}, {specs});\n"
        f"  return {{\n{body}  }};\n}}\n"
    )


def variant_decoder(model: WireModel, union: TaggedUnion, v: Variant) -> str:
    specs = constant(v.name, "FIELDS")
    decoders = Decoders(model, "true")  # a variant is read from serde's buffer
    body = f"    {prop(union.tag)}: {literal(v.wire_name)},\n"
    body += "".join(f"    {decoders.member(f)}\n" for f in v.fields)
    # serde calls it "struct variant EventKind::NodeCompleted"; readStruct prefixes "struct ".
    what = literal(f"variant {union.name}::{v.name}")
    return (
        field_specs(specs, v.fields) + f"\nfunction decode{v.name}(body: JsonNode): {v.name} {{\n"
        f"  const m = readStruct(body, {what}, {specs});\n"
        f"  return {{\n{body}  }};\n}}\n"
    )


def union_decoder(model: WireModel, decl: TaggedUnion) -> str:
    cases = "".join(
        f"    case {literal(v.wire_name)}:\n      return decode{v.name}(body);\n"
        for v in decl.variants
    )
    head = (
        f"/** {decl.name} from a parsed node: serde's internally tagged enum (runtime/tagged.ts). */\n"
        f"export function decode{decl.name}(node: JsonNode): {decl.name} {{\n"
        "  // serde buffers the whole value, unknown members included, before it reads\n"
        "  // the tag: a problem deferred by parseJson anywhere inside is an error here.\n"
        "  decodeValue(node);\n"
        f"  const {{ tag, body }} = readTagged(node, {literal(decl.tag)}, {literal(decl.name)}, "
        f"{constant(decl.name, 'TAGS')});\n"
        f"  switch (tag) {{\n{cases}  }}\n}}\n"
    )
    return "\n".join([head, *(variant_decoder(model, decl, v) for v in decl.variants)])


def unit_enum_decoder(decl: UnitEnum) -> str:
    return (
        f"/** {decl.name}: its name, or {{name: null}}; `buffered` inside a tagged union. */\n"
        f"export function decode{decl.name}(node: JsonNode, buffered = false): {decl.name} {{\n"
        f"  return decodeUnitVariant(node, {literal(decl.name)}, {constant(decl.name, 'VALUES')}, buffered);\n"
        "}\n"
    )


def parse_function(name: str, where: str = "") -> str:
    """parse<name>: the whole text through parseJson, then decode<name>. `where` says
    where an element's errors are located, for the list types."""
    return (
        f"/**\n * Parses JSON text as {article(name)} {name}, with serde_json::from_str's verdict:\n"
        " * throws WireError when serde would refuse it. The value comes back in the\n"
        f" * canonical shape (None as null, skipped fields absent, defaults filled in).{where}\n */\n"
        f"export function parse{name}(text: string): {name} {{\n"
        "  // the fast path (src/read.ts) where it can; else the exact path decides (defer:\n"
        "  // serde never checks the values of unknown struct members it skips)\n"
        f"  return fastRead(text, read{name}) ?? decode{name}(parseJson(text, {{ defer: true }}));\n}}\n"
    )


def api_decoders(model: WireModel) -> list[str]:
    """The HTTP API's list of events, bare and in its envelope (envelope.py)."""
    root = model.root
    member = envelope(model).fields[0].name
    array = (
        f"/** {EVENTS_ARRAY} from a parsed node: Vec<{root}>, every element read, errors at `[i]`. */\n"
        f"export function decode{EVENTS_ARRAY}(node: JsonNode): {EVENTS_ARRAY} {{\n"
        f"  return decodeVec(node, {Decoders(model, 'false').of(array_type(model).inner)});\n}}\n"
    )
    return [
        parse_function(
            EVENTS_ARRAY, "\n * An element's errors are located by its index: `[3].kind.attempt`."
        ),
        parse_function(
            EVENTS_ENVELOPE,
            f"\n * An element's errors are located by its index: `{member}[3].kind.attempt`.",
        ),
        array,
        struct_decoder(model, envelope(model)),
    ]


def decode_ts(model: WireModel) -> str:
    parts = [parse_function(d.name) for d in protocol_decls(model)]
    parts += [decoder_decl(model, d) for d in model.decls]
    parts += api_decoders(model) if lists_events(model) else []
    intro = (
        "// JSON text -> typed values, with serde's verdicts. Each decoder reads one\n"
        "// declaration's fields through the runtime (src/runtime), which holds the rules.\n"
    )
    readers = [f"read{name}" for name in parsed(model)]  # src/read.ts: parse*'s fast path
    return module(model, intro, "\n".join(p for p in parts if p), [("./read.js", readers)])


def parsed(model: WireModel) -> list[str]:
    """The types parse* reads: the documents, and the API's two lists."""
    names = [d.name for d in protocol_decls(model)]
    return names + ([EVENTS_ARRAY, EVENTS_ENVELOPE] if lists_events(model) else [])


def decoder_decl(model: WireModel, decl: Decl) -> str:
    if isinstance(decl, Struct):
        return struct_decoder(model, decl)
    if isinstance(decl, TaggedUnion):
        return union_decoder(model, decl)
    if isinstance(decl, UnitEnum):
        return unit_enum_decoder(decl)
    return ""  # aliases and newtypes are read as their target
