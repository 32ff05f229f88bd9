"""src/write.ts: print* for each declaration, the fast path of serialize* (src/encode.ts).

Each printer writes one declaration's log form as one string: the member prefixes
(`,"node_id":`) are constants here, each value is written by the same runtime leaf
writer the exact path uses, and nothing is located: on any problem it throws, and
serialize* runs the exact path (encode.ts's write*), which says where.
"""

from __future__ import annotations

import json

from codegen.model import (
    Field,
    NamedType,
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

from .envelope import EVENTS_ARRAY, array_type, envelope, lists_events
from .imports import module
from .naming import SCALARS, access, constant, key_text, literal, text_literal


def printer(model: WireModel, expr: TypeExpr, value: str) -> str:
    """The TypeScript that writes `value` (an expression read twice at most) in the log form."""
    expr = model.resolve(expr)
    if isinstance(expr, ScalarType):
        return f"{SCALARS[expr.scalar][2]}({value})"
    if isinstance(expr, OptionType):
        return f'({value} == null ? "null" : {printer(model, expr.inner, value)})'
    if isinstance(expr, VecType):
        return f"writeItems({value}, {element_printer(model, expr.inner)})"
    assert isinstance(expr, NamedType)  # resolve() removed boxes, aliases, newtypes
    decl = model.decl(expr.name)
    if isinstance(decl, UnitEnum):
        return f"writeUnitVariant({value}, {literal(decl.name)}, {constant(decl.name, 'VALUES')})"
    return f"print{decl.name}({value})"


def element_printer(model: WireModel, expr: TypeExpr) -> str:
    resolved = model.resolve(expr)
    if isinstance(resolved, NamedType) and not isinstance(model.decl(resolved.name), UnitEnum):
        return f"print{resolved.name}"
    if isinstance(resolved, ScalarType):
        return SCALARS[resolved.scalar][2]
    return f"(e) => {printer(model, expr, 'e')}"


class Members:
    """The statements that append a struct's members to `out`, in declaration order: a
    separator only after a member that is surely written (else one chosen at run time)."""

    def __init__(self, model: WireModel, first: str = "") -> None:
        self.model = model
        self.surely = bool(first)  # a member is written before the next one
        self.maybe = bool(first)  # a member may be written before the next one
        self.lines = [f"  let out = {text_literal('{' + first)};\n"]

    def add(self, f: Field) -> None:
        value = access("value", f.name)
        key = key_text(f.name)
        if self.surely:
            head = text_literal("," + key)
        elif not self.maybe:
            head = text_literal(key)
        else:
            head = f'(out.length > 1 ? "," : "") + {text_literal(key)}'
        write = printer(self.model, f.written_type, value)
        if f.on_output is OnOutput.ALWAYS:
            self.lines.append(f"  out += {head} + {write};\n")
            self.surely = True
        elif f.on_output is OnOutput.SKIP_IF_NONE:
            self.lines.append(f"  if ({value} != null) out += {head} + {write};\n")
        else:  # skipped when absent or empty, as memberUnlessEmpty
            skip = f"{value} === undefined || (Array.isArray({value}) && {value}.length === 0)"
            self.lines.append(f"  if (!({skip})) out += {head} + {write};\n")
        self.maybe = True

    def body(self, fields: tuple[Field, ...]) -> str:
        for f in fields:
            self.add(f)
        return "".join(self.lines) + '  return out + "}";\n'


def struct_printer(model: WireModel, decl: Struct) -> str:
    return (
        f"/** {decl.name} in the log form, or a throw (serialize{decl.name} then says where). */\n"
        f"export function print{decl.name}(value: {decl.name}): string {{\n"
        f"  checkObject(value, {literal(decl.name)});\n"
        f"{Members(model).body(decl.fields)}}}\n"
    )


def variant_printer(model: WireModel, union: TaggedUnion, v: Variant) -> str:
    tag = key_text(union.tag) + json.dumps(v.wire_name, ensure_ascii=False)
    return (
        f"function print{v.name}(value: {v.name}): string {{\n"
        f"{Members(model, tag).body(v.fields)}}}\n"
    )


def union_printer(model: WireModel, decl: TaggedUnion) -> str:
    table = constant(decl.name, "PRINTERS")
    rows = "".join(f"  [{literal(v.wire_name)}, print{v.name}],\n" for v in decl.variants)
    # each printer takes its own variant only (hence `never`): the one found by the tag
    kind = "(value: never) => string"
    head = (
        f"// {decl.name}'s variant printers by tag: one lookup, not a comparison per variant\n"
        f"const {table}: ReadonlyMap<unknown, {kind}> = new Map<unknown, {kind}>([\n{rows}]);\n\n"
        f"/** {decl.name} in the log form: the tag first, then the fields; or a throw. */\n"
        f"export function print{decl.name}(value: {decl.name}): string {{\n"
        f"  checkObject(value, {literal(decl.name)});\n"
        f"  const print = {table}.get({access('value', decl.tag)});\n"
        f"  if (print === undefined) throw unknownTag({literal(decl.name)}, {literal(decl.tag)}, value);\n"
        "  return print(value as never);\n}\n"
    )
    return "\n".join([head, *(variant_printer(model, decl, v) for v in decl.variants)])


def api_printers(model: WireModel) -> list[str]:
    """The HTTP API's list of events, bare and in its envelope (envelope.py)."""
    array = (
        f"/** {EVENTS_ARRAY} in the log form: a JSON array of {model.root}; or a throw. */\n"
        f"export function print{EVENTS_ARRAY}(value: {EVENTS_ARRAY}): string {{\n"
        f"  return {printer(model, array_type(model), 'value')};\n}}\n"
    )
    return [array, struct_printer(model, envelope(model))]


def write_ts(model: WireModel) -> str:
    parts = []
    for decl in model.decls:
        if isinstance(decl, Struct):
            parts.append(struct_printer(model, decl))
        elif isinstance(decl, TaggedUnion):
            parts.append(union_printer(model, decl))
    parts += api_printers(model) if lists_events(model) else []
    intro = (
        "// Typed values -> the log form's text the fast way: one string per value, the\n"
        "// members' prefixes written out here, each value by the runtime's leaf writers;\n"
        "// nothing located. serialize* (src/encode.ts) runs the exact path on a throw.\n"
    )
    return module(model, intro, "\n".join(parts))
