"""The Python runtime's writers and key counters, from the plans table of codegen/emit/python.py.

writers.py, beside the generated models: for each class of models.py, one function
writing an instance as serde_json does (`serde_json::to_string`), in straight-line code
made from the class's wire rules: the fields fetched from the instance's `__dict__` in
declaration order (the constant tag too, so that an instance without one goes to the
reference writer), the common scalars written inline (strings with the C
`encode_basestring`, integers with `str`, UUIDs from their integer), keys, bools and a
variant's tag as constants (adjacent constants as one), skip rules as conditional
expressions, and one join per object. WRITERS maps each class to its writer.
jamjet_schema.models.plan.write_canonical runs them and falls back to the ClassPlan's
reference writer for anything they do not handle; what they call is
jamjet_schema.models.writing's.

key_counts.py: for each class, how many object keys of a JSON text an instance kept
(its fields given, and those of the structs and variants it holds), the Values it holds
collected on the way; COUNTERS maps each class to its function. jamjet_schema.models.fast
compares that count with the text's keys.

The text is laid out as `ruff format` lays it out, by a small printer (below) for the few
shapes these functions have, so that the files pass ruff like the hand-written code while
the output does not depend on the ruff version installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from codegen.emit.python import (
    ENUM,
    OPTION,
    ROOT,
    STRUCT,
    TAG,
    UNION,
    VEC,
    PlanField,
    PlanType,
    plan_classes,
)
from codegen.header import header
from codegen.model import WireModel
from jamjet_schema.wire import write_json_string

RUNTIME = "jamjet_schema.models.writing"  # the helpers the writers call
HELPERS = ("write_f64", "write_model", "write_string", "write_uuid", "write_value")
LINE_LENGTH = 100  # pyproject's [tool.ruff] line-length


def emit(model: WireModel) -> dict[str, str]:
    classes = plan_classes(model)
    return {
        f"{ROOT}/writers.py": writers_py(model, classes),
        f"{ROOT}/key_counts.py": key_counts_py(model, classes),
    }


def writer_name(class_name: str) -> str:
    return f"write_{class_name}"


def counter_name(class_name: str) -> str:
    return f"count_{class_name}"


# -- the layout: a printer of groups, as ruff's -------------------------------------------
#
# A group is printed on one line if it fits in what is left of the line (up to the next
# line break outside it), else each of its line breaks starts a new line, at the indent
# of the group, or 4 more inside an Indent. An expanded group (a magic trailing comma)
# always breaks, and so do the groups around it.


@dataclass(frozen=True)
class Break:
    flat: str  # what it is when its group is on one line: " ", or nothing


@dataclass(frozen=True)
class Indent:
    parts: tuple[Doc, ...]


@dataclass(frozen=True)
class Group:
    parts: tuple[Doc, ...]
    expanded: bool = False


Doc = str | Break | Indent | Group | tuple["Doc", ...]
SPACE, SOFT = Break(" "), Break("")


def _expands(doc: Doc) -> bool:
    if isinstance(doc, str | Break):
        return False
    if isinstance(doc, Group) and doc.expanded:
        return True
    return any(_expands(part) for part in (doc if isinstance(doc, tuple) else doc.parts))


def _fits(width: int, doc: Doc, rest: list[tuple[int, bool, Doc]]) -> bool:
    """Whether `doc` on one line, and what follows it up to the next line break, fit."""
    todo: list[tuple[bool, Doc]] = [(True, doc)]
    queued = len(rest)
    while width >= 0:
        if not todo:
            if queued == 0:
                return True
            queued -= 1
            todo.append(rest[queued][1:])
            continue
        flat, item = todo.pop()
        if isinstance(item, str):
            width -= len(item)
        elif isinstance(item, Break):
            if not flat:
                return True
            width -= len(item.flat)
        elif isinstance(item, tuple):
            todo += [(flat, part) for part in reversed(item)]
        else:
            flat = flat and not (isinstance(item, Group) and item.expanded)
            todo += [(flat, part) for part in reversed(item.parts)]
    return False


def layout(doc: Doc, indent: int) -> list[str]:
    """The lines of `doc`, the first of them starting at column `indent`."""
    lines = [" " * indent]
    todo: list[tuple[int, bool, Doc]] = [(indent, False, doc)]
    while todo:
        at, flat, item = todo.pop()
        if isinstance(item, str):
            lines[-1] += item
        elif isinstance(item, Break):
            if flat:
                lines[-1] += item.flat
            else:
                lines.append(" " * at)
        elif isinstance(item, tuple):
            todo += [(at, flat, part) for part in reversed(item)]
        elif isinstance(item, Indent):
            todo += [(at + 4, flat, part) for part in reversed(item.parts)]
        else:
            if not flat and not _expands(item):
                flat = _fits(LINE_LENGTH - len(lines[-1]), item, todo)
            todo += [(at, flat, part) for part in reversed(item.parts)]
    return lines


def _parenthesized(opening: str, content: Doc, closing: str, expanded: bool = False) -> Group:
    return Group((opening, Indent((SOFT, content)), SOFT, closing), expanded)


def paren(inner: Doc) -> Group:
    return _parenthesized("(", inner, ")")


def conditional(body: Doc, test: str, orelse: Doc) -> Group:
    return Group((body, SPACE, f"if {test}", SPACE, "else ", orelse))


def concatenation(*operands: Doc) -> Group:
    parts: list[Doc] = [operands[0]]
    for operand in operands[1:]:
        parts += [SPACE, "+ ", operand]
    return Group(tuple(parts))


def call(function: Doc, argument: Doc) -> Doc:
    """`function(argument)`: a single argument, so no trailing comma when broken."""
    return (function, _parenthesized("(", argument, ")"))


def comprehension(element: Doc, clauses: tuple[Doc, ...]) -> Group:
    """`[element for ... in ... if ...]`: each clause after a break."""
    inner: list[Doc] = [element]
    for clause in clauses:
        inner += [SPACE, clause]
    return _parenthesized("[", Group(tuple(inner)), "]")


def subscript(value: str, key: str) -> Doc:
    return (value, _parenthesized("[", literal(key), "]"))


def statement(doc: Doc) -> list[str]:
    """A statement of a function body."""
    return layout(doc, 4)


def tuple_display(items: list[Doc]) -> Group:
    """`(a, b,)`: the trailing comma of two items or more is a magic one (always broken)."""
    parts: list[Doc] = []
    for index, item in enumerate(items):
        parts += [SPACE] if index else []
        parts += [item, ","]
    return _parenthesized("(", tuple(parts), ")", expanded=len(items) > 1)


def literal(text: str) -> str:
    """A str literal as ruff writes it: double quotes, unless they need more escapes."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    body = "".join(
        "\\" + char if char in ("\\", quote) else char if char.isprintable() else repr(char)[1:-1]
        for char in text
    )
    return quote + body + quote


