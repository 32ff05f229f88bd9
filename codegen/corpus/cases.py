"""Systematic cases for every field of every struct and variant, with predicted outcomes.

Each case mutates a full document in one way (a field's value, a missing or
doubled field, the tag ...) and predicts, from the model's rules alone, whether
serde accepts it and which bytes it writes back. The Rust reference is then asked
for real (tests/test_reference_predictions.py); any disagreement is a bug in the
schema, the emitter or these rules.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace

from codegen.corpus.samples import INVALID, VALID
from codegen.corpus.values import NONE, Owner, Val, Values, canonical, input_object
from codegen.model import (
    Field,
    NamedType,
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


@dataclass(frozen=True)
class Case:
    id: str
    type_name: str
    rule: str
    description: str
    input: str
    expected: str | None  # the canonical output, or None when serde rejects
    implementation_defined: bool = False
    variant: str | None = None  # the variant's wire name, for the coverage report
    field: str | None = None
    form: str | None = None  # "api": the output as the HTTP API writes it (protocol.md)
    tier: str | None = None  # the tier the case belongs to, when not decided by its answer


def all_cases(model: WireModel) -> list[Case]:
    values = Values(model)
    out: list[Case] = []
    for struct in model.of_kind(Struct):
        out += _owner_cases(values, struct.name, struct.name, Owner.of(struct))
    for union in model.of_kind(TaggedUnion):
        for variant in union.variants:
            owner = Owner.of(variant, union)
            out += _owner_cases(values, union.name, f"{union.name}.{variant.wire_name}", owner)
        out += list(_tag_cases(values, union))
    _check_unique(out)
    return out


def _check_unique(cases: list[Case]) -> None:
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise ValueError(f"duplicate case id {case.id}")
        seen.add(case.id)


def _owner_cases(values: Values, type_name: str, prefix: str, owner: Owner) -> list[Case]:
    gen = _OwnerCases(values, type_name, prefix, owner)
    variant = owner.tag[1] if owner.tag else None
    out = [replace(c, variant=variant) for c in gen.whole()]
    for f in owner.fields:
        out += [replace(c, variant=variant, field=f.name) for c in gen.field(f)]
    return out


class _OwnerCases:
    def __init__(self, values: Values, type_name: str, prefix: str, owner: Owner) -> None:
        self.values, self.type_name, self.prefix, self.owner = values, type_name, prefix, owner
        self.full = values.members(owner, full=True)

    def case(
        self, suffix: str, rule: str, description: str, text: str, expected: str | None
    ) -> Case:
        return Case(f"{self.prefix}.{suffix}", self.type_name, rule, description, text, expected)

    def with_members(self, given: dict[str, Val], **kw: bool) -> str:
        return input_object(self.owner, list(given.items()), **kw)

    def whole(self) -> Iterator[Case]:
        for full in (False, True):
            doc = self.values.document(self.owner, full)
            name = "full" if full else "minimal"
            yield self.case(
                name,
                "required-field",
                f"the {name} document is canonical",
                doc.input,
                doc.canonical,
            )
        expected = canonical(self.owner, self.full)
        extra = {**self.full, "zz_unknown": Val("[1,{}]", "")}
        yield self.case(
            "unknown-field",
            "unknown-field",
            "an unknown member is ignored",
            self.with_members(extra),
            expected,
        )
        doubled = self.with_members(self.full)[:-1] + ',"zz_unknown":1,"zz_unknown":2}'
        yield self.case(
            "unknown-field-twice",
            "duplicate-field",
            "an unknown member given twice is ignored",
            doubled,
            expected,
        )
        for text, what in (("[]", "an array"), ("null", "null"), ('"x"', "a string")):
            if text == "[]" and self.owner.fields:
                continue  # serde reads a non-empty sequence as a struct; see sequence-form
            yield self.case(
                f"not-an-object.{what.split()[-1]}",
                "wrong-type",
                f"{what} is not an object",
                text,
                None,
            )
        yield self.sequence_form(expected)

    def sequence_form(self, expected: str | None) -> Case:
        items = [json.dumps(self.owner.tag[1])] if self.owner.tag else []
        items += [self.full[f.name].input for f in self.owner.fields]
        return Case(
            f"{self.prefix}.sequence-form",
            self.type_name,
            "sequence-form",
            "serde also reads a struct from an array of its fields in declaration order",
            "[" + ",".join(items) + "]",
            expected,
            implementation_defined=True,
        )

    def field(self, f: Field) -> Iterator[Case]:
        base = f"field.{f.name}"
        for name, val, rule in _valid_values(self.values, f.type):
            given = {**self.full, f.name: val}
            yield self.case(
                f"{base}.valid.{name}",
                rule,
                f"{f.name} = {name}",
                self.with_members(given),
                canonical(self.owner, given),
            )
        for name, text, rule in _invalid_values(self.values, f.type):
            given = {**self.full, f.name: Val(text, "")}
            yield self.case(
                f"{base}.invalid.{name}",
                rule,
                f"{f.name} = {name} is rejected",
                self.with_members(given),
                None,
            )
        yield from self.presence(f, base)

    def presence(self, f: Field, base: str) -> Iterator[Case]:
        without = {k: v for k, v in self.full.items() if k != f.name}
        yield self.case(
            f"{base}.missing",
            "null-vs-omitted",
            f"{f.name} missing: {f.on_missing.value}",
            self.with_members(without),
            canonical(self.owner, without),
        )
        null_val = _null_value(self.values, f.type)
        given = {**self.full, f.name: null_val or Val("null", "")}
        expected = canonical(self.owner, given) if null_val else None
        yield self.case(
            f"{base}.null",
            "null-vs-omitted",
            f"{f.name} = null",
            self.with_members(given),
            expected,
        )
        doubled = (
            self.with_members(self.full)[:-1] + f",{json.dumps(f.name)}:{self.full[f.name].input}}}"
        )
        yield self.case(
            f"{base}.twice", "duplicate-field", f"{f.name} given twice is rejected", doubled, None
        )
        if self.owner.tag and f is self.owner.fields[-1]:
            yield self.case(
                "tag-last",
                "tag",
                "the tag may stand after the fields",
                self.with_members(self.full, tag_last=True),
                canonical(self.owner, self.full),
            )


def _null_value(values: Values, expr: TypeExpr) -> Val | None:
    """What `null` means for a type: None for an Option, Value::Null for any-JSON, else an error."""
    expr = values.model.resolve(expr)
    if isinstance(expr, OptionType):
        return NONE
    if expr == ScalarType(Scalar.JSON):
        return Val("null", "null")
    return None


def _valid_values(values: Values, expr: TypeExpr) -> Iterator[tuple[str, Val, str]]:
    expr = values.model.resolve(expr)
    if isinstance(expr, OptionType):
        yield from _valid_values(values, expr.inner)
    elif isinstance(expr, ScalarType):
        for s in VALID[expr.scalar]:
            yield s.name, Val(s.input, s.canonical), s.rule
    elif isinstance(expr, VecType):
        item = values.full(expr.inner)
        yield "one-item", Val(f"[{item.input}]", f"[{item.canonical}]"), "wrong-type"
        yield "empty", Val("[]", "[]", empty=True), "default"
    elif isinstance(expr, NamedType):
        yield from _valid_named(values, expr)


def _valid_named(values: Values, expr: NamedType) -> Iterator[tuple[str, Val, str]]:
    decl = values.model.decl(expr.name)
    if isinstance(decl, UnitEnum):
        for _, wire in decl.variants:
            yield wire, Val(json.dumps(wire), json.dumps(wire)), "snake-case"
        return
    yield "minimal", values.minimal(expr), "required-field"
    yield "full", values.full(expr), "required-field"


def _invalid_values(values: Values, expr: TypeExpr) -> Iterator[tuple[str, str, str]]:
    expr = values.model.resolve(expr)
    if isinstance(expr, OptionType):
        yield from _invalid_values(values, expr.inner)
    elif isinstance(expr, ScalarType):
        for s in INVALID[expr.scalar]:
            yield s.name, s.input, s.rule
    elif isinstance(expr, VecType):
        yield "object", "{}", "wrong-type"
        yield from ((f"item-{n}", f"[{t}]", r) for n, t, r in _invalid_values(values, expr.inner))
    elif isinstance(expr, NamedType):
        yield from _invalid_named(values, expr)


def _invalid_named(values: Values, expr: NamedType) -> Iterator[tuple[str, str, str]]:
    decl = values.model.decl(expr.name)
    if isinstance(decl, UnitEnum):
        rust_name = decl.variants[0][0]
        yield "rust-cased", json.dumps(rust_name), "snake-case"
        yield "unknown", '"maybe"', "snake-case"
    elif isinstance(decl, TaggedUnion):
        yield "unknown-tag", f'{{"{decl.tag}":"no_such_variant"}}', "tag"
    else:
        yield "number", "1", "wrong-type"


def _tag_cases(values: Values, union: TaggedUnion) -> Iterator[Case]:
    first = union.variants[0]
    owner = Owner.of(first, union)
    body = values.members(owner, full=True)
    fields_only = input_object(Owner(owner.fields), list(body.items()))[1:-1]
    tag = json.dumps(union.tag)

    def case(name: str, description: str, text: str) -> Case:
        return Case(f"{union.name}.tag.{name}", union.name, "tag", description, text, None)

    yield case("missing", "an object without the tag is rejected", f"{{{fields_only}}}")
    yield case(
        "unknown", "an unknown tag is rejected", f'{{{tag}:"no_such_variant",{fields_only}}}'
    )
    yield case(
        "rust-cased", "the Rust name is not the tag", f'{{{tag}:"{first.name}",{fields_only}}}'
    )
    yield case(
        "upper-case",
        "tags are case-sensitive",
        f'{{{tag}:"{first.wire_name.upper()}",{fields_only}}}',
    )
    yield case("not-a-string", "the tag must be a string", f"{{{tag}:1,{fields_only}}}")
    yield case(
        "twice",
        "the tag given twice is rejected",
        f'{{{tag}:"{first.wire_name}",{tag}:"{first.wire_name}",{fields_only}}}',
    )
    yield case("empty-object", "an empty object has no tag", "{}")
