"""Errors in serde's words.

Our validators raise PydanticCustomError("serde", <serde's message>), so a failed
parse is an ordinary pydantic ValidationError whose `loc` is the field path (the
tag of a variant included: ("kind", "node_started", "attempt")). `serde_message`
renders one like serde does, path first: "kind.attempt: invalid type: floating
point `1.0`, expected u32", translating the few errors Pydantic raises itself.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from jamjet_schema.wire import JsonObject
from jamjet_schema.wire import describe as describe_node

ERROR_TYPE = "serde"


def serde_error(message: str) -> PydanticCustomError:
    # The message goes in the context: a literal "{" in it must not be read as a placeholder.
    return PydanticCustomError(ERROR_TYPE, "{message}", {"message": message})


def describe(value: Any) -> str:
    """serde's `Unexpected` for a JSON value, or the Python type of anything else."""
    if value is None or isinstance(value, bool | int | float | str | list | JsonObject):
        return describe_node(value)
    if isinstance(value, dict):
        return "map"
    return f"Python value of type {type(value).__name__}"


def json_error(title: str, message: str) -> ValidationError:
    """A ValidationError for text serde_json refuses before any field is read."""
    detail: InitErrorDetails = {"type": serde_error(message), "loc": (), "input": None}
    return ValidationError.from_exception_data(title, [detail])


def retitled(err: ValidationError, title: str) -> ValidationError:
    """The same errors under another title (the class the caller asked for)."""
    details: list[InitErrorDetails] = []
    for error in err.errors(include_url=False):
        ctx = error.get("ctx") or {}
        kind = serde_error(ctx["message"]) if error["type"] == ERROR_TYPE else error["type"]
        detail: InitErrorDetails = {"type": kind, "loc": error["loc"], "input": error["input"]}
        if ctx and error["type"] != ERROR_TYPE:
            detail["ctx"] = ctx
        details.append(detail)
    return ValidationError.from_exception_data(title, details)


def _dotted(loc: tuple[int | str, ...]) -> str:
    text = ""
    for item in loc:
        text += f"[{item}]" if isinstance(item, int) else (f".{item}" if text else str(item))
    return text


def _message(error: Any) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == ERROR_TYPE:
        return str(ctx["message"])
    if kind == "missing":
        return f"missing field `{error['loc'][-1]}`"
    if kind == "union_tag_not_found":
        return f"missing field `{ctx['discriminator'].strip(chr(39))}`"
    if kind == "union_tag_invalid":
        return f"unknown variant `{ctx['tag']}`, expected one of {ctx['expected_tags']}"
    if kind == "literal_error":
        return f"invalid value: {describe(error['input'])}, expected {ctx['expected']}"
    if kind in ("model_type", "model_attributes_type", "dict_type", "list_type", "is_instance_of"):
        expected = "a sequence" if kind == "list_type" else "a map"
        return (
            f"invalid type: {describe(error['input'])}, expected {ctx.get('class_name', expected)}"
        )
    return str(error["msg"])


def serde_message(err: ValidationError) -> str:
    """The first error as serde would word it, after the path of the offending value."""
    first = err.errors(include_url=False)[0]
    loc = tuple(first["loc"])
    if first["type"] == "missing":
        loc = loc[:-1]  # serde names the missing field in the message, at its parent
    path = _dotted(loc)
    return f"{path}: {_message(first)}" if path else _message(first)
