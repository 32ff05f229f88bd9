"""`jamjet-schema conformance` with CI's outputs against the plain text run (issue 24):
the whole corpus through the Rust reference testee, as whole processes, the best of
interleaved rounds. The promise: `--junit-xml` (a test case per fixture) costs at most
1.5x the text run, and so does `--format github`."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.processes import cli, run_child
from benchmarks.report import Target
from benchmarks.timing import Measured, Row, Rows, Trial, interleaved
from codegen.pipeline import REPO

TEXT = "conformance --impl rust, text report"
JUNIT = "conformance --impl rust --junit-xml FILE"
GITHUB = "conformance --impl rust --format github"
FIXTURES = REPO / "conformance" / "fixtures"


def cases() -> int:
    from jamjet_schema.conformance import corpus

    return len(corpus.load(FIXTURES).cases)


def rows(rounds: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        xml = Path(tmp) / "conformance.xml"
        base = [*cli(), "conformance", "--impl", "rust", "--corpus", str(FIXTURES)]
        commands = {TEXT: base, JUNIT: [*base, "--junit-xml", str(xml)]}
        commands[GITHUB] = [*base, "--format", "github"]
        trials = [Trial(name, _once(command)) for name, command in commands.items()]
        best = interleaved(trials, rounds)
    n = cases()
    note = "cases; the whole process"
    return [
        Row(TEXT, n, best[TEXT].seconds, note),
        Row(JUNIT, n, best[JUNIT].seconds, note, peer=TEXT),
        Row(GITHUB, n, best[GITHUB].seconds, note, peer=TEXT),
    ]


def _once(command: list[str]) -> Callable[[], Measured]:
    return lambda: run_child(command)[0]  # from the repository: --impl finds its registry


def targets(measured: Rows) -> list[Target]:
    text = measured[TEXT].seconds
    return [
        Target(f"24. {name} <= 1.5 x the text run's time", measured[name].seconds / text, 1.5, True)
        for name in (JUNIT, GITHUB)
    ]
