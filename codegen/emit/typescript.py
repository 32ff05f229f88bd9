"""The TypeScript emitter: the npm package `@jamjet/schema` (generated/typescript).

It reads only the WireModel. The serde semantics live in the hand-written runtime
(codegen/templates/typescript/runtime/*.ts, copied into src/runtime/ with the
header); what is emitted here only says, per declaration, which runtime function
reads or writes each field. So the generated code stays a flat list of calls that
mirrors the Rust declaration, and every wire rule is tested once, in the runtime.

Emitted files: src/types.ts (interfaces, the discriminated union, type guards,
nodeIdOf), src/decode.ts (parse*/decode*), src/encode.ts (serialize*),
src/builders.ts (new* from Struct.fills), src/index.ts, package.json,
tsconfig.json, README.md (its counts from the model), scripts/build.mjs (the
build, with the pinned compiler: `npm pack` works from a clean checkout), .npmrc
(no lockfile in a generated folder), .gitignore (the tarballs `npm pack` leaves),
and LICENSE, a copy of the repository's when it has one.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable
from pathlib import Path
from string import Template

from codegen.header import header, header_lines, license_copy
from codegen.model import (
    Alias,
    BoxType,
    Decl,
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
    Variant,
    VecType,
    WireModel,
)

ROOT = "generated/typescript"
PACKAGE = "@jamjet/schema"
LICENSE = "Apache-2.0"
REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "codegen" / "templates" / "typescript"
RUNTIME = "./runtime/index.js"
TYPESCRIPT_VERSION = "5.9.3"  # pinned: the same compiler as tests/typescript/package-lock.json

# Per scalar: the TypeScript type, the runtime decoder and the runtime writer.
# u64/i64 are bigint so that values beyond 2^53 are never rounded.
_SCALARS: dict[Scalar, tuple[str, str, str]] = {
    Scalar.STRING: ("string", "decodeString", "writeString"),
    Scalar.BOOL: ("boolean", "decodeBool", "writeBool"),
    Scalar.U32: ("number", "decodeU32", "writeU32"),
    Scalar.U64: ("bigint", "decodeU64", "writeU64"),
    Scalar.I64: ("bigint", "decodeI64", "writeI64"),
    Scalar.F64: ("number", "decodeF64", "writeF64"),
    Scalar.TIMESTAMP: ("Timestamp", "decodeTimestamp", "writeTimestamp"),
    Scalar.UUID: ("string", "decodeUuid", "writeUuid"),
    Scalar.JSON: ("JsonNode", "decodeValue", "writeValue"),
}

# What `new` puts in a field it fills itself, and how its doc comment says so:
# crypto.randomUUID like Uuid::new_v4(), Timestamp.now() like Utc::now().
_FILLS: dict[Fill, tuple[str, str]] = {
    Fill.UUID_V4: ("randomUuidV4()", "a random (v4) UUID"),
    Fill.NOW_UTC: (
        "Timestamp.now()",
        "the current time (Timestamp.now(): to the nanosecond where the platform has a nanosecond clock)",
    ),
}

_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def emit(model: WireModel, repo: Path = REPO) -> dict[str, str]:
    check_names(model)
    license_text = license_file(model, repo)
    files = {
        f"{ROOT}/package.json": package_json(model),
        f"{ROOT}/tsconfig.json": header(model, "//") + template("tsconfig.json"),
        f"{ROOT}/README.md": readme(model, has_license=license_text is not None),
        f"{ROOT}/scripts/build.mjs": header(model, "//") + "\n" + template("scripts/build.mjs"),
        f"{ROOT}/.npmrc": npmrc(model),
        f"{ROOT}/.gitignore": gitignore(model),
        f"{ROOT}/src/index.ts": index_ts(model),
        f"{ROOT}/src/types.ts": types_ts(model),
        f"{ROOT}/src/decode.ts": decode_ts(model),
        f"{ROOT}/src/encode.ts": encode_ts(model),
        f"{ROOT}/src/builders.ts": builders_ts(model),
    }
    if license_text is not None:
        files[f"{ROOT}/LICENSE"] = license_text
    files.update(runtime_files(model))
    return files


# ── names ──────────────────────────────────────────────────────────────────────


def check_names(model: WireModel) -> None:
    """Declarations and variants share one TypeScript namespace: refuse a clash."""
    names = [d.name for d in model.decls]
    names += [v.name for u in model.of_kind(TaggedUnion) for v in u.variants]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise ValueError(f"TypeScript names used twice: {', '.join(clashes)}")


def constant(name: str, suffix: str) -> str:
    """`ProvenanceMetadata`, `FIELDS` -> `PROVENANCE_METADATA_FIELDS`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper() + "_" + suffix


