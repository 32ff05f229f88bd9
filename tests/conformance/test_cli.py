"""`jamjet-schema conformance`: selection, formats and exit statuses."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jamjet_schema import cli
from jamjet_schema.conformance.testee import Testee
from tests.conformance.conftest import DATA, REPO, broken_command

Run = tuple[int, str, str]


def conformance(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Run:
    code = cli.main(["conformance", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, Any]:
    code, out, _ = conformance(capsys, *args, "--format", "json")
    return code, json.loads(out)


def broken(name: str) -> str:
    return shlex.join(broken_command(name))


def test_the_subcommand_is_registered() -> None:
    assert "conformance" in cli.COMMANDS


def test_impl_runs_a_registered_testee(
    reference: Testee, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = conformance(capsys, "--impl", "rust", "--corpus", DATA)
    assert code == 0
    assert "target/release/jamjet-testee-rust" in out and out.rstrip().endswith("(50 passed)")


def test_a_failure_is_shown_in_full(reference: Testee, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = conformance(capsys, "--testee", broken("tag_first"), "--corpus", DATA)
    assert code == 1
    assert "FAILURES, required tier: 1 fixture in 1 group, most fixtures first" in out
    assert 'rejects what serde accepts, saying "the tag _ must come first": 1 fixture' in out
    block = out[out.index("e.g. FAILED required.EventKind.workflow_failed.tag-last") :]
    assert "rule tag | class accepted | type EventKind | required/tag.json" in block
    assert 'input     {"error":"x","type":"workflow_failed"}' in block
    assert 'expected  output {"type":"workflow_failed","error":"x"}' in block
    assert "actual    error  the tag `type` must come first" in block
    assert "FAIL: 1 fixture of the required tier fails (49 passed, 1 failed)" in out


def test_summary_per_rule_and_class(reference: Testee, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = conformance(capsys, "--testee", broken("tag_first"), "--corpus", DATA)
    tables = out[: out.index("FAILURES")]
    rows = {line.split()[0]: line.split()[1:] for line in tables.splitlines() if line[:2] == "  "}
    assert rows["tag"] == ["4", "1", "0", "0", "0"]  # passed failed differs known skipped
    assert rows["accepted"] == ["19", "1", "0", "0", "0"]
    assert rows["implementation-defined"] == ["1", "0", "0", "0", "0"]


def test_rule_match_and_tier_select_cases(
    reference: Testee, capsys: pytest.CaptureFixture[str]
) -> None:
    def count(*args: str) -> int:
        code, doc = as_json(capsys, "--impl", "rust", "--corpus", str(DATA), *args)
        assert code == 0
        return int(sum(doc["run"]["totals"].values()))

    assert count("--rule", "tag") == 5
    assert count("--rule", "tag", "--rule", "uuid") == 7
    assert count("--match", "workflow_failed") == 6
    assert count("--tier", "required") == 49
    assert count() == 50


def test_implementation_defined_differences_pass(
    reference: Testee, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = conformance(capsys, "--testee", broken("no_sequences"), "--corpus", DATA)
    assert code == 0
    assert "IMPLEMENTATION-DEFINED DIFFERENCES: 1 fixture in 1 group" in out
    assert "(reported, never failing the run)" in out
    assert "implementation-defined: differs implementation-defined.EventKind.workflow_" in out
    assert "FAILED" not in out and "FAIL:" not in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line[:2] == "  "}
    assert rows["implementation-defined"] == ["0", "0", "1", "0", "0"]
    assert out.rstrip().endswith("PASS (49 passed, 1 implementation-defined differences)")


def test_skipped_cases_are_reported(reference: Testee, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = conformance(capsys, "--testee", broken("skip_provenance"), "--corpus", DATA)
    assert code == 0
    assert "SKIPPED (10)\n  10 x type ProvenanceMetadata is not implemented" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give --testee, --impl or --coverage"),
        (("--impl", "cobol", "--corpus", str(DATA)), "no testee 'cobol'"),
        (("--impl", "rust", "--corpus", str(DATA), "--match", "zzz"), "no case matches"),
        (("--impl", "rust", "--corpus", "/nowhere"), "does not exist"),
        (("--impl", "rust", "--corpus", str(DATA), "--known-failures", "/nowhere"), "cannot read"),
        (
            ("--impl", "rust", "--corpus", str(DATA), "--serde-json-era", "1.0.0"),
            "no serde_json era",
        ),
    ],
)
def test_a_run_that_cannot_happen_exits_2(
    reference: Testee, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, out, err = conformance(capsys, *args)
    assert (code, out) == (2, "")
    assert err.startswith("jamjet-schema conformance: ") and message in err


def test_a_testee_that_dies_exits_2_with_a_report(
    reference: Testee, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = conformance(capsys, "--testee", broken("crash"), "--corpus", DATA)
    assert code == 2
    assert (
        "RUN ABORTED (exited)" in out and "exited with status 3 before answering request 1" in out
    )
    assert err.startswith("jamjet-schema conformance: the testee exited with status 3")


def test_a_bad_fixture_exits_2_naming_file_and_path(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_copy / "required" / "tag.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["cases"][2]["class"] = "refused"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = conformance(capsys, "--impl", "rust", "--corpus", data_copy)
    assert code == 2
    assert f"{path}: $.cases[2].class: 'refused' is not one of" in err


def test_testee_runs_from_cwd(
    reference: Testee, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "testee"
    link.symlink_to(reference.command[0])
    code, _, _ = conformance(capsys, "--testee", "./testee", "--cwd", tmp_path, "--corpus", DATA)
    assert code == 0


def registry(tmp_path: Path, entry: dict[str, str], listed: str | None = None) -> Path:
    """A repository with conformance/testees.json (one testee `x`) and maybe its known failures."""
    folder = tmp_path / "repo" / "conformance"
    (folder / "known-failures").mkdir(parents=True)
    (folder / "testees.json").write_text(json.dumps({"x": entry}), encoding="utf-8")
    if listed is not None:
        (folder / "known-failures" / "x.txt").write_text(listed, encoding="utf-8")
    return folder.parent


def test_impl_uses_its_known_failures_file(
    reference: Testee,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    listed = "required.EventKind.workflow_failed.tag-last\n"
    monkeypatch.chdir(registry(tmp_path, {"command": broken("tag_first")}, listed))
    code, out, _ = conformance(capsys, "--impl", "x", "--corpus", DATA)
    assert code == 0
    assert "known failures  " in out and out.rstrip().endswith("(49 passed, 1 known-failure)")


def evolution_case(reader: str) -> dict[str, Any]:
    text = '{"type":"workflow_failed","error":"x"}'
    return {
        "id": f"evolution.EventKind.workflow_failed.read-by-{reader}",
        "description": "a document read by an older reader",
        "rule": "evolution",
        "type_name": "EventKind",
        "reader_version": reader,
        "covers": {"variant": "workflow_failed"},
        "class": "canonical",
        "input": text,
        "output": text,
    }


def test_evolution_cases_run_for_their_reader_only(
    reference: Testee,
    data_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cases = [evolution_case("0.9.0"), evolution_case("0.8.0")]
    doc = {"description": "older readers", "tier": "evolution", "cases": cases}
    (data_copy / "evolution").mkdir()
    (data_copy / "evolution" / "readers.json").write_text(json.dumps(doc), encoding="utf-8")

    def evolution_counts(*args: str) -> dict[str, int] | None:
        code, doc = as_json(capsys, "--corpus", str(data_copy), *args)
        assert code == 0
        counts: dict[str, int] | None = doc["run"]["by_tier"].get("evolution")
        return counts

    assert evolution_counts("--impl", "rust") is None
    assert evolution_counts("--impl", "rust", "--reader-version", "0.9.0") == {"passed": 1}
    entry = {"command": str(reference.command[0]), "reader_version": "0.8.0"}
    monkeypatch.chdir(registry(tmp_path, entry))
    assert evolution_counts("--impl", "x") == {"passed": 1}
    code, doc = as_json(capsys, "--coverage", "--corpus", str(data_copy))
    items = {i["name"]: i["fixtures"] for i in doc["coverage"]["items"]}
    assert code == 0 and items["EventKind.workflow_failed"] == 6 + 2  # every reader's


def test_cases_newer_than_the_reader_are_skipped_not_sent(
    reference: Testee, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Recorded as a later release's answer: the reference (and any reader asked) rejects
    # it, so it fails wherever it is sent, and passes nowhere.
    newer = {
        "id": "required.EventKind.workflow_failed.of-0.9.0",
        "description": "a document of release 0.9.0",
        "rule": "wrong-type",
        "type_name": "EventKind",
        "since": "0.9.0",
        "covers": {"variant": "workflow_failed"},
        "class": "canonical",
        "input": '{"type":"workflow_failed","error":1}',
        "output": '{"type":"workflow_failed","error":1}',
    }
    doc = {"description": "a later release", "tier": "required", "cases": [newer]}
    (data_copy / "required" / "newer.json").write_text(json.dumps(doc), encoding="utf-8")
    command = str(reference.command[0])

    def run(*args: str) -> tuple[int, Any]:
        return as_json(capsys, "--testee", command, "--corpus", str(data_copy), *args)

    for args in ([], ["--reader-version", "0.9.0"], ["--reader-version", "1.0.0"]):
        code, report = run(*args)
        assert code == 1 and [f["id"] for f in report["run"]["failures"]] == [newer["id"]], args
    code, report = run("--reader-version", "0.8.0")
    assert code == 0 and report["run"]["totals"] == {"passed": 50, "skipped": 1}
    (skipped,) = report["run"]["skipped"]
    assert skipped["id"] == newer["id"]
    assert skipped["reason"].startswith("not asked: uses what schema 0.9.0 added")
    code, out, _ = conformance(
        capsys, "--testee", command, "--corpus", data_copy, "--reader-version", "0.8.0"
    )
    assert code == 0 and "1 x not asked: uses what schema 0.9.0 added" in out


def test_an_unbuilt_registered_testee_names_its_build_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = {"command": "target/release/not-built", "build": "cargo build --release --locked"}
    monkeypatch.chdir(registry(tmp_path, entry))
    code, out, _ = conformance(capsys, "--impl", "x", "--corpus", DATA)
    assert code == 2
    assert "Is it built? From " in out and "cargo build --release --locked" in out


def test_impl_python_runs_without_an_activated_environment(tmp_path: Path) -> None:
    """The registered `python` testee is run by the interpreter running the command (the
    one that has the package), not by whatever `python` is first on PATH."""
    console = Path(sys.executable).with_name("jamjet-schema")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}  # no virtual environment on it
    done = subprocess.run(
        [str(console), "conformance", "--impl", "python", "--corpus", str(DATA)],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert done.stdout.rstrip().endswith("(50 passed)")
