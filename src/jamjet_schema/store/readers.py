"""A reader of an older (or newer) schema version, over events the store holds.

The reader is the wire model of that version (schema/history/VERSION.json). A kind
whose variant reads the same in both versions -- the same fields, each with the same
type, recursively, and the same rule for a missing member -- gets the current
reader's verdict, which the native core gives in bulk. Only the other variants are
read again here, by the old model: a tag it does not know is refused with serde's
`unknown variant` message (its variant list, in its order), a member it requires and
the event lacks with `missing field`, a value of the wrong type with `invalid type`;
members it does not know are ignored, as serde does. tests/store checks the verdicts
against the real 1.0.0 reader (the contract file compiled, reading the store).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jamjet_schema.wire import WireError, describe, messages
from jamjet_schema.wire import _constants as wire_constants
from jamjet_schema.wire.datetime_from_str import ParseError, parse_datetime
from jamjet_schema.wire.uuids import parse_uuid
from jamjet_schema.wiremodel import load_model
from jamjet_schema.wiremodel.model import (
    BoxType,
    Field,
    NamedType,
    OnMissing,
    OptionType,
    Scalar,
    ScalarType,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
    VecType,
    WireModel,
)
from jamjet_schema.wiremodel.releases import current, release


def model_of(version: str) -> WireModel:
    """The wire model of a released version (or of a schema file given by path)."""
    path = Path(version)
    return load_model(path if version.endswith(".json") and path.is_file() else release(version))


def current_model() -> WireModel:
    return load_model(current())


def _union(model: WireModel) -> TaggedUnion:
    return model.of_kind(TaggedUnion)[0]


def _shape(model: WireModel, expr: TypeExpr, seen: frozenset[str] = frozenset()) -> Any:
    """What a reader of `expr` accepts, as a comparable value (descriptions left out)."""
    expr = model.resolve(expr)
    if isinstance(expr, ScalarType):
        return expr.scalar.value
    if isinstance(expr, OptionType | VecType | BoxType):
        return (type(expr).__name__, _shape(model, expr.inner, seen))
    assert isinstance(expr, NamedType)
    if expr.name in seen:
        return expr.name
    decl = model.decl(expr.name)
    inner = seen | {expr.name}
    if isinstance(decl, Struct):
        return ("struct", _fields_shape(model, decl.fields, inner))
    if isinstance(decl, UnitEnum):
        return ("enum", tuple(wire for _, wire in decl.variants))
    return ("decl", repr(decl))


def _fields_shape(model: WireModel, fields: tuple[Field, ...], seen: frozenset[str]) -> Any:
    return tuple(
        (f.name, _shape(model, f.type, seen), f.on_missing.value, repr(f.default)) for f in fields
    )


@dataclass(frozen=True)
class VersionReader:
    model: WireModel
    same: frozenset[str]  # variants this version reads exactly as the current one

    @property
    def version(self) -> str:
        return self.model.version

    def judge(self, kind_text: str | bytes) -> str | None:
        """This version's verdict on a kind the current reader may not share: None if it
        reads it, else serde's message."""
        try:
            kind = json.loads(kind_text)
        except (ValueError, RecursionError) as err:
            return f"not JSON: {err}"
        union = _union(self.model)
        if not isinstance(kind, dict):
            return messages.invalid_type(describe(kind), f"internally tagged enum {union.name}")
        tag = kind.get(union.tag)
        if tag is None:
            return messages.missing_field(union.tag)
        names = [v.wire_name for v in union.variants]
        if tag not in names:
            return messages.unknown_variant(str(tag), names)
        return _struct_error(self.model, union.variant(tag).fields, kind, ())


def reader_for(version: str) -> VersionReader:
    old, new = model_of(version), current_model()
    old_union, new_union = _union(old), _union(new)
    current = {v.wire_name: v for v in new_union.variants}
    same = frozenset(
        v.wire_name
        for v in old_union.variants
        if v.wire_name in current
        and _fields_shape(old, v.fields, frozenset())
        == _fields_shape(new, current[v.wire_name].fields, frozenset())
    )
    return VersionReader(old, same)