def camel(name: str) -> str:
    """`execution_id` -> `executionId`, for parameters (properties keep the wire names)."""
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def prop(name: str) -> str:
    """A property name as written in an interface or object literal."""
    return name if _IDENTIFIER.match(name) else json.dumps(name)


def access(obj: str, name: str) -> str:
    return f"{obj}.{name}" if _IDENTIFIER.match(name) else f"{obj}[{json.dumps(name)}]"


def literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def doc(text: str, indent: str = "") -> str:
    """A JSDoc block; `*/` inside a description would end the comment early."""
    if not text:
        return ""
    width = 96 - len(indent)
    lines = [
        wrapped
        for line in text.replace("*/", "*\\/").splitlines()
        for wrapped in (textwrap.wrap(line, width, break_on_hyphens=False) or [""])
    ]
    if len(lines) == 1:
        return f"{indent}/** {lines[0]} */\n"
    body = "".join(f"{indent} * {line}".rstrip() + "\n" for line in lines)
    return f"{indent}/**\n{body}{indent} */\n"


def template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


# ── types.ts ───────────────────────────────────────────────────────────────────


def ts_type(expr: TypeExpr) -> str:
    """The TypeScript type of a value (aliases and newtypes keep their names)."""
    if isinstance(expr, ScalarType):
        return _SCALARS[expr.scalar][0]
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
    shown = f.type.inner if isinstance(f.type, OptionType) else f.type
    return f"{prop(f.name)}?: {ts_type(shown)};"


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


def types_ts(model: WireModel) -> str:
    body = "\n".join(type_decl(decl) for decl in model.decls)
    intro = (
        "// The types of the JamJet event log, one per Rust declaration, with the wire\n"
        "// names. u64/i64 are bigint (exact beyond 2^53), serde_json::Value is the\n"
        "// runtime's JsonNode, DateTime<Utc> its Timestamp, Uuid a lower-case string.\n"
    )
    head = imports(body, RUNTIME, [], _RUNTIME_TYPES)  # the runtime classes, as types only
    return f"{header(model, '//')}{intro}\n{head}\n{body}"


def type_decl(decl: Decl) -> str:
    if isinstance(decl, Struct):
        return struct_type(decl)
    if isinstance(decl, TaggedUnion):
        return union_type(decl)
    if isinstance(decl, UnitEnum):
        return unit_enum_type(decl)
    return alias_type(decl)


# ── decode.ts ──────────────────────────────────────────────────────────────────


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
            return _SCALARS[expr.scalar][1]
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
        wide = isinstance(expr, ScalarType) and _SCALARS[expr.scalar][0] == "bigint"
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
    flag = reaches_unit_enum(model, NamedType(decl.name))
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


def parse_function(decl: Struct | TaggedUnion) -> str:
    return (
        f"/**\n * Parses JSON text as {article(decl.name)} {decl.name}, with serde_json::from_str's verdict:\n"
        " * throws WireError when serde would refuse it. The value comes back in the\n"
        " * canonical shape (None as null, skipped fields absent, defaults filled in).\n */\n"
        f"export function parse{decl.name}(text: string): {decl.name} {{\n"
        "  // defer: serde never checks the values of unknown struct members it skips\n"
        f"  return decode{decl.name}(parseJson(text, {{ defer: true }}));\n}}\n"
    )


def article(name: str) -> str:
    return "an" if name[0] in "AEIOU" else "a"


def protocol_decls(model: WireModel) -> list[Struct | TaggedUnion]:
    """The declarations that get parse*/serialize*: structs and tagged unions."""
    return [d for d in model.decls if isinstance(d, Struct | TaggedUnion)]


def decode_ts(model: WireModel) -> str:
    parts = [parse_function(d) for d in protocol_decls(model)]
    parts += [decoder_decl(model, d) for d in model.decls]
    intro = (
        "// JSON text -> typed values, with serde's verdicts. Each decoder reads one\n"
        "// declaration's fields through the runtime (src/runtime), which holds the rules.\n"
    )
    return module(model, intro, "\n".join(p for p in parts if p))


def decoder_decl(model: WireModel, decl: Decl) -> str:
    if isinstance(decl, Struct):
        return struct_decoder(model, decl)
    if isinstance(decl, TaggedUnion):
        return union_decoder(model, decl)
    if isinstance(decl, UnitEnum):
        return unit_enum_decoder(decl)
    return ""  # aliases and newtypes are read as their target


