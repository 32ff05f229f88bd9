"""pytest plugin (entry point `pytest11`): the corpus as one parametrized test per fixture.

    pytest --pyargs jamjet_schema.conformance.test_corpus --jamjet-testee 'CMD'

Any test function taking the `jamjet_case` argument is parametrized over the
selected cases and gets its verdict from `jamjet_run`, which runs the testee once per
session over all of them. Without --jamjet-testee such tests are skipped.

pytest loads this module in every session of an environment that has the package,
so it imports nothing but pytest until --jamjet-testee is given or a `jamjet_case`
test is collected: the runner, the corpus and the report are imported on first use
(none of them imports pydantic or the generated models). A testee that breaks the
protocol ends the session with exit status 2 and the runner's explanation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest

from jamjet_schema.conformance.defaults import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from jamjet_schema.conformance.corpus import Case, Corpus
    from jamjet_schema.conformance.runner import CaseResult, RunResult

NO_TESTEE = (
    "no testee given: pass --jamjet-testee 'COMMAND' to run the jamjet-schema "
    "conformance corpus against it (see conformance/README.md of jamjet-schema)"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("jamjet-schema", "jamjet-schema conformance corpus")
    group.addoption("--jamjet-testee", metavar="CMD", help="testee command line to check")
    group.addoption(
        "--jamjet-known-failures", metavar="FILE", help="fixture ids expected to fail, one a line"
    )
    group.addoption(
        "--jamjet-tier",
        choices=("required", "all"),
        default="all",
        help="all (default) also runs implementation-defined cases, which never fail",
    )
    group.addoption("--jamjet-corpus", metavar="DIR", help="fixtures folder (default: packaged)")
    group.addoption("--jamjet-cwd", metavar="DIR", help="run the testee from DIR")
    group.addoption(
        "--jamjet-reader-version",
        metavar="X.Y.Z",
        help="the testee reads as release X.Y.Z: also run that reader's evolution cases",
    )
    group.addoption(
        "--jamjet-timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"wait at most SECONDS for each answer (default {DEFAULT_TIMEOUT:g}); "
        "then stop the testee and end the session with exit status 2",
    )
    group.addoption(
        "--jamjet-serde-json-era",
        metavar="X.Y.Z",
        help="the testee writes as serde_json X.Y.Z: judge the fixtures that era re-records "
        "by its answers",
    )


@dataclass
class _Session:
    """What one pytest session shares: the corpus, the selection, the one run."""

    config: pytest.Config
    _corpus: Corpus | None = None
    _run: RunResult | None = field(default=None, repr=False)

    def option(self, name: str) -> str | None:
        value = self.config.getoption(name)
        return None if value is None else str(value)

    @property
    def testee(self) -> str | None:
        return self.option("jamjet_testee")

    @property
    def loaded(self) -> Corpus:
        from jamjet_schema.conformance import corpus

        if self._corpus is None:
            self._corpus = corpus.load(self.option("jamjet_corpus"))
        return self._corpus

    @property
    def cases(self) -> list[Case]:
        from jamjet_schema.conformance import runner

        tier: runner.TierChoice = "required" if self.option("jamjet_tier") == "required" else "all"
        reader = self.option("jamjet_reader_version")
        return runner.Selection(tier, reader_version=reader).select(self.loaded.cases)

    def run(self) -> RunResult:
        if self._run is None:
            self._run = self._start()
        return self._run

    def _start(self) -> RunResult:
        from jamjet_schema.conformance import eras, known_failures, runner
        from jamjet_schema.conformance.testee import TesteeFailure

        assert self.testee is not None
        listed = self.option("jamjet_known_failures")
        known = known_failures.load(listed) if listed else None
        timeout = float(self.config.getoption("jamjet_timeout"))
        testee = runner.as_testee(self.testee, self.option("jamjet_cwd"), timeout)
        loaded = self.loaded
        ids = [c.id for c in loaded.cases]
        reader, era = self.option("jamjet_reader_version"), self.option("jamjet_serde_json_era")
        found = eras.load(loaded.root, loaded.cases)
        try:
            return runner.run(testee, self.cases, known, loaded.root, ids, reader, found, era)
        except TesteeFailure as failure:
            # the run could not happen: no test has a verdict, the session ends with 2
            pytest.exit(f"jamjet-schema conformance: {failure}", returncode=2)


_SESSION = pytest.StashKey[_Session]()


def _session(config: pytest.Config) -> _Session:
    if _SESSION not in config.stash:
        config.stash[_SESSION] = _Session(config)
    return config.stash[_SESSION]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "jamjet_case" not in metafunc.fixturenames:
        return
    state = _session(metafunc.config)
    if state.testee is None:
        skipped = pytest.param(None, marks=pytest.mark.skip(reason=NO_TESTEE), id="no-testee")
        metafunc.parametrize("jamjet_case", [skipped])
        return
    cases = state.cases
    metafunc.parametrize("jamjet_case", cases, ids=[c.id for c in cases])


@pytest.fixture(scope="session")
def jamjet_run(request: pytest.FixtureRequest) -> RunResult:
    """The testee's run over every selected case: started once per session."""
    state = _session(request.config)
    if state.testee is None:
        pytest.skip(NO_TESTEE)
    return state.run()


@pytest.fixture(scope="session")
def jamjet_results(jamjet_run: RunResult) -> dict[str, CaseResult]:
    """Every verdict of the run, by fixture id."""
    return {r.case.id: r for r in jamjet_run.results}


@pytest.fixture
def jamjet_result(jamjet_case: Case, jamjet_results: dict[str, CaseResult]) -> CaseResult:
    """The verdict for this test's case."""
    return jamjet_results[jamjet_case.id]


def check(result: CaseResult, run: RunResult) -> None:
    """Passes, fails, xfails or skips the current test as the case's status says."""
    from jamjet_schema.conformance import known_failures
    from jamjet_schema.conformance.report import describe
    from jamjet_schema.conformance.testee import printable

    status, case = result.status, result.case
    if status == "skipped":
        said = printable(result.actual.text)  # the testee's text: may hold a lone surrogate
        pytest.skip(result.problem if result.not_asked else f"the testee skipped it: {said}")
    if status == "known-failure":
        pytest.xfail(f"listed as a known failure: {result.problem}")
    if status == "now-passes":
        assert run.known is not None
        hint = known_failures.prune_hint(run.known, [case.id])
        pytest.fail("\n".join(["listed as a known failure, but now passes", *hint]), pytrace=False)
    if status == "failed" and not case.required:
        pytest.xfail(f"implementation-defined, differs from serde: {result.problem}")
    if status == "failed":
        pytest.fail(describe(result, run.corpus), pytrace=False)


def stale_entries(run: RunResult) -> str | None:
    """A message naming known-failures entries that match no fixture, or None."""
    from jamjet_schema.conformance import known_failures

    if not run.unknown_listed or run.known is None:
        return None
    lines = [f"known-failures entries naming no fixture: {', '.join(run.unknown_listed)}"]
    return "\n".join(lines + known_failures.prune_hint(run.known, run.unknown_listed))
