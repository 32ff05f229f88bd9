"""The conformance corpus as pytest tests, one per fixture:

    pytest --pyargs jamjet_schema.conformance.test_corpus --jamjet-testee 'COMMAND'

The options and fixtures come from jamjet_schema.conformance.pytest_plugin, which
pytest loads through the package's `pytest11` entry point. Without --jamjet-testee
every test here is skipped.
"""

from __future__ import annotations

from jamjet_schema.conformance.corpus import Case
from jamjet_schema.conformance.pytest_plugin import check, stale_entries
from jamjet_schema.conformance.runner import CaseResult, RunResult


def test_fixture(jamjet_case: Case, jamjet_result: CaseResult, jamjet_run: RunResult) -> None:
    check(jamjet_result, jamjet_run)


def test_known_failures_name_fixtures(jamjet_run: RunResult) -> None:
    message = stale_entries(jamjet_run)
    assert message is None, message
