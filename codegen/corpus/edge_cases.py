"""Places each edge value (edges.py) into a host field of its type, as a Case with no prediction."""

from __future__ import annotations

import re
from collections.abc import Iterator

from codegen.corpus.cases import Case
from codegen.corpus.edges import (
    GROUPS,
    QUIRKY_UNKNOWN_MEMBERS,
    SYNTAX,
    UNKNOWN_MEMBER_VALUES,
    EdgeGroup,
)
from codegen.corpus.values import Owner, Val, Values, input_object
from codegen.model import Field, Scalar, ScalarType, Struct, TaggedUnion, WireModel


class Host:
    """A required field of a given scalar type, inside a full document of its owner."""

    def __init__(self, values: Values, type_name: str, prefix: str, owner: Owner, field: Field):
        self.values, self.type_name, self.prefix = values, type_name, prefix
        self.owner, self.field = owner, field

    def document(self, value_text: str) -> str:
        members = values_with(
            self.values.members(self.owner, full=True), self.field.name, value_text
        )
        return input_object(self.owner, list(members.items()))


def values_with(members: dict[str, Val], name: str, text: str) -> dict[str, Val]:
    return {**members, name: Val(text, "")}


def find_host(model: WireModel, scalar: Scalar) -> Host:
    """The first required field of type `scalar`: structs first, then variants in order."""
    values = Values(model)
    for struct in model.of_kind(Struct):
        for f in struct.fields:
            if f.required_on_input and model.resolve(f.type) == ScalarType(scalar):
                return Host(values, struct.name, struct.name, Owner.of(struct), f)
    for union in model.of_kind(TaggedUnion):
        for v in union.variants:
            for f in v.fields:
                if f.required_on_input and model.resolve(f.type) == ScalarType(scalar):
                    return Host(
                        values, union.name, f"{union.name}.{v.wire_name}", Owner.of(v, union), f
                    )
    raise LookupError(f"no required field of type {scalar.value} to host edge values")


_SPELLED = {" ": "sp", "{": "lbrace", "}": "rbrace", "\\": "bs", '"': "q", ",": "comma"}


def slug(name: str) -> str:
    """A fixture-id-safe rendering of an edge value's name (the description has it exactly)."""
    spelled = "".join(f"_{_SPELLED[ch]}_" if ch in _SPELLED else ch for ch in name)
    text = re.sub(r"[^A-Za-z0-9+-]+", "_", spelled).strip("_")
    return (text or "empty") if len(text) <= 40 else f"{text[:32]}_{len(name)}ch"


def edge_cases(model: WireModel) -> list[Case]:
    out = [case for group in GROUPS for case in _group_cases(model, group)]
    return out + list(_syntax_cases(model)) + list(_unknown_member_cases(model))


def _group_cases(model: WireModel, group: EdgeGroup) -> Iterator[Case]:
    host = find_host(model, group.host)
    seen: set[str] = set()
    for name, text in group.inputs:
        key, n = slug(name), 1
        while key in seen:
            n += 1
            key = f"{slug(name)}_{n}"
        seen.add(key)
        yield Case(
            id=f"{host.prefix}.field.{host.field.name}.{group.rule}.{key}",
            type_name=host.type_name,
            rule=group.rule,
            description=f"{group.description}: {host.field.name} = {text[:80]}",
            input=host.document(text),
            expected=None,
            variant=host.owner.tag[1] if host.owner.tag else None,
            field=host.field.name,
        )


def _syntax_cases(model: WireModel) -> Iterator[Case]:
    union = model.of_kind(TaggedUnion)[0]
    for name, text in SYNTAX:
        yield Case(
            id=f"{union.name}.json-syntax.{name}",
            type_name=union.name,
            rule="json-syntax",
            description=f"JSON text as serde_json reads it: {name.replace('-', ' ')}",
            input=text,
            expected=None,
        )


def _owners(model: WireModel) -> Iterator[tuple[str, str, Owner]]:
    """Each struct, and the first variant of each tagged union: (type name, id prefix, owner)."""
    for struct in model.of_kind(Struct):
        yield struct.name, struct.name, Owner.of(struct)
    for union in model.of_kind(TaggedUnion):
        first = union.variants[0]
        yield union.name, f"{union.name}.{first.wire_name}", Owner.of(first, union)


def _unknown_member_cases(model: WireModel) -> Iterator[Case]:
    values = Values(model)
    for type_name, prefix, owner in _owners(model):
        members = values.members(owner, full=True)
        for name, text in UNKNOWN_MEMBER_VALUES:
            extra = {**members, "zz_unknown": Val(text, "")}
            yield Case(
                id=f"{prefix}.unknown-field.value.{name}",
                type_name=type_name,
                rule="unknown-field",
                description=f"an unknown member whose value is {name.replace('-', ' ')}: {text[:40]}",
                input=input_object(owner, list(extra.items())),
                expected=None,
                implementation_defined=name in QUIRKY_UNKNOWN_MEMBERS,
                variant=owner.tag[1] if owner.tag else None,
            )
