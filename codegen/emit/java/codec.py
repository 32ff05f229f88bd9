"""JamjetJson.java: parse/write entry points and the per-type readers and writers.

Each reader is a flat list of runtime calls that mirrors the Rust declaration (the serde
rules themselves live in the runtime, dev.jamjet.schema.wire, tested once there)."""

from __future__ import annotations

from codegen.emit.java.api import envelope, events_array
from codegen.emit.java.names import SCALARS, base, camel, constant, java_type, literal, newtype
from codegen.emit.java.types import default_value
from codegen.model import (
    Field,
    NamedType,
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

_WRITERS: dict[Scalar, str] = {
    Scalar.STRING: "JsonText.writeString(out, {v});",
    Scalar.BOOL: "out.append({v});",
    Scalar.U32: "out.append({v});",
    Scalar.U64: "Writes.u64(out, {v});",
    Scalar.I64: "out.append({v});",
    Scalar.F64: "Floats.write(out, {v});",
    Scalar.TIMESTAMP: "Writes.timestamp(out, {v});",
    Scalar.UUID: "Writes.uuid(out, {v});",
    Scalar.JSON: "JsonValue.write(out, {v});",
}


def reader(model: WireModel, expr: TypeExpr, buffered: bool) -> str:
    """A Function<Node, T> for the type; `buffered` is true inside a tagged union."""
    nt = newtype(model, expr)
    if nt is not None:
        return f"n -> new {nt.name}({call(reader(model, nt.inner, buffered))})"
    expr = base(model, expr)
    if isinstance(expr, ScalarType):
        return SCALARS[expr.scalar][2]
    if isinstance(expr, OptionType):
        return f"n -> Reads.readOption(n, {reader(model, expr.inner, buffered)})"
    if isinstance(expr, VecType):
        return f"n -> Reads.readVec(n, {reader(model, expr.inner, buffered)})"
    assert isinstance(expr, NamedType)
    if isinstance(model.decl(expr.name), UnitEnum):
        return f"n -> read{expr.name}(n, {'true' if buffered else 'false'})"
    return f"JamjetJson::read{expr.name}"


def call(read: str) -> str:
    """The reader applied to `n`: `Reads::readUuid` -> `Reads.readUuid(n)`."""
    if read.startswith("n -> "):
        return read[len("n -> ") :]
    return read.replace("::", ".") + "(n)"


def write_stmts(model: WireModel, expr: TypeExpr, value: str, depth: int = 0) -> list[str]:
    nt = newtype(model, expr)
    if nt is not None:
        return write_stmts(model, nt.inner, f"{value}.value()", depth)
    expr = base(model, expr)
    if isinstance(expr, ScalarType):
        return [_WRITERS[expr.scalar].format(v=value)]
    if isinstance(expr, OptionType):
        inner = write_stmts(model, expr.inner, value, depth)
        return [
            f'if ({value} == null) out.append("null");',
            "else {",
            *[f"  {s}" for s in inner],
            "}",
        ]
    if isinstance(expr, VecType):
        item = f"item{depth}"
        elem = java_type(model, expr.inner, boxed=True)
        inner = write_stmts(model, expr.inner, item, depth + 1)
        return [
            "out.append('[');",
            f"for (int i{depth} = 0; i{depth} < {value}.size(); i{depth}++) {{",
            f"  if (i{depth} > 0) out.append(',');",
            f"  {elem} {item} = {value}.get(i{depth});",
            *[f"  {s}" for s in inner],
            "}",
            "out.append(']');",
        ]
    assert isinstance(expr, NamedType)
    if isinstance(model.decl(expr.name), UnitEnum):
        return [f"JsonText.writeString(out, {value}.wire());"]
    return [f"write{expr.name}(out, {value});"]


def field_tables(prefix: str, fields: tuple[Field, ...]) -> str:
    names = ", ".join(literal(f.name) for f in fields)
    defaults = ", ".join("true" if f.on_missing is OnMissing.DEFAULT else "false" for f in fields)
    return (
        f"  private static final List<String> {prefix}_FIELDS = List.of({names});\n"
        f"  private static final boolean[] {prefix}_DEFAULTS = {{{defaults}}};\n"
    )


def field_read(model: WireModel, f: Field, index: int, buffered: bool) -> str:
    read = reader(model, f.type, buffered)
    if f.on_missing is OnMissing.REJECT:
        return f"Structs.required(m, {index}, {literal(f.name)}, {read})"
    if f.on_missing is OnMissing.NONE:
        return f"Structs.optional(m, {index}, {literal(f.name)}, {read})"
    return (
        f"Structs.defaulted(m, {index}, {literal(f.name)}, {read}, () -> {default_value(model, f)})"
    )


def struct_reader(
    model: WireModel,
    name: str,
    java: str,
    serde_name: str,
    fields: tuple[Field, ...],
    buffered: bool,
    public: bool,
) -> str:
    prefix = constant(name)
    args = ",\n".join(f"        {field_read(model, f, i, buffered)}" for i, f in enumerate(fields))
    visibility = "public static" if public else "private static"
    return (
        field_tables(prefix, fields)
        + f"\n  /** {java} from a parsed node, by serde derive's struct rules. */\n"
        f"  {visibility} {java} read{name}(Node node) {{\n"
        f"    Node[] m = Structs.read(node, {literal(serde_name)}, {prefix}_FIELDS, {prefix}_DEFAULTS);\n"
        f"    return new {java}(\n{args});\n  }}\n"
    )


def members_writer(model: WireModel, fields: tuple[Field, ...], value: str) -> list[str]:
    out: list[str] = []
    for f in fields:
        get = f"{value}.{camel(f.name)}()"
        key = f"Writes.key(out, open, {literal(literal(f.name) + ':')});"
        stmts = [key, *write_stmts(model, f.type, get)]
        if f.on_output is OnOutput.ALWAYS:
            out += stmts
        else:
            test = f"{get} != null" if f.on_output is OnOutput.SKIP_IF_NONE else f"!{get}.isEmpty()"
            out += [f"if ({test}) {{", *[f"  {s}" for s in stmts], "}"]
    return out


def struct_writer(model: WireModel, decl: Struct) -> str:
    body = [
        "int open = out.length();",
        "out.append('{');",
        *members_writer(model, decl.fields, "value"),
        "out.append('}');",
    ]
    lines = "".join(f"    {s}\n" for s in body)
    return (
        f"\n  static void write{decl.name}(StringBuilder out, {decl.name} value) {{\n{lines}  }}\n"
    )


def union_reader(model: WireModel, decl: TaggedUnion) -> str:
    prefix = constant(decl.name)
    tags = ", ".join(literal(v.wire_name) for v in decl.variants)
    cases = "".join(
        f"      case {i} -> read{v.name}(split.body());\n" for i, v in enumerate(decl.variants)
    )
    parts = [
        f"  private static final List<String> {prefix}_TAGS = List.of({tags});\n",
        f"\n  /** {decl.name} from a parsed node: serde's internally tagged enum. */\n",
        f"  public static {decl.name} read{decl.name}(Node node) {{\n",
        "    // serde buffers the whole value, unknown members included, before it reads the tag\n",
        "    Reads.raiseDeferred(node);\n",
        f"    Tagged.Split split = Tagged.read(node, {literal(decl.tag)}, {literal(decl.name)}, {prefix}_TAGS);\n",
        f"    return switch (split.variant()) {{\n{cases}",
        '      default -> throw new IllegalStateException("no variant " + split.variant());\n    };\n  }\n',
    ]
    for v in decl.variants:
        parts.append(
            "\n"
            + struct_reader(
                model,
                v.name,
                f"{decl.name}.{v.name}",
                f"variant {decl.name}::{v.name}",
                v.fields,
                True,
                False,
            )
        )
    return "".join(parts)


def union_writer(model: WireModel, decl: TaggedUnion) -> str:
    parts = [f"\n  static void write{decl.name}(StringBuilder out, {decl.name} value) {{\n"]
    for k, v in enumerate(decl.variants):
        cond = "if" if k == 0 else "} else if"
        body = [
            "int open = out.length();",
            f"out.append({literal('{' + literal(decl.tag) + ':' + literal(v.wire_name))});",
            *members_writer(model, v.fields, "v"),
            "out.append('}');",
        ]
        parts.append(f"    {cond} (value instanceof {decl.name}.{v.name} v) {{\n")
        parts += [f"      {s}\n" for s in body]
    parts.append(
        f'    }} else {{\n      throw new IllegalArgumentException("not a {decl.name}: " + value);\n    }}\n  }}\n'
    )
    return "".join(parts)


def unit_enum_reader(decl: UnitEnum) -> str:
    prefix = constant(decl.name)
    names = ", ".join(literal(wire) for _, wire in decl.variants)
    return (
        f"\n  private static final List<String> {prefix}_VALUES = List.of({names});\n\n"
        f"  /** {decl.name}: its name, or {{name: null}}; `buffered` inside a tagged union. */\n"
        f"  static {decl.name} read{decl.name}(Node node, boolean buffered) {{\n"
        f"    return {decl.name}.values()[Tagged.unitVariant(node, {literal(decl.name)}, {prefix}_VALUES, buffered)];\n  }}\n"
    )


def entry_points(name: str, java: str | None = None) -> str:
    java = java or name
    return (
        f"\n  /** Parses JSON text as {name} with serde_json::from_str's verdict; throws WireException. */\n"
        f"  public static {java} parse{name}(String json) {{\n    return read{name}(TreeReader.parse(json));\n  }}\n\n"
        f"  /** serde_json::to_string of {name}: its exact bytes (the log form). */\n"
        f"  public static String write{name}({java} value) {{\n"
        "    StringBuilder out = new StringBuilder(256);\n"
        f"    write{name}(out, value);\n    return out.toString();\n  }}\n\n"
        f"  /** {name} in the given form: the log's bytes, or the HTTP API's (members sorted). */\n"
        f"  public static String write{name}({java} value, Form form) {{\n"
        f"    return form.fromLog(write{name}(value));\n  }}\n"
    )


def array_codec(model: WireModel) -> str:
    """The bare array of the root (the protocol's Events): entry points, reader and writer.
    Its elements' errors are located from the array: `[3].kind.attempt`."""
    name, expr = events_array(model)
    java = java_type(model, expr)
    body = "".join(f"    {s}\n" for s in write_stmts(model, expr, "value"))
    return (
        entry_points(name, java)
        + f"\n  /** {name} (a JSON array of {model.root}) from a parsed node; errors located by index. */\n"
        f"  public static {java} read{name}(Node n) {{\n"
        f"    return {call(reader(model, expr, False))};\n  }}\n\n"
        f"  static void write{name}(StringBuilder out, {java} value) {{\n{body}  }}\n"
    )


def codec_file(model: WireModel, head: str) -> str:
    parts: list[str] = []
    api = envelope(model)  # the HTTP API's envelope: a struct like the model's own
    roots = [d.name for d in model.decls if isinstance(d, Struct | TaggedUnion)] + [api.name]
    for name in roots:
        parts.append(entry_points(name))
    parts.append(array_codec(model))
    for decl in (*model.decls, api):
        if isinstance(decl, Struct):
            parts.append(
                "\n"
                + struct_reader(model, decl.name, decl.name, decl.name, decl.fields, False, True)
            )
            parts.append(struct_writer(model, decl))
        elif isinstance(decl, TaggedUnion):
            parts.append("\n" + union_reader(model, decl))
            parts.append(union_writer(model, decl))
        elif isinstance(decl, UnitEnum):
            parts.append(unit_enum_reader(decl))
    imports = "".join(
        f"import {WIRE_PREFIX}{n};\n"
        for n in [
            "Floats",
            "Form",
            "JsonText",
            "JsonValue",
            "Node",
            "Reads",
            "Structs",
            "Tagged",
            "TreeReader",
            "Writes",
        ]
    )
    body = "".join(parts)
    return (
        f"{head}package dev.jamjet.schema;\n\n{imports}import java.util.List;\n\n"
        "/**\n * Reading and writing the event types with serde's verdicts and serde_json's bytes: parse*\n"
        " * reads JSON text (throws {@link dev.jamjet.schema.wire.WireException} with serde's message and\n"
        " * the field path), write* gives serde_json::to_string's exact text, or with a {@link Form} the\n"
        " * HTTP API's (every object's members sorted). read* take a parsed node\n"
        " * (dev.jamjet.schema.wire.TreeReader), for a Jackson deserializer.\n */\n"
        f"public final class JamjetJson {{\n  private JamjetJson() {{}}\n{body}}}\n"
    )


WIRE_PREFIX = "dev.jamjet.schema.wire."
