"""What serde does with the members of one model class, built once from its wire rules.

A ClassPlan answers the structural questions Pydantic does not ask the way serde
does: which members count (unknown ones are ignored, a known one given twice is
an error), how the sequence form maps to fields (declaration order; a missing
trailing element is an error unless the field is #[serde(default)]), which
positions hold a tagged union (they need the tag visible before Pydantic's
discriminated union can dispatch), and how serde_json writes each field.

The rules are data codegen writes from the wire model (plans.py beside the
generated models.py; see its docstring for the shape), so that they have one
source: nothing here reads them back from the Pydantic fields or annotations.

Writing: `write_canonical` runs the writer codegen emitted for the class (writers.py
beside the generated models.py: straight-line code, one join per object, the common
scalars written inline, with the helpers of models.writing); the ClassPlan's own
`write` is the reference it falls back to for anything unusual, and the writer of a
class the generator does not know.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel
from pydantic_core import PydanticCustomError

from jamjet_schema.wire import JsonObject, messages, write_json_string
from jamjet_schema.wire._constants import TRAILING_CHARACTERS

from . import types as rules
from .errors import Missing, describe, serde_error
from .public import defined_in
from .types import WireScalar

if TYPE_CHECKING:
    from pydantic.fields import FieldInfo

    from .base import TaggedUnionRoot, WireStruct

Writer = Callable[[Any], str]
Normalizer = Callable[[Any], Any]
WireType = str | tuple[str, Any]  # a scalar's name, or (constructor, argument)
FieldRules = tuple[str, WireType, str, str]  # (wire name, type, on_missing, on_output)
ClassRules = tuple[str, tuple[FieldRules, ...]]  # (expecting, fields)

# The table's names (codegen/emit/python.py writes them from the wire model's enums).
SCALARS: dict[str, WireScalar] = {
    "string": rules.STRING_RULE,
    "bool": rules.BOOL_RULE,
    "u32": rules.U32_RULE,
    "u64": rules.U64_RULE,
    "i64": rules.I64_RULE,
    "f64": rules.F64_RULE,
    "timestamp": rules.TIMESTAMP_RULE,
    "uuid": rules.UUID_RULE,
    "json": rules.VALUE_RULE,
}
SERDE_DEFAULT = {"reject": False, "none": False, "default": True}  # by on_missing
SKIPS: dict[str, Callable[[Any], bool] | None] = {  # skip_serializing_if, by on_output
    "always": None,
    "skip_if_none": lambda value: value is None,
    "skip_if_empty": lambda value: len(value) == 0,
}
OPTION, VEC, STRUCT, UNION, ENUM, TAG = "option", "vec", "struct", "union", "enum", "tag"
MODELS = (STRUCT, UNION)  # written by the writer of the value's own class
MISSING_TOLD = (STRUCT, UNION, ENUM, VEC)  # their validators (and scalars') say `missing field`


class WireMap(dict[str, Any]):
    """A JSON object bound for a tagged-union position, when serde would object to it.

    As a dict it holds the last value of each key, which is all Pydantic's
    discriminated union needs to find the tag. What serde would object to is kept
    beside it and raised by the variant the tag selects, so the error carries that
    variant's location: a repeated key, or a sequence form of the wrong length. An
    object serde has nothing against goes on as a plain dict (so that errors show the
    input as one).
    """

    __slots__ = ("duplicates", "error")

    def __init__(
        self,
        members: dict[str, Any],
        duplicates: frozenset[str] = frozenset(),
        error: PydanticCustomError | None = None,
    ) -> None:
        super().__init__(members)
        self.duplicates = duplicates
        self.error = error


@dataclass(frozen=True)
class FieldPlan:
    name: str
    key: str  # the member name as JSON, with its colon
    type: WireType
    on_output: str
    write: Writer
    skip: Callable[[Any], bool] | None  # skip_serializing_if
    normalize: Normalizer | None  # prepares a tagged-union position
    serde_default: bool  # #[serde(default)]: may be missing, even from the sequence form
    kind: str  # see field_kind
    required: bool = False  # serde rejects the input without it; its validator says so


@dataclass(frozen=True)
class ClassPlan:
    fields: tuple[FieldPlan, ...]
    known: frozenset[str]
    expecting: str  # serde's name for the type, in length errors
    required: frozenset[str] = frozenset()  # the `required` fields

    def members(self, data: Any) -> Any:
        """The input as Pydantic should see it; errors are raised in serde's words."""
        if isinstance(data, WireMap):
            return self._normalized(self._checked(data))
        if isinstance(data, JsonObject):
            return self._normalized(self._from_pairs(data.pairs))
        if isinstance(data, list):
            return self._normalized(self.from_sequence(data))
        if isinstance(data, dict):
            return self._normalized(data)
        if isinstance(data, Missing):
            raise data.error()
        if isinstance(data, BaseModel):
            return data  # an instance: Pydantic takes its own class's, refuses others
        name = self.expecting.split(" with ")[0]  # "struct Event"
        raise serde_error(messages.invalid_type(describe(data), name))

    def _checked(self, data: WireMap) -> dict[str, Any]:
        if data.error is not None:
            raise data.error
        repeated = data.duplicates & self.known
        if repeated:
            raise serde_error(messages.duplicate_field(min(repeated)))
        return dict(data)

    def _from_pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in self.known:  # unknown members are ignored, even repeated
                if key in out:
                    raise serde_error(messages.duplicate_field(key))
                out[key] = value
        return out

    def from_sequence(self, items: list[Any]) -> dict[str, Any]:
        """serde's visit_seq: elements are the fields in declaration order. An extra
        element is left to serde_json's end_seq, which calls it trailing characters
        (inside a buffered `kind` serde words it otherwise: KNOWN_DIFFERENCES.md)."""
        if len(items) > len(self.fields):
            raise serde_error(TRAILING_CHARACTERS, "json-syntax")
        out: dict[str, Any] = {}
        for index, field in enumerate(self.fields):
            if index < len(items):
                out[field.name] = items[index]
            elif not field.serde_default:
                raise serde_error(messages.invalid_length(index, self.expecting))
        return out

    def _normalized(self, data: dict[str, Any]) -> dict[str, Any]:
        out = data
        if not self.required <= data.keys():
            # serde's `missing field`, raised by each field's validator at the field's loc
            out = {**data, **{n: Missing(n) for n in self.required - data.keys()}}
        for field in self.fields:
            if field.normalize is not None and field.name in data:
                if out is data:
                    out = dict(data)
                out[field.name] = field.normalize(data[field.name])
        return out

    def write(self, instance: object) -> str:
        parts = []
        for field in self.fields:
            value = getattr(instance, field.name)
            if field.skip is None or not field.skip(value):
                parts.append(field.key + field.write(value))
        return "{" + ",".join(parts) + "}"


