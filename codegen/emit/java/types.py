"""The Java types: one record per struct and variant, a sealed interface per tagged union,
an enum per fieldless enum, a record per newtype (aliases are their target type)."""

from __future__ import annotations

from collections.abc import Iterable

from codegen.emit.java.names import (
    PACKAGE,
    camel,
    constant,
    is_reference,
    java_type,
    javadoc,
    literal,
    newtype,
)
from codegen.model import (
    Field,
    Newtype,
    OnMissing,
    OptionType,
    Scalar,
    ScalarType,
    Struct,
    TaggedUnion,
    UnitEnum,
    Variant,
    VecType,
    WireModel,
)

IMPORTS = (
    "import dev.jamjet.schema.wire.JsonValue;\n"
    "import dev.jamjet.schema.wire.Timestamp;\n"
    "import dev.jamjet.schema.wire.Writes;\n"
    "import java.util.List;\n"
    "import java.util.Objects;\n"
    "import java.util.Optional;\n"
    "import java.util.UUID;\n"
)


def used_imports(body: str) -> str:
    """Only the imports the body uses (javac -Xlint:all warns on none, but keep files tidy)."""
    lines = [line for line in IMPORTS.splitlines() if line.split(".")[-1].rstrip(";") in body]
    return "".join(f"{line}\n" for line in lines)


def java_file(head: str, body: str) -> str:
    imports = used_imports(body)
    return f"{head}package {PACKAGE};\n\n{imports}{chr(10) if imports else ''}{body}"


def components(model: WireModel, fields: Iterable[Field], indent: str) -> str:
    parts = []
    for f in fields:
        kind = "Option, null for None; " if isinstance(f.type, OptionType) else ""
        wire = f"wire name `{f.name}`; {kind}{f.description}".strip().rstrip(";")
        parts.append(f"{javadoc(wire, indent)}{indent}{java_type(model, f.type)} {camel(f.name)}")
    return ",\n".join(parts)


def checks(model: WireModel, fields: Iterable[Field], indent: str) -> str:
    """The compact constructor: what serde's types cannot hold is refused at construction."""
    out = []
    for f in fields:
        name = camel(f.name)
        inner = f.type.inner if isinstance(f.type, OptionType) else f.type
        if isinstance(f.type, VecType):
            out.append(f"{name} = List.copyOf({name});")
        elif isinstance(f.type, OptionType) and isinstance(inner, VecType):
            out.append(f"{name} = {name} == null ? null : List.copyOf({name});")
        elif is_reference(model, f):
            out.append(f'Objects.requireNonNull({name}, "{f.name}");')
        if isinstance(inner, ScalarType) and inner.scalar is Scalar.U32:
            if isinstance(f.type, OptionType):
                out.append(f'if ({name} != null) Writes.checkU32({name}, "{f.name}");')
            else:
                out.append(f'Writes.checkU32({name}, "{f.name}");')
    return "".join(f"{indent}{line}\n" for line in out)


def record(
    model: WireModel,
    name: str,
    fields: tuple[Field, ...],
    indent: str,
    extra: str = "",
    implements: str = "",
) -> str:
    comps = components(model, fields, indent + "    ")
    body = checks(model, fields, indent + "    ")
    ctor = f"{indent}  public {name} {{\n{body}{indent}  }}\n" if body else ""
    head = (
        f"{indent}public record {name}(\n{comps}){implements} {{\n"
        if comps
        else f"{indent}public record {name}(){implements} {{\n"
    )
    return f"{head}{ctor}{extra}{indent}}}\n"


def struct_file(model: WireModel, decl: Struct, head: str) -> str:
    extra = create_method(model, decl) if decl.fills else ""
    if decl.has_default:
        extra += default_method(model, decl)
    body = javadoc(decl.description) + record(model, decl.name, decl.fields, "", extra)
    return java_file(head, body)


def default_value(model: WireModel, f: Field) -> str:
    """The Java for the value #[serde(default)] (or a missing Option) gives."""
    if f.on_missing is OnMissing.NONE or f.default is None:
        return "null"
    if isinstance(f.default, bool):
        return "true" if f.default else "false"
    if f.default == []:
        return "List.of()"
    if isinstance(f.default, str):
        return literal(f.default)
    if isinstance(f.default, int | float):
        suffix = "L" if java_type(model, f.type) == "long" else ""
        return f"{f.default}{suffix}"
    raise ValueError(f"no Java form for the default {f.default!r} of {f.name}")


def default_method(model: WireModel, decl: Struct) -> str:
    args = ", ".join(default_value(model, f) for f in decl.fields)
    return (
        f"\n  /** serde's Default: what an empty object reads as. */\n"
        f"  public static {decl.name} empty() {{\n    return new {decl.name}({args});\n  }}\n"
    )


