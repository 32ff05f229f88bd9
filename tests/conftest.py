"""Fixtures shared by the whole suite: the repository, the wire model, the Rust testees."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from codegen.model import WireModel
from codegen.pipeline import load_model
from jamjet_schema.conformance.testee import Testee

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def model() -> WireModel:
    return load_model()


@pytest.fixture(scope="session")
def seed_model() -> WireModel:
    """Schema 1.0.0, the release the contract file event.rs defines (reference/seed)."""
    return load_model(Path("schema/history/1.0.0.json"))


@pytest.fixture(scope="session")
def rust_built() -> None:
    """Builds the Rust testees once; cargo makes this a no-op when nothing changed."""
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)


def registered_testee(name: str) -> Testee:
    registry = json.loads((REPO / "conformance" / "testees.json").read_text(encoding="utf-8"))
    return Testee.from_shell(registry[name]["command"], cwd=REPO)


@pytest.fixture(scope="session")
def rust(rust_built: None) -> Testee:
    """The generated crate: the judge."""
    return registered_testee("rust")


@pytest.fixture(scope="session")
def rust_seed(rust_built: None) -> Testee:
    """The contract file compiled verbatim."""
    return registered_testee("rust-seed")