_PLANS: dict[type, ClassPlan] = {}


def plan_of(cls: type[WireStruct]) -> ClassPlan:
    plan = _PLANS.get(cls)
    if plan is None:
        if not cls.__pydantic_complete__:
            cls.model_rebuild()  # resolves forward references first
        plan = _PLANS[cls] = _build(cls)
    return plan


def _build(cls: type[WireStruct]) -> ClassPlan:
    expecting, rows = wire_rules(cls)
    fields = tuple(_field(defined_in(cls), *row) for row in rows)
    if tuple(f.name for f in fields) != tuple(cls.model_fields):
        raise TypeError(f"the wire rules of {cls.__qualname__} are not for its fields: regenerate")
    required = frozenset(f.name for f in fields if f.required)
    return ClassPlan(fields, frozenset(f.name for f in fields), expecting, required)


def wire_rules(cls: type) -> ClassRules:
    """The rules of `cls`: its own `__wire_plan__` (a hand-written class states them), or
    the entry codegen wrote for it in the plans module beside its models module."""
    own: ClassRules | None = cls.__dict__.get("__wire_plan__")
    return own if own is not None else _table(defined_in(cls)).CLASSES[cls.__name__]


@functools.cache
def _table(models_module: str) -> Any:
    return importlib.import_module(models_module.rpartition(".")[0] + ".plans")


def _field(module: str, name: str, tp: WireType, on_missing: str, on_output: str) -> FieldPlan:
    return FieldPlan(
        name=name,
        key=write_json_string(name) + ":",
        type=tp,
        on_output=on_output,
        write=_writer(tp),
        skip=SKIPS[on_output],
        normalize=_normalizer(module, tp),
        serde_default=SERDE_DEFAULT[on_missing],
        kind=_kind(tp),
        required=on_missing == "reject" and (isinstance(tp, str) or tp[0] in MISSING_TOLD),
    )


# -- type-directed builders --------------------------------------------------------------


