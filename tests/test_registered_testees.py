"""Every implementation this project ships passes the whole shipped corpus, and the
corpus pins every variant and field of the manifest (what `.ci/run` relies on)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from jamjet_schema.cli import main
from jamjet_schema.conformance.testee import load_registry

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


@pytest.mark.parametrize("name", CURRENT)
def test_registered_testee_passes_the_corpus(
    name: str, rust_built: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if name == "typescript":
        _build_typescript()
    monkeypatch.chdir(REPO)
    code = main(["conformance", "--impl", name])
    out = capsys.readouterr().out
    assert code == 0, out[-3000:]
    assert "PASS" in out
