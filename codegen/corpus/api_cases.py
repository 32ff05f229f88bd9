"""The api tier: events as the runtime's HTTP API serves them.

`GET /executions/{id}/events` answers the envelope `{"events": [...]}`, written through
serde_json::Value (members sorted at every level). The cases put whole events of the
corpus (every variant, and the wire-heavy documents) in the bare array and in the
envelope, ask for both forms, feed the API's own bytes back in, and break the
envelope and its elements one way at a time. Which documents are valid elements is
the reference's answer (`ask`), never a guess; so are all the expectations.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from codegen.corpus.cases import Case
from codegen.corpus.documents import all_extras, event
from codegen.corpus.values import Owner, Values
from codegen.model import TaggedUnion, WireModel
from jamjet_schema.wiremodel.contract_constants import (
    ENVELOPE_MEMBER,
    EVENTS_ARRAY,
    EVENTS_ENVELOPE,
)

TIER = "api"
API = "api"  # the form
Verdicts = Callable[[Sequence[tuple[str, str, str | None]]], list[str | None]]
"""Asks the reference: (type_name, input, form) -> the output, or None when refused."""
Exact = Callable[[Sequence[str]], list[bool]]
"""Which texts hold no float literal serde_json reads inexactly (inexact.py)."""


@dataclass(frozen=True)
class _Doc:
    name: str  # a slug for ids
    text: str
    variant: str | None = None


def api_cases(model: WireModel, ask: Verdicts, exact: Exact) -> list[Case]:
    """Every case of the api tier, in a fixed order. Documents whose floats serde_json
    reads inexactly stay out of the lists (they are implementation-defined alone)."""
    variants = list(_variant_events(model))
    valid, invalid = _split(model.root, _document_events(model.root), ask)
    valid = [d for d, ok in zip(valid, exact([d.text for d in valid]), strict=True) if ok]
    valid, too_deep = _split(EVENTS_ENVELOPE, valid, ask, lambda d: envelope([d.text]))
    groups = [("variants", variants), *_by_category(valid)]
    out: list[Case] = []
    for name, docs in groups:
        out += _list_cases(name, [d.text for d in docs], ask)
    out += _nesting(too_deep)
    out += _single_events(model.root, variants, ask)
    out += _broken_elements(variants[0].text, invalid)
    out += _envelope_shapes(variants[0].text)
    return out


def _variant_events(model: WireModel) -> Iterator[_Doc]:
    values = Values(model)
    for union in model.of_kind(TaggedUnion):
        for variant in union.variants:
            kind = values.document(Owner.of(variant, union), True).input
            yield _Doc(variant.wire_name, event(kind=kind), variant.wire_name)


def _document_events(root: str) -> list[_Doc]:
    return [
        _Doc(e.category, e.input)
        for e in all_extras()
        if e.type_name == root and not e.implementation_defined
    ]


def _split(
    type_name: str, docs: list[_Doc], ask: Verdicts, text: Callable[[_Doc], str] = lambda d: d.text
) -> tuple[list[_Doc], list[_Doc]]:
    """The documents the reference accepts as `type_name` (each as `text` of it), and the rest."""
    answers = ask([(type_name, text(d), None) for d in docs])
    valid = [d for d, a in zip(docs, answers, strict=True) if a is not None]
    return valid, [d for d, a in zip(docs, answers, strict=True) if a is None]


def _by_category(docs: list[_Doc]) -> list[tuple[str, list[_Doc]]]:
    groups: dict[str, list[_Doc]] = {}
    for d in docs:
        groups.setdefault(d.name, []).append(d)
    return [(f"documents.{name}", group) for name, group in groups.items()]


def envelope(elements: Sequence[str]) -> str:
    return f'{{"{ENVELOPE_MEMBER}":[{",".join(elements)}]}}'


def array(elements: Sequence[str]) -> str:
    return f"[{','.join(elements)}]"


def _case(type_name: str, what: str, rule: str, description: str, text: str) -> Case:
    return Case(f"{type_name}.{what}", type_name, rule, description, text, None, tier=TIER)


def _both_forms(case: Case) -> list[Case]:
    api = replace(case, id=f"{case.id}.api-form", form=API)
    return [case, replace(api, description=f"{case.description}; written as the API writes it")]


def _list_cases(name: str, elements: list[str], ask: Verdicts) -> list[Case]:
    """The events in the array and the envelope, both forms; then the API's bytes read back."""
    written = [
        _case(
            EVENTS_ENVELOPE, name, "envelope", f"the envelope of {name} events", envelope(elements)
        ),
        _case(EVENTS_ARRAY, name, "envelope", f"an array of {name} events", array(elements)),
    ]
    api_bytes = ask([(c.type_name, c.input, API) for c in written])
    read_back = [
        _case(c.type_name, f"{name}.api-bytes", "api-form", f"the API's bytes of {name} events", b)
        for c, b in zip(written, api_bytes, strict=True)
        if b is not None
    ]
    return [f for c in [*written, *read_back] for f in _both_forms(c)]


