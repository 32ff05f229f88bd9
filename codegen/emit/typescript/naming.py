"""Naming: TypeScript identifiers, literals and doc comments for the model's names,
and the runtime function that reads and writes each scalar."""

from __future__ import annotations

import json
import re
import textwrap

from codegen.model import Scalar, Struct, TaggedUnion, WireModel
from jamjet_schema.wiremodel.contract_constants import EVENTS_ARRAY, EVENTS_ENVELOPE

# Per scalar: the TypeScript type, the runtime decoder and the runtime writer.
# u64/i64 are bigint so that values beyond 2^53 are never rounded.
SCALARS: dict[Scalar, tuple[str, str, str]] = {
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

# Per scalar: the runtime Reader's method that reads it from the text (runtime/reader.ts,
# the fast path of parse*: read.py).
READERS: dict[Scalar, str] = {
    Scalar.STRING: "string",
    Scalar.BOOL: "bool",
    Scalar.U32: "u32",
    Scalar.U64: "u64",
    Scalar.I64: "i64",
    Scalar.F64: "f64",
    Scalar.TIMESTAMP: "timestamp",
    Scalar.UUID: "uuid",
    Scalar.JSON: "json",
}

# serialize<Name>Api: the HTTP API's form of serialize<Name> (encode.py).
API_SUFFIX = "Api"

_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def check_names(model: WireModel) -> None:
    """Declarations, variants and the HTTP API's types share one TypeScript namespace:
    refuse a clash."""
    names = type_names(model)
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


def text_literal(text: str) -> str:
    """A TypeScript string literal of `text`, single-quoted when that needs no escape
    (JSON text is full of double quotes)."""
    if "'" not in text and "\\" not in text and text.isprintable():
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False)


def key_text(name: str) -> str:
    """A member's key as serde_json writes it, with its colon: `"node_id":`."""
    return json.dumps(name, ensure_ascii=False) + ":"


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


def article(name: str) -> str:
    return "an" if name[0] in "AEIOU" else "a"


def protocol_decls(model: WireModel) -> list[Struct | TaggedUnion]:
    """The declarations that get parse*/serialize*: structs and tagged unions."""
    return model.documents


def type_names(model: WireModel) -> list[str]:
    """Every type types.ts declares: the model's, its variants, the HTTP API's two."""
    names = [d.name for d in model.decls]
    names += [v.name for u in model.of_kind(TaggedUnion) for v in u.variants]
    return [*names, EVENTS_ARRAY, EVENTS_ENVELOPE]