def _writer(tp: WireType) -> Writer:
    """How serde_json writes a value of type `tp`."""
    if isinstance(tp, str):
        return SCALARS[tp].write
    constructor, inner = tp
    if constructor == OPTION:
        write_inner = _writer(inner)
        return lambda value: "null" if value is None else write_inner(value)
    if constructor == VEC:
        write_item = _writer(inner)
        return lambda items: "[" + ",".join(write_item(item) for item in items) + "]"
    if constructor == TAG:
        text = write_json_string(inner)
        return lambda _value: text
    if constructor == ENUM:
        return lambda member: write_json_string(member.value)
    if constructor in MODELS:
        return lambda model: plan_of(type(model)).write(model)
    raise TypeError(f"no serde_json writer for {tp!r}")


def _normalizer(module: str, tp: WireType) -> Normalizer | None:
    if isinstance(tp, str) or tp[0] not in (UNION, OPTION, VEC):
        return None
    constructor, inner = tp
    if constructor == UNION:
        return union_normalizer(_variants(module, inner))
    normalize = _normalizer(module, inner)
    if normalize is None:
        return None
    if constructor == OPTION:
        return lambda v: None if v is None else normalize(v)
    return lambda v: [normalize(x) for x in v] if isinstance(v, list) else v


def _kind(tp: WireType) -> str:
    if isinstance(tp, str):
        return "value" if tp == "json" else "scalar"
    constructor, inner = tp
    if constructor in (OPTION, VEC):
        return _kind(inner)
    return "model" if constructor in MODELS else "scalar"


def field_kind(info: FieldInfo) -> str:
    """What a field's value holds, through Optional and list: "model" (a nested struct
    or a tagged union's variant), "value" (serde_json::Value) or "scalar".

    Read from the plan of the class declaring the field; models.fast holds only its
    FieldInfo, so that class is looked up by the FieldInfo's identity."""
    found = _DECLARED.get(id(info))
    if found is None or found[0] is not info:  # a class made or rebuilt since: look again
        _DECLARED.update(_declarations())
        found = _DECLARED[id(info)]
    _, cls, name = found
    return next(f.kind for f in plan_of(cls).fields if f.name == name)


_DECLARED: dict[int, tuple[FieldInfo, type[WireStruct], str]] = {}


def _declarations() -> dict[int, tuple[FieldInfo, type[WireStruct], str]]:
    """Every field of every WireStruct class (those marked `__wire_struct__`, found among
    the models without importing base, which imports this module): id(FieldInfo) ->
    (it, its class, its name)."""
    out = {}
    classes: list[type[BaseModel]] = [BaseModel]
    while classes:
        cls = classes.pop()
        classes += cls.__subclasses__()
        if getattr(cls, "__wire_struct__", False):
            fields = cls.model_fields.items()
            out.update({id(info): (info, cast(Any, cls), name) for name, info in fields})
    return out


def _variants(module: str, root: str) -> tuple[type[TaggedUnionRoot], ...]:
    """The variant classes of the tagged union `root` of a generated models module."""
    _alias, names = _table(module).UNIONS[root]
    return tuple(getattr(sys.modules[module], name) for name in names)


def union_variants(alias: Any) -> tuple[type[TaggedUnionRoot], ...] | None:
    """The classes of a generated discriminated-union alias, or None if it is not one."""
    for root, (name, _variant_names) in _table(alias.__module__).UNIONS.items():
        if name == alias.__name__:
            return _variants(alias.__module__, root)
    return None


def _tag_of(variant: type) -> tuple[str, str]:
    """(the tag member, the variant's wire name), from the variant's rules."""
    _expecting, rows = wire_rules(variant)
    return next((name, tp[1]) for name, tp, *_ in rows if isinstance(tp, tuple) and tp[0] == TAG)


def union_normalizer(variants: tuple[type[TaggedUnionRoot], ...]) -> Normalizer:
    """Prepares the input of a tagged union: the tag visible in a dict, checks deferred."""
    tags = [_tag_of(v) for v in variants]
    tag = tags[0][0]
    by_tag = {wire: variant for (_, wire), variant in zip(tags, variants, strict=True)}

    def normalize(value: Any) -> Any:
        if isinstance(value, JsonObject):
            return _wire_map(value)
        if isinstance(value, list):
            return _sequence_map(value, tag, by_tag)
        return value

    return normalize


def _wire_map(obj: JsonObject) -> dict[str, Any]:
    members: dict[str, Any] = {}
    repeated: set[str] = set()
    for key, value in obj.pairs:
        if key in members:
            repeated.add(key)
        members[key] = value
    return WireMap(members, frozenset(repeated)) if repeated else members


