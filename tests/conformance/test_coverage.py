"""--coverage: fixtures per variant, field and rule; non-zero when a variant or field has none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jamjet_schema import cli
from jamjet_schema.conformance import corpus, coverage
from tests.conformance.conftest import DATA


def coverage_run(capsys: pytest.CaptureFixture[str], folder: Path, *extra: str) -> tuple[int, str]:
    code = cli.main(["conformance", "--coverage", "--corpus", str(folder), *extra])
    return code, capsys.readouterr().out


def edit_manifest(folder: Path, change: Any) -> None:
    path = folder / corpus.MANIFEST
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_the_test_corpus_covers_its_manifest(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = coverage_run(capsys, DATA)
    assert code == 0
    assert out.splitlines()[-1] == "0 variant(s)/field(s) without a fixture"
    counts = {
        line.split()[0]: int(line.split()[1])
        for line in out.splitlines()[1:-1]
        if len(line.split()) == 2
    }
    assert counts["EventKind.workflow_failed"] == 6  # cases covering the variant or its fields
    assert counts["error"] == 2
    assert counts["Event.created_at"] == 2
    assert counts["tag"] == 5  # a rule


def test_a_variant_without_fixture_fails(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_manifest(
        data_copy, lambda m: m["types"]["EventKind"]["variants"].update(node_completed=["node_id"])
    )
    code, out = coverage_run(capsys, data_copy)
    assert code == 1
    assert "  EventKind.node_completed" in out and "<- no fixture" in out
    assert out.splitlines()[-1] == "2 variant(s)/field(s) without a fixture"


def test_a_field_without_fixture_fails(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_manifest(data_copy, lambda m: m["types"]["Event"]["fields"].append("parent_id"))
    code, out = coverage_run(capsys, data_copy, "--format", "json")
    doc = json.loads(out)
    assert code == 1 and doc["ok"] is False and "run" not in doc
    assert doc["coverage"]["missing"] == ["Event.parent_id"]


def test_a_rule_without_fixture_is_reported_only(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_manifest(data_copy, lambda m: m["rules"].append("nesting-depth"))
    code, out = coverage_run(capsys, data_copy)
    assert code == 0
    assert "nesting-depth" in out and "(a rule: reported only)" in out


def test_covers_naming_what_the_manifest_lacks_fails(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_manifest(
        data_copy, lambda m: m["types"]["EventKind"]["variants"].pop("workflow_cancelled")
    )
    code, out = coverage_run(capsys, data_copy)
    assert code == 1
    assert "covers names what the manifest lacks: required.EventKind.workflow_cancelled" in out


def test_coverage_joins_a_test_run(capsys: pytest.CaptureFixture[str], reference: object) -> None:
    code, out = coverage_run(capsys, DATA, "--impl", "rust", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["run"]["ok"] and doc["coverage"]["ok"]


def test_an_event_case_may_cover_a_variant_of_its_kind() -> None:
    manifest = coverage.load_manifest(DATA / corpus.MANIFEST)
    case = next(c for c in corpus.load(DATA).cases if c.id == "required.Event.minimal")
    nested = corpus.Case(
        **{**case.__dict__, "covers_variant": "workflow_started", "covers_field": "kind"}
    )
    measured = coverage.measure(manifest, [nested])
    counted = {i.name for i in measured.items if i.count}
    assert counted == {"EventKind.workflow_started", "Event.kind", "required-field"}


def test_the_shipped_corpus_covers_its_manifest(shipped_corpus: corpus.Corpus) -> None:
    measured = coverage.measure(
        coverage.load_manifest(shipped_corpus.manifest_path), shipped_corpus.cases
    )
    assert measured.missing == [] and measured.unknown == ()


def test_a_broken_manifest_is_reported(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_copy / corpus.MANIFEST).write_text('{"rules": []}', encoding="utf-8")
    code = cli.main(["conformance", "--coverage", "--corpus", str(data_copy)])
    assert code == 2
    assert "not a usable corpus manifest" in capsys.readouterr().err
