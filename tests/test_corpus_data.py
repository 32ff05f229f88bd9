"""The corpus as data: every file valid against fixture.schema.json, ids unique, current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from codegen.corpus.readers import era_references, older_readers, recorded_with
from codegen.corpus.record import ROOT, record
from codegen.model import WireModel
from codegen.pipeline import stale
from jamjet_schema.conformance.corpus import ERAS, NOT_FIXTURES
from jamjet_schema.conformance.testee import Testee


def _fixture_files(repo: Path) -> list[Path]:
    """The tiers' files (not the manifest or causes.json, not the era files under eras/)."""
    return sorted(
        p
        for p in (repo / ROOT).rglob("*.json")
        if p.name not in NOT_FIXTURES and p.relative_to(repo / ROOT).parts[0] != ERAS
    )


def _era_files(repo: Path) -> list[Path]:
    return sorted((repo / ROOT / ERAS).glob("*.json"))


@pytest.fixture(scope="module")
def files(repo: Path) -> dict[Path, dict[str, Any]]:
    return {p: json.loads(p.read_text(encoding="utf-8")) for p in _fixture_files(repo)}


def test_every_fixture_file_matches_the_fixture_schema(
    repo: Path, files: dict[Path, dict[str, Any]]
) -> None:
    schema = json.loads((repo / "conformance/fixture.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    for path, data in files.items():
        errors = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(data)
        ]
        assert not errors, f"{path}: {errors[:3]}"


def test_era_files_match_the_fixture_schema_and_re_record_fixtures(
    repo: Path, files: dict[Path, dict[str, Any]]
) -> None:
    schema = json.loads((repo / "conformance/fixture.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    by_id = {c["id"]: c for data in files.values() for c in data["cases"]}
    eras = _era_files(repo)
    assert eras, "no era file: run `nox -s regenerate`"
    for path in eras:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert not list(validator.iter_errors(data)), path
        assert data["tier"] == "era" and path.name == f"serde_json-{data['serde_json']}.json"
        for case in data["cases"]:
            original = by_id[case["id"]]
            assert (case["type_name"], case["input"]) == (original["type_name"], original["input"])
            assert (case["class"], case.get("output")) != (
                original["class"],
                original.get("output"),
            )


def test_the_manifest_records_the_crates_of_each_build(repo: Path) -> None:
    manifest = json.loads((repo / ROOT / "manifest.json").read_text())
    assert manifest["recorded_with"] == recorded_with()
    assert set(manifest["recorded_with"]) == {"serde", "serde_json", "chrono", "uuid"}
    for version, crates in manifest["eras"].items():
        assert crates["serde_json"] == version
        assert (repo / ROOT / ERAS / f"serde_json-{version}.json").is_file()


def test_ids_are_unique_and_carry_their_tier(files: dict[Path, dict[str, Any]]) -> None:
    ids: list[str] = []
    for data in files.values():
        ids += [c["id"] for c in data["cases"]]
        assert all(c["id"].startswith(data["tier"] + ".") for c in data["cases"])
    assert len(ids) == len(set(ids))


def test_tier_folders_have_their_reason(repo: Path, files: dict[Path, dict[str, Any]]) -> None:
    for path, data in files.items():
        tier_dir = repo / ROOT / data["tier"]
        assert tier_dir in path.parents
        assert (tier_dir / "README.md").exists(), (
            f"{tier_dir} needs a README saying why cases are there"
        )


def test_canonical_cases_write_back_their_input(files: dict[Path, dict[str, Any]]) -> None:
    for data in files.values():
        for case in data["cases"]:
            if case["class"] == "canonical":
                assert case["output"] == case["input"], case["id"]
            elif case["class"] == "accepted":
                assert case["output"] != case["input"], case["id"]


def test_corpus_is_what_the_reference_answers_today(
    model: WireModel, rust: Testee, era_built: None
) -> None:
    """The expectations were recorded from the Rust reference; they must still be its answers."""
    files = record(
        model, rust, older_readers(model), recorded_with=recorded_with(), eras=era_references()
    )
    assert stale(files) == [], "run `nox -s regenerate` and commit"
