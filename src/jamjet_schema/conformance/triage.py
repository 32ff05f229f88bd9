"""Triage: failures grouped by symptom, and where two outputs first differ.

A symptom is (rule, the Rust type of the field the case covers, how it differs:
accepts what serde rejects / rejects what serde accepts / other bytes). A group is
one rule failing one way, its symptoms listed by Rust type: a bug in a rule shows as
one group over every type, a bug in one type as a group of that type alone. So the
groups, largest first, are the list of bugs to fix in the order of what each explains.

The Rust types come from the wire model of the schema shipped with the package (or
of the checkout); without it every type reads "?". The wire model is plain Python:
this module imports neither pydantic nor the generated models.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from jamjet_schema.conformance.corpus import Case
from jamjet_schema.conformance.runner import CaseResult

How = Literal["accepts what serde rejects", "rejects what serde accepts", "other bytes"]
HOWS: tuple[How, ...] = ("accepts what serde rejects", "rejects what serde accepts", "other bytes")
UNKNOWN_TYPE = "?"


# ---- symptoms and groups ---------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Symptom:
    rule: str
    rust_type: str
    how: How

    def __str__(self) -> str:
        return f"{self.rule} | {self.rust_type} | {self.how}"


@dataclass(frozen=True)
class Group:
    """Failures with one cause: one rule failed one way (over the symptoms of one or
    more Rust types, `by_type`, largest first), or a serde_json era's answers (`era`)."""

    title: str
    results: tuple[CaseResult, ...]  # the largest symptom's first: the worked example
    by_type: tuple[tuple[Symptom, tuple[CaseResult, ...]], ...] = ()
    era: str | None = None

    @property
    def example(self) -> CaseResult:
        return self.results[0]


def how(result: CaseResult) -> How:
    if result.case.output is None:
        return "accepts what serde rejects"
    if not result.actual.accepted:
        return "rejects what serde accepts"
    return "other bytes"


def symptom(result: CaseResult) -> Symptom:
    return Symptom(result.case.rule, rust_type(result.case), how(result))


def group(results: Iterable[CaseResult]) -> list[Group]:
    """The results by rule and how, most fixtures first; within each, by Rust type.

    A bug in how a rule is implemented fails that rule the same way over every type
    (one group); a bug in one type shows as a group with a single type."""
    symptoms = _largest_first(results, symptom)
    parents: dict[tuple[str, How], list[tuple[Symptom, tuple[CaseResult, ...]]]] = {}
    for s, rs in symptoms:
        parents.setdefault((s.rule, s.how), []).append((s, rs))
    groups = [_group(rule, how_, members) for (rule, how_), members in parents.items()]
    return sorted(groups, key=lambda g: (-len(g.results), g.title))


def _group(rule: str, how_: How, members: list[tuple[Symptom, tuple[CaseResult, ...]]]) -> Group:
    title = str(members[0][0]) if len(members) == 1 else f"{rule} | {how_}"
    results = tuple(r for _, rs in members for r in rs)
    return Group(title, results, tuple(members))


def _largest_first(
    results: Iterable[CaseResult], key: Callable[[CaseResult], Symptom]
) -> list[tuple[Symptom, tuple[CaseResult, ...]]]:
    by: dict[Symptom, list[CaseResult]] = {}
    for r in results:
        by.setdefault(key(r), []).append(r)
    ordered = sorted(by.items(), key=lambda item: (-len(item[1]), item[0]))
    return [(s, tuple(rs)) for s, rs in ordered]


# ---- the Rust type a case covers ----------------------------------------------------------


def rust_type(case: Case) -> str:
    """The Rust type of the field `case` covers; the type it parses when it names none."""
    if case.covers_field is None:
        return case.type_name
    types, field = _field_types(), case.covers_field
    found = types.get((case.type_name, case.covers_variant, field))
    return found or types.get((case.type_name, None, field), UNKNOWN_TYPE)


FieldKey = tuple[str, str | None, str]  # (type_name, variant or None, field)


