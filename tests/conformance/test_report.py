"""The reports: JSON carries everything, text is clipped where texts are long."""

from __future__ import annotations

from jamjet_schema.conformance import report, runner
from jamjet_schema.conformance.corpus import Corpus
from jamjet_schema.conformance.testee import Testee
from tests.conformance.conftest import broken_testee

NANOS = "required.Event.field.created_at.valid.nanoseconds"


def test_the_json_report(reference: Testee, data_corpus: Corpus) -> None:
    result = runner.run(broken_testee("truncate_nanos"), data_corpus.cases, None, data_corpus.root)
    doc = report.as_json(result)
    run = doc["run"]
    assert doc["ok"] is False and run["ok"] is False
    assert run["testee"].endswith("truncate_nanos.py") and run["corpus"] == str(data_corpus.root)
    assert run["totals"] == {"passed": 43, "failed": 7}
    assert run["by_rule"]["timestamp"] == {"passed": 3, "failed": 2}
    assert run["by_class"]["rejected"] == {"passed": 22}
    assert run["by_tier"]["required"] == {"passed": 42, "failed": 7}
    failure = next(f for f in run["failures"] if f["id"] == NANOS)
    case = next(c for c in data_corpus.cases if c.id == NANOS)
    assert failure == {
        "id": NANOS,
        "fatal": True,
        "tier": "required",
        "rule": "timestamp",
        "class": "accepted",
        "type_name": "Event",
        "file": str(case.file),
        "description": "created_at = nanoseconds",
        "problem": "accepted, but the output differs",
        "input": case.input,
        "expected": {"verdict": "output", "text": case.output},
        "actual": {
            "verdict": "output",
            "text": case.output and case.output.replace("456789Z", "456Z"),
            "defect": None,
        },
        "status": "FAILED",
        "first_difference": {
            "path": "$.created_at",
            "offset": None,
            "expected": '"2024-05-06T07:08:09.123456789Z"',
            "actual": '"2024-05-06T07:08:09.123456Z"',
            "note": "",
        },
    }
    assert run["known_failures"] is None and run["stale_known_failures"] == []


def test_skips_in_the_json_report(reference: Testee, data_corpus: Corpus) -> None:
    result = runner.run(broken_testee("skip_provenance"), data_corpus.cases)
    skipped = report.as_json(result)["run"]["skipped"]
    assert len(skipped) == 10
    assert skipped[0]["reason"] == "type ProvenanceMetadata is not implemented"


def test_long_texts_are_clipped_around_the_first_difference() -> None:
    expected, actual = "a" * 1000 + "X" + "b" * 1000, "a" * 1000 + "Y" + "b" * 1000
    shown = report._clip(expected, report._first_difference(expected, actual))
    assert shown.startswith("[...900 chars] a") and "X" in shown
    assert shown.endswith(" [...801 more chars]")
    assert len(shown) < report.CLIP + 40
    assert report._clip("short") == "short"


def test_the_text_report_clips_a_long_error(reference: Testee, data_corpus: Corpus) -> None:
    result = runner.run(broken_testee("lowercase_tags"), data_corpus.cases, None, data_corpus.root)
    text = report.text(result)
    line = next(x for x in text.splitlines() if x.strip().startswith("expected  error"))
    assert "unknown variant `WORKFLOW_STARTED`" in line and line.endswith("more chars]")