# -- writers.py ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Constant:
    """The code of a value written as a constant: a variant's own tag."""

    text: str


Code = Doc | Constant


def as_doc(code: Code) -> Doc:
    return literal(code.text) if isinstance(code, Constant) else code


SKIP_TESTS = {"always": None, "skip_if_none": "{} is None", "skip_if_empty": "len({}) == 0"}


def _scalar(scalar: str, var: str) -> Doc:
    """How a scalar is written inline; each as its rule in jamjet_schema.models.types writes it."""
    if scalar == "bool":
        return paren(conditional(literal("true"), var, literal("false")))
    if scalar == "timestamp":
        return paren(f"{var}.to_json()")
    functions = {
        "string": "write_string",
        "u32": "str",
        "u64": "str",
        "i64": "str",
        "f64": "write_f64",
        "uuid": "write_uuid",
        "json": "write_value",
    }
    return paren(call(functions[scalar], var))


class _Writer:
    """The code writing the values of one class's fields."""

    def __init__(self) -> None:
        self.depth = 0  # names the items of each list

    def code(self, tp: PlanType, var: str) -> Code:
        """Code writing `var` (of type `tp`) as the reference writer does."""
        if isinstance(tp, str):
            return _scalar(tp, var)
        constructor, inner = tp
        if constructor == OPTION:
            some = as_doc(self.code(inner, var))
            return paren(conditional(literal("null"), f"{var} is None", some))
        if constructor == VEC:
            self.depth += 1
            item = f"_i{self.depth}"
            each = as_doc(self.code(inner, item))
            joined = call('",".join', comprehension(each, (f"for {item} in {var}",)))
            return paren(concatenation(literal("["), joined, literal("]")))
        if constructor == TAG:
            assert isinstance(inner, str)
            return Constant(write_json_string(inner))
        if constructor == ENUM:
            return call("write_string", f"{var}.value")
        if constructor in (STRUCT, UNION):
            # the writer of the model's own class (a subclass's may differ)
            writer = Group((f"WRITERS.get(type({var}))", SPACE, "or write_model"))
            return call(paren(writer), var)
        raise TypeError(f"no serde_json writer for {tp!r}")


