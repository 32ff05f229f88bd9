"""Every implementation this project ships passes the whole shipped corpus, and the
corpus pins every variant and field of the manifest (what `.ci/run` relies on)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from jamjet_schema.cli import main
from jamjet_schema.conformance import corpus
from jamjet_schema.conformance.testee import load_registry
from jamjet_schema.diff.bump import parse_version

REPO = Path(__file__).resolve().parents[1]
REGISTRY = load_registry(REPO / "conformance" / "testees.json")
CURRENT = [name for name, entry in REGISTRY.items() if "reader_version" not in entry]


def test_the_corpus_covers_every_variant_and_field(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conformance", "--coverage"]) == 0
    assert "0 variant(s)/field(s) without a fixture" in capsys.readouterr().out


def _build_typescript() -> None:
    """The typescript testee is built output: build it the way nox -s tests does."""
    package = REPO / "tests" / "typescript"
    if not (package / "node_modules").exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--prefix", str(package)], check=True, capture_output=True
        )
    subprocess.run(
        ["npm", "run", "build", "--prefix", str(package)], check=True, capture_output=True
    )


def _build_java() -> None:
    """The java testee is a built jar: build it the way nox -s tests does (Maven fetches
    what it needs)."""
    subprocess.run(
        ["mvn", "-B", "-q", "-f", str(REPO / "tests" / "java"), "package", "-DskipTests"],
        check=True,
        capture_output=True,
    )


@pytest.mark.parametrize("name", CURRENT)
def test_registered_testee_passes_the_corpus(
    name: str, rust_built: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if name == "typescript":
        _build_typescript()
    if name == "java":
        _build_java()
    monkeypatch.chdir(REPO)
    code = main(["conformance", "--impl", name])
    out = capsys.readouterr().out
    assert code == 0, out[-3000:]
    assert "PASS" in out


READERS = [name for name, entry in REGISTRY.items() if "reader_version" in entry]


@pytest.mark.parametrize("name", READERS)
def test_registered_older_reader_passes_its_release_and_skips_the_later_ones(
    name: str, rust_built: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reader of an older release (rust-seed: event.rs, 1.0.0) passes every case of
    its release and its evolution cases; the cases of later releases are not asked."""
    reader = REGISTRY[name]["reader_version"]
    cases = corpus.load().cases
    later = sorted(
        c.id
        for c in cases
        if c.since is not None and parse_version(c.since) > parse_version(reader)
    )
    own = [c for c in cases if c.reader_version == reader]
    assert later and own, "the corpus has cases of a later release, and this reader's"
    monkeypatch.chdir(REPO)
    code = main(["conformance", "--impl", name, "--format", "json"])
    report = json.loads(capsys.readouterr().out)["run"]
    assert code == 0, report["failures"][:3]
    assert report["failures"] == [] and report["known_failures_still_failing"] == []
    assert sorted(s["id"] for s in report["skipped"]) == later
    assert report["by_tier"]["evolution"] == {"passed": len(own)}
