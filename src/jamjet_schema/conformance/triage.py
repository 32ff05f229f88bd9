"""Where two outputs first differ: a JSON path when both are JSON, else a character.

The report shows it under each worked example; what the differences mean (their
cause) is causes.py's job.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

# ---- the first difference ---------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """Where two texts first differ: a JSON path when both are JSON and their values
    differ, else a character offset; `expected` and `actual` are what stands there."""

    expected: str
    actual: str
    path: str | None = None
    offset: int | None = None
    note: str = ""

    def __str__(self) -> str:
        where = f"at {self.path}" if self.path is not None else f"at character {self.offset}"
        note = f" ({self.note})" if self.note else ""
        return f"first difference {where}{note}: expected {self.expected}, got {self.actual}"


SHOWN = 80  # characters of each side of a difference


def first_difference(expected: str, actual: str) -> Difference:
    a, b = tree(expected), tree(actual)
    if a is not NOT_JSON and b is not NOT_JSON:
        found = _walk(a, b, "$")
        if found is not None:
            return found
        note = "the same JSON value, spelt differently"
    else:
        note = "the actual output is not JSON" if a is not NOT_JSON else ""
    at = differing_character(expected, actual)
    return Difference(_window(expected, at), _window(actual, at), offset=at, note=note)


def differing_character(a: str, b: str) -> int:
    """The offset of the first character where `a` and `b` differ."""
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


class Num(str):
    """A JSON number, as its text: `1` and `1.0` differ on the wire."""


class Obj(list[tuple[str, Any]]):
    """A JSON object as its members, in order, duplicates kept."""


NOT_JSON = object()


def tree(text: str) -> Any:
    try:
        return json.loads(
            text, object_pairs_hook=Obj, parse_int=Num, parse_float=Num, parse_constant=Num
        )
    except (ValueError, RecursionError):
        return NOT_JSON


def _walk(a: Any, b: Any, path: str) -> Difference | None:
    if isinstance(a, Obj) and isinstance(b, Obj):
        return _walk_object(a, b, path)
    if isinstance(a, list) and isinstance(b, list) and not isinstance(a, Obj | Num):
        if isinstance(b, Obj):
            return Difference(_json(a), _json(b), path)
        return _walk_array(a, b, path)
    if type(a) is not type(b) or a != b:
        return Difference(_json(a), _json(b), path)
    return None


def _walk_object(a: Obj, b: Obj, path: str) -> Difference | None:
    for i in range(max(len(a), len(b))):
        if i >= len(a) or i >= len(b) or a[i][0] != b[i][0]:
            note = f"member {i + 1}"
            return Difference(_member(a, i), _member(b, i), path, note=note)
        found = _walk(a[i][1], b[i][1], _child(path, a[i][0]))
        if found is not None:
            return found
    return None


def _walk_array(a: list[Any], b: list[Any], path: str) -> Difference | None:
    for i in range(max(len(a), len(b))):
        if i >= len(a) or i >= len(b):
            return Difference(_item(a, i), _item(b, i), f"{path}[{i}]")
        found = _walk(a[i], b[i], f"{path}[{i}]")
        if found is not None:
            return found
    return None


def _child(path: str, key: str) -> str:
    simple = key.isidentifier() and key.isascii()
    return f"{path}.{key}" if simple else f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def _member(obj: Obj, i: int) -> str:
    if i >= len(obj):
        return "no more members"
    key, value = obj[i]
    return _clip(f"{json.dumps(key, ensure_ascii=False)}:{_json(value)}")


def _item(items: list[Any], i: int) -> str:
    return _json(items[i]) if i < len(items) else "no more items"


def _json(value: Any) -> str:
    """A subtree as compact JSON, numbers as they were spelt, clipped."""
    return _clip(_dump(value))


def _dump(value: Any) -> str:
    if isinstance(value, Obj):
        members = (f"{json.dumps(k, ensure_ascii=False)}:{_dump(v)}" for k, v in value)
        return "{" + ",".join(members) + "}"
    if isinstance(value, Num):
        return str(value)
    if isinstance(value, list):
        return "[" + ",".join(_dump(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _clip(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN] + f"... [{len(text) - SHOWN} more chars]"


def _window(text: str, at: int) -> str:
    start = max(0, at - 20)
    shown = text[start : start + SHOWN]
    head = "..." if start else ""
    tail = "..." if start + SHOWN < len(text) else ""
    return json.dumps(head + shown + tail, ensure_ascii=False) if text else "(nothing)"