def writer_function(class_name: str, fields: list[PlanField]) -> list[str]:
    """The function writing an instance of the class as the ClassPlan's reference writer
    does, for every instance a validated model can be: the fields in declaration order,
    skipped ones left out, in one pass."""
    lines = [f"def {writer_name(class_name)}(model: Any) -> str:"]
    if not fields:
        return [*lines, '    return "{}"']
    lines.append("    values = model.__dict__")
    writer = _Writer()
    written: list[tuple[str, Code, str | None]] = []  # (key, value code, skip test code)
    for index, (name, tp, _on_missing, on_output) in enumerate(fields):
        var = f"v{index}"
        test = SKIP_TESTS[on_output]
        skip = None if test is None else test.format(var)
        code = writer.code(tp, var)
        fetch = subscript("values", name)
        used = skip is not None or not isinstance(code, Constant)
        lines += statement((f"{var} = ", fetch) if used else fetch)
        written.append((write_json_string(name) + ":", code, skip))
    if written[0][2] is not None:  # the first field may be left out: commas between parts
        parts: list[Doc] = []
        for key, code, skip in written:
            member = concatenation(literal(key), as_doc(code))
            parts.append(paren(member if skip is None else conditional(literal(""), skip, member)))
        clauses: tuple[Doc, ...] = (("for part in ", tuple_display(parts)), "if part")
        lines += statement(("parts = ", comprehension("part", clauses)))
        return [*lines, '    return "{" + ",".join(parts) + "}"']
    pieces: list[Code] = [Constant("{")]
    for index, (key, code, skip) in enumerate(written):
        lead = key if index == 0 else "," + key
        if skip is None:
            pieces += [Constant(lead), code]
        else:
            member = concatenation(literal(lead), as_doc(code))
            pieces.append(paren(conditional(literal(""), skip, member)))
    pieces.append(Constant("}"))
    merged: list[Doc] = []  # adjacent constants as one literal
    constant = ""
    for piece in pieces:
        if isinstance(piece, Constant):
            constant += piece.text
            continue
        if constant:
            merged.append(literal(constant))
        merged.append(piece)
        constant = ""
    merged.append(literal(constant))  # the closing brace ends the last constant
    return lines + statement(("return ", call('"".join', tuple_display(merged))))


