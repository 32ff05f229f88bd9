"""Errors in serde's words, located by one field-path notation.

Our validators raise PydanticCustomError("serde", <serde's message>), so a failed
parse is an ordinary pydantic ValidationError. Its `loc` is Pydantic's location: at a
tagged union it includes the variant's tag as a segment, as Pydantic's discriminated
unions do (("kind", "node_started", "attempt")).

The field path of a message is the JSON member path of the offending value from the
document root, without that tag segment (the tag is a member's value, not a member):
member names joined by `.`, array elements as `[i]`, a member name that is not an
identifier as `["name"]` (`json_path`). It is the TypeScript runtime's notation too.
`serde_message` renders the first error as serde words it, after that path:
"kind.attempt: invalid type: floating point `1.0`, expected u32", translating the few
errors Pydantic raises itself. A missing field is named in the message, at the object
that lacks it, as serde says it: "kind: missing field `attempt`".
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from jamjet_schema.wire import describe as describe  # serde's `Unexpected`; a Python value named
from jamjet_schema.wire import format_path as format_path  # the one field-path notation
from jamjet_schema.wire import messages
from jamjet_schema.wire._constants import EXPECTING_MAP, EXPECTING_SEQUENCE
from jamjet_schema.wire.errors import OTHER

ERROR_TYPE = "serde"
# Wire kinds of the classes the generator does not write (the API's containers,
# jamjet_schema.responses), by class name, for json_path: ("vec", inner), or
# ("fields", ((member, kind), ...)) for a struct.
CONTAINER_KINDS: dict[str, Any] = {}


def serde_error(message: str, rule: str | None = None) -> PydanticCustomError:
    """serde's refusal as a Pydantic error, with the rule it breaks (a Message's own
    unless `rule` says otherwise). The message goes in the context: a literal "{" in
    it must not be read as a placeholder."""
    said = rule or getattr(message, "rule", None) or OTHER
    return PydanticCustomError(ERROR_TYPE, "{message}", {"message": str(message), "rule": said})


class Missing:
    """A required member the input lacks, put in its place by the struct's plan, so that
    the field's own validator raises serde's `missing field` at the field's loc (where
    Pydantic's `missing` error would stand) in serde's words."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<missing field {self.name}>"

    def error(self) -> PydanticCustomError:
        return serde_error(messages.missing_field(self.name))


def json_error(title: str, message: str, rule: str | None = None) -> ValidationError:
    """A ValidationError for text serde_json refuses before any field is read."""
    detail: InitErrorDetails = {"type": serde_error(message, rule), "loc": (), "input": None}
    return ValidationError.from_exception_data(title, [detail], hide_input=True)


def retitled(err: ValidationError, title: str) -> ValidationError:
    """The same errors under another title (the class the caller asked for)."""
    details: list[InitErrorDetails] = []
    for error in err.errors(include_url=False):
        ctx = error.get("ctx") or {}
        serde = error["type"] == ERROR_TYPE
        kind = serde_error(ctx["message"], ctx["rule"]) if serde else error["type"]
        detail: InitErrorDetails = {"type": kind, "loc": error["loc"], "input": error["input"]}
        if ctx and error["type"] != ERROR_TYPE:
            detail["ctx"] = ctx
        details.append(detail)
    return ValidationError.from_exception_data(title, details, hide_input=True)


def json_path(title: str, loc: Sequence[int | str]) -> list[int | str]:
    """The JSON member path of a `loc` of a ValidationError titled `title` (the class
    validated): `loc` without the tag segments Pydantic adds at tagged unions.

    The loc is walked along the wire rules of the generated classes (the plans
    table); a class it does not know keeps its loc as it is."""
    tables = _tables()
    kind: Any = ("union", title) if title in tables.UNIONS else ("struct", title)
    kind = CONTAINER_KINDS.get(title, kind)
    if kind[0] == "struct" and title not in tables.CLASSES:
        return list(loc)
    out: list[int | str] = []
    for item in loc:
        while isinstance(kind, tuple) and kind[0] == "option":
            kind = kind[1]
        if isinstance(kind, tuple) and kind[0] == "union" and isinstance(item, str):
            kind = ("struct", _variant_classes(kind[1]).get(item))  # the tag: no member
            continue
        out.append(item)
        kind = _inner(tables, kind, item)
    return out


def _inner(tables: Any, kind: Any, item: int | str) -> Any:
    """The wire type at `item` inside a value of wire type `kind` (None: unknown)."""
    if not isinstance(kind, tuple):
        return None
    if kind[0] == "vec" and isinstance(item, int):
        return kind[1]
    if kind[0] == "fields":
        return dict(kind[1]).get(item)
    if kind[0] == "struct" and isinstance(item, str) and kind[1] in tables.CLASSES:
        fields = tables.CLASSES[kind[1]][1]
        return next((tp for name, tp, *_ in fields if name == item), None)
    return None


def _tables() -> Any:
    """The wire rules the generator wrote (CLASSES, UNIONS), loaded on first use."""
    return importlib.import_module("_jamjet_schema_generated.plans")


@functools.cache
def _variant_classes(root: str) -> dict[str, str]:
    """A tagged union's variant classes by tag: wire name -> class name."""
    tables = _tables()
    out = {}
    for name in tables.UNIONS[root][1]:
        for _, tp, *_ in tables.CLASSES[name][1]:
            if isinstance(tp, tuple) and tp[0] == "tag":
                out[tp[1]] = name
    return out


def _message(error: Any) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == ERROR_TYPE:
        return str(ctx["message"])
    if kind == "missing":
        return messages.missing_field(str(error["loc"][-1]))
    if kind == "union_tag_not_found":
        return messages.missing_field(ctx["discriminator"].strip(chr(39)), "tag")
    if kind == "union_tag_invalid":
        return messages.unknown_variant(ctx["tag"], re.findall(r"'([^']*)'", ctx["expected_tags"]))
    if kind == "literal_error":
        return messages.invalid_value(describe(error["input"]), ctx["expected"])
    if kind in ("model_type", "model_attributes_type", "dict_type", "is_instance_of"):
        name = ctx.get("class_name")
        return messages.invalid_type(
            describe(error["input"]), f"struct {name}" if name else EXPECTING_MAP
        )
    if kind == "list_type":
        return messages.invalid_type(describe(error["input"]), EXPECTING_SEQUENCE)
    return str(error["msg"])


# The rules of the errors Pydantic raises itself (the others are ours: serde's).
_PYDANTIC_RULES = {
    "missing": "required-field",
    "union_tag_not_found": "tag",
    "union_tag_invalid": "tag",
}


def _rule(error: Any) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == ERROR_TYPE:
        return str(ctx["rule"])
    return _PYDANTIC_RULES.get(kind, "wrong-type")


def serde_rule(err: ValidationError) -> str:
    """The corpus rule the first error breaks, as the validator that raised it says."""
    return _rule(err.errors(include_url=False)[0])


def serde_parts(err: ValidationError) -> tuple[str, str]:
    """The first error's field path (json_path, formatted; "" at the root) and serde's
    message for it. A missing field's path is the object that lacks it."""
    first = err.errors(include_url=False)[0]
    loc = tuple(first["loc"])
    if first["type"] == "missing" or isinstance(first["input"], Missing):
        loc = loc[:-1]  # serde names the missing field in the message, at its parent
    return format_path(json_path(err.title, loc)), _message(first)


def serde_message(err: ValidationError) -> str:
    """The first error as serde would word it, after the JSON member path of the
    offending value (of the object that lacks it, for a missing field)."""
    path, message = serde_parts(err)
    return f"{path}: {message}" if path else message
