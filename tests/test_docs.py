"""Every command and Python example in the docs runs, as written.

Shell lines starting with `jamjet-schema`, `pytest` or `python -m` are run from the
repository root; a trailing `# exits N` comment gives the expected status (else 0).
`nox -s NAME` lines are checked to name a real session (running nox from inside
its own test session would recurse). Lines with placeholders (mylib, path/to,
[optional] parts) are examples of shape, not commands, and are skipped.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

DOCS = [
    REPO / "README.md",
    REPO / "conformance" / "README.md",
    REPO / "docs" / "schema-evolution.md",
]
RUNNABLE = ("jamjet-schema ", "pytest ", "python -m ")
PLACEHOLDERS = ("mylib", "my-testee", "path/to", "[", "...", "COMMAND")
CREATED = ["canonical.jsonl"]


def _blocks(path: Path, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


def _commands(path: Path) -> list[tuple[str, int]]:
    out = []
    for block in _blocks(path, "sh"):
        for line in block.replace("\\\n", " ").splitlines():
            command, _, comment = line.partition("  #")
            command = command.strip()
            status = re.search(r"exits (\d+)", comment)
            out.append((command, int(status.group(1)) if status else 0))
    return out


RUN = [
    (p.name, c, s)
    for p in DOCS
    for c, s in _commands(p)
    if c.startswith(RUNNABLE) and not any(x in c for x in PLACEHOLDERS)
]
NOX = [c for p in DOCS for c, _ in _commands(p) if "nox -s " in c]


@pytest.mark.parametrize(
    ("doc", "command", "status"), RUN, ids=[f"{d}: {c[:60]}" for d, c, _ in RUN]
)
def test_documented_command_runs(doc: str, command: str, status: int, rust_built: None) -> None:
    argv = shlex.split(command)
    if argv[0] in ("pytest", "python"):
        argv = [sys.executable, *(["-m", "pytest"] if argv[0] == "pytest" else []), *argv[1:]]
    try:
        done = subprocess.run(
            argv, cwd=REPO, capture_output=True, text=True, timeout=300, check=False
        )
    finally:
        for name in CREATED:
            (REPO / name).unlink(missing_ok=True)
    assert done.returncode == status, f"{command}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"


def test_documented_nox_sessions_exist() -> None:
    listed = subprocess.run(
        [sys.executable, "-m", "nox", "-l"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    sessions = {m.group(1) for m in re.finditer(r"^[*-] (\w+)", listed, flags=re.M)}
    named = {m.strip() for command in NOX for m in re.findall(r"nox -s ((?:\w+ ?)+)", command)}
    assert named, "the README names its nox sessions"
    for group in named:
        assert set(group.split()) <= sessions, group


@pytest.mark.parametrize("number", range(len(_blocks(REPO / "README.md", "python"))))
def test_readme_python_example_runs(number: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    code = _blocks(REPO / "README.md", "python")[number]
    exec(compile(code, f"README.md python block {number + 1}", "exec"), {"__name__": "__readme__"})
