"""The triage report: failures grouped by rule and how (and Rust type), most first, one
worked example each; the first difference of two outputs as a JSON path."""

from __future__ import annotations

import json
import shlex
from typing import Any

import pytest

from jamjet_schema import cli
from jamjet_schema.conformance import report, runner, triage
from jamjet_schema.conformance.corpus import Corpus
from jamjet_schema.conformance.testee import Testee
from tests.conformance.conftest import DATA, broken_command, broken_testee


@pytest.mark.parametrize(
    ("expected", "actual", "shown"),
    [
        (
            '{"a":1,"b":{"c":[1,2.0]}}',
            '{"a":1,"b":{"c":[1,2]}}',
            "at $.b.c[1]: expected 2.0, got 2",
        ),
        ('{"a":1,"b":2}', '{"b":2,"a":1}', 'at $ (member 1): expected "a":1, got "b":2'),
        ('{"a":1,"b":null}', '{"a":1}', 'at $ (member 2): expected "b":null, got no more members'),
        ('{"a":[1]}', '{"a":[1,2]}', "at $.a[1]: expected no more items, got 2"),
        ('{"a b":"x"}', '{"a b":"y"}', 'at $["a b"]: expected "x", got "y"'),
        ('{"a":"1"}', '{"a":1}', 'at $.a: expected "1", got 1'),
        ('{"a":"\\u00e9"}', '{"a":"\u00e9"}', "at character 6 (the same JSON value, spelt differ"),
        ('{"a":1}', "{'a':1}", "at character 1 (the actual output is not JSON)"),
    ],
)
def test_the_first_difference(expected: str, actual: str, shown: str) -> None:
    assert str(triage.first_difference(expected, actual)).startswith(f"first difference {shown}")


def test_one_bug_is_one_group_at_the_top(reference: Testee, data_corpus: Corpus) -> None:
    result = runner.run(broken_testee("drop_nulls"), data_corpus.cases, None, data_corpus.root)
    failed = result.having("failed")
    top, *rest = triage.group(failed)
    assert top.title == "null-vs-omitted | other bytes"
    assert [(s.rust_type, len(rs)) for s, rs in top.by_type] == [
        ("Option<String>", 8),
        ("Option<Value>", 1),
    ]
    assert all(len(g.results) < len(top.results) for g in rest)
    assert sum(len(g.results) for g in [top, *rest]) == len(failed)
    text = report.text(result)
    section = text[text.index("FAILURES, required tier") :]
    assert section.index("1. null-vs-omitted | other bytes: 9 fixtures") < section.index("2. ")
    assert "by Rust type: Option<String> 8, Option<Value> 1" in section


def test_a_single_type_is_named_in_the_title(reference: Testee, data_corpus: Corpus) -> None:
    result = runner.run(broken_testee("truncate_nanos"), data_corpus.cases, None, data_corpus.root)
    titles = [g.title for g in triage.group(result.having("failed"))]
    assert titles[0] == "timestamp | DateTime<Utc> | other bytes"


@pytest.mark.parametrize(
    ("name", "how"),
    [
        ("dedup_keys", "accepts what serde rejects"),
        ("tag_first", "rejects what serde accepts"),
        ("float_no_dot_zero", "other bytes"),
    ],
)
def test_how_a_fixture_fails(name: str, how: str, reference: Testee, data_corpus: Corpus) -> None:
    result = runner.run(broken_testee(name), data_corpus.cases)
    assert {triage.how(r) for r in result.having("failed")} == {how}


def as_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    code = cli.main(["conformance", "--corpus", str(DATA), "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_the_json_report_carries_the_groups(
    reference: Testee, capsys: pytest.CaptureFixture[str]
) -> None:
    code, doc = as_json(capsys, "--testee", shlex.join(broken_command("drop_nulls")))
    assert code == 1
    top = doc["run"]["groups"][0]
    assert top["tier"] == "required" and top["fatal"] is True
    assert top["title"] == "null-vs-omitted | other bytes" and top["count"] == 9
    assert [(s["rust_type"], len(s["ids"])) for s in top["symptoms"]] == [
        ("Option<String>", 8),
        ("Option<Value>", 1),
    ]
    assert top["example"]["id"] == top["ids"][0] == top["symptoms"][0]["ids"][0]
    assert top["example"]["first_difference"]["path"] is not None
    assert sum(g["count"] for g in doc["run"]["groups"]) == len(doc["run"]["failures"])


def test_implementation_defined_groups_are_not_fatal(
    reference: Testee, capsys: pytest.CaptureFixture[str]
) -> None:
    code, doc = as_json(capsys, "--testee", shlex.join(broken_command("no_sequences")))
    assert code == 0
    (group,) = doc["run"]["groups"]
    assert group["tier"] == "implementation-defined" and group["fatal"] is False
    assert group["example"]["status"] == "implementation-defined: differs"


def test_an_evolution_only_run_names_its_tier(
    reference: Testee, shipped_corpus: Corpus, capsys: pytest.CaptureFixture[str]
) -> None:
    """The current reference is no 1.0.0 reader: it accepts what 1.0.0 did not know."""
    args = ["conformance", "--impl", "rust", "--reader-version", "1.0.0", "--rule", "evolution"]
    code = cli.main(args)
    out = capsys.readouterr().out
    verdict = out.rstrip().splitlines()[-1]
    assert code == 1
    assert "FAILURES, evolution tier: " in out and "FAILURES, required tier" not in out
    assert verdict.startswith("FAIL: ") and "of the evolution tier fail" in verdict
    assert "required" not in verdict