# ── encode.ts ──────────────────────────────────────────────────────────────────


def writer(model: WireModel, expr: TypeExpr) -> str:
    expr = model.resolve(expr)
    if isinstance(expr, ScalarType):
        return _SCALARS[expr.scalar][2]
    if isinstance(expr, OptionType):
        return f"writeOption({writer(model, expr.inner)})"
    if isinstance(expr, VecType):
        return f"writeVec({writer(model, expr.inner)})"
    assert isinstance(expr, NamedType)
    decl = model.decl(expr.name)
    return f"write{decl.name}" if isinstance(decl, UnitEnum) else f"serialize{decl.name}"


def member_call(model: WireModel, f: Field, obj: str) -> str:
    value = access(obj, f.name)
    if f.on_output is OnOutput.SKIP_IF_NONE:
        assert isinstance(f.type, OptionType)  # the loader allows Option::is_none only on Options
        return f"memberUnlessNone({literal(f.name)}, {value}, {writer(model, f.type.inner)}),"
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


# ── builders.ts ────────────────────────────────────────────────────────────────


def builder(decl: Struct) -> str:
    """`new<Name>(...)` like the seed's `Name::new`: the caller gives the fields it does not fill."""
    params = [f for f in decl.fields if decl.fill_of(f.name) is None]
    inits = []
    for f in decl.fields:
        fill = decl.fill_of(f.name)
        value = camel(f.name) if fill is None else _FILLS[fill][0]
        inits.append(f"    {prop(f.name)}: {value},\n" if value != f.name else f"    {value},\n")
    filled = " and ".join(f"`{name}` with {_FILLS[fill][1]}" for name, fill in decl.fills)
    signature = ", ".join(f"{camel(f.name)}: {ts_type(f.type)}" for f in params)
    return (
        doc(f"A new {decl.name}, as the seed's `{decl.name}::new`: it fills {filled}.")
        + f"export function new{decl.name}({signature}): {decl.name} {{\n"
        f"  return {{\n{''.join(inits)}  }};\n}}\n"
    )


def builders_ts(model: WireModel) -> str:
    body = "\n".join(builder(d) for d in model.of_kind(Struct) if d.fills)
    intro = "// Constructors that fill some fields themselves, like the seed's `new` functions.\n"
    return module(model, intro, body)


# ── imports ────────────────────────────────────────────────────────────────────

# Everything the generated modules may take from the runtime.
_RUNTIME_VALUES = sorted(
    {
        "checkObject",
        "decodeOption",
        "decodeUnitVariant",
        "decodeVec",
        "defaulted",
        "member",
        "memberUnlessEmpty",
        "memberUnlessNone",
        "omitEmpty",
        "omitNone",
        "optional",
        "parseJson",
        "randomUuidV4",
        "readStruct",
        "readTagged",
        "required",
        "Timestamp",
        "unknownTag",
        "writeMembers",
        "writeOption",
        "writeUnitVariant",
        "writeVec",
    }
    | {_SCALARS[s][1] for s in Scalar}
    | {_SCALARS[s][2] for s in Scalar}
)
_RUNTIME_TYPES = ["FieldSpec", "JsonNode", "Timestamp"]


def mentions(body: str, name: str) -> bool:
    return re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", body) is not None


def imports(body: str, module: str, values: Iterable[str], types: Iterable[str] = ()) -> str:
    """One import of the names `body` uses: tsc's noUnusedLocals refuses unused ones."""
    value_names = sorted({n for n in values if mentions(body, n)})
    type_names = sorted({n for n in types if mentions(body, n)} - set(value_names))
    if not value_names:  # only types: an import the compiled JavaScript drops
        return import_statement("import type", type_names, module)
    return import_statement("import", value_names + [f"type {n}" for n in type_names], module)


def import_statement(keyword: str, names: list[str], module: str) -> str:
    if not names:
        return ""
    return f"{keyword} {{\n" + "".join(f"  {n},\n" for n in names) + f'}} from "{module}";\n'


def type_names(model: WireModel) -> list[str]:
    names = [d.name for d in model.decls]
    return names + [v.name for u in model.of_kind(TaggedUnion) for v in u.variants]


def type_constants(model: WireModel) -> list[str]:
    tags = [constant(u.name, "TAGS") for u in model.of_kind(TaggedUnion)]
    return tags + [constant(e.name, "VALUES") for e in model.of_kind(UnitEnum)]


