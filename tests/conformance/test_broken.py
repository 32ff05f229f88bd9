"""The runner against the reference (passes everything) and against testees broken on
purpose, one serde rule each (tests/conformance/broken/): each must fail, on fixtures
of the rule it breaks. Run over the small test corpus and over the shipped corpus."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from jamjet_schema.conformance import runner
from jamjet_schema.conformance.corpus import Corpus
from jamjet_schema.conformance.testee import ProtocolError, Testee
from tests.conformance.conftest import broken_testee


@dataclass(frozen=True)
class Catch:
    rule: str  # the rule the bug breaks: some fatal failure must be of it
    witnesses: frozenset[str]  # fixtures that must fail (in both corpora)
    only: bool = False  # on the test corpus, nothing else fails


def ids(*suffixes: str) -> frozenset[str]:
    return frozenset(f"required.{s}" for s in suffixes)


CATCHES = {
    "drop_nulls": Catch("null-vs-omitted", ids("EventKind.workflow_cancelled.field.reason.null")),
    "int_from_float": Catch(
        "integer-width",
        ids(
            "Event.field.sequence.invalid.float",
            "EventKind.node_started.field.attempt.invalid.float",
        ),
        only=True,
    ),
    "dedup_keys": Catch(
        "duplicate-field", ids("EventKind.workflow_failed.field.error.twice"), only=True
    ),
    "truncate_nanos": Catch(
        "timestamp",
        ids(
            "EventKind.timer_created.field.fire_at.valid.nanoseconds",
            "Event.field.created_at.valid.nanoseconds",
        ),
    ),
    "float_no_dot_zero": Catch(
        "float-format", ids("ProvenanceMetadata.field.confidence.valid.integer"), only=True
    ),
    "reject_unknown": Catch(
        "unknown-field",
        ids("Event.unknown-field", "EventKind.workflow_failed.unknown-field"),
        only=True,
    ),
    "tag_first": Catch("tag", ids("EventKind.workflow_failed.tag-last"), only=True),
    "sort_fields": Catch(
        "required-field", ids("ProvenanceMetadata.full", "EventKind.workflow_failed.full")
    ),
    "lowercase_tags": Catch("tag", ids("EventKind.tag.upper-case"), only=True),
}


def run(testee: Testee, loaded: Corpus) -> runner.RunResult:
    """The current-schema cases: evolution cases belong to older readers."""
    cases = tuple(c for c in loaded.cases if c.tier != "evolution")
    return runner.run(testee, cases, None, loaded.root)


def fatal_ids(result: runner.RunResult) -> set[str]:
    return {r.case.id for r in result.results if r.fatal}


def test_the_reference_passes_the_test_corpus(reference: Testee, data_corpus: Corpus) -> None:
    result = run(reference, data_corpus)
    assert result.ok
    assert {r.status for r in result.results} == {"passed"}


def test_the_reference_passes_the_shipped_corpus(reference: Testee, shipped_corpus: Corpus) -> None:
    result = run(reference, shipped_corpus)
    assert [r.case.id for r in result.results if r.status != "passed"] == []


@pytest.mark.parametrize("name", CATCHES)
def test_a_broken_testee_fails_the_test_corpus(
    name: str, reference: Testee, data_corpus: Corpus
) -> None:
    catch, result = CATCHES[name], run(broken_testee(name), data_corpus)
    assert not result.ok
    assert catch.witnesses <= fatal_ids(result)
    if catch.only:
        assert fatal_ids(result) == catch.witnesses
    assert catch.rule in {r.case.rule for r in result.results if r.fatal}


@pytest.mark.parametrize("name", CATCHES)
def test_a_broken_testee_fails_the_shipped_corpus(
    name: str, reference: Testee, shipped_corpus: Corpus
) -> None:
    catch, result = CATCHES[name], run(broken_testee(name), shipped_corpus)
    assert not result.ok
    assert catch.witnesses <= fatal_ids(result)
    assert catch.rule in {r.case.rule for r in result.results if r.fatal}


def test_implementation_defined_differences_never_fail(
    reference: Testee, data_corpus: Corpus
) -> None:
    result = run(broken_testee("no_sequences"), data_corpus)
    assert result.ok
    [differs] = result.having("failed")
    assert differs.case.tier == "implementation-defined" and not differs.fatal
    assert differs.case.rule == "sequence-form"


def test_skipped_types_are_reported_not_failed(reference: Testee, data_corpus: Corpus) -> None:
    result = run(broken_testee("skip_provenance"), data_corpus)
    skipped = result.having("skipped")
    assert result.ok
    assert {r.case.type_name for r in skipped} == {"ProvenanceMetadata"}
    assert len(skipped) == sum(c.type_name == "ProvenanceMetadata" for c in data_corpus.cases)


def test_a_testee_that_dies_is_a_protocol_error(data_corpus: Corpus) -> None:
    with pytest.raises(ProtocolError, match="exited with status 3 before answering request 1"):
        run(broken_testee("crash"), data_corpus)
