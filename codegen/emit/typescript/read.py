"""src/read.ts: read* for each declaration, the fast path of parse* (src/decode.ts).

Each reader takes one declaration's members straight from the JSON text through the
runtime's Reader (runtime/reader.ts), which holds the rules and bails on anything it
does not take; parse* then runs the exact path (parseJson + decode*), so every error
is the exact path's. What is emitted here says only which Reader method reads each
field, and what serde does when a member is missing, twice or unknown.
"""

from __future__ import annotations

from codegen.model import (
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

from .decode import default_value
from .envelope import EVENTS_ARRAY, array_type, envelope, lists_events
from .imports import module
from .naming import READERS, constant, literal, prop
from .types import ts_type


def read_expr(model: WireModel, expr: TypeExpr, r: str = "r") -> str:
    """The TypeScript that reads one value of `expr` with the Reader `r`."""
    expr = model.resolve(expr)
    if isinstance(expr, ScalarType):
        return f"{r}.{READERS[expr.scalar]}()"
    if isinstance(expr, OptionType):
        return f"{r}.null() ? null : {read_expr(model, expr.inner, r)}"
    if isinstance(expr, VecType):
        element = element_reader(model, expr.inner, f"{r}{len(r)}")
        return f"{r}.vec({element})"
    assert isinstance(expr, NamedType)  # resolve() removed boxes, aliases, newtypes
    decl = model.decl(expr.name)
    if isinstance(decl, UnitEnum):
        return f"{r}.oneOf({constant(decl.name, 'VALUES')})"
    return f"read{decl.name}({r})"


def element_reader(model: WireModel, expr: TypeExpr, r: str) -> str:
    """A function reading one element: the declaration's reader itself where there is one."""
    resolved = model.resolve(expr)
    if isinstance(resolved, NamedType) and not isinstance(model.decl(resolved.name), UnitEnum):
        return f"read{resolved.name}"
    return f"({r}) => {read_expr(model, expr, r)}"


def local(index: int) -> str:
    return f"v{index}"


def member_case(model: WireModel, index: int, f: Field) -> str:
    """A known member: serde takes it once."""
    v = local(index)
    return (
        f"      case {literal(f.name)}:\n"
        f"        r.once({v});\n"
        f"        {v} = {read_expr(model, f.type)};\n"
        "        break;\n"
    )


def value_of(index: int, f: Field) -> str:
    """The field's value once the object is read, by what serde does when it is missing."""
    v = local(index)
    if f.on_missing is OnMissing.REJECT:
        return v  # checked: a missing one bailed
    if f.on_missing is OnMissing.NONE:
        return f"{v} ?? null"
    return f"{v} ?? {default_value(f)}"


def result(name: str, fields: tuple[Field, ...], first: str = "") -> str:
    """The object in the exact path's shape: properties in declaration order, those serde
    skips when None/empty absent, so its members come out as decode* gives them."""
    head = [first] if first else []
    tail: list[str] = []
    always_later = False  # a property serde always writes after one it may skip
    for index, f in enumerate(fields):
        value = value_of(index, f)
        if not tail and f.on_output is OnOutput.ALWAYS:
            head.append(f"{prop(f.name)}: {value}")
            continue
        target = f"out.{f.name}" if prop(f.name) == f.name else f"out[{literal(f.name)}]"
        if f.on_output is OnOutput.ALWAYS:
            always_later = True
            tail.append(f"  {target} = {value};\n")
        elif f.on_output is OnOutput.SKIP_IF_NONE:
            tail.append(f"  if ({local(index)} != null) {target} = {local(index)};\n")
        else:
            tail.append(
                f"  if ({local(index)} !== undefined && {local(index)}.length > 0) "
                f"{target} = {local(index)};\n"
            )
    # TypeScript wants every required property in the literal: cast when one comes later
    typed = f" as {name}" if always_later else ""
    annotation = "" if typed else f": {name}"
    literal_text = "{ " + ", ".join(head) + " }" if head else "{}"
    if not tail:
        return f"  return {literal_text};\n"
    return f"  const out{annotation} = {literal_text}{typed};\n" + "".join(tail) + "  return out;\n"


def locals_and_checks(fields: tuple[Field, ...]) -> tuple[str, str]:
    """The field's locals (undefined until read) and the check that none serde requires is missing."""
    lets = "".join(
        f"  let {local(i)}: {ts_type(f.type)} | undefined;\n" for i, f in enumerate(fields)
    )
    required = [f"{local(i)} === undefined" for i, f in enumerate(fields) if f.required_on_input]
    check = f"  if ({' || '.join(required)}) r.bail();\n" if required else ""
    return lets, check


def switch(model: WireModel, fields: tuple[Field, ...], tag: str | None) -> str:
    cases = "".join(member_case(model, i, f) for i, f in enumerate(fields))
    if tag is not None:  # the tag again: serde's duplicate field
        cases = f"      case {literal(tag)}:\n        return r.bail();\n" + cases
    return f"    switch (r.key()) {{\n{cases}      default:\n        r.skip();\n    }}\n"


def struct_reader(model: WireModel, decl: Struct) -> str:
    lets, check = locals_and_checks(decl.fields)
    return (
        f"/** {decl.name} from the text, or a bail (runtime/reader.ts). */\n"
        f"export function read{decl.name}(r: Reader): {decl.name} {{\n{lets}"
        f"  if (r.begin()) {{\n    do {{\n{indent(switch(model, decl.fields, None))}"
        f"    }} while (r.more());\n  }}\n"
        f"{check}{result(decl.name, decl.fields)}}}\n"
    )


def variant_reader(model: WireModel, union: TaggedUnion, v: Variant) -> str:
    lets, check = locals_and_checks(v.fields)
    tag = f"{prop(union.tag)}: {literal(v.wire_name)}"
    return (
        f"function read{v.name}(r: Reader): {v.name} {{\n{lets}"
        f"  while (r.more()) {{\n{switch(model, v.fields, union.tag)}  }}\n"
        f"{check}{result(v.name, v.fields, tag)}}}\n"
    )


def union_reader(model: WireModel, decl: TaggedUnion) -> str:
    table = constant(decl.name, "READERS")
    rows = "".join(f"  [{literal(v.wire_name)}, read{v.name}],\n" for v in decl.variants)
    kind = f"(r: Reader) => {decl.name}"
    head = (
        f"// {decl.name}'s variant readers by tag: one lookup, not a comparison per variant\n"
        f"const {table}: ReadonlyMap<string, {kind}> = new Map<string, {kind}>([\n{rows}]);\n\n"
        f"/** {decl.name} from the text when its tag comes first (as serde writes it), or a bail. */\n"
        f"export function read{decl.name}(r: Reader): {decl.name} {{\n"
        f"  const read = {table}.get(r.tag({literal(decl.tag)}));\n"
        "  return read === undefined ? r.bail() : read(r);\n}\n"
    )
    return "\n".join([head, *(variant_reader(model, decl, v) for v in decl.variants)])


def indent(text: str) -> str:
    return "".join(f"  {line}" if line.strip() else line for line in text.splitlines(True))


def api_readers(model: WireModel) -> list[str]:
    """The HTTP API's list of events, bare and in its envelope (envelope.py)."""
    array = (
        f"/** {EVENTS_ARRAY} from the text: Vec<{model.root}>, or a bail. */\n"
        f"export function read{EVENTS_ARRAY}(r: Reader): {EVENTS_ARRAY} {{\n"
        f"  return {read_expr(model, array_type(model))};\n}}\n"
    )
    return [array, struct_reader(model, envelope(model))]


def read_ts(model: WireModel) -> str:
    parts = []
    for decl in model.decls:
        if isinstance(decl, Struct):
            parts.append(struct_reader(model, decl))
        elif isinstance(decl, TaggedUnion):
            parts.append(union_reader(model, decl))
    parts += api_readers(model) if lists_events(model) else []
    intro = (
        "// JSON text -> typed values the fast way: each reader takes one declaration's\n"
        "// members straight from the text (runtime/reader.ts), and bails on anything it\n"
        "// does not take; parse* (src/decode.ts) then runs the exact path, which decides.\n"
    )
    return module(model, intro, "\n".join(parts))
