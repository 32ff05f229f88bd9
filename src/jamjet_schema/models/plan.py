"""What serde does with the members of one model class, derived once from its fields.

A ClassPlan answers the structural questions Pydantic does not ask the way serde
does: which members count (unknown ones are ignored, a known one given twice is
an error), how the sequence form maps to fields (declaration order; a missing
trailing element is an error unless the field is #[serde(default)]), which
positions hold a tagged union (they need the tag visible before Pydantic's
discriminated union can dispatch), and how serde_json writes each field.

Writing: `write_canonical` runs a writer compiled once per class (compile_writer:
straight-line code, one join per object, the common scalars written inline); the
ClassPlan's own `write` is the reference it falls back to for anything unusual.
"""

from __future__ import annotations

import ast
import enum
import json.encoder
import re
import types
import typing
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError
from typing_extensions import TypeAliasType

from jamjet_schema.wire import JsonObject, format_f64, write_json_string

from . import types as rules
from .errors import serde_error
from .types import WireScalar
from .values import write_json_value

if TYPE_CHECKING:
    from .base import TaggedUnionRoot, WireStruct

SKIP_KEY = "x-serde-skip-serializing-if"
DEFAULT_KEY = "x-serde-default"

Writer = Callable[[Any], str]
Normalizer = Callable[[Any], Any]


class WireMap(dict[str, Any]):
    """A JSON object bound for a tagged-union position.

    As a dict it holds the last value of each key, which is all Pydantic's
    discriminated union needs to find the tag. What serde would object to is kept
    beside it and raised by the variant the tag selects, so the error carries that
    variant's location: a repeated key, or a sequence form of the wrong length.
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
    write: Writer
    skip: Callable[[Any], bool] | None  # skip_serializing_if
    normalize: Normalizer | None  # prepares a tagged-union position
    serde_default: bool  # #[serde(default)]: may be missing, even from the sequence form


@dataclass(frozen=True)
class ClassPlan:
    fields: tuple[FieldPlan, ...]
    known: frozenset[str]
    expecting: str  # serde's name for the type, in length errors

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
        return data  # an instance, or a wrong type Pydantic reports itself

    def _checked(self, data: WireMap) -> WireMap:
        if data.error is not None:
            raise data.error
        repeated = data.duplicates & self.known
        if repeated:
            raise serde_error(f"duplicate field `{min(repeated)}`")
        return data

    def _from_pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in self.known:  # unknown members are ignored, even repeated
                if key in out:
                    raise serde_error(f"duplicate field `{key}`")
                out[key] = value
        return out

    def from_sequence(self, items: list[Any]) -> dict[str, Any]:
        """serde's visit_seq: elements are the fields in declaration order."""
        if len(items) > len(self.fields):
            raise serde_error(f"invalid length {len(items)}, expected {self.expecting}")
        out: dict[str, Any] = {}
        for index, field in enumerate(self.fields):
            if index < len(items):
                out[field.name] = items[index]
            elif not field.serde_default:
                raise serde_error(f"invalid length {index}, expected {self.expecting}")
        return out

    def _normalized(self, data: dict[str, Any]) -> dict[str, Any]:
        out = data
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
    fields = tuple(_field(name, info) for name, info in cls.model_fields.items())
    expecting = f"struct {cls.__name__} with {len(fields)} elements"
    return ClassPlan(fields, frozenset(f.name for f in fields), expecting)


def _field(name: str, info: FieldInfo) -> FieldPlan:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    tp = _annotated(info)
    return FieldPlan(
        name=name,
        key=write_json_string(name) + ":",
        write=writer_for(tp),
        skip=_SKIPS[str(extra[SKIP_KEY])] if SKIP_KEY in extra else None,
        normalize=_normalizer_for(tp),
        serde_default=bool(extra.get(DEFAULT_KEY, False)),
    )


def _annotated(info: FieldInfo) -> Any:
    """The field's type with its metadata, as it was declared."""
    return typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


_SKIPS: dict[str, Callable[[Any], bool]] = {
    "Option::is_none": lambda value: value is None,
    "Vec::is_empty": lambda value: len(value) == 0,
}


# -- type-directed builders --------------------------------------------------------------


def _unwrap(tp: Any) -> tuple[Any, list[Any]]:
    """(the bare type, its Annotated metadata), looking through type aliases."""
    metadata: list[Any] = []
    while True:
        if isinstance(tp, TypeAliasType):
            tp = tp.__value__
        elif typing.get_origin(tp) is typing.Annotated:
            tp, *more = typing.get_args(tp)
            metadata += more
        else:
            return tp, metadata


def _optional_inner(tp: Any) -> Any | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return args[0]
    return None


def union_variants(tp: Any) -> tuple[type[TaggedUnionRoot], ...] | None:
    """The classes of a discriminated union, or None if `tp` is not one."""
    bare, metadata = _unwrap(tp)
    if not any(isinstance(m, FieldInfo) and m.discriminator for m in metadata):
        return None
    return typing.get_args(bare)