def _sequence_map(
    items: list[Any], tag: str, by_tag: dict[str, type[TaggedUnionRoot]]
) -> dict[str, Any]:
    # serde reads the tag from the first element, the variant's fields from the rest.
    if not items:
        return {}  # the tag check reports the missing tag
    variant = by_tag.get(items[0]) if isinstance(items[0], str) else None
    if variant is None:
        return {tag: items[0]}  # the tag check reports the tag
    try:
        return _variant_from_sequence(variant, items)
    except PydanticCustomError as err:
        return WireMap({tag: items[0]}, error=err)


def _variant_from_sequence(variant: type[TaggedUnionRoot], items: list[Any]) -> dict[str, Any]:
    """serde's visit_seq of a struct variant, buffered: the tag, then its fields."""
    tag, *fields = plan_of(variant).fields
    given = items[1:]
    if len(given) > len(fields):
        raise serde_error(
            messages.invalid_length(len(given), f"{_elements(len(fields))} in sequence")
        )
    out = {tag.name: items[0]}
    for index, field in enumerate(fields):
        if index < len(given):
            out[field.name] = given[index]
        elif not field.serde_default:
            root = next(c for c in variant.__mro__ if "__wire_union__" in c.__dict__)
            expected = f"struct variant {root.__name__}::{variant.__name__}"
            raise serde_error(
                messages.invalid_length(index, f"{expected} with {_elements(len(fields))}")
            )
    return out


def _elements(count: int) -> str:
    return f"{count} element" if count == 1 else f"{count} elements"


class TagCheck:
    """The before-validator of a tagged union's alias: serde's verdict on the tag.

    Pydantic's discriminated union describes its own mechanism when the tag is missing,
    is not a string or names no variant, or when the value is not an object ("Unable
    to extract tag using discriminator"); serde says `missing field `type``,
    `invalid type: ..., expected variant identifier`, `unknown variant ...` and
    `invalid type: ..., expected internally tagged enum EventKind`. This check runs
    first, at the union's own location, and raises serde's error; a good tag goes on
    to the discriminated union, which dispatches to the variant.
    """

    def __init__(self, models_module: str, root: str) -> None:
        self.module, self.root = models_module, root

    @functools.cached_property
    def _rules(self) -> tuple[str, tuple[str, ...], Normalizer]:
        variants = _variants(self.module, self.root)
        tags = [_tag_of(v) for v in variants]
        return tags[0][0], tuple(wire for _, wire in tags), union_normalizer(variants)

    def __call__(self, value: Any) -> Any:
        tag, tags, normalize = self._rules
        if isinstance(value, JsonObject | list):
            value = normalize(value)
        if isinstance(value, dict):
            if tag not in value:
                raise serde_error(messages.missing_field(tag, "tag"))
            given = value[tag]
            if not isinstance(given, str):
                raise serde_error(messages.invalid_type(describe(given), "variant identifier"))
            if given not in tags:
                raise serde_error(messages.unknown_variant(given, tags))
            return value
        if isinstance(value, BaseModel):
            return value  # a variant built in Python (anything else: Pydantic says so)
        if isinstance(value, Missing):
            raise value.error()
        raise serde_error(
            messages.invalid_type(describe(value), f"internally tagged enum {self.root}")
        )


# -- the emitted writers ------------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")
# The writers codegen emitted (writers.py beside the generated models), loaded on first
# use; then, for each other class written, its reference writer.
_WRITERS: dict[type, Writer] = {}


def write_canonical(instance: object) -> str:
    """serde_json::to_string of a model: the text of its class's emitted writer, or, for
    anything that writer does not handle (values a validated model cannot hold, lone
    surrogates) and for a class without one, the ClassPlan's reference writer's text or
    error."""
    cls: Any = type(instance)
    try:
        text = (_WRITERS.get(cls) or _writer_of(cls))(instance)
    except Exception:
        return plan_of(cls).write(instance)
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return plan_of(cls).write(instance)  # raises serde_json's refusal


def _writer_of(cls: Any) -> Writer:
    if not _WRITERS:
        _WRITERS.update(_emitted_writers())
    writer = _WRITERS.get(cls)
    if writer is None:
        writer = _WRITERS[cls] = plan_of(cls).write
    return writer


def _emitted_writers() -> dict[type, Writer]:
    """The generated writers module's table, loaded on first use (importing the runtime
    imports no generated code)."""
    table: dict[type, Writer] = importlib.import_module("_jamjet_schema_generated.writers").WRITERS
    return table