@cache
def _field_types() -> dict[FieldKey, str]:
    schema = _schema_file()
    if schema is None:
        return {}
    from jamjet_schema.wiremodel import load_model  # only when there is a failure to group
    from jamjet_schema.wiremodel.model import Struct, TaggedUnion

    model = load_model(schema)
    out: dict[FieldKey, str] = {}
    for struct in model.of_kind(Struct):
        for f in struct.fields:
            out[(struct.name, None, f.name)] = _render(model, f.type)
    unions = model.of_kind(TaggedUnion)
    for union in unions:
        for variant in union.variants:
            for f in variant.fields:
                shown = _render(model, f.type)
                out[(union.name, variant.wire_name, f.name)] = shown
                # an Event case may cover a variant of its kind, and a struct's own field
                for struct in model.of_kind(Struct):
                    out.setdefault((struct.name, variant.wire_name, f.name), shown)
    return out


def _schema_file() -> Path | None:
    packaged = Path(str(files("jamjet_schema") / "event.schema.json"))  # in a wheel
    checkout = Path(__file__).resolve().parents[3] / "schema" / "event.schema.json"
    return next((p for p in (packaged, checkout) if p.is_file()), None)


_SHORT = {
    "chrono::DateTime<chrono::Utc>": "DateTime<Utc>",
    "uuid::Uuid": "Uuid",
    "serde_json::Value": "Value",
}


def _render(model: Any, expr: Any) -> str:
    """A type expression as Rust spells it, aliases and newtypes looked through."""
    from jamjet_schema.wiremodel.model import NamedType, OptionType, ScalarType, VecType

    expr = model.resolve(expr)
    if isinstance(expr, ScalarType):
        return _SHORT.get(expr.scalar.value, expr.scalar.value)
    if isinstance(expr, OptionType):
        return f"Option<{_render(model, expr.inner)}>"
    if isinstance(expr, VecType):
        return f"Vec<{_render(model, expr.inner)}>"
    if isinstance(expr, NamedType):
        return expr.name
    return UNKNOWN_TYPE


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
    a, b = _tree(expected), _tree(actual)
    if a is not _NOT_JSON and b is not _NOT_JSON:
        found = _walk(a, b, "$")
        if found is not None:
            return found
        note = "the same JSON value, spelt differently"
    else:
        note = "the actual output is not JSON" if a is not _NOT_JSON else ""
    at = differing_character(expected, actual)
    return Difference(_window(expected, at), _window(actual, at), offset=at, note=note)


def differing_character(a: str, b: str) -> int:
    """The offset of the first character where `a` and `b` differ."""
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


class _Num(str):
    """A JSON number, as its text: `1` and `1.0` differ on the wire."""


class _Obj(list[tuple[str, Any]]):
    """A JSON object as its members, in order, duplicates kept."""


_NOT_JSON = object()


def _tree(text: str) -> Any:
    try:
        return json.loads(
            text, object_pairs_hook=_Obj, parse_int=_Num, parse_float=_Num, parse_constant=_Num
        )
    except (ValueError, RecursionError):
        return _NOT_JSON


def _walk(a: Any, b: Any, path: str) -> Difference | None:
    if isinstance(a, _Obj) and isinstance(b, _Obj):
        return _walk_object(a, b, path)
    if isinstance(a, list) and isinstance(b, list) and not isinstance(a, _Obj | _Num):
        if isinstance(b, _Obj):
            return Difference(_json(a), _json(b), path)
        return _walk_array(a, b, path)
    if type(a) is not type(b) or a != b:
        return Difference(_json(a), _json(b), path)
    return None


def _walk_object(a: _Obj, b: _Obj, path: str) -> Difference | None:
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


def _member(obj: _Obj, i: int) -> str:
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
    if isinstance(value, _Obj):
        members = (f"{json.dumps(k, ensure_ascii=False)}:{_dump(v)}" for k, v in value)
        return "{" + ",".join(members) + "}"
    if isinstance(value, _Num):
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
