"""src/builders.ts: new* for the structs whose `new` fills fields itself (Struct.fills)."""

from __future__ import annotations

from codegen.model import Fill, Struct, WireModel

from .imports import module
from .naming import camel, doc, prop
from .types import ts_type

# What `new` puts in a field it fills itself, and how its doc comment says so:
# crypto.randomUUID like Uuid::new_v4(), Timestamp.now() like Utc::now().
_FILLS: dict[Fill, tuple[str, str]] = {
    Fill.UUID_V4: ("randomUuidV4()", "a random (v4) UUID"),
    Fill.NOW_UTC: (
        "Timestamp.now()",
        "the current time (Timestamp.now(): to the nanosecond where the platform has a nanosecond clock)",
    ),
}


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