_FILL_JAVA = {"uuid_v4": "UUID.randomUUID()", "now_utc": "Timestamp.now()"}


def create_method(model: WireModel, decl: Struct) -> str:
    """The seed's `new`: the filled fields from the clock and a random UUID v4, the rest given."""
    given = [f for f in decl.fields if decl.fill_of(f.name) is None]
    params = ", ".join(f"{java_type(model, f.type)} {camel(f.name)}" for f in given)
    args = []
    for f in decl.fields:
        fill = decl.fill_of(f.name)
        args.append(camel(f.name) if fill is None else _FILL_JAVA[fill.value])
    filled = ", ".join(f"`{name}` ({fill.value})" for name, fill in decl.fills)
    return (
        f"\n  /** Like the seed's `{decl.name}::new`: fills {filled}. */\n"
        f"  public static {decl.name} create({params}) {{\n"
        f"    return new {decl.name}({', '.join(args)});\n  }}\n"
    )


def union_file(model: WireModel, decl: TaggedUnion, head: str) -> str:
    tag = camel(decl.tag)
    permits = ", ".join(f"{decl.name}.{v.name}" for v in decl.variants)
    parts = [
        javadoc(decl.description),
        f"public sealed interface {decl.name} permits {permits} {{\n",
        f"  /** The variant's `{decl.tag}` on the wire. */\n  String {tag}();\n",
        node_id(model, decl),
    ]
    for v in decl.variants:
        parts.append("\n" + variant_record(model, decl, v, tag))
    return java_file(head, "".join(parts) + "}\n")


def variant_record(model: WireModel, union: TaggedUnion, v: Variant, tag: str) -> str:
    for f in v.fields:
        if camel(f.name) == tag:
            raise ValueError(f"{v.name}.{f.name} clashes with the tag accessor {tag}()")
    extra = f"  @Override\n  public String {tag}() {{\n    return {literal(v.wire_name)};\n  }}\n"
    extra = "".join(f"  {line}\n" if line else "\n" for line in extra.splitlines())
    doc = javadoc(f"`{union.tag}` = `{v.wire_name}`. {v.description}".strip(), "  ")
    return doc + record(model, v.name, v.fields, "  ", extra, f" implements {union.name}")


def node_id(model: WireModel, union: TaggedUnion) -> str:
    """The seed's EventKind::node_id(): Some only for the variants it lists. Static, since a
    record's own `nodeId` component accessor already has that name (and returns the field)."""
    listed = [v for v in union.variants if v.has_node_id_accessor]
    if not listed:
        return ""
    cases = "".join(
        f"    if (kind instanceof {v.name} v) return Optional.of(v.nodeId());\n" for v in listed
    )
    return (
        f"\n  /**\n   * The node this {union.name} is about, as the seed's `{union.name}::node_id()`: empty for\n"
        "   * the variants it does not list (some have a node_id field it ignores).\n   */\n"
        f"  static Optional<String> nodeId({union.name} kind) {{\n{cases}    return Optional.empty();\n  }}\n"
    )


def unit_enum_file(decl: UnitEnum, head: str) -> str:
    items = ",\n".join(f"  {constant(rust)}({literal(wire)})" for rust, wire in decl.variants)
    body = (
        f"{javadoc(decl.description)}public enum {decl.name} {{\n{items};\n\n"
        "  private final String wire;\n\n"
        f"  {decl.name}(String wire) {{\n    this.wire = wire;\n  }}\n\n"
        "  /** The name on the wire. */\n  public String wire() {\n    return wire;\n  }\n}\n"
    )
    return java_file(head, body)


def newtype_file(model: WireModel, decl: Newtype, head: str) -> str:
    inner = java_type(model, decl.inner)
    check = (
        ""
        if inner in {"boolean", "long", "double"}
        else '    Objects.requireNonNull(value, "value");\n'
    )
    ctor = f"  public {decl.name} {{\n{check}  }}\n" if check else ""
    # printed as the value it wraps (the UUID text), as it is written, not Name[value=...]
    to_string = (
        "\n  /** The value itself, as it is written (without JSON's quotes). */\n"
        "  @Override\n  public String toString() {\n    return String.valueOf(value);\n  }\n"
    )
    body = (
        f"{javadoc(decl.description + ' Written as its bare value, printed as it.')}"
        f"public record {decl.name}({inner} value) {{\n{ctor}{to_string}}}\n"
    )
    assert newtype(model, decl.inner) is None, "a newtype of a newtype"
    return java_file(head, body)
