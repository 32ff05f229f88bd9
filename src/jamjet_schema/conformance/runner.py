"""Runs a testee over the corpus and judges every answer against the Rust reference's.

The testee is started once for the whole selection (one batch), so a run over the
full corpus costs one process start. A case passes when the verdict agrees (output
vs error) and, for an accepted input, the output is byte-identical; error texts and
the `serde_error` of the fixture are never compared.

A testee that reads as an older release (`reader_version`) is not asked the cases
that use what a later release added (their `since`): they are reported as skipped,
and the evolution tier holds what such a reader answers to newer documents.

With a serde_json era (eras.py), the ids the era re-records are judged by its answers;
without, the failures that agree with an era's answers are named (`era_matches`).

Exit statuses of every front end (CLI, pytest plugin): 0 the run passed, 1 it
failed (a required or evolution case, a stale known-failures entry, a coverage gap),
2 it could not happen (a bad corpus or argument, a testee that broke the protocol).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from jamjet_schema.conformance import corpus as corpus_mod
from jamjet_schema.conformance import eras as eras_mod
from jamjet_schema.conformance import known_failures as kf
from jamjet_schema.conformance.corpus import Case
from jamjet_schema.conformance.eras import Era
from jamjet_schema.conformance.testee import DEFAULT_TIMEOUT, Outcome, Request, Testee
from jamjet_schema.diff.bump import parse_version

TierChoice = Literal["required", "all"]
# known-failure: listed and failing (expected); now-passes: listed but passing (stale list).
Status = Literal["passed", "failed", "skipped", "known-failure", "now-passes"]
STATUSES: tuple[Status, ...] = ("passed", "failed", "known-failure", "now-passes", "skipped")
EXIT_PASS, EXIT_FAIL, EXIT_CANNOT_RUN = 0, 1, 2


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
        return self.tier == "all" or case.tier != "implementation-defined"


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
    # an output with a defect (bytes that are not UTF-8) equals nothing serde writes
    return actual.verdict == "output" and actual.defect is None and actual.text == case.output


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
        if self.case.output is None and self.actual.accepted:
            return "accepted; the reference rejects it"
        if self.actual.verdict == "error":
            return "rejected; the reference accepts it"
        defect = f" ({self.actual.defect})" if self.actual.defect else ""
        return f"accepted, but the output differs{defect}"


@dataclass(frozen=True)
class RunResult:
    testee: str
    corpus: Path
    results: tuple[CaseResult, ...]
    known: kf.KnownFailures | None = None
    unknown_listed: tuple[str, ...] = ()  # listed ids that name no fixture of the corpus
    era: str | None = None  # the serde_json era the era's ids were judged by
    # serde_json era -> failed ids whose answer is that era's (when not judged by it)
    era_matches: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

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
    eras: Mapping[str, Era] | None = None,
    era: str | None = None,
) -> RunResult:
    """Runs `cases` in one batch. `corpus_ids` (every id of the corpus, selected or not)
    lets entries of `known` that name no fixture at all be reported as stale. With
    `reader_version`, the cases newer than that release are skipped, not sent. `eras`
    (by serde_json release) judges the ids of `era` by its answers, and names the era
    other failures agree with. A testee that breaks the protocol raises TesteeFailure."""
    chosen = choose_era(eras or {}, era)
    cases = eras_mod.judged_by(cases, chosen)
    asked = [c for c in cases if not newer_than_reader(c, reader_version)]
    answers = iter(testee.run([Request(c.type_name, c.input, c.id, c.form) for c in asked]))
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
    others = {v: e for v, e in (eras or {}).items() if v != era}
    matches = _matching_eras(results, others)
    return RunResult(testee.describe(), root, results, known, unknown, era, matches)


class UnknownEra(LookupError):
    pass


def choose_era(eras: Mapping[str, Era], era: str | None) -> Era | None:
    if era is None:
        return None
    if era not in eras:
        known = ", ".join(eras) or "none"
        raise UnknownEra(f"the corpus records no serde_json era {era} (it has: {known})")
    return eras[era]


def _matching_eras(
    results: Iterable[CaseResult], eras: Mapping[str, Era]
) -> dict[str, tuple[str, ...]]:
    """For each era, the failed cases whose answer is the one that era's build gives."""
    failed = [r for r in results if r.status in ("failed", "known-failure")]
    found = {
        version: tuple(
            r.case.id
            for r in failed
            if r.case.id in era.cases and agrees(era.judge_by(r.case), r.actual)
        )
        for version, era in eras.items()
    }
    return {version: ids for version, ids in found.items() if ids}


def run_conformance(
    testee: str | Sequence[str] | Testee,
    *,
    corpus: str | os.PathLike[str] | None = None,
    selection: Selection | None = None,
    known_failures: str | os.PathLike[str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    serde_json_era: str | None = None,
) -> RunResult:
    """The one-call API: load the corpus (the packaged one by default), run, judge.

    `testee` is a shell-style command line, an argv list or a Testee; it runs from `cwd`,
    with `timeout` seconds for each answer. `serde_json_era` judges the cases an era
    re-records by that era's answers. Raises TesteeFailure when the testee breaks the
    protocol (dies, hangs, answers nonsense): the run could not happen.
    """
    loaded = corpus_mod.load(corpus)
    chosen = selection or Selection()
    cases = chosen.select(loaded.cases)
    known = kf.load(known_failures) if known_failures is not None else None
    ids = [c.id for c in loaded.cases]
    eras = eras_mod.load(loaded.root, loaded.cases)
    return run(
        as_testee(testee, cwd, timeout),
        cases,
        known,
        loaded.root,
        ids,
        chosen.reader_version,
        eras,
        serde_json_era,
    )


def as_testee(
    testee: str | Sequence[str] | Testee,
    cwd: str | os.PathLike[str] | None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Testee:
    where = Path(cwd) if cwd is not None else None
    if isinstance(testee, Testee):
        return testee if where is None else replace(testee, cwd=where)
    if isinstance(testee, str):
        return Testee.from_shell(testee, where, timeout)
    return Testee(tuple(testee), where, timeout)
