"""Evolution cases: documents of the current schema read by a reader of an older release.

For every change `codegen.diff` finds between a released version and the current
schema that adds a variant or a field, the full and minimal documents of the new
part are put to that older reader. What serde answers (an unknown variant rejected,
an unknown member ignored) is recorded, so the corpus shows what upgrading readers
and writers in the wrong order does.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.corpus.cases import Case
from codegen.corpus.values import Owner, Values, input_object
from codegen.model import TaggedUnion, WireModel
from jamjet_schema.diff.compare import compare


@dataclass(frozen=True)
class EvolutionCase:
    reader_version: str
    case: Case


def evolution_cases(old: WireModel, new: WireModel) -> list[EvolutionCase]:
    values = Values(new)
    out: list[Case] = []
    for change in compare(old, new):
        if change.kind == "variant-added":
            out += _variant_documents(values, new, change.where)
        elif change.kind.startswith("field-added"):
            out += _field_documents(values, new, change.where)
    return [EvolutionCase(old.version, c) for c in out]


def _union_and_variant(model: WireModel, where: str) -> tuple[TaggedUnion, Owner, str]:
    union_name, wire = where.split(".")[:2]
    union = next(u for u in model.of_kind(TaggedUnion) if u.name == union_name)
    return union, Owner.of(union.variant(wire), union), wire


def _variant_documents(values: Values, model: WireModel, where: str) -> list[Case]:
    union, owner, wire = _union_and_variant(model, where)
    documents = {
        name: values.document(owner, full).input
        for name, full in (("minimal", False), ("full", True))
    }
    if documents["full"] == documents["minimal"]:
        del documents["minimal"]
    return [
        Case(
            id=f"{union.name}.{wire}.{name}",
            type_name=union.name,
            rule="evolution",
            description=f"the {name} document of variant {wire}, added after this reader's release",
            input=text,
            expected=None,
            variant=wire,
        )
        for name, text in documents.items()
    ]


def _field_documents(values: Values, model: WireModel, where: str) -> list[Case]:
    if where.count(".") != 2:
        return []  # a field of a struct: variants carry the same rules
    union, owner, wire = _union_and_variant(model, where)
    field = next(f for f in owner.fields if f.name == where.rsplit(".", 1)[1])
    members = values.members(owner, full=True)
    as_null = {**members, field.name: values.minimal(field.type)}
    return [
        Case(
            id=f"{union.name}.{wire}.field.{field.name}.{name}",
            type_name=union.name,
            rule="evolution",
            description=f"{field.name}, added after this reader's release, {what}",
            input=input_object(owner, list(given.items())),
            expected=None,
            variant=wire,
            field=field.name,
        )
        for name, what, given in (
            ("present", "with a value", members),
            ("minimal", "at its minimal value", as_null),
        )
    ]
