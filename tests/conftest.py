"""Fixtures shared by the whole suite: the repository, the wire model, the Rust testees."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from codegen.model import WireModel
from codegen.pipeline import load_model
from jamjet_schema.conformance.testee import Testee, registered

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


@pytest.fixture(scope="session")
def era_built() -> None:
    """Builds the serde_json era references (reference/era-*/), each its own workspace."""
    from codegen.corpus.era_builds import eras

    for era in eras(REPO):
        subprocess.run(era.build_command(), cwd=REPO, check=True)


REGISTRY = REPO / "conformance" / "testees.json"


def registered_testee(name: str) -> Testee:
    return registered(REGISTRY, name)


@pytest.fixture(scope="session")
def rust(rust_built: None) -> Testee:
    """The generated crate: the judge."""
    return registered_testee("rust")


@pytest.fixture(scope="session")
def rust_seed(rust_built: None) -> Testee:
    """The contract file compiled verbatim."""
    return registered_testee("rust-seed")
