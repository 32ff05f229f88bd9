"""Stores written by the reference writer (reference/store, `jamjet-store-writer`) with
the runtime's layout and byte formats, and the CLI run on them as a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
WRITER = REPO / "target" / "release" / "jamjet-store-writer"
CREATED = "2024-05-06T07:08:09.123456789Z"


@dataclass(frozen=True)
class Writer:
    """The reference writer: creates, appends, inserts raw rows, reads as the runtime."""

    binary: Path

    def run(self, *args: str, stdin: str = "") -> str:
        done = subprocess.run(
            [str(self.binary), *args], input=stdin, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def create(self, path: Path, *flags: str) -> Path:
        self.run("create", str(path), *flags)
        return path

    def append(self, path: Path, events: Iterable[str], *flags: str) -> None:
        self.run("append", str(path), *flags, stdin="".join(e + "\n" for e in events))

    def raw(self, path: Path, rows: Iterable[dict[str, Any]]) -> None:
        self.run("raw", str(path), stdin="".join(json.dumps(r) + "\n" for r in rows))

    def read(self, path: Path, *flags: str) -> list[dict[str, Any]]:
        return [
            json.loads(line) for line in self.run("read", str(path), *flags).split("\n") if line
        ]

    def put_artifact(self, path: Path, data: bytes, *flags: str) -> str:
        """Stores `data` as the runtime's put_artifact does; the sentinel (JSON text)."""
        done = subprocess.run(
            [str(self.binary), "put-artifact", str(path), *flags],
            input=data,
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.decode("utf-8").rstrip("\n")

    def list_events(self, path: Path, *flags: str) -> tuple[str, str]:
        """What the runtime's API answers (stdout) and the warnings it logs (stderr)."""
        done = subprocess.run(
            [str(self.binary), "list-events", str(path), *flags],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout, done.stderr

    def probe(self, texts: Iterable[str]) -> list[dict[str, Any]]:
        out = self.run("probe", stdin="".join(json.dumps(t) + "\n" for t in texts))
        return [json.loads(line) for line in out.split("\n") if line]


@pytest.fixture(scope="session")
def writer(rust_built: None) -> Writer:
    return Writer(WRITER)


def event_text(kind: str, execution: str | None = None, created_at: str = CREATED) -> str:
    """An Event around `kind` (JSON text), with a fresh id."""
    return (
        f'{{"id":"{uuid.uuid4()}","execution_id":"{execution or uuid.uuid4()}","sequence":0,'
        f'"kind":{kind},"created_at":"{created_at}"}}'
    )


def files_of(store: Path) -> dict[str, bytes | None]:
    """The bytes of the database and of its -wal and -shm (None: absent)."""
    out: dict[str, bytes | None] = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = Path(f"{store}{suffix}")
        out[suffix or "db"] = path.read_bytes() if path.exists() else None
    return out


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def cli(
    *args: str, check_unchanged: Path | None = None, env: dict[str, str] | None = None
) -> Result:
    """`jamjet-schema ARGS` as a subprocess; with `check_unchanged`, asserts the store's
    files are byte for byte what they were; `env`: added to the environment."""
    before = files_of(check_unchanged) if check_unchanged else None
    done = subprocess.run(
        [sys.executable, "-m", "jamjet_schema.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=None if env is None else {**os.environ, **env},
    )
    if check_unchanged is not None:
        assert files_of(check_unchanged) == before, "the store was modified"
    assert "Traceback" not in done.stderr, done.stderr
    return Result(done.returncode, done.stdout, done.stderr)


def canonical_lines(rows: list[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        assert "error" not in row, row
        yield row["event"]