def _unit_variant_error(value: Any, names: list[str]) -> str | None:
    """serde's verdict on a fieldless enum inside the kind, read from its buffer: a
    variant's name, or the map form `{"name": null}` (`{}` too, from the buffer)."""
    if isinstance(value, str):
        return None if value in names else messages.unknown_variant(value, names)
    if not isinstance(value, dict):
        return messages.invalid_type(describe(value), "string or map")
    if len(value) != 1:
        return messages.invalid_value("map", "map with a single key")
    ((name, unit),) = value.items()
    if name not in names:
        return messages.unknown_variant(name, names)
    if unit is not None and unit != {}:
        return messages.invalid_type(describe(unit), "unit")
    return None


def _at(path: tuple[str, ...], message: str) -> str:
    return f"{'.'.join(path)}: {message}" if path else message


def _struct_error(
    model: WireModel, fields: tuple[Field, ...], value: dict[str, Any], path: tuple[str, ...]
) -> str | None:
    for f in fields:  # present members first (serde reads them in input order)
        if f.name in value:
            problem = _value_error(model, f.type, value[f.name], (*path, f.name))
            if problem:
                return problem
    for f in fields:
        if f.name not in value and f.on_missing is OnMissing.REJECT:
            return _at(path, messages.missing_field(f.name))
    return None


def _value_error(model: WireModel, expr: TypeExpr, value: Any, path: tuple[str, ...]) -> str | None:
    expr = model.resolve(expr)
    if isinstance(expr, OptionType):
        return None if value is None else _value_error(model, expr.inner, value, path)
    if isinstance(expr, VecType):
        if not isinstance(value, list):
            return _at(
                path,
                messages.invalid_type(describe(value), wire_constants.EXPECTING_SEQUENCE),
            )
        return next(_items(model, expr.inner, value, path), None)
    if isinstance(expr, ScalarType):
        return _scalar_error(expr.scalar, value, path)
    assert isinstance(expr, NamedType)
    decl = model.decl(expr.name)
    if isinstance(decl, Struct):
        if not isinstance(value, dict):
            return _at(path, messages.invalid_type(describe(value), f"struct {decl.name}"))
        return _struct_error(model, decl.fields, value, path)
    if isinstance(decl, UnitEnum):
        problem = _unit_variant_error(value, [wire for _, wire in decl.variants])
        return None if problem is None else _at(path, problem)
    return None


def _items(
    model: WireModel, inner: TypeExpr, value: list[Any], path: tuple[str, ...]
) -> Iterator[str]:
    for index, item in enumerate(value):
        problem = _value_error(
            model, inner, item, (*path[:-1], f"{path[-1] if path else ''}[{index}]")
        )
        if problem:
            yield problem


# What each scalar's visitor expects (serde's, chrono's and uuid's texts, from the
# wire constants table; serde's f64 visitor names the type).
_EXPECTED = {
    Scalar.STRING: wire_constants.EXPECTING_STRING,
    Scalar.BOOL: wire_constants.EXPECTING_BOOL,
    Scalar.F64: "f64",
    Scalar.TIMESTAMP: wire_constants.EXPECTING_TIMESTAMP,
    Scalar.UUID: wire_constants.EXPECTING_UUID,
}


def _scalar_error(scalar: Scalar, value: Any, path: tuple[str, ...]) -> str | None:
    if scalar is Scalar.JSON:
        return None
    bounds = scalar.int_bounds
    if bounds is not None:
        if isinstance(value, int) and not isinstance(value, bool):
            if bounds[0] <= value <= bounds[1]:
                return None
            return _at(path, messages.invalid_value(f"integer `{value}`", scalar.value))
        return _at(path, messages.invalid_type(describe(value), scalar.value))
    ok = {
        Scalar.STRING: isinstance(value, str),
        Scalar.BOOL: isinstance(value, bool),
        Scalar.F64: isinstance(value, int | float) and not isinstance(value, bool),
        Scalar.TIMESTAMP: isinstance(value, str),
        Scalar.UUID: isinstance(value, str),
    }[scalar]
    if not ok:
        return _at(path, messages.invalid_type(describe(value), _EXPECTED[scalar]))
    try:
        if scalar is Scalar.TIMESTAMP:
            parse_datetime(value)
        elif scalar is Scalar.UUID:
            parse_uuid(value)
    except (ParseError, WireError) as err:
        return _at(path, str(err))
    return None
