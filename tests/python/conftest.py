"""Shared pieces of the Python-package tests: the registered Python testee and a tally.

The Rust testees come from tests/conftest.py (`rust` builds them once per session).
Counts recorded in TALLY are printed at the end of the run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jamjet_schema.conformance.testee import Testee, registered

REPO = Path(__file__).resolve().parents[2]
TALLY: dict[str, str] = {}


@pytest.fixture(scope="session")
def python_testee() -> Testee:
    """The Python testee as conformance/testees.json registers it: a real subprocess."""
    return registered(REPO / "conformance" / "testees.json", "python")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TALLY:
        terminalreporter.section("jamjet_schema Python package")
        for name, line in TALLY.items():
            terminalreporter.write_line(f"{name}: {line}")
