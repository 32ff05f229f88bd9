"""Fixtures of the runner's tests: the small test corpus, the reference, the broken testees."""

from __future__ import annotations

import shutil
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from jamjet_schema.conformance import corpus
from jamjet_schema.conformance.testee import Testee

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DATA = HERE / "data" / "corpus"  # cases recorded from the reference; its manifest fits them
REFERENCE = REPO / "target" / "release" / "jamjet-testee-rust"
PACKAGED = Path(str(files("jamjet_schema") / "corpus"))


def broken_command(name: str) -> list[str]:
    """The command line of tests/conformance/broken/<name>.py."""
    return [sys.executable, str(HERE / "broken" / f"{name}.py")]


def broken_testee(name: str) -> Testee:
    return Testee(tuple(broken_command(name)), REPO)


@pytest.fixture(scope="session")
def reference(rust_built: None) -> Testee:
    """The Rust reference testee (broken testees wrap it: request this fixture for them too)."""
    return Testee((str(REFERENCE),), REPO)


@pytest.fixture(scope="session")
def data_corpus() -> corpus.Corpus:
    return corpus.load(DATA)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the test corpus."""
    return Path(shutil.copytree(DATA, tmp_path / "corpus"))


@pytest.fixture(scope="session")
def shipped_corpus() -> corpus.Corpus:
    """The packaged corpus (jamjet_schema/corpus); the tests using it skip until it exists."""
    if not PACKAGED.is_dir():
        pytest.skip(f"no packaged corpus at {PACKAGED} yet")
    return corpus.load(PACKAGED)