def writer_for(tp: Any) -> Writer:
    """How serde_json writes a value of type `tp`."""
    bare, metadata = _unwrap(tp)
    rule = next((m for m in metadata if isinstance(m, WireScalar)), None)
    if rule is not None:
        return rule.write
    inner = _optional_inner(bare)
    if inner is not None:
        write_inner = writer_for(inner)
        return lambda value: "null" if value is None else write_inner(value)
    if typing.get_origin(bare) is list:
        write_item = writer_for(typing.get_args(bare)[0])
        return lambda items: "[" + ",".join(write_item(item) for item in items) + "]"
    if typing.get_origin(bare) is typing.Literal:
        text = write_json_string(typing.get_args(bare)[0])
        return lambda _value: text
    if isinstance(bare, type) and issubclass(bare, enum.Enum):
        return lambda member: write_json_string(member.value)
    if union_variants(tp) is not None or isinstance(bare, type):
        return lambda model: plan_of(type(model)).write(model)  # a nested model or variant
    raise TypeError(f"no serde_json writer for {tp!r}")


def _normalizer_for(tp: Any) -> Normalizer | None:
    variants = union_variants(tp)
    if variants is not None:
        return union_normalizer(variants)
    bare, _ = _unwrap(tp)
    inner = _optional_inner(bare)
    if inner is not None:
        normalize = _normalizer_for(inner)
        return None if normalize is None else (lambda v: None if v is None else normalize(v))
    if typing.get_origin(bare) is list:
        item = _normalizer_for(typing.get_args(bare)[0])
        return (
            None if item is None else (lambda v: [item(x) for x in v] if isinstance(v, list) else v)
        )
    return None


def union_normalizer(variants: tuple[type[TaggedUnionRoot], ...]) -> Normalizer:
    """Prepares the input of a tagged union: the tag visible in a dict, checks deferred."""
    tag = variants[0].__wire_tag__
    by_tag = {v.model_fields[tag].default: v for v in variants}

    def normalize(value: Any) -> Any:
        if isinstance(value, JsonObject):
            return _wire_map(value)
        if isinstance(value, list):
            return _sequence_map(value, tag, by_tag)
        return value

    return normalize


def _wire_map(obj: JsonObject) -> WireMap:
    members: dict[str, Any] = {}
    repeated: set[str] = set()
    for key, value in obj.pairs:
        if key in members:
            repeated.add(key)
        members[key] = value
    return WireMap(members, frozenset(repeated))


def _sequence_map(items: list[Any], tag: str, by_tag: dict[str, type[TaggedUnionRoot]]) -> WireMap:
    # serde reads the tag from the first element, the variant's fields from the rest.
    if not items:
        return WireMap({})  # the union reports the missing tag
    variant = by_tag.get(items[0]) if isinstance(items[0], str) else None
    if variant is None:
        return WireMap({tag: items[0]})  # the union reports the unknown tag
    try:
        return WireMap(plan_of(variant).from_sequence(items))
    except PydanticCustomError as err:
        return WireMap({tag: items[0]}, error=err)


def field_kind(info: FieldInfo) -> str:
    """What a field's value holds, through Optional and list: "model" (a nested struct
    or a tagged union's variant), "value" (serde_json::Value), "scalar", or "other"."""
    return _kind_of(_annotated(info))


def _kind_of(tp: Any) -> str:
    if union_variants(tp) is not None:
        return "model"
    bare, metadata = _unwrap(tp)
    rule = next((m for m in metadata if isinstance(m, WireScalar)), None)
    if rule is not None:
        return "value" if rule is rules.VALUE_RULE else "scalar"
    inner = _optional_inner(bare)
    if inner is not None:
        return _kind_of(inner)
    if typing.get_origin(bare) is list:
        return _kind_of(typing.get_args(bare)[0])
    if typing.get_origin(bare) is typing.Literal:
        return "scalar"
    from pydantic import BaseModel

    if isinstance(bare, type) and issubclass(bare, BaseModel):
        return "model"
    if isinstance(bare, type) and issubclass(bare, enum.Enum):
        return "scalar"
    return "other"


# -- compiled writers ---------------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")
_WRITERS: dict[type, Writer] = {}


def write_canonical(instance: object) -> str:
    """serde_json::to_string of a model: its compiled writer's text, or, for anything
    that writer does not handle (values a validated model cannot hold, lone
    surrogates), the ClassPlan's reference writer's text or error."""
    cls: Any = type(instance)
    try:
        text = (_WRITERS.get(cls) or _compiled(cls))(instance)
    except Exception:
        return plan_of(cls).write(instance)
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return plan_of(cls).write(instance)  # raises serde_json's refusal


def _compiled(cls: type) -> Writer:
    writer = _WRITERS.get(cls)
    if writer is None:
        writer = _WRITERS[cls] = compile_writer(cls)
    return writer


def _write_uuid(value: uuid.UUID) -> str:
    """`'"' + str(value) + '"'`, without UUID.__str__'s tuple formatting."""
    if type(value) is uuid.UUID:
        digits = f"{value.int:032x}"
        return f'"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"'
    return '"' + str(value) + '"'


def _write_nested(model: object) -> str:
    return (_WRITERS.get(type(model)) or _compiled(type(model)))(model)


