"""Walks two wire models side by side and names every change by its rule (rules.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jamjet_schema.diff.rules import RULES, Rule, Severity
from jamjet_schema.wiremodel.model import (
    Field,
    OnMissing,
    OptionType,
    ScalarType,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
    Variant,
    WireModel,
)


@dataclass(frozen=True)
class Change:
    kind: str
    where: str
    detail: str

    @property
    def rule(self) -> Rule:
        return RULES[self.kind]

    @property
    def severity(self) -> Severity:
        return self.rule.severity


def compare(old: WireModel, new: WireModel) -> list[Change]:
    changes: list[Change] = []
    for struct in old.of_kind(Struct):
        if _has(new, struct.name, Struct):
            changes += _fields(
                old, new, struct.name, struct.fields, _struct(new, struct.name).fields
            )
    for union in old.of_kind(TaggedUnion):
        if _has(new, union.name, TaggedUnion):
            changes += _union(old, new, union, _union_of(new, union.name))
    for enum_ in old.of_kind(UnitEnum):
        if _has(new, enum_.name, UnitEnum):
            changes += _unit_enum(enum_, _unit_of(new, enum_.name))
    return changes


def _has(model: WireModel, name: str, kind: type) -> bool:
    return any(d.name == name and isinstance(d, kind) for d in model.decls)


def _struct(model: WireModel, name: str) -> Struct:
    return next(d for d in model.of_kind(Struct) if d.name == name)


def _union_of(model: WireModel, name: str) -> TaggedUnion:
    return next(d for d in model.of_kind(TaggedUnion) if d.name == name)


def _unit_of(model: WireModel, name: str) -> UnitEnum:
    return next(d for d in model.of_kind(UnitEnum) if d.name == name)


def _union(old: WireModel, new: WireModel, a: TaggedUnion, b: TaggedUnion) -> Iterator[Change]:
    if a.tag != b.tag:
        yield Change("tag-changed", a.name, f"tag {a.tag!r} -> {b.tag!r}")
        return
    before = {v.wire_name: v for v in a.variants}
    after = {v.wire_name: v for v in b.variants}
    gone = [before[n] for n in before if n not in after]
    came = [after[n] for n in after if n not in before]
    renamed = _renames(old, new, gone, came)
    for was, now in renamed:
        yield Change("variant-renamed", f"{a.name}.{was.wire_name}", f"now {now.wire_name!r}")
    renamed_names = {v.wire_name for pair in renamed for v in pair}
    for v in gone:
        if v.wire_name not in renamed_names:
            yield Change("variant-removed", f"{a.name}.{v.wire_name}", "")
    for v in came:
        if v.wire_name not in renamed_names:
            yield Change("variant-added", f"{a.name}.{v.wire_name}", f"{len(v.fields)} field(s)")
    for name in before.keys() & after.keys():
        yield from _variant(old, new, f"{a.name}.{name}", before[name], after[name])


def _renames(
    old: WireModel, new: WireModel, gone: list[Variant], came: list[Variant]
) -> list[tuple[Variant, Variant]]:
    """A removed and an added variant with the same fields are one variant renamed."""

    def shape(model: WireModel, v: Variant) -> list[tuple[str, TypeExpr]]:
        return [(f.name, model.resolve(f.type)) for f in v.fields]

    pairs = []
    for was in gone:
        match = next((now for now in came if shape(old, was) == shape(new, now)), None)
        if match is not None:
            pairs.append((was, match))
            came = [v for v in came if v is not match]
    return pairs


def _variant(
    old: WireModel, new: WireModel, where: str, a: Variant, b: Variant
) -> Iterator[Change]:
    if a.has_node_id_accessor != b.has_node_id_accessor:
        yield Change(
            "node-id-accessor-changed",
            where,
            f"{a.has_node_id_accessor} -> {b.has_node_id_accessor}",
        )
    if a.description != b.description:
        yield Change("description-changed", where, "")
    yield from _fields(old, new, where, a.fields, b.fields)


def _unit_enum(a: UnitEnum, b: UnitEnum) -> Iterator[Change]:
    before = {wire for _, wire in a.variants}
    after = {wire for _, wire in b.variants}
    for wire in sorted(after - before):
        yield Change("enum-value-added", f"{a.name}.{wire}", "")
    for wire in sorted(before - after):
        yield Change("enum-value-removed", f"{a.name}.{wire}", "")


def _fields(
    old: WireModel, new: WireModel, where: str, a: tuple[Field, ...], b: tuple[Field, ...]
) -> list[Change]:
    before = {f.name: f for f in a}
    after = {f.name: f for f in b}
    changes = [_added(f"{where}.{f.name}", f) for f in b if f.name not in before]
    changes += [_removed(f"{where}.{f.name}", f) for f in a if f.name not in after]
    common_before = [f.name for f in a if f.name in after]
    common_after = [f.name for f in b if f.name in before]
    if common_before != common_after:
        changes.append(Change("field-reordered", where, f"{common_before} -> {common_after}"))
    for name in common_before:
        changes += _field(old, new, f"{where}.{name}", before[name], after[name])
    return changes


def _added(where: str, f: Field) -> Change:
    if f.on_missing is OnMissing.REJECT:
        return Change("field-added-required", where, "")
    kind = "optional" if f.on_missing is OnMissing.NONE else "default"
    how = "emitted" if f.always_emitted else "skipped"
    return Change(f"field-added-{kind}-{how}", where, f"on output: {f.on_output.value}")


def _removed(where: str, f: Field) -> Change:
    kind = "field-removed" if f.required_on_input else "field-removed-optional"
    return Change(kind, where, "")


def _field(old: WireModel, new: WireModel, where: str, a: Field, b: Field) -> Iterator[Change]:
    ta, tb = _strip_option(old.resolve(a.type)), _strip_option(new.resolve(b.type))
    if ta != tb:
        yield _type_change(where, ta, tb)
    if a.on_missing != b.on_missing:
        loosened = b.on_missing is not OnMissing.REJECT and a.on_missing is OnMissing.REJECT
        yield Change(
            "became-optional" if loosened else "became-required",
            where,
            f"{a.on_missing.value} -> {b.on_missing.value}",
        )
    if a.on_output != b.on_output:
        yield Change("emission-changed", where, f"{a.on_output.value} -> {b.on_output.value}")
    if a.default != b.default and a.on_missing is b.on_missing is OnMissing.DEFAULT:
        yield Change("default-changed", where, f"{a.default!r} -> {b.default!r}")
    if a.description != b.description:
        yield Change("description-changed", where, "")


def _strip_option(expr: TypeExpr) -> TypeExpr:
    """Option-ness is judged by presence rules (became-optional/required), not as a type change."""
    return expr.inner if isinstance(expr, OptionType) else expr


def _type_change(where: str, a: TypeExpr, b: TypeExpr) -> Change:
    detail = f"{_name(a)} -> {_name(b)}"
    bounds_a = a.scalar.int_bounds if isinstance(a, ScalarType) else None
    bounds_b = b.scalar.int_bounds if isinstance(b, ScalarType) else None
    if bounds_a and bounds_b:
        widened = bounds_b[0] <= bounds_a[0] and bounds_a[1] <= bounds_b[1]
        return Change("integer-widened" if widened else "integer-narrowed", where, detail)
    return Change("type-changed", where, detail)


def _name(expr: TypeExpr) -> str:
    return expr.scalar.value if isinstance(expr, ScalarType) else type(expr).__name__
