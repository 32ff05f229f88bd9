"""`pytest --pyargs jamjet_schema.conformance.test_corpus --jamjet-testee CMD`: one test per
fixture, through the pytest11 plugin, the testee started once per session."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jamjet_schema.conformance import corpus
from jamjet_schema.conformance.testee import Testee
from tests.conformance.conftest import DATA, HERE, REFERENCE, REPO, broken_command

TAG_LAST = "required.EventKind.workflow_failed.tag-last"


def pytest_corpus(
    tmp_path: Path, *args: str, fixtures: Path | None = DATA
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != corpus.CORPUS_ENV}
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rsx"]
    command += ["--pyargs", "jamjet_schema.conformance.test_corpus"]
    command += ["--jamjet-corpus", str(fixtures)] if fixtures else []
    return subprocess.run(
        [*command, *args], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )


def summary(done: subprocess.CompletedProcess[str]) -> str:
    found = re.findall(r"=+ (.*) in [\d.]+s", done.stdout)
    return found[-1] if found else done.stdout + done.stderr


def test_without_a_testee_everything_is_skipped_with_the_reason(tmp_path: Path) -> None:
    done = pytest_corpus(tmp_path)
    assert done.returncode == 0
    assert summary(done) == "2 skipped"
    assert "no testee given: pass --jamjet-testee 'COMMAND'" in done.stdout


def test_the_reference_passes_one_test_per_fixture(tmp_path: Path, reference: Testee) -> None:
    count = tmp_path / "starts"
    wrapper = f"echo start >> {shlex.quote(str(count))}; exec {shlex.quote(str(REFERENCE))}"
    done = pytest_corpus(tmp_path, "--jamjet-testee", shlex.join(["sh", "-c", wrapper]), "-v")
    assert done.returncode == 0, done.stdout
    assert summary(done) == "51 passed"  # 50 fixtures + the known-failures check
    assert f"test_fixture[{TAG_LAST}] PASSED" in done.stdout
    assert count.read_text() == "start\n"  # one testee process for the whole session


def test_a_failing_fixture_fails_its_test(tmp_path: Path, reference: Testee) -> None:
    done = pytest_corpus(tmp_path, "--jamjet-testee", shlex.join(broken_command("tag_first")))
    assert done.returncode == 1
    assert summary(done) == "1 failed, 50 passed"
    assert f"_ test_fixture[{TAG_LAST}] _" in done.stdout
    assert "actual    error  the tag `type` must come first" in done.stdout


def test_known_failures_xfail_and_a_fixed_one_fails(tmp_path: Path, reference: Testee) -> None:
    listed = tmp_path / "known.txt"
    listed.write_text(f"{TAG_LAST}\n", encoding="utf-8")
    options = ["--jamjet-known-failures", str(listed)]
    done = pytest_corpus(
        tmp_path, "--jamjet-testee", shlex.join(broken_command("tag_first")), *options
    )
    assert (done.returncode, summary(done)) == (0, "50 passed, 1 xfailed")
    done = pytest_corpus(tmp_path, "--jamjet-testee", str(REFERENCE), *options)
    assert (done.returncode, summary(done)) == (1, "1 failed, 50 passed")
    assert "listed as a known failure, but now passes" in done.stdout
    assert f"sed -i.bak -e 1d {listed}" in done.stdout


def test_a_known_failure_naming_no_fixture_fails_once(tmp_path: Path, reference: Testee) -> None:
    listed = tmp_path / "known.txt"
    listed.write_text("required.gone\n", encoding="utf-8")
    options = ["--jamjet-known-failures", str(listed)]
    done = pytest_corpus(tmp_path, "--jamjet-testee", str(REFERENCE), *options)
    assert (done.returncode, summary(done)) == (1, "1 failed, 50 passed")
    assert "known-failures entries naming no fixture: required.gone" in done.stdout


def test_implementation_defined_differences_xfail(tmp_path: Path, reference: Testee) -> None:
    done = pytest_corpus(tmp_path, "--jamjet-testee", shlex.join(broken_command("no_sequences")))
    assert (done.returncode, summary(done)) == (0, "50 passed, 1 xfailed")
    assert "implementation-defined, differs from serde" in done.stdout


def test_the_required_tier_leaves_implementation_defined_out(
    tmp_path: Path, reference: Testee
) -> None:
    done = pytest_corpus(tmp_path, "--jamjet-testee", str(REFERENCE), "--jamjet-tier", "required")
    assert (done.returncode, summary(done)) == (0, "50 passed")


def test_skipped_cases_skip(tmp_path: Path, reference: Testee) -> None:
    done = pytest_corpus(tmp_path, "--jamjet-testee", shlex.join(broken_command("skip_provenance")))
    assert (done.returncode, summary(done)) == (0, "41 passed, 10 skipped")
    assert "the testee skipped it: type ProvenanceMetadata is not implemented" in done.stdout


def test_the_reference_passes_the_packaged_corpus(
    tmp_path: Path, reference: Testee, shipped_corpus: corpus.Corpus
) -> None:
    done = pytest_corpus(tmp_path, "--jamjet-testee", str(REFERENCE), fixtures=None)
    assert done.returncode == 0, done.stdout[-3000:]
    current = [c for c in shipped_corpus.cases if c.tier != "evolution"]  # older readers' cases
    assert summary(done) == f"{len(current) + 1} passed"


def misbehaving(mode: str) -> str:
    return shlex.join([sys.executable, str(HERE / "misbehaving" / "testee.py"), mode])


def test_a_testee_that_dies_ends_the_session_with_status_2(
    tmp_path: Path, reference: Testee
) -> None:
    done = pytest_corpus(tmp_path, "--jamjet-testee", misbehaving("crash-mid-run"))
    assert done.returncode == 2, done.stdout
    assert "exited with status 7 before answering request 5 (" in done.stdout
    assert "panic: ran out of luck at the sixth request" in done.stdout


def test_a_testee_that_hangs_is_stopped_after_the_timeout(
    tmp_path: Path, reference: Testee
) -> None:
    started = time.monotonic()
    options = ["--jamjet-testee", misbehaving("hang"), "--jamjet-timeout", "1"]
    done = pytest_corpus(tmp_path, *options)
    assert done.returncode == 2, done.stdout
    assert "gave no answer to request 3 (" in done.stdout and "within 1 s" in done.stdout
    assert time.monotonic() - started < 30


def test_an_era_judges_its_fixtures_by_its_answers(tmp_path: Path, reference: Testee) -> None:
    era_build = REPO / "target" / "era-1.0.146" / "release" / "jamjet-testee-serde-json-1-0-146"
    if not era_build.is_file():
        pytest.skip(f"the serde_json 1.0.146 reference is not built ({era_build})")
    eras_corpus = HERE / "data" / "eras-corpus"
    done = pytest_corpus(tmp_path, "--jamjet-testee", str(era_build), fixtures=eras_corpus)
    assert (done.returncode, summary(done)) == (1, "2 failed, 2 passed")
    options = ["--jamjet-testee", str(era_build), "--jamjet-serde-json-era", "1.0.146"]
    done = pytest_corpus(tmp_path, *options, fixtures=eras_corpus)
    assert (done.returncode, summary(done)) == (0, "4 passed")
