"""The Rust reference against the model's own predictions, and against the contract file.

Every systematic case (codegen/corpus/cases.py) predicts serde's verdict and bytes
from the schema's rules alone. The generated crate must match those predictions, and
the contract file compiled verbatim must give the very same answers on every case.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from codegen.corpus.cases import Case, all_cases
from codegen.model import TaggedUnion, WireModel
from jamjet_schema.conformance.testee import Outcome, Request, Testee


@pytest.fixture(scope="module")
def cases(model: WireModel) -> list[Case]:
    return all_cases(model)


@pytest.fixture(scope="module")
def rust_outcomes(rust: Testee, cases: list[Case]) -> list[Outcome]:
    return rust.run([Request(c.type_name, c.input) for c in cases])


def _describe(case: Case, outcome: Outcome) -> str:
    expected = "reject" if case.expected is None else case.expected
    return f"{case.id}\n  input    {case.input}\n  predicted {expected}\n  serde     {outcome.verdict}: {outcome.text}"


def test_every_case_is_predicted(cases: list[Case], rust_outcomes: list[Outcome]) -> None:
    wrong = [
        _describe(c, o)
        for c, o in zip(cases, rust_outcomes, strict=True)
        if (o.accepted, o.text if o.accepted else None) != (c.expected is not None, c.expected)
    ]
    print(f"{len(cases)} cases, {len(wrong)} disagreements with the model's predictions")
    assert not wrong, "\n".join(wrong[:20])


def test_cases_cover_every_field_of_every_variant(model: WireModel, cases: list[Case]) -> None:
    ids = {c.id for c in cases}
    union = model.of_kind(TaggedUnion)[0]
    missing = [
        f"{union.name}.{v.wire_name}.field.{f.name}"
        for v in union.variants
        for f in v.fields
        if not any(i.startswith(f"{union.name}.{v.wire_name}.field.{f.name}.") for i in ids)
    ]
    assert not missing
    rules = {c.rule for c in cases}
    assert {
        "tag",
        "null-vs-omitted",
        "default",
        "unknown-field",
        "duplicate-field",
        "integer-width",
        "wrong-type",
    } <= rules


def _verdict(outcome: Outcome) -> tuple[str, str | None]:
    """What implementations must agree on: the verdict, and the bytes when accepted."""
    return outcome.verdict, outcome.text if outcome.accepted else None


def test_generated_crate_answers_like_the_contract_file(
    seed_model: WireModel, rust: Testee, rust_seed: Testee
) -> None:
    """On every case of release 1.0.0 (the contract file's), the current crate answers
    as event.rs does: 1.1.0 reads 1.0.0 data, and writes it back byte for byte.
    (Messages may differ: "expected one of" now lists the new variants.) Not in the
    sequence form: a 1.0.0 array of node_completed's 11 fields is one short for 1.1.0,
    and serde fills a missing element only from #[serde(default)], never for an Option."""
    released = [
        Request(c.type_name, c.input) for c in all_cases(seed_model) if not c.implementation_defined
    ]
    pairs = zip(released, rust.run(released), rust_seed.run(released), strict=True)
    differ = [r for r, a, b in pairs if _verdict(a) != _verdict(b)]
    assert not differ, differ[:20]


def test_node_id_accessor_matches_the_model_and_the_contract_file(
    model: WireModel, seed_model: WireModel, cases: list[Case], rust: Testee, rust_seed: Testee
) -> None:
    union = model.of_kind(TaggedUnion)[0]
    by_id = {c.id: c for c in cases}
    full = [
        Request("EventKind.node_id", by_id[f"EventKind.{v.wire_name}.full"].input)
        for v in union.variants
    ]
    generated = rust.run(full)
    assert [o.text != "null" for o in generated] == [v.has_node_id_accessor for v in union.variants]
    released = {v.wire_name for v in seed_model.of_kind(TaggedUnion)[0].variants}
    keep = [v.wire_name in released for v in union.variants]
    old = [r for r, k in zip(full, keep, strict=True) if k]
    assert [o for o, k in zip(generated, keep, strict=True) if k] == rust_seed.run(old)


def test_every_output_validates_against_the_writer_view(
    repo: Path, cases: list[Case], rust_outcomes: list[Outcome]
) -> None:
    writer = json.loads((repo / "generated/jsonschema/event.writer.schema.json").read_text())
    checked = 0
    for case, outcome in zip(cases, rust_outcomes, strict=True):
        if outcome.accepted:
            validator = _validator_for(writer, case.type_name)
            errors = [e.message for e in validator.iter_errors(json.loads(outcome.text))]
            assert not errors, f"{case.id}: {errors}"
            checked += 1
    assert checked > 500


def test_writer_view_refuses_non_canonical_documents(
    repo: Path, cases: list[Case], rust_outcomes: list[Outcome]
) -> None:
    """An accepted input that serde rewrites must not pass the writer view as it was."""
    writer = json.loads((repo / "generated/jsonschema/event.writer.schema.json").read_text())
    refused = 0
    for case, outcome in zip(cases, rust_outcomes, strict=True):
        if (
            outcome.accepted
            and case.input != outcome.text
            and _shape_differs(case.input, outcome.text)
        ):
            validator = _validator_for(writer, case.type_name)
            refused += not validator.is_valid(json.loads(case.input))
    assert refused > 100


def _shape_differs(a: str, b: str) -> bool:
    """True when two documents differ by more than key order and number spelling."""
    return _shape(json.loads(a)) != _shape(json.loads(b))


def _shape(node: object) -> object:
    if isinstance(node, dict):
        return sorted((k, _shape(v)) for k, v in node.items())
    if isinstance(node, list):
        return [_shape(v) for v in node]
    return (
        type(node).__name__
        if isinstance(node, int | float) and not isinstance(node, bool)
        else node
    )


def test_every_accepted_object_validates_against_the_reader_view(
    repo: Path, cases: list[Case], rust_outcomes: list[Outcome]
) -> None:
    reader = json.loads((repo / "schema/event.schema.json").read_text())
    for case, outcome in zip(cases, rust_outcomes, strict=True):
        if outcome.accepted and not case.implementation_defined:
            validator = _validator_for(reader, case.type_name)
            errors = [e.message for e in validator.iter_errors(json.loads(case.input))]
            assert not errors, f"{case.id}: {errors}"


def _validator_for(schema: dict[str, object], type_name: str) -> jsonschema.Draft202012Validator:
    rooted = {**schema, "$ref": f"#/$defs/{type_name}"}
    return jsonschema.Draft202012Validator(rooted, format_checker=None)
