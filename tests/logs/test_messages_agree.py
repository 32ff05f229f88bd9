"""One text, one message: the API, the CLI and the README's loop say what serde says.

For a record (a JSON Lines line without its terminator), `serde_message` of
`Event.model_validate_json(record)` is what `jamjet-schema validate` prints for that
line, whatever the file's line ends are, and a JSON syntax error's line and column
are serde_json's own for the record (asked of the Rust reference). The quick start of
the README, run over a log with bad lines, prints the CLI's messages.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from jamjet_schema import Event, serde_message
from jamjet_schema.conformance.testee import Request, Testee
from tests.conftest import REPO

BAD_LOG = REPO / "examples" / "bad-events.jsonl"
POSITION = re.compile(r" at line \d+ column \d+$")


def _records() -> list[str]:
    """The bad log's records, and a good event cut at several places."""
    lines = BAD_LOG.read_text(encoding="utf-8").splitlines()
    good = (REPO / "examples" / "events.jsonl").read_text(encoding="utf-8").splitlines()[0]
    cuts = [good[:n] for n in (1, 7, len(good) // 3, len(good) // 2, len(good) - 1)]
    return [*lines, *cuts, good.replace('"sequence":', '"sequence":,')]


def _api(record: str) -> str | None:
    try:
        Event.model_validate_json(record)
    except ValidationError as err:
        return serde_message(err)
    return None


def _cli(log: Path) -> dict[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "jamjet_schema.cli", "validate", "--format", "json", str(log)],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    reports = [json.loads(line) for line in done.stdout.splitlines()]
    return {r["line"]: r["error"] for r in reports if "line" in r}


@pytest.mark.parametrize("ending", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_the_cli_prints_the_apis_message_for_each_record(tmp_path: Path, ending: str) -> None:
    records = _records()
    log = tmp_path / "log.jsonl"
    log.write_bytes("".join(r + ending for r in records).encode())
    printed = _cli(log)
    expected = {n: m for n, r in enumerate(records, start=1) if (m := _api(r)) is not None}
    assert len(expected) >= 8
    assert printed == expected


def test_syntax_error_positions_are_serde_jsons_for_the_record(rust: Testee) -> None:
    records = _records()
    answers = rust.run(Request("Event", r) for r in records)
    checked = 0
    for record, answer in zip(records, answers, strict=True):
        ours = _api(record)
        assert (ours is None) == answer.accepted, record
        if ours is not None and POSITION.search(ours):  # a syntax error: serde_json's text
            assert ours == answer.text, record
            checked += 1
    assert checked >= 5
    # The same text with its newline is another text: serde_json counts the newline.
    truncated = records[2]
    assert "line 1 column" in (_api(truncated) or "")
    (with_newline,) = rust.run([Request("Event", truncated + "\n")])
    assert _api(truncated + "\n") == with_newline.text and "at line 2 column 0" in with_newline.text


def test_the_readme_loop_prints_what_the_cli_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    loop = re.findall(r"```python\n(.*?)```", text, flags=re.S)[0]
    assert '"examples/events.jsonl"' in loop
    monkeypatch.chdir(REPO)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(
            compile(
                loop.replace("examples/events.jsonl", "examples/bad-events.jsonl"), "README", "exec"
            ),
            {},
        )
    printed = {
        int(m.group(1)): m.group(2)
        for m in re.finditer(r"^line (\d+): (.*)$", out.getvalue(), flags=re.M)
    }
    assert printed == _cli(BAD_LOG) and len(printed) == 3
