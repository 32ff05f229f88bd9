"""Known-failures lists, both ways: a listed failure is expected; a listed case that
passes (or names no fixture) fails the run with the exact lines to prune."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from jamjet_schema import cli
from jamjet_schema.conformance import known_failures
from jamjet_schema.conformance.testee import Testee
from tests.conformance.conftest import DATA, broken_command

TAG_LAST = "required.EventKind.workflow_failed.tag-last"
UPPER = "required.EventKind.tag.upper-case"


def run(
    capsys: pytest.CaptureFixture[str], testee: str, listed: Path, *extra: str
) -> tuple[int, str]:
    args = ["conformance", "--testee", testee, "--corpus", str(DATA)]
    code = cli.main([*args, "--known-failures", str(listed), *extra])
    return code, capsys.readouterr().out


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "known-failures.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_format(tmp_path: Path) -> None:
    text = f"# header\n\n{TAG_LAST}\n  {UPPER}   # why it fails\n"
    assert known_failures.load(write(tmp_path, text)).lines == {TAG_LAST: 3, UPPER: 4}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            f"{TAG_LAST}\n{TAG_LAST}\n",
            ":2: required.EventKind.workflow_failed.tag-last is already listed at line 1",
        ),
        (f"{TAG_LAST} {UPPER}\n", ":1: one fixture id per line"),
    ],
)
def test_format_errors_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(known_failures.KnownFailuresError, match=re.escape(message)):
        known_failures.load(write(tmp_path, text))


def test_a_listed_failure_is_expected(
    reference: Testee, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = write(tmp_path, f"{TAG_LAST}  # the tag must come first, for now\n")
    code, out = run(capsys, shlex.join(broken_command("tag_first")), listed)
    assert code == 0
    assert f"KNOWN FAILURES: 1 listed in {listed} still fail" in out
    assert "FAILURES (" not in out and out.rstrip().endswith("(49 passed, 1 known-failure)")


def test_a_listed_case_that_passes_fails_the_run_with_a_prune_hint(
    reference: Testee, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = write(tmp_path, f"# ours\n{TAG_LAST}\n{UPPER}  # case-insensitive tags\n")
    code, out = run(capsys, reference.command[0], listed)
    assert code == 1
    assert f"now passes      {TAG_LAST}" in out and f"now passes      {UPPER}" in out
    assert f"{listed}:2: {TAG_LAST}" in out and f"{listed}:3: {UPPER}" in out
    command = next(line.strip() for line in out.splitlines() if "sed -i.bak" in line)
    assert command == f"sed -i.bak -e 2d -e 3d {listed}"
    subprocess.run(command, shell=True, check=True)
    assert listed.read_text(encoding="utf-8") == "# ours\n"
    assert run(capsys, reference.command[0], listed)[0] == 0


def test_an_entry_naming_no_fixture_is_stale(
    reference: Testee, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = write(tmp_path, "required.EventKind.renamed-since\n")
    code, out = run(capsys, reference.command[0], listed)
    assert code == 1
    assert "no such fixture required.EventKind.renamed-since" in out
    assert "sed -i.bak -e 1d" in out


def test_entries_outside_the_selection_are_left_alone(
    reference: Testee, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = write(tmp_path, f"{TAG_LAST}\n")
    code, _ = run(capsys, shlex.join(broken_command("tag_first")), listed, "--rule", "uuid")
    assert code == 0


def test_the_json_report_lists_stale_entries_with_their_line(
    reference: Testee, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = write(tmp_path, f"\n{TAG_LAST}\nrequired.gone\n")
    code, out = run(capsys, reference.command[0], listed, "--format", "json")
    run_doc = json.loads(out)["run"]
    assert code == 1 and not run_doc["ok"]
    assert run_doc["stale_known_failures"] == [
        {"id": TAG_LAST, "why": "now passes", "line": 2},
        {"id": "required.gone", "why": "no such fixture", "line": 3},
    ]
