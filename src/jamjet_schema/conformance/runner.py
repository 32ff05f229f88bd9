"""Runs a testee over the corpus and judges every answer against the Rust reference's.

The testee is started once for the whole selection (one batch), so a run over the
full corpus costs one process start. A case passes when the verdict agrees (output
vs error) and, for an accepted input, the output is byte-identical; error texts and
the `serde_error` of the fixture are never compared.

A testee that reads as an older release (`reader_version`) is not asked the cases
that use what a later release added (their `since`): they are reported as skipped,
and the evolution tier holds what such a reader answers to newer documents.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from jamjet_schema.conformance import corpus as corpus_mod
from jamjet_schema.conformance import known_failures as kf
from jamjet_schema.conformance.corpus import Case
from jamjet_schema.conformance.testee import Outcome, Request, Testee
from jamjet_schema.diff.bump import parse_version

TierChoice = Literal["required", "all"]
# known-failure: listed and failing (expected); now-passes: listed but passing (stale list).
Status = Literal["passed", "failed", "skipped", "known-failure", "now-passes"]
STATUSES: tuple[Status, ...] = ("passed", "failed", "known-failure", "now-passes", "skipped")


@dataclass(frozen=True)
class Selection:
    """Which cases to run: a tier, optionally some rules, optionally an id substring.

    Evolution cases record what a reader of an older release answers, so they apply
    only to a testee that is such a reader: they are selected for `reader_version`.
    """

    tier: TierChoice = "all"
    rules: frozenset[str] = frozenset()
    match: str | None = None
    reader_version: str | None = None
    every_reader: bool = False  # evolution cases of every reader (for coverage)

    def select(self, cases: Iterable[Case]) -> list[Case]:
        return [c for c in cases if self.wants(c)]

    def wants(self, case: Case) -> bool:
        return (
            self.wants_tier(case)
            and (not self.rules or case.rule in self.rules)
            and (self.match is None or self.match in case.id)
        )

    def wants_tier(self, case: Case) -> bool:
        if case.tier == "evolution":
            return self.every_reader or case.reader_version == self.reader_version
        return self.tier == "all" or case.tier == "required"


def newer_than_reader(case: Case, reader_version: str | None) -> bool:
    """The case uses what a release after the testee's (`reader_version`) added."""
    if reader_version is None or case.since is None or case.tier == "evolution":
        return False
    return parse_version(case.since) > parse_version(reader_version)


NOT_ASKED = "not asked: "  # starts the text of a case the runner skipped itself


def not_for_reader(case: Case, reader_version: str) -> Outcome:
    return Outcome(
        "skipped",
        f"{NOT_ASKED}uses what schema {case.since} added, and the testee reads as "
        f"{reader_version} (the evolution tier holds its answers to newer documents)",
    )


def expected_outcome(case: Case) -> Outcome:
    if case.output is None:
        return Outcome("error", case.serde_error or "")
    return Outcome("output", case.output)


def agrees(case: Case, actual: Outcome) -> bool:
    if case.output is None:
        return actual.verdict == "error"
    return actual.verdict == "output" and actual.text == case.output


def judge(case: Case, actual: Outcome, listed: bool) -> Status:
    if actual.verdict == "skipped":
        return "skipped"
    if agrees(case, actual):
        return "now-passes" if listed else "passed"
    return "known-failure" if listed else "failed"


@dataclass(frozen=True)
class CaseResult:
    case: Case
    actual: Outcome
    status: Status

    @property
    def not_asked(self) -> bool:
        """Skipped by the runner (newer than the testee's release), not by the testee."""
        return self.actual.verdict == "skipped" and self.actual.text.startswith(NOT_ASKED)

    @property
    def fatal(self) -> bool:
        """Fails the run: a required (or evolution) disagreement, or a known failure passing."""
        return (self.status == "failed" and self.case.required) or self.status == "now-passes"

    @property
    def problem(self) -> str:
        """What differs from the reference, in a few words."""
        if self.actual.verdict == "skipped":
            return self.actual.text if self.not_asked else "skipped by the testee"
        if agrees(self.case, self.actual):
            return "agrees with the reference"
        if self.case.output is None:
            return "accepted; the reference rejects it"
        if self.actual.verdict == "error":
            return "rejected; the reference accepts it"
        return "accepted, but the output differs"


@dataclass(frozen=True)
class RunResult:
    testee: str
    corpus: Path
    results: tuple[CaseResult, ...]
    known: kf.KnownFailures | None = None
    unknown_listed: tuple[str, ...] = ()  # listed ids that name no fixture of the corpus

    @property
    def ok(self) -> bool:
        return not self.unknown_listed and not any(r.fatal for r in self.results)

    def having(self, *statuses: Status) -> list[CaseResult]:
        return [r for r in self.results if r.status in statuses]

    @property
    def stale(self) -> list[str]:
        """Known-failures entries to prune: fixed since listed, or naming no fixture."""
        return [r.case.id for r in self.having("now-passes")] + list(self.unknown_listed)


def run(
    testee: Testee,
    cases: Sequence[Case],
    known: kf.KnownFailures | None = None,
    corpus_root: Path | None = None,
    corpus_ids: Iterable[str] = (),
    reader_version: str | None = None,
) -> RunResult:
    """Runs `cases` in one batch. `corpus_ids` (every id of the corpus, selected or not)
    lets entries of `known` that name no fixture at all be reported as stale. With
    `reader_version`, the cases newer than that release are skipped, not sent."""
    asked = [c for c in cases if not newer_than_reader(c, reader_version)]
    answers = iter(testee.run([Request(c.type_name, c.input) for c in asked]))
    outcomes = [
        not_for_reader(c, reader_version)
        if reader_version is not None and newer_than_reader(c, reader_version)
        else next(answers)
        for c in cases
    ]
    listed = known.lines if known else {}
    results = tuple(
        CaseResult(c, o, judge(c, o, c.id in listed)) for c, o in zip(cases, outcomes, strict=True)
    )
    everything = set(corpus_ids) | {c.id for c in cases}
    unknown = tuple(i for i in listed if i not in everything)
    root = corpus_root or (cases[0].file.parent if cases else Path("."))
    return RunResult(testee.describe(), root, results, known, unknown)


def run_conformance(
    testee: str | Sequence[str] | Testee,
    *,
    corpus: str | os.PathLike[str] | None = None,
    selection: Selection | None = None,
    known_failures: str | os.PathLike[str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> RunResult:
    """The one-call API: load the corpus (the packaged one by default), run, judge.

    `testee` is a shell-style command line, an argv list or a Testee; it runs from `cwd`.
    """
    loaded = corpus_mod.load(corpus)
    chosen = selection or Selection()
    cases = chosen.select(loaded.cases)
    known = kf.load(known_failures) if known_failures is not None else None
    ids = [c.id for c in loaded.cases]
    return run(as_testee(testee, cwd), cases, known, loaded.root, ids, chosen.reader_version)


def as_testee(testee: str | Sequence[str] | Testee, cwd: str | os.PathLike[str] | None) -> Testee:
    where = Path(cwd) if cwd is not None else None
    if isinstance(testee, Testee):
        return testee
    if isinstance(testee, str):
        return Testee.from_shell(testee, where)
    return Testee(tuple(testee), where)
