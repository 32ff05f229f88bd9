"""The tester's side of the testee protocol (conformance/protocol.md).

A testee is any command that reads one request per line on stdin and answers each
with one line on stdout, in order. Requests are written from a thread while answers
are read, so a batch of any size cannot deadlock on full pipes.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Verdict = Literal["output", "error", "skipped"]


@dataclass(frozen=True)
class Request:
    type_name: str
    input: str


@dataclass(frozen=True)
class Outcome:
    """One answer: `verdict` says which of output, error or skipped; `text` is its value."""

    verdict: Verdict
    text: str

    @property
    def accepted(self) -> bool:
        return self.verdict == "output"


class ProtocolError(RuntimeError):
    """The testee broke the protocol: died, answered out of order, or answered nonsense."""


@dataclass(frozen=True)
class Testee:
    """A testee command line, run from `cwd`."""

    __test__ = False  # not a pytest test class, despite the name

    command: Sequence[str]
    cwd: Path | None = None

    @classmethod
    def from_shell(cls, command: str, cwd: Path | None = None) -> Testee:
        return cls(tuple(shlex.split(command)), cwd)

    def run(self, requests: Iterable[Request]) -> list[Outcome]:
        """Starts the testee once, sends every request, returns the answers in order."""
        lines = [
            json.dumps({"id": i, "type_name": r.type_name, "input": r.input}, ensure_ascii=False)
            for i, r in enumerate(requests)
        ]
        proc = subprocess.Popen(
            list(self.command),
            cwd=self.cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert proc.stdin and proc.stdout and proc.stderr
        writer = threading.Thread(target=_feed, args=(proc.stdin, lines), daemon=True)
        writer.start()
        answers = [_read_answer(proc.stdout, i, self) for i in range(len(lines))]
        writer.join()
        proc.stdout.close()
        if proc.wait() != 0:
            raise ProtocolError(
                f"{self.describe()} exited {proc.returncode}: {proc.stderr.read()[-2000:]}"
            )
        proc.stderr.close()
        return answers

    def describe(self) -> str:
        return shlex.join(self.command)


def _feed(stream: object, lines: list[str]) -> None:
    assert hasattr(stream, "write") and hasattr(stream, "close")
    try:
        for line in lines:
            stream.write(line + "\n")
        stream.close()
    except BrokenPipeError:
        pass  # the testee died; the reader reports it


def _read_answer(stdout: object, expected_id: int, testee: Testee) -> Outcome:
    assert hasattr(stdout, "readline")
    line = stdout.readline()
    if not line:
        raise ProtocolError(f"{testee.describe()} stopped answering at request {expected_id}")
    try:
        answer = json.loads(line)
    except json.JSONDecodeError as err:
        raise ProtocolError(
            f"{testee.describe()} answered a line that is not JSON: {line!r}"
        ) from err
    if not isinstance(answer, dict) or answer.get("id") != expected_id:
        raise ProtocolError(f"{testee.describe()} answered {line!r} where id {expected_id} was due")
    kinds = [k for k in ("output", "error", "skipped") if k in answer]
    if len(kinds) != 1 or not isinstance(answer[kinds[0]], str):
        raise ProtocolError(
            f"{testee.describe()} answer needs exactly one string of output/error/skipped: {line!r}"
        )
    verdict: Verdict = kinds[0]  # type: ignore[assignment]
    return Outcome(verdict, answer[kinds[0]])


Registry = dict[str, dict[str, str]]


def load_registry(path: Path) -> Registry:
    """A testees.json: testee name -> {"command", "description", optional "reader_version"}."""
    registry: Registry = json.loads(path.read_text(encoding="utf-8"))
    return registry


def registered(path: Path, name: str) -> Testee:
    """A testee of `path` (conformance/testees.json), run from its repository's root."""
    registry = load_registry(path)
    if name not in registry:
        raise LookupError(f"no testee {name!r} in {path}; known: {', '.join(registry)}")
    return Testee.from_shell(registry[name]["command"], path.parent.parent)
