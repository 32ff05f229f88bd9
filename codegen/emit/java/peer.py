"""The Java benchmark's peer (tests/java/bench): the same contract as plain Jackson
databinding, the way the runtime's hand-written Java port writes it.

Records with camelCase components named by PropertyNamingStrategies.SNAKE_CASE, a
polymorphic EventKind (@JsonTypeInfo on `type` + @JsonSubTypes), java.time.Instant for
timestamps, JsonNode for serde_json::Value, int for u32 and long for u64 (signed, as
the port has them), boxed types for Options. It is not serde-exact (that is the
point); it stands for "what a team writes instead of the package" in `nox -s bench`.
"""

from __future__ import annotations

import re

from codegen.emit.java.names import camel, literal
from codegen.header import header
from codegen.model import (
    Alias,
    BoxType,
    Field,
    NamedType,
    Newtype,
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

PATH = "tests/java/bench/src/main/java/dev/jamjet/bench/PlainRecords.java"

# Per scalar: the plain Java type and its boxed form.
_SCALARS: dict[Scalar, tuple[str, str]] = {
    Scalar.STRING: ("String", "String"),
    Scalar.BOOL: ("boolean", "Boolean"),
    Scalar.U32: ("int", "Integer"),
    Scalar.U64: ("long", "Long"),
    Scalar.I64: ("long", "Long"),
    Scalar.F64: ("double", "Double"),
    Scalar.TIMESTAMP: ("Instant", "Instant"),
    Scalar.UUID: ("UUID", "UUID"),
    Scalar.JSON: ("JsonNode", "JsonNode"),
}

_IMPORTS = """\
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
"""


def emit(model: WireModel) -> dict[str, str]:
    parts = [_declaration(model, decl) for decl in model.decls]
    body = "\n".join(part for part in parts if part)
    text = (
        f"{header(model, '//')}package dev.jamjet.bench;\n\n{_IMPORTS}\n"
        "/**\n"
        " * The benchmark's peer: the event types as plain Jackson databinding (SNAKE_CASE,\n"
        " * NON_NULL, a polymorphic EventKind), not serde-exact. Emitted by\n"
        " * codegen/emit/java/peer.py from the wire model.\n"
        " */\n"
        "public final class PlainRecords {\n"
        "  private PlainRecords() {}\n\n"
        f"{body}}}\n"
    )
    return {PATH: text}


def _declaration(model: WireModel, decl: object) -> str:
    if isinstance(decl, Struct):
        return _record(model, decl.name, decl.fields, "  ", "")
    if isinstance(decl, TaggedUnion):
        return _union(model, decl)
    if isinstance(decl, UnitEnum):
        items = ",\n".join(
            f"    @JsonProperty({literal(wire)}) {wire.upper()}" for _, wire in decl.variants
        )
        return f"  public enum {decl.name} {{\n{items}\n  }}\n"
    return ""  # aliases and newtypes are their target type here, as in the port


def _union(model: WireModel, decl: TaggedUnion) -> str:
    subtypes = ",\n".join(
        f"    @JsonSubTypes.Type(value = {decl.name}.{v.name}.class, name = {literal(v.wire_name)})"
        for v in decl.variants
    )
    records = "\n".join(
        _record(model, v.name, v.fields, "    ", f" implements {decl.name}") for v in decl.variants
    )
    return (
        f"  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = {literal(decl.tag)})\n"
        f"  @JsonSubTypes({{\n{subtypes}\n  }})\n"
        f"  public sealed interface {decl.name} {{\n{records}  }}\n"
    )


def _record(
    model: WireModel, name: str, fields: tuple[Field, ...], indent: str, implements: str
) -> str:
    comps = ", ".join(_component(model, f) for f in fields)
    line = f"{indent}public record {name}({comps}){implements} {{}}\n"
    if len(line) <= 100:
        return line
    each = ",\n".join(f"{indent}    {_component(model, f)}" for f in fields)
    return f"{indent}public record {name}(\n{each}){implements} {{}}\n"


def _component(model: WireModel, f: Field) -> str:
    name = camel(f.name)
    # SNAKE_CASE names the component; only a name it would not give back is spelt out
    rename = "" if _snake_case(name) == f.name else f"@JsonProperty({literal(f.name)}) "
    return f"{rename}{_java_type(model, f.type)} {name}"


def _snake_case(name: str) -> str:
    """What Jackson's SnakeCaseStrategy makes of a component name (ASCII names)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _java_type(model: WireModel, expr: TypeExpr, boxed: bool = False) -> str:
    if isinstance(expr, ScalarType):
        plain, box = _SCALARS[expr.scalar]
        return box if boxed else plain
    if isinstance(expr, BoxType):
        return _java_type(model, expr.inner, boxed)
    if isinstance(expr, OptionType):
        return _java_type(model, expr.inner, boxed=True)
    if isinstance(expr, VecType):
        return f"List<{_java_type(model, expr.inner, boxed=True)}>"
    assert isinstance(expr, NamedType)
    decl = model.decl(expr.name)
    if isinstance(decl, Alias):
        return _java_type(model, decl.target, boxed)
    if isinstance(decl, Newtype):
        return _java_type(model, decl.inner, boxed)
    return expr.name
