"""Java names and types for the wire model: camelCase components, boxed types for Options."""

from __future__ import annotations

import json
import re
import textwrap

from codegen.model import (
    Alias,
    BoxType,
    Field,
    NamedType,
    Newtype,
    OptionType,
    Scalar,
    ScalarType,
    TypeExpr,
    VecType,
    WireModel,
)

PACKAGE = "dev.jamjet.schema"
WIRE = f"{PACKAGE}.wire"

# Per scalar: the Java type, its boxed form, the reader (a Function<Node, T>).
# u32 is a long (0..2^32-1 checked); u64 a long holding the 64 bits, unsigned.
SCALARS: dict[Scalar, tuple[str, str, str]] = {
    Scalar.STRING: ("String", "String", "Reads::readString"),
    Scalar.BOOL: ("boolean", "Boolean", "Reads::readBool"),
    Scalar.U32: ("long", "Long", "Reads::readU32"),
    Scalar.U64: ("long", "Long", "Reads::readU64"),
    Scalar.I64: ("long", "Long", "Reads::readI64"),
    Scalar.F64: ("double", "Double", "Reads::readF64"),
    Scalar.TIMESTAMP: ("Timestamp", "Timestamp", "Reads::readTimestamp"),
    Scalar.UUID: ("UUID", "UUID", "Reads::readUuid"),
    Scalar.JSON: ("JsonValue", "JsonValue", "Reads::readValue"),
}

KEYWORDS = frozenset(
    [
        "abstract",
        "assert",
        "boolean",
        "break",
        "byte",
        "case",
        "catch",
        "char",
        "class",
        "const",
        "continue",
        "default",
        "do",
        "double",
        "else",
        "enum",
        "extends",
        "final",
        "finally",
        "float",
        "for",
        "goto",
        "if",
        "implements",
        "import",
        "instanceof",
        "int",
        "interface",
        "long",
        "native",
        "new",
        "package",
        "private",
        "protected",
        "public",
        "return",
        "short",
        "static",
        "strictfp",
        "super",
        "switch",
        "synchronized",
        "this",
        "throw",
        "throws",
        "transient",
        "try",
        "void",
        "volatile",
        "while",
        "true",
        "false",
        "null",
        "record",
        "var",
        "yield",
        "sealed",
        "permits",
    ]
)


def camel(name: str) -> str:
    """`execution_id` -> `executionId`; a Java keyword gets a trailing underscore."""
    head, *rest = name.split("_")
    out = head + "".join(part.capitalize() for part in rest)
    return out + "_" if out in KEYWORDS else out


def constant(name: str) -> str:
    """`ProvenanceMetadata` -> `PROVENANCE_METADATA`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


def literal(text: str) -> str:
    """A Java string literal (JSON escapes are Java escapes for these texts)."""
    return json.dumps(text, ensure_ascii=True)


def javadoc(text: str, indent: str = "") -> str:
    if not text:
        return ""
    safe = text.replace("*/", "*&#47;").replace("@", "{@literal @}")
    safe = safe.replace("<", "&lt;").replace(">", "&gt;")
    lines = [
        w for line in safe.splitlines() for w in (textwrap.wrap(line, 92 - len(indent)) or [""])
    ]
    body = "".join(f"{indent} * {line}".rstrip() + "\n" for line in lines)
    return f"{indent}/**\n{body}{indent} */\n"


def java_type(model: WireModel, expr: TypeExpr, boxed: bool = False) -> str:
    if isinstance(expr, ScalarType):
        plain, box, _ = SCALARS[expr.scalar]
        return box if boxed else plain
    if isinstance(expr, BoxType):
        return java_type(model, expr.inner, boxed)
    if isinstance(expr, OptionType):
        return java_type(model, expr.inner, boxed=True)
    if isinstance(expr, VecType):
        return f"List<{java_type(model, expr.inner, boxed=True)}>"
    decl = model.decl(expr.name)
    if isinstance(decl, Alias):
        return java_type(model, decl.target, boxed)
    return expr.name


def is_reference(model: WireModel, f: Field) -> bool:
    """Whether the component is a reference type that must not be null (not an Option)."""
    if isinstance(f.type, OptionType):
        return False
    return java_type(model, f.type) not in {"boolean", "long", "double"}


def base(model: WireModel, expr: TypeExpr) -> TypeExpr:
    """Looks through boxes and aliases (not newtypes, which are records of their own)."""
    while True:
        if isinstance(expr, BoxType):
            expr = expr.inner
        elif isinstance(expr, NamedType) and isinstance(model.decl(expr.name), Alias):
            target = model.decl(expr.name)
            assert isinstance(target, Alias)
            expr = target.target
        else:
            return expr


def newtype(model: WireModel, expr: TypeExpr) -> Newtype | None:
    expr = base(model, expr)
    if isinstance(expr, NamedType):
        decl = model.decl(expr.name)
        if isinstance(decl, Newtype):
            return decl
    return None
