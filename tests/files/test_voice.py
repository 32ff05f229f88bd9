"""One voice: every command's one-line errors start the same way, the exit statuses are
the README's, a closed pipe downstream is an ordinary end, and `diff` takes versions."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from benchmarks.loggen import LogGenerator
from codegen.model import WireModel
from jamjet_schema.cli import COMMANDS
from tests.conftest import REPO
from tests.files.conftest import NATIVE_OFF, cli, command
from tests.store.conftest import Writer


def _unusable_cases(tmp: Path) -> list[list[str]]:
    """For each command, arguments it cannot work with."""
    missing = str(tmp / "missing.jsonl")
    return [
        ["validate", missing],
        ["validate", f"sqlite://{tmp}/missing.db"],
        ["canonicalize", missing],
        ["canonicalize", "examples/events.jsonl", "-o", str(tmp / "no/such/dir/out.jsonl")],
        ["export", str(tmp / "missing.db")],
        ["export", "examples/runtime.db", "-o", "examples/runtime.db-wal"],
        ["check-store", "examples/runtime.db", "--reader", "0.9.0"],
        ["check-store", str(tmp / "missing.db"), "--reader", "1.0.0"],
        ["conformance"],
        ["conformance", "--corpus", str(tmp), "--impl", "python"],
        ["testee", "--help-me"],
        ["diff", "0.9.0", "1.1.0"],
        ["spark-export", "--help-me"],  # the same with or without pyspark installed
    ]


def test_every_command_says_what_it_cannot_use_in_one_line_and_exits_2(tmp_path: Path) -> None:
    seen = set()
    for args in _unusable_cases(tmp_path):
        done = cli(*args, cwd=REPO)
        assert done.code == 2 and done.out == b"", (args, done)
        name = args[0]
        if args[1:] != ["--help-me"]:  # argparse's own usage errors keep its two lines
            assert len(done.error_lines) == 1, (args, done.err)
        assert done.error_lines[-1].startswith(f"jamjet-schema {name}: "), (args, done.err)
        seen.add(name)
    assert seen == set(COMMANDS), "every command is tried"


def _first_line_then_close(args: list[str], env: dict[str, str]) -> tuple[int, bytes, str]:
    """`jamjet-schema ARGS | head -1`: one line is read, then the pipe is closed."""
    process = subprocess.Popen(
        command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO, env=env
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    code = process.wait(timeout=120)
    return code, first, process.stderr.read().decode()


@pytest.mark.parametrize("env", [{}, NATIVE_OFF], ids=["native", "pure"])
@pytest.mark.parametrize("verb", ["validate", "canonicalize", "export"])
def test_a_closed_pipe_downstream_ends_the_command_quietly(
    tmp_path: Path,
    log_bytes: bytes,
    writer: Writer,
    model: WireModel,
    env: dict[str, str],
    verb: str,
) -> None:
    """Far more than a pipe holds is left to write when the reader goes away."""
    if verb == "export":
        source = writer.create(tmp_path / "runtime.db")
        writer.append(source, LogGenerator(model, seed=21).events(5000))
    else:
        source = tmp_path / "events.jsonl"
        bad = b'{"id":"not-a-uuid"}\n' * 20  # validate writes a line for each
        source.write_bytes((log_bytes + bad) * 100 if verb == "validate" else log_bytes * 10)
    code, first, err = _first_line_then_close([verb, str(source)], {**os.environ, **env})
    assert first, "the command wrote its first line"
    assert err == ""
    assert code == 141  # 128 + SIGPIPE, as a Unix tool killed by it


def test_diff_takes_released_versions(tmp_path: Path) -> None:
    by_version = cli("diff", "1.0.0", "1.1.0", "--format", "json", cwd=tmp_path)
    by_file = cli(
        "diff",
        REPO / "schema/history/1.0.0.json",
        REPO / "schema/history/1.1.0.json",
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert by_version.code == by_file.code == 0, by_version.err
    assert json.loads(by_version.out) == json.loads(by_file.out)
    assert json.loads(by_version.out)["changes"], "the releases differ"
    current = cli("diff", "1.1.0", "current", "--format", "json", cwd=tmp_path)
    assert current.code == 0, current.err
    unknown = cli("diff", "1.0.0", "9.9.9", cwd=tmp_path)
    assert unknown.code == 2 and re.fullmatch(
        r"jamjet-schema diff: no schema version '9\.9\.9' \(known: [0-9., ]+\)\n", unknown.err
    )


def test_the_readme_documents_the_exit_statuses_and_the_output_guarantee() -> None:
    from jamjet_schema import cli as entry

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Exit status", 1)[1].split("\n## ", 1)[0]
    statuses = {
        0: None,
        1: None,
        entry.EXIT_UNUSABLE: None,
        entry.EXIT_INTERRUPTED: None,
        entry.EXIT_PIPE_CLOSED: None,
        entry.EXIT_TERMINATED: None,
    }
    for status in statuses:
        assert re.search(rf"^\| `{status}` \|", section, re.MULTILINE), status
    assert "atomic" in section and "never" in section