def module(model: WireModel, intro: str, body: str) -> str:
    """A generated module: header, what it is, the imports its body needs, the body."""
    head = imports(body, RUNTIME, _RUNTIME_VALUES, _RUNTIME_TYPES)
    head += imports(body, "./types.js", type_constants(model), type_names(model))
    return f"{header(model, '//')}{intro}\n{head}\n{body}"


# ── index.ts, package files, runtime ───────────────────────────────────────────


def index_ts(model: WireModel) -> str:
    return (
        header(model, "//")
        + "// The package's entry point: the generated API and the runtime types it uses.\n\n"
        + f"/** The version of the schema this package was generated from. */\n"
        f"export const SCHEMA_VERSION = {literal(model.version)};\n\n"
        'export * from "./types.js";\n'
        'export * from "./decode.js";\n'
        'export * from "./encode.js";\n'
        'export * from "./builders.js";\n'
        "export {\n  WireError,\n  Timestamp,\n  JsonObject,\n  toJsonNode,\n  fromJsonNode,\n"
        "  parseUuid,\n  formatPath,\n  type JsonNode,\n  type PathSegment,\n  type PlainOptions,\n"
        "  type TimestampParts,\n"
        f'}} from "{RUNTIME}";\n'
    )


def package_json(model: WireModel) -> str:
    # JSON has no comments: the header goes in the conventional "//" key.
    data = {
        "//": " ".join(header_lines(model)),
        "name": PACKAGE,
        "version": model.version,
        "description": "Types, parser and serializer of the JamJet event log, byte-exact with the Rust runtime's serde.",
        "license": LICENSE,
        "type": "module",
        "sideEffects": False,
        "main": "./dist/index.js",
        "types": "./dist/index.d.ts",
        "exports": {
            ".": {"types": "./dist/index.d.ts", "default": "./dist/index.js"},
            "./runtime": {
                "types": "./dist/runtime/index.d.ts",
                "default": "./dist/runtime/index.js",
            },
            "./package.json": "./package.json",
        },
        "files": ["dist", "src"],
        "engines": {"node": ">=20"},  # global crypto.randomUUID for newEvent
        # scripts/build.mjs finds the pinned compiler: `npm pack` works with nothing installed here
        "scripts": {"build": "node scripts/build.mjs", "prepack": "npm run build"},
        "devDependencies": {"typescript": TYPESCRIPT_VERSION},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def readme(model: WireModel, has_license: bool = True) -> str:
    comment = "".join(f"<!-- {line} -->\n" for line in header_lines(model))
    return comment + Template(template("README.md")).substitute(
        package=PACKAGE,
        version=model.version,
        types=type_summary(model),
        license=f"{LICENSE} (see LICENSE)" if has_license else LICENSE,
        typescript=TYPESCRIPT_VERSION,
    )


def type_summary(model: WireModel) -> str:
    """What the package reads and writes, counted from the model:
    "`Event`, the 46 variants of `EventKind`, `ProvenanceMetadata`"."""
    return ", ".join(
        f"the {len(d.variants)} variant{'' if len(d.variants) == 1 else 's'} of `{d.name}`"
        if isinstance(d, TaggedUnion)
        else f"`{d.name}`"
        for d in protocol_decls(model)
    )


def npmrc(model: WireModel) -> str:
    # npm reads a project's .npmrc from the folder it runs in; it never packs it.
    return (
        header(model, "#")
        + "# A generated folder keeps no lockfile: `npm install` here writes none.\n"
        + "# The pinned toolchain's lockfile is tests/typescript/package-lock.json.\n"
        + "package-lock=false\n"
    )


def gitignore(model: WireModel) -> str:
    # Only the tarballs: dist/ and node_modules/ are ignored at the repository root.
    return header(model, "#") + "# what `npm pack` leaves here\n/*.tgz\n"


def license_file(model: WireModel, repo: Path = REPO) -> str | None:
    """The repository's LICENSE under the header, for the tarball; None while it has none."""
    return license_copy(model, repo) if (repo / "LICENSE").is_file() else None


def runtime_files(model: WireModel) -> dict[str, str]:
    """The hand-written runtime, copied verbatim under the header."""
    out = {}
    for path in sorted((TEMPLATES / "runtime").glob("*.ts")):
        origin = (
            f"// Copied from codegen/templates/typescript/runtime/{path.name}: edit it there.\n\n"
        )
        out[f"{ROOT}/src/runtime/{path.name}"] = (
            header(model, "//") + origin + path.read_text(encoding="utf-8")
        )
    return out
