"""The command line run as a user runs it: a real process on real files, and what it
left behind in the folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.loggen import LogGenerator
from codegen.model import WireModel
from tests.store.conftest import WRITER, Writer

NATIVE_OFF = {"JAMJET_SCHEMA_NATIVE": "0"}


@dataclass(frozen=True)
class Result:
    code: int
    out: bytes
    err: str

    @property
    def error_lines(self) -> list[str]:
        return self.err.splitlines()


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "jamjet_schema.cli", *(str(a) for a in args)]


def cli(
    *args: str | Path,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Result:
    """`jamjet-schema ARGS` as a subprocess; never a traceback, whatever it is given."""
    done = subprocess.run(
        command(*args),
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=300,
    )
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return Result(done.returncode, done.stdout, err)


def leftovers(folder: Path) -> list[str]:
    """Temporary outputs left in `folder` (files.outputs names them .NAME.*.part)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def default_sigint() -> None:
    """For a child that must see Ctrl-C as a user's process does, even when this test
    runs where SIGINT is ignored (a background job inherits SIG_IGN)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="session")
def event_lines(model: WireModel) -> list[str]:
    """Events of every variant, canonical, as serde writes them."""
    return list(LogGenerator(model, seed=20).events(400))


@pytest.fixture(scope="session")
def log_bytes(event_lines: list[str]) -> bytes:
    return "".join(line + "\n" for line in event_lines).encode()


@pytest.fixture(scope="session")
def writer(rust_built: None) -> Writer:
    """The reference store writer (reference/store): stores as the runtime writes them."""
    return Writer(WRITER)