def writers_py(model: WireModel, classes: dict[str, list[PlanField]]) -> str:
    functions = "".join(
        "\n\n" + "\n".join(writer_function(name, fields)) + "\n" for name, fields in classes.items()
    )
    if any(writer_name(name) in HELPERS for name in classes):
        raise ValueError("a class's writer would be named as a helper: rename writer_name")
    table = "".join(f"    models.{name}: {writer_name(name)},\n" for name in classes)
    called = [name for name in HELPERS if re.search(rf"\b{name}\b", functions)]
    imports = "".join(f"    {name},\n" for name in called)
    helpers = f"from {RUNTIME} import (\n{imports})\n\n" if called else ""
    return (
        header(model, "#")
        + '"""serde_json\'s writer of each class of models.py, from its wire rules (plans.py):\n'
        "straight-line code writing what jamjet_schema.models.plan's reference writer writes,\n"
        "for every instance a validated model can be. jamjet_schema.models.plan.write_canonical\n"
        "runs them, and the reference writer for anything they do not handle (their text has\n"
        "a lone surrogate, or they raise). The functions they call are\n"
        f"{RUNTIME}'s; a nested model is written by the writer of its own class,\n"
        "or, for a class without one here, by the reference writer.\n"
        "\n"
        "WRITERS: class -> its writer.\n"
        '"""\n'
        "\n"
        "from collections.abc import Callable\n"
        "from typing import Any\n"
        "\n"
        f"{helpers}"
        "from . import models\n"
        f"{functions}"
        "\n\n"
        f"WRITERS: dict[type, Callable[[Any], str]] = {{\n{table}}}\n"
    )


# -- key_counts.py ------------------------------------------------------------------------


def field_kind(tp: PlanType) -> str:
    """What a field's value holds, through Option and Vec: "model" (a nested struct or a
    tagged union's variant), "value" (serde_json::Value) or "scalar", as
    jamjet_schema.models.plan.field_kind answers it from the same rules."""
    if isinstance(tp, str):
        return "value" if tp == "json" else "scalar"
    constructor, inner = tp
    if constructor in (OPTION, VEC):
        return field_kind(inner)
    return "model" if constructor in (STRUCT, UNION) else "scalar"


def counter_function(class_name: str, fields: list[PlanField]) -> list[str] | None:
    """The function counting the keys an instance of the class kept; None should a field
    be of a kind it cannot count (the class then has no entry, and no fast path)."""
    kinds = [(name, field_kind(tp)) for name, tp, *_ in fields]
    body = ["    kept = len(model.__pydantic_fields_set__)"]
    for name, kind in kinds:
        if kind == "value":
            body += statement(call("values.append", subscript("held", name)))
        elif kind == "model":
            body += statement(("inner = ", subscript("held", name)))
            body += [
                "    if type(inner) is list:",
                "        for item in inner:",
                "            kept += COUNTERS[type(item)](item, values)",
                "    elif inner is not None:",
                "        kept += COUNTERS[type(inner)](inner, values)",
            ]
        elif kind != "scalar":
            return None
    if any(kind != "scalar" for _, kind in kinds):
        body.insert(0, "    held = model.__dict__")
    signature = f"def {counter_name(class_name)}(model: Any, values: list[Any]) -> int:"
    return [signature, *body, "    return kept"]


def key_counts_py(model: WireModel, classes: dict[str, list[PlanField]]) -> str:
    counters = {name: counter_function(name, fields) for name, fields in classes.items()}
    made = {name: lines for name, lines in counters.items() if lines is not None}
    functions = "".join("\n\n" + "\n".join(lines) + "\n" for lines in made.values())
    table = "".join(f"    models.{name}: {counter_name(name)},\n" for name in made)
    return (
        header(model, "#")
        + '"""How many object keys of a JSON text an instance of each class of models.py kept:\n'
        "its fields given, and those of the structs and variants it holds, counted through\n"
        "them; the Values it holds are appended to `values` on the way.\n"
        "jamjet_schema.models.fast compares the count with the keys of the text it read.\n"
        "\n"
        "COUNTERS: class -> its count(model, values).\n"
        '"""\n'
        "\n"
        "from collections.abc import Callable\n"
        "from typing import Any\n"
        "\n"
        "from . import models\n"
        f"{functions}"
        "\n\n"
        f"COUNTERS: dict[type, Callable[[Any, list[Any]], int]] = {{\n{table}}}\n"
    )
