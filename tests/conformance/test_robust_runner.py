"""The runner against testees that misbehave (tests/conformance/misbehaving/testee.py):
every run ends within its timeout, with the documented exit status and a report that
names the cause. Run as a user would: `jamjet-schema conformance` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from jamjet_schema.conformance import runner
from jamjet_schema.conformance.corpus import Corpus
from jamjet_schema.conformance.testee import Testee, TesteeFailure
from tests.conformance.conftest import DATA, HERE, REPO

TIMEOUT = 2.0
SCRIPT = HERE / "misbehaving" / "testee.py"


def command(mode: str) -> str:
    return f"{sys.executable} {SCRIPT} {mode}"


@dataclass(frozen=True)
class Done:
    status: int
    out: str
    err: str
    seconds: float

    @property
    def report(self) -> dict[str, object]:
        doc: dict[str, object] = json.loads(self.out)
        return doc


def conformance(*args: str, env: dict[str, str] | None = None) -> Done:
    started = time.monotonic()
    done = subprocess.run(
        ["jamjet-schema", "conformance", "--corpus", str(DATA), "--timeout", str(TIMEOUT), *args],
        capture_output=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )
    out, err = (s.decode("utf-8") for s in (done.stdout, done.stderr))  # must be UTF-8
    return Done(done.returncode, out, err, time.monotonic() - started)


# mode -> (cause, words of the report)
ABORTS = {
    "hang": ("timeout", "no answer to request 3 (", "within 2 s: stopped it"),
    "crash-at-start": (
        "exited",
        "exited with status 1 before answering request 0 (",
        "It ran from",
    ),
    "crash-mid-run": (
        "exited",
        "exited with status 7 before answering request 5 (",
        "ran out of luck",
    ),
    "wrong-id": ("wrong-id", "answered id 12 where request 2 (", ""),
    "two-answers": ("second-answer", "answered request 2 (", "twice"),
    "extra-line": ("extra-line", "wrote a line after its last answer", "one more"),
    "not-json": ("not-json", "answered request 1 (", "'debug: parsed the input'"),
    "no-verdict": ("bad-answer", "without exactly one of output, error, skipped", ""),
    "no-exit": ("no-exit", "did not exit at the end of input within 2 s", ""),
    "exit-non-zero": ("exit-status", "answered every request, then exited with status 4", ""),
}


@pytest.mark.parametrize("mode", ABORTS)
def test_a_run_the_testee_stops_exits_2_naming_the_cause(mode: str, reference: Testee) -> None:
    cause, *words = ABORTS[mode]
    done = conformance("--testee", command(mode))
    assert done.status == 2, done.out + done.err
    assert done.seconds < 3 * TIMEOUT + 10
    assert "RUN ABORTED" in done.out and f"({cause})" in done.out
    for word in words:
        assert word in done.out, done.out
    assert done.err.startswith("jamjet-schema conformance: the testee ")
    aborted = conformance("--testee", command(mode), "--format", "json").report["aborted"]
    assert isinstance(aborted, dict) and aborted["cause"] == cause


def test_the_request_is_named_by_its_fixture(reference: Testee, data_corpus: Corpus) -> None:
    cases = data_corpus.cases
    testee = Testee.from_shell(command("crash-mid-run"), REPO, TIMEOUT)
    with pytest.raises(TesteeFailure) as caught:
        runner.run(testee, cases)
    failure = caught.value
    assert (failure.cause, failure.request, failure.exit_status) == ("exited", 5, 7)
    assert failure.fixture == cases[5].id and f"request 5 ({cases[5].id})" in str(failure)
    assert "panic: ran out of luck at the sixth request" in failure.stderr


def test_a_testee_that_cannot_start_exits_2(tmp_path: Path) -> None:
    done = conformance("--testee", str(tmp_path / "no-such-testee"))
    assert done.status == 2 and "(start)" in done.out and "could not be started" in done.out


def test_a_module_missing_from_the_working_folder_is_explained(reference: Testee) -> None:
    done = conformance("--testee", command("crash-at-start"), "--format", "json")
    aborted = done.report["aborted"]
    assert isinstance(aborted, dict)
    assert aborted["exit_status"] == 1 and aborted["request"] == 0
    assert "ModuleNotFoundError" in str(aborted["stderr_tail"])
    assert "--cwd DIR" in str(aborted["hint"]) and "testee_cwd" in str(aborted["hint"])


def test_megabytes_on_stderr_do_not_block(reference: Testee) -> None:
    done = conformance("--testee", command("stderr-flood"))
    assert done.status == 0, done.out[-2000:]
    assert done.out.rstrip().endswith("(50 passed)")


def test_the_stderr_tail_is_bounded(reference: Testee, data_corpus: Corpus) -> None:
    flood_then_die = f"sh -c '{command('stderr-flood')} </dev/null; exit 9'"
    with pytest.raises(TesteeFailure) as caught:
        runner.run(Testee.from_shell(flood_then_die, REPO, TIMEOUT), data_corpus.cases)
    tail = caught.value.stderr
    assert tail.startswith("[... ") and "earlier bytes]" in tail
    assert tail.endswith("the last words on stderr") and len(tail) < 5000


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_a_lone_surrogate_in_an_answer_is_a_failure_shown_as_its_escape(
    reference: Testee, encoding: str
) -> None:
    done = conformance("--testee", command("lone-surrogate"), env={"PYTHONIOENCODING": encoding})
    assert done.status == 1, done.err
    assert '"error":"x\\ud800"' in done.out
    assert "the output holds a lone surrogate U+D800" in done.out
    doc = conformance("--testee", command("lone-surrogate"), "--format", "json").report
    failures = doc["run"]["failures"]  # type: ignore[index]
    assert failures and all("\ud800" in f["actual"]["text"] for f in failures)


def test_bytes_that_are_not_utf8_are_a_failure_naming_them(reference: Testee) -> None:
    done = conformance("--testee", command("invalid-utf8"))
    assert done.status == 1, done.err
    assert "the answer line is not UTF-8: byte(s) e9 at byte" in done.out
    assert '"error":"caf\ufffd"' in done.out
    doc = conformance("--testee", command("invalid-utf8"), "--format", "json").report
    (first, *_) = doc["run"]["failures"]  # type: ignore[index]
    assert first["actual"]["defect"].startswith("the answer line is not UTF-8")


def test_the_report_file_is_json_whatever_the_answers(reference: Testee, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    done = conformance("--testee", command("lone-surrogate"), "--report", str(report))
    assert done.status == 1 and done.out.rstrip().startswith("jamjet-schema conformance")
    assert json.loads(report.read_text(encoding="ascii"))["ok"] is False


def test_exit_statuses_are_in_the_help() -> None:
    done = subprocess.run(
        ["jamjet-schema", "conformance", "--help"], capture_output=True, text=True, check=True
    )
    text = " ".join(done.stdout.split())
    assert "0 the run passed" in text and "1 it failed" in text and "2 it could not happen" in text
    assert "--timeout SECONDS" in text