def _single_events(root: str, variants: list[_Doc], ask: Verdicts) -> list[Case]:
    """Each variant's event alone, in the API form, and its sorted bytes read back."""
    out = [
        replace(
            _case(
                root, f"{d.variant}.api-form", "api-form", "the event as the API writes it", d.text
            ),
            variant=d.variant,
            form=API,
        )
        for d in variants
    ]
    sorted_texts = ask([(root, d.text, API) for d in variants])
    out += [
        replace(
            _case(
                root,
                f"{d.variant}.sorted-members",
                "api-form",
                "an event with its members sorted",
                t,
            ),
            variant=d.variant,
        )
        for d, t in zip(variants, sorted_texts, strict=True)
        if t is not None
    ]
    return out


def _nesting(docs: list[_Doc]) -> Iterator[Case]:
    """Events serde accepts alone but not in a list: the array and the envelope count
    toward serde_json's recursion limit, from the root of the whole text."""
    for i, d in enumerate(docs):
        text = "an event near the recursion limit: the list's own nesting counts"
        yield _case(
            EVENTS_ENVELOPE, f"nesting-depth.{i}", "nesting-depth", text, envelope([d.text])
        )
        yield _case(EVENTS_ARRAY, f"nesting-depth.{i}", "nesting-depth", text, array([d.text]))


def _broken_elements(good: str, invalid: list[_Doc]) -> Iterator[Case]:
    """One refused document among valid events, first, in the middle and last."""
    seen: set[str] = set()
    for bad in invalid:
        if bad.name in seen:
            continue
        seen.add(bad.name)
        for at, elements in (
            ("first", [bad.text, good]),
            ("middle", [good, bad.text, good]),
            ("last", [good, good, bad.text]),
        ):
            what = f"bad-element.{bad.name}.{at}"
            text = f"a refused event ({bad.name}) {at} among valid ones"
            yield _case(EVENTS_ENVELOPE, what, "envelope", text, envelope(elements))
            yield _case(EVENTS_ARRAY, what, "envelope", text, array(elements))


def _envelope_shapes(good: str) -> list[Case]:
    member = json.dumps(ENVELOPE_MEMBER)
    two = f"[{good},{good}]"
    shapes = [
        ("empty", envelope([]), "no events"),
        ("missing-member", "{}", "the envelope without its member"),
        ("null-member", f"{{{member}:null}}", "null for the events"),
        ("object-member", f"{{{member}:{{}}}}", "an object for the events"),
        ("repeated-member", f"{{{member}:[],{member}:[]}}", "the member given twice"),
        ("other-members", f'{{"next":null,{member}:{two},"total":2}}', "other members are ignored"),
        ("other-member-bad-json", f'{{"next":01,{member}:[]}}', "an ignored member is still JSON"),
        ("pretty", f"{{\n  {member}: [\n    {good},\n    {good}\n  ]\n}}\n", "pretty-printed"),
        ("pretty-trailing-comma", f"{{\n  {member}: [\n    {good},\n  ]\n}}", "a trailing comma"),
        ("trailing-characters", envelope([good]) + " x", "text after the envelope"),
        ("element-null", envelope(["null"]), "null for an event"),
        ("element-number", envelope(["1"]), "a number for an event"),
        ("not-an-object.array", "[]", "an empty array is not the envelope"),
        ("not-an-object.string", '"events"', "a string is not the envelope"),
    ]
    out = [_case(EVENTS_ENVELOPE, name, "envelope", text, doc) for name, doc, text in shapes]
    out.append(
        replace(
            _case(
                EVENTS_ENVELOPE,
                "sequence-form",
                "sequence-form",
                "the envelope as an array of its fields",
                f"[{two}]",
            ),
            implementation_defined=True,
        )
    )
    arrays = [
        ("empty", "[]", "no events"),
        ("object", f"{{{member}:[]}}", "the envelope is not an array"),
        ("null", "null", "null is not an array"),
        ("trailing-comma", f"[{good},]", "a trailing comma"),
        ("pretty", f"[\n  {good},\n  {good}\n]\n", "pretty-printed"),
        ("element-string", '["x"]', "a string for an event"),
    ]
    return out + [_case(EVENTS_ARRAY, name, "envelope", text, doc) for name, doc, text in arrays]