_INLINE: dict[int, str] = {  # id(rule) -> the expression writing `{}`, as rule.write does
    id(rules.STRING_RULE): "_string({})",
    id(rules.BOOL_RULE): "('true' if {} else 'false')",
    id(rules.U32_RULE): "_str({})",
    id(rules.U64_RULE): "_str({})",
    id(rules.I64_RULE): "_str({})",
    id(rules.F64_RULE): "_f64({})",
    id(rules.TIMESTAMP_RULE): "{}.to_json()",
    id(rules.UUID_RULE): "_uuid({})",
    id(rules.VALUE_RULE): "_value({})",
}


class _Source:
    """The namespace and helpers of one compiled writer."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {
            "_string": json.encoder.encode_basestring,  # = write_json_string but the check
            "_str": str,
            "_f64": format_f64,
            "_value": write_json_value,
            "_model": _write_nested,
            "_writers": _WRITERS,
            "_uuid": _write_uuid,
        }
        self.depth = 0

    def constant(self, value: object) -> str:
        name = f"_k{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def expression(self, tp: Any, var: str) -> str:
        """Python code writing `var` (of type `tp`) as writer_for(tp) does."""
        bare, metadata = _unwrap(tp)
        rule = next((m for m in metadata if isinstance(m, WireScalar)), None)
        if rule is not None:
            inline = _INLINE.get(id(rule))
            if inline is None:
                return f"{self.constant(rule.write)}({var})"
            return "(" + inline.format(var) + ")"
        inner = _optional_inner(bare)
        if inner is not None:
            return f"('null' if {var} is None else {self.expression(inner, var)})"
        if typing.get_origin(bare) is list:
            self.depth += 1
            item = f"_i{self.depth}"
            each = self.expression(typing.get_args(bare)[0], item)
            return f"('[' + ','.join([{each} for {item} in {var}]) + ']')"
        if typing.get_origin(bare) is typing.Literal:
            return repr(write_json_string(typing.get_args(bare)[0]))
        if isinstance(bare, type) and issubclass(bare, enum.Enum):
            return f"_string({var}.value)"
        if union_variants(tp) is not None or isinstance(bare, type):
            # the writer of the model's class, compiled on first use
            return f"(_writers.get(type({var})) or _model)({var})"
        raise TypeError(f"no serde_json writer for {tp!r}")


def compile_writer(cls: Any) -> Writer:
    """A function writing an instance of `cls` exactly as plan_of(cls).write does, for
    every instance a validated model can be (the fields in declaration order, skipped
    ones left out), in one pass of straight-line code."""
    plan = plan_of(cls)
    source = _Source()
    lines = ["def write(model):", "    values = model.__dict__"]
    written: list[tuple[str, str, str | None]] = []  # (key, value code, skip test code)
    for index, field in enumerate(plan.fields):
        var = f"v{index}"
        lines.append(f"    {var} = values[{field.name!r}]")
        info = cls.model_fields[field.name]
        skip = None if field.skip is None else _SKIP_TESTS[_skip_name(field.skip)].format(var)
        written.append((field.key, source.expression(_annotated(info), var), skip))
    if not written:
        return _finish(cls, source, lines, "'{}'")
    if written[0][2] is not None:  # the first field may be left out: commas between parts
        parts = [
            f"({key!r} + {code})" if skip is None else f"('' if {skip} else {key!r} + {code})"
            for key, code, skip in written
        ]
        lines.append(f"    parts = [part for part in ({', '.join(parts)},) if part]")
        return _finish(cls, source, lines, "'{' + ','.join(parts) + '}'")
    pieces: list[str | tuple[str]] = ["{"]  # constants as str, code as (code,)
    for index, (key, code, skip) in enumerate(written):
        lead = key if index == 0 else "," + key
        if skip is None:
            constant = _constant(code)
            pieces += [lead, (code,) if constant is None else constant]
        else:
            pieces.append((f"('' if {skip} else {lead!r} + {code})",))
    pieces.append("}")
    merged: list[str | tuple[str]] = []
    for piece in pieces:  # adjacent constants as one
        if merged and isinstance(piece, str) and isinstance(merged[-1], str):
            merged[-1] += piece
        else:
            merged.append(piece)
    codes = [repr(piece) if isinstance(piece, str) else piece[0] for piece in merged]
    return _finish(cls, source, lines, f"''.join(({', '.join(codes)},))")


def _constant(code: str) -> str | None:
    """The text a writer expression always gives (a Literal's), or None."""
    if code.startswith(("'", '"')):
        value = ast.literal_eval(code)
        if isinstance(value, str):
            return value
    return None


def _finish(cls: type, source: _Source, lines: list[str], result: str) -> Writer:
    lines.append(f"    return {result}")
    code = compile("\n".join(lines) + "\n", f"<serde_json writer of {cls.__qualname__}>", "exec")
    exec(code, source.namespace)
    writer: Writer = source.namespace["write"]
    return writer


_SKIP_TESTS = {"Option::is_none": "{} is None", "Vec::is_empty": "len({}) == 0"}


def _skip_name(skip: Callable[[Any], bool]) -> str:
    return next(name for name, test in _SKIPS.items() if test is skip)
