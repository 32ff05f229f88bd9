"""Valid values for any type of the model, with the canonical text serde writes for them.

The full document of a type holds the ordinary base value of each scalar (samples.BASE).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from codegen.corpus.samples import BASE
from codegen.model import (
    Field,
    NamedType,
    OnMissing,
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


@dataclass(frozen=True)
class Val:
    """A value as written in an input, and as serde writes it back."""

    input: str
    canonical: str
    none: bool = False  # the Rust value is None
    empty: bool = False  # the Rust value is an empty Vec


NONE = Val("null", "null", none=True)


@dataclass(frozen=True)
class Owner:
    """Something with fields: a struct, or a variant with its tag member."""

    fields: tuple[Field, ...]
    tag: tuple[str, str] | None = None  # (tag member, variant wire name)

    @classmethod
    def of(cls, decl: Struct | Variant, union: TaggedUnion | None = None) -> Owner:
        tag = (union.tag, decl.wire_name) if union and isinstance(decl, Variant) else None
        return cls(decl.fields, tag)


def write_object(members: list[tuple[str, str]]) -> str:
    return "{" + ",".join(f"{json.dumps(k)}:{v}" for k, v in members) + "}"


def missing_value(field: Field) -> Val | None:
    """What serde puts in a field that is absent; None when it rejects the input."""
    if field.on_missing is OnMissing.NONE:
        return NONE
    if field.on_missing is OnMissing.DEFAULT:
        text = json.dumps(field.default, separators=(",", ":"))
        return Val(text, text, empty=field.default == [])
    return None


def is_skipped(field: Field, value: Val) -> bool:
    return (field.on_output is OnOutput.SKIP_IF_NONE and value.none) or (
        field.on_output is OnOutput.SKIP_IF_EMPTY and value.empty
    )


def canonical(owner: Owner, given: dict[str, Val]) -> str | None:
    """The bytes serde writes for an object whose known members are `given`; None if rejected."""
    members = [(owner.tag[0], json.dumps(owner.tag[1]))] if owner.tag else []
    for field in owner.fields:
        value = given.get(field.name) or missing_value(field)
        if value is None:
            return None
        if not is_skipped(field, value):
            members.append((field.name, value.canonical))
    return write_object(members)


class Values:
    """Full and minimal valid values of every type of one model."""

    def __init__(self, model: WireModel) -> None:
        self.model = model

    def full(self, expr: TypeExpr) -> Val:
        expr = self.model.resolve(expr)
        if isinstance(expr, OptionType):
            return self.full(expr.inner)
        if isinstance(expr, VecType):
            item = self.full(expr.inner)
            return Val(f"[{item.input}]", f"[{item.canonical}]")
        if isinstance(expr, ScalarType):
            sample = BASE[expr.scalar]
            return Val(sample.input, sample.canonical)
        return self.named(expr, full=True)

    def minimal(self, expr: TypeExpr) -> Val:
        expr = self.model.resolve(expr)
        if isinstance(expr, OptionType):
            return NONE
        if isinstance(expr, VecType):
            return Val("[]", "[]", empty=True)
        if isinstance(expr, ScalarType):
            return self.full(expr)
        return self.named(expr, full=False)

    def named(self, expr: TypeExpr, full: bool) -> Val:
        assert isinstance(expr, NamedType)
        decl = self.model.decl(expr.name)
        if isinstance(decl, UnitEnum):
            text = json.dumps(decl.variants[0][1])
            return Val(text, text)
        if isinstance(decl, TaggedUnion):
            return self.document(Owner.of(decl.variants[0], decl), full)
        assert isinstance(decl, Struct)
        return self.document(Owner.of(decl), full)

    def members(self, owner: Owner, full: bool) -> dict[str, Val]:
        """The members of a full document (every field) or a minimal one (required fields only)."""
        return {
            f.name: self.full(f.type) if full else self.minimal(f.type)
            for f in owner.fields
            if full or f.required_on_input
        }

    def document(self, owner: Owner, full: bool) -> Val:
        given = self.members(owner, full)
        text = input_object(owner, list(given.items()))
        expected = canonical(owner, given)
        assert expected is not None
        return Val(text, expected)


def input_object(owner: Owner, members: list[tuple[str, Val]], tag_last: bool = False) -> str:
    pairs = [(name, v.input) for name, v in members]
    if owner.tag:
        tag = (owner.tag[0], json.dumps(owner.tag[1]))
        pairs = [*pairs, tag] if tag_last else [tag, *pairs]
    return write_object(pairs)
