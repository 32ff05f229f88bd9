"""The triage report: failures grouped by observed cause, most first, one worked example
each; the first difference of two outputs as a JSON path."""

from __future__ import annotations

import json
import shlex
from typing import Any

import pytest

from jamjet_schema import cli
from jamjet_schema.conformance import causes, report, runner, triage
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


def required_run(name: str, shipped: Corpus) -> runner.RunResult:
    cases = [c for c in shipped.cases if c.tier == "required"]
    return runner.run(broken_testee(name), cases, None, shipped.root)


# Each broken testee does one thing otherwise than serde: one cause, however many rules
# its fixtures pin. (int_from_float reads `1.0` as 1 in a Value too: a second cause.)
SINGLE_CAUSES = {
    "dedup_keys": "duplicate-member",
    "drop_nulls": "omits-null",
    "float_no_dot_zero": "float-spelling",
    "lib_ascii_only": "escaping",
    "lib_dotnet_doubles": "float-spelling",
    "lib_go_floats": "float-spelling",
    "lib_go_html_escape": "escaping",
    "lib_go_replace_surrogates": "lone-surrogate",
    "lib_gson_html_escape": "escaping",
    "lib_integers_as_doubles": "integer-precision",
    "lib_jackson_control_upper": "escaping",
    "lib_java_doubles": "float-spelling",
    "lib_js_numbers": "float-spelling",
    "lib_keep_lone_surrogates": "lone-surrogate",
    "lib_line_separators": "escaping",
    "lib_php_doubles": "float-spelling",
    "lib_php_slashes": "escaping",
    "lib_python_allow_nan": "strict-json",
    "lib_python_floats": "float-spelling",
    "lib_python_separators": "spelling",
    "lib_stj_html": "escaping",
    "lib_stj_non_ascii": "escaping",
    "lowercase_tags": "unknown-tag",
    "reject_unknown": "rejects:unknown field _",
    "sort_fields": "member-order",
    "tag_first": "rejects:the tag _ must come first",
    "truncate_nanos": "timestamp",
}


@pytest.mark.parametrize(("name", "key"), sorted(SINGLE_CAUSES.items()))
def test_one_cause_is_one_group(
    name: str, key: str, reference: Testee, shipped_corpus: Corpus
) -> None:
    groups = causes.group(required_run(name, shipped_corpus).having("failed"))
    assert [g.key for g in groups] == [key]


def test_a_port_with_several_causes_is_a_group_per_cause_largest_first(
    reference: Testee, shipped_corpus: Corpus
) -> None:
    """lib_java_port: a Jackson port's defaults at once. Its null-dropping fails
    thousands of float-format fixtures (a float-format fixture has Option members left
    None): grouped by rule, it read as a float bug."""
    failed = required_run("lib_java_port", shipped_corpus).having("failed")
    groups = causes.group(failed)
    assert [g.key for g in groups] == [
        "omits-null",
        "float-spelling",
        "duplicate-member",
        "lone-surrogate",
        "escaping",
        "float-for-integer",
    ]
    counts = [len(g.results) for g in groups]
    assert counts == sorted(counts, reverse=True) and sum(counts) == len(failed)
    assert dict(groups[0].rules)["float-format"] > len(groups[0].results) // 2
    text = report.text(required_run("lib_java_port", shipped_corpus))
    section = text[text.index("FAILURES, required tier") :]
    assert section.index(f"1. {causes.OMITS_NULL}: {counts[0]} fixtures") < section.index("2. ")


@pytest.mark.parametrize(
    ("expected", "actual", "keys"),
    [
        ('{"a":1,"b":null}', '{"a":1}', {"omits-null"}),
        ('{"a":[],"b":1}', '{"b":1}', {"omits-empty"}),
        ('{"a":1}', '{"a":1,"b":null}', {"writes-null"}),
        ('{"a":1,"b":2}', '{"b":2,"a":1}', {"member-order"}),
        ('{"a":1.0,"b":1e21}', '{"a":1,"b":1e+21}', {"float-spelling"}),
        ('{"a":0.30000000000000004}', '{"a":0.3}', {"float-value"}),
        ('{"a":18446744073709551615}', '{"a":18446744073709552000}', {"integer-precision"}),
        ('{"a":1}', '{"a":"1"}', {"number-as-string"}),
        ('{"a":"1"}', '{"a":1}', {"string-as-number"}),
        ('{"a":"x"}', '{"a":1}', {"string-as-number"}),
        ('{"a":null}', '{"a":0}', {"other-value"}),
        ('{"t":"2026-01-01T00:00:00.123456789Z"}', '{"t":"2026-01-01T00:00:00.123456Z"}', {"timestamp"}),
        ('{"k":{"type":"node_started"}}', '{"k":{"type":"NodeStarted"}}', {"tag"}),
        (r'{"a":"\u001f<\u00e9"}', r'{"a":"\u001F\u003c\u00e9"}', {"escaping"}),
        ('{"a":"é","b":null}', r'{"a":"\u00e9"}', {"escaping", "omits-null"}),
        ('{"a":1}', '{"a": 1}', {"spelling"}),
        ('{"a":1}', "{'a':1}", {"not-json"}),
    ],
)  # fmt: skip
def test_what_an_output_did_otherwise(expected: str, actual: str, keys: set[str]) -> None:
    assert {c.key for c in causes.output_causes(expected, actual)} == keys


def as_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    code = cli.main(["conformance", "--corpus", str(DATA), "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_the_json_report_carries_the_groups(
    reference: Testee, capsys: pytest.CaptureFixture[str]
) -> None:
    code, doc = as_json(capsys, "--testee", shlex.join(broken_command("drop_nulls")))
    assert code == 1
    (top,) = doc["run"]["groups"]
    assert top["tier"] == "required" and top["fatal"] is True
    assert top["cause"] == "omits-null" and top["title"] == causes.OMITS_NULL.title
    assert top["rules"] == {"null-vs-omitted": 9, "required-field": 1}  # one cause, two rules
    assert top["count"] == 10
    assert top["example"]["id"] == top["ids"][0]
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
