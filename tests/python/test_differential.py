"""The Python models against the Rust judge, case by case: same verdict, same bytes.

Cases: every systematic case of the wire model (codegen.corpus), the wire-heavy
extras (extra_cases.py) and `EventKind.node_id` on every variant. The Python side
answers in-process (fast), and once more through the registered subprocess.
"""

from __future__ import annotations

import collections

import pytest

from codegen.corpus.cases import all_cases
from codegen.model import WireModel
from jamjet_schema.conformance.testee import Outcome, Request, Testee
from jamjet_schema.models.answers import answer

from .conftest import TALLY
from .extra_cases import all_extras


@pytest.fixture(scope="module")
def requests(model: WireModel) -> list[tuple[str, Request]]:
    """(category, request) for every differential case."""
    cases = all_cases(model)
    out = [("systematic", Request(c.type_name, c.input)) for c in cases]
    out += [(f"extra:{e.category}", Request(e.type_name, e.input)) for e in all_extras()]
    documents = [
        c.input
        for c in cases
        if c.type_name == "EventKind" and c.id.endswith((".full", ".minimal"))
    ]
    out += [("node_id", Request("EventKind.node_id", text)) for text in documents]
    return out


@pytest.fixture(scope="module")
def rust_answers(rust: Testee, requests: list[tuple[str, Request]]) -> list[Outcome]:
    return rust.run(r for _, r in requests)


@pytest.fixture(scope="module")
def python_answers(requests: list[tuple[str, Request]]) -> list[Outcome]:
    return [Outcome(*answer(r.type_name, r.input)) for _, r in requests]


def _same(rust: Outcome, python: Outcome) -> bool:
    if rust.verdict != python.verdict:
        return False
    return rust.verdict != "output" or rust.text == python.text


def test_python_agrees_with_rust(
    requests: list[tuple[str, Request]], rust_answers: list[Outcome], python_answers: list[Outcome]
) -> None:
    counts: collections.Counter[str] = collections.Counter()
    disagreements = []
    for (category, request), rust, python in zip(
        requests, rust_answers, python_answers, strict=True
    ):
        counts[category] += 1
        if not _same(rust, python):
            disagreements.append(
                f"{category} {request.type_name} {request.input[:160]!r}\n"
                f"    rust:   {rust.verdict} {rust.text[:160]}\n"
                f"    python: {python.verdict} {python.text[:160]}"
            )
    accepted = sum(1 for a in rust_answers if a.accepted)
    TALLY["differential"] = (
        f"{len(requests)} cases ({accepted} accepted, {len(requests) - accepted} rejected), "
        f"{len(disagreements)} disagreements; "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )
    assert not disagreements, f"{len(disagreements)} disagreements:\n" + "\n".join(
        disagreements[:25]
    )


def test_every_case_is_answered(python_answers: list[Outcome]) -> None:
    assert all(a.verdict != "skipped" for a in python_answers)


def test_subprocess_testee_answers_like_in_process(
    python_testee: Testee, requests: list[tuple[str, Request]], python_answers: list[Outcome]
) -> None:
    """The registered command (`python -m jamjet_schema.cli testee`) speaks the protocol."""
    answers = python_testee.run(r for _, r in requests)
    assert answers == python_answers
    TALLY["subprocess testee"] = f"{len(answers)} answers identical to the in-process ones"
