"""Places each edge value (edges.py) into a host field of its type, as a Case with no prediction."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence

from codegen.corpus.cases import Case
from codegen.corpus.edges import (
    GROUPS,
    QUIRKY_UNKNOWN_MEMBERS,
    SYNTAX,
    UNKNOWN_MEMBER_VALUES,
    EdgeGroup,
)
from codegen.corpus.values import Owner, Val, Values, input_object
from codegen.model import (
    Field,
    NamedType,
    ScalarType,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
    WireModel,
)


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


def owners(model: WireModel, every_variant: bool = True) -> Iterator[tuple[str, str, Owner]]:
    """(type name, id prefix, owner) of each struct, then of each variant (or only the first)."""
    for struct in model.of_kind(Struct):
        yield struct.name, struct.name, Owner.of(struct)
    for union in model.of_kind(TaggedUnion):
        for v in union.variants if every_variant else union.variants[:1]:
            yield union.name, f"{union.name}.{v.wire_name}", Owner.of(v, union)


def find_host(model: WireModel, expr: TypeExpr) -> Host | None:
    """The first required field whose wire type is `expr`: structs first, then variants."""
    values = Values(model)
    for type_name, prefix, owner in owners(model):
        for f in owner.fields:
            if f.required_on_input and model.resolve(f.type) == expr:
                return Host(values, type_name, prefix, owner, f)
    return None


_SPELLED = {" ": "sp", "{": "lbrace", "}": "rbrace", "\\": "bs", '"': "q", ",": "comma"}


def slug(name: str) -> str:
    """A fixture-id-safe rendering of an edge value's name (the description has it exactly)."""
    spelled = "".join(f"_{_SPELLED[ch]}_" if ch in _SPELLED else ch for ch in name)
    text = re.sub(r"[^A-Za-z0-9+-]+", "_", spelled).strip("_")
    return (text or "empty") if len(text) <= 40 else f"{text[:32]}_{len(name)}ch"


def unique_slugs(names: Sequence[str]) -> list[str]:
    """slug() of each name, with _2, _3 ... where two names share a slug."""
    seen: set[str] = set()
    out = []
    for name in names:
        key, n = slug(name), 1
        while key in seen:
            n += 1
            key = f"{slug(name)}_{n}"
        seen.add(key)
        out.append(key)
    return out


def edge_cases(model: WireModel) -> list[Case]:
    out = [case for group in GROUPS for case in _group_cases(model, group)]
    return [
        *out,
        *_syntax_cases(model),
        *_unknown_member_cases(model),
        *_short_sequence_cases(model),
        *_unit_enum_cases(model),
    ]


def _group_cases(model: WireModel, group: EdgeGroup) -> Iterator[Case]:
    host = find_host(model, ScalarType(group.host))
    if host is None:
        raise LookupError(f"no required field of type {group.host.value} to host edge values")
    keys = unique_slugs([name for name, _ in group.inputs])
    for key, (_, text) in zip(keys, group.inputs, strict=True):
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


def _unknown_member_cases(model: WireModel) -> Iterator[Case]:
    values = Values(model)
    for type_name, prefix, owner in owners(model, every_variant=False):
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


def _short_sequence_cases(model: WireModel) -> Iterator[Case]:
    """The sequence form cut short: serde fills a missing trailing element only from
    #[serde(default)], and says 'invalid length' otherwise."""
    values = Values(model)
    for type_name, prefix, owner in owners(model):
        items = [json.dumps(owner.tag[1])] if owner.tag else []
        full = values.members(owner, full=True)
        items += [full[f.name].input for f in owner.fields]
        for length in range(1 if owner.tag else 0, len(items)):
            yield Case(
                id=f"{prefix}.sequence-form.first-{length}",
                type_name=type_name,
                rule="sequence-form",
                description=f"the sequence form with only its first {length} of {len(items)} elements",
                input="[" + ",".join(items[:length]) + "]",
                expected=None,
                implementation_defined=True,
                variant=owner.tag[1] if owner.tag else None,
            )


# A unit variant spelled as serde's externally tagged map, or otherwise off.
UNIT_ENUM_FORMS: tuple[tuple[str, str, bool], ...] = (
    ("map-with-null", '{{"{v}":null}}', True),
    ("map-with-empty-object", '{{"{v}":{{}}}}', True),
    ("map-with-empty-array", '{{"{v}":[]}}', True),
    ("map-with-number", '{{"{v}":1}}', True),
    ("map-rust-cased", '{{"{r}":null}}', False),
    ("map-two-keys", '{{"{v}":null,"{v}":null}}', True),
    ("empty-map", "{{}}", False),
    ("array", '["{v}"]', False),
    ("trailing-space", '"{v} "', False),
)


def _unit_enum_cases(model: WireModel) -> Iterator[Case]:
    for enum_ in model.of_kind(UnitEnum):
        host = find_host(model, NamedType(enum_.name))
        if host is None:
            continue
        rust, wire = enum_.variants[0]
        for name, template, quirky in UNIT_ENUM_FORMS:
            text = template.format(v=wire, r=rust)
            yield Case(
                id=f"{host.prefix}.field.{host.field.name}.snake-case.{name}",
                type_name=host.type_name,
                rule="snake-case",
                description=f"{enum_.name} written as {text}",
                input=host.document(text),
                expected=None,
                implementation_defined=quirky,
                variant=host.owner.tag[1] if host.owner.tag else None,
                field=host.field.name,
            )
