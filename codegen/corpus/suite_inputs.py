"""The inputs of this project's own differential suites, as corpus cases with no
prediction: the TypeScript tests' edge values (edges.MUTATION_VALUES) in a field of
every wire type, the wire-layer suites' fixed lists (wire_lists.py) in a field of
their type, and the whole documents of the Python suite (documents.py). Each goes in
once: an input the corpus has already (same type, same text) is not added again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence

from codegen.corpus.cases import Case
from codegen.corpus.documents import all_extras
from codegen.corpus.edge_cases import Host, find_host, owners, unique_slugs
from codegen.corpus.edges import MUTATION_VALUES
from codegen.corpus.values import Val, Values, input_object
from codegen.corpus.wire_lists import (
    GRAMMAR,
    SAMPLE,
    SPECIAL_FLOATS,
    boundary_integers,
    control_characters,
    depth_cases,
    escapes,
    one_dimension_at_a_time,
    shapes,
    surrogates,
    unicode_texts,
)
from codegen.model import NamedType, Scalar, ScalarType, Struct, TaggedUnion, UnitEnum, WireModel

_MUTATION_SLUGS = dict(zip(MUTATION_VALUES, unique_slugs(MUTATION_VALUES), strict=True))


def suite_cases(model: WireModel, earlier: Sequence[Case]) -> list[Case]:
    """Every suite input not already among `earlier`, in a fixed order."""
    out = _unseen(_mutation_value_cases(model), earlier)
    out += _unseen(_wire_list_cases(model), [*earlier, *out])
    return out + list(_document_cases(model, [*earlier, *out]))


def _unseen(cases: Iterable[Case], earlier: Sequence[Case]) -> list[Case]:
    seen = {(c.type_name, c.input) for c in earlier}
    out = []
    for case in cases:
        if (case.type_name, case.input) not in seen:
            seen.add((case.type_name, case.input))
            out.append(case)
    return out


# The rule a value of the wrong kind in a field of this scalar type breaks.
_SCALAR_RULES = {
    Scalar.U32: "integer-width",
    Scalar.U64: "integer-width",
    Scalar.I64: "integer-width",
    Scalar.F64: "float-format",
    Scalar.TIMESTAMP: "timestamp",
    Scalar.UUID: "uuid",
    Scalar.JSON: "value-canonicalisation",
}
# JSON that is not a serde_json value: serde skips it as an unknown struct member,
# but refuses it buffered in the tagged enum (edges.QUIRKY_UNKNOWN_MEMBERS).
_QUIRKY_MUTATIONS = frozenset(
    {"1e999", "-1e999", '"\\ud800"', MUTATION_VALUES[-2], MUTATION_VALUES[-1]}
)


def _typed_hosts(model: WireModel) -> Iterator[tuple[Host, str]]:
    """The first required field of each distinct wire type, and the rule it stands for."""
    values, seen = Values(model), set()
    for type_name, prefix, owner in owners(model):
        for f in owner.fields:
            expr = model.resolve(f.type)
            if not f.required_on_input or expr in seen:
                continue
            seen.add(expr)
            rule = "wrong-type"
            if isinstance(expr, ScalarType):
                rule = _SCALAR_RULES.get(expr.scalar, rule)
            elif isinstance(expr, NamedType) and isinstance(model.decl(expr.name), UnitEnum):
                rule = "snake-case"
            yield Host(values, type_name, prefix, owner, f), rule


def _mutation_value_cases(model: WireModel) -> Iterator[Case]:
    """The TypeScript differential's edge values (edges.MUTATION_VALUES) in a field of
    every wire type, and as an unknown member of each struct and of one variant."""
    for host, rule in _typed_hosts(model):
        for text in MUTATION_VALUES:
            yield Case(
                id=f"{host.prefix}.field.{host.field.name}.mutation.{_MUTATION_SLUGS[text]}",
                type_name=host.type_name,
                rule=rule,
                description=f"an edge value of the differential tests: {host.field.name} = {text[:60]}",
                input=host.document(text),
                expected=None,
                variant=host.owner.tag[1] if host.owner.tag else None,
                field=host.field.name,
            )
    values = Values(model)
    for type_name, prefix, owner in owners(model, every_variant=False):
        members = values.members(owner, full=True)
        for text in MUTATION_VALUES:
            extra = {**members, "zz_unknown": Val(text, "")}
            yield Case(
                id=f"{prefix}.unknown-field.mutation.{_MUTATION_SLUGS[text]}",
                type_name=type_name,
                rule="unknown-field",
                description=f"an unknown member whose value is an edge value: {text[:60]}",
                input=input_object(owner, list(extra.items())),
                expected=None,
                implementation_defined=text in _QUIRKY_MUTATIONS,
                variant=owner.tag[1] if owner.tag else None,
            )


def wire_lists() -> tuple[tuple[str, str, Scalar, list[str]], ...]:
    """(group, rule, host scalar, JSON texts of the value) for each list of wire_lists."""
    strings = [*control_characters(), *escapes(), *surrogates(), *unicode_texts()]
    integers, floats = boundary_integers(), [*boundary_integers(), *SPECIAL_FLOATS]
    timestamps = [json.dumps(t, ensure_ascii=False) for t in one_dimension_at_a_time()]
    return (
        ("strings", "unicode-escapes", Scalar.STRING, strings),
        ("u32", "integer-width", Scalar.U32, integers),
        ("u64", "integer-width", Scalar.U64, integers),
        ("i64", "integer-width", Scalar.I64, integers),
        ("f64", "float-format", Scalar.F64, floats),
        ("value-numbers", "value-canonicalisation", Scalar.JSON, floats),
        ("grammar", "json-syntax", Scalar.JSON, GRAMMAR),
        ("depth", "nesting-depth", Scalar.JSON, depth_cases()),
        ("timestamps", "timestamp", Scalar.TIMESTAMP, timestamps),
        ("uuids", "uuid", Scalar.UUID, [json.dumps(t, ensure_ascii=False) for t in shapes(SAMPLE)]),
    )


def _wire_list_cases(model: WireModel) -> Iterator[Case]:
    """The wire-layer suites' fixed lists (wire_lists.py), each value in a host field."""
    for group, rule, scalar, texts in wire_lists():
        host = find_host(model, ScalarType(scalar))
        if host is None:
            raise LookupError(f"no required field of type {scalar.value} to host {group}")
        for key, text in zip(unique_slugs(texts), texts, strict=True):
            yield Case(
                id=f"{host.prefix}.field.{host.field.name}.document.wire-{group}.{key}",
                type_name=host.type_name,
                rule=rule,
                description=f"a wire value ({group}): {host.field.name} = {text[:80]}",
                input=host.document(text),
                expected=None,
                variant=host.owner.tag[1] if host.owner.tag else None,
                field=host.field.name,
            )


def _document_cases(model: WireModel, earlier: Sequence[Case]) -> Iterator[Case]:
    types = {t.name for t in model.of_kind(Struct)} | {u.name for u in model.of_kind(TaggedUnion)}
    seen = {(c.type_name, c.input) for c in earlier}
    for extra in all_extras():
        key = (extra.type_name, extra.input)
        if extra.type_name not in types or key in seen:
            continue  # an accessor request (EventKind.node_id), or already a fixture
        seen.add(key)
        digest = hashlib.sha256(extra.input.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        yield Case(
            id=f"{extra.type_name}.document.{extra.category}.{digest}",
            type_name=extra.type_name,
            rule=extra.rule,
            description=f"a whole document ({extra.category}): {extra.input[:80]}",
            input=extra.input,
            expected=None,
            implementation_defined=extra.implementation_defined,
        )
