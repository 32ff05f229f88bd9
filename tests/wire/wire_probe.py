"""The Rust judge for the wire tests: jamjet-wire-probe, started once, fed in batches.

`compare(probe, type_name, inputs)` sends every input to the probe in one batch, runs
the Python wire layer (round_trip) on the same inputs and returns the disagreements;
TALLY accumulates the totals conftest prints at the end of the session.
(A plain module, not conftest, so tests can import its names unambiguously.)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parents[2]
for _root in ("src", "generated/python"):  # the package may not be installed in a checkout
    if str(REPO / _root) not in sys.path:
        sys.path.insert(0, str(REPO / _root))

from jamjet_schema.wire import WireError, round_trip, serde_parser  # noqa: E402

PROBE = REPO / "target" / "release" / "jamjet-wire-probe"
SEED_TESTEE = REPO / "target" / "release" / "jamjet-testee-seed"
_POSITION = re.compile(r" at line \d+ column \d+\Z")
SYNTAX_MESSAGES = frozenset(
    text for name, text in vars(serde_parser).items() if name.isupper() and isinstance(text, str)
)


@dataclass(frozen=True)
class Answer:
    """One verdict: accepted with the written bytes, or rejected with the message."""

    accepted: bool
    text: str


@dataclass(frozen=True)
class Disagreement:
    type_name: str
    input: str
    rust: Answer
    python: Answer

    def __str__(self) -> str:
        return f"{self.type_name} {self.input!r}: rust={self.rust} python={self.python}"


@dataclass
class Tally:
    cases: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)


TALLY = Tally()


class Probe:
    """A running jamjet-wire-probe; `run` writes a whole batch from a thread while
    reading the answers, so no batch size can deadlock on full pipes."""

    def __init__(self, binary: Path = PROBE) -> None:
        self.proc = subprocess.Popen(
            [str(binary)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.next_id = 0

    def run(self, type_name: str, inputs: Sequence[str]) -> list[Answer]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        first = self.next_id
        self.next_id += len(inputs)
        lines = [
            json.dumps({"id": first + i, "type_name": type_name, "input": text}) + "\n"
            for i, text in enumerate(inputs)
        ]
        writer = threading.Thread(target=_feed, args=(self.proc.stdin, lines))
        writer.start()
        answers = [self._answer(first + i) for i in range(len(inputs))]
        writer.join()
        return answers

    def _answer(self, expected_id: int) -> Answer:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"probe died (exit {self.proc.poll()})")
        reply = json.loads(line)
        assert reply["id"] == expected_id, reply
        if "output" in reply:
            return Answer(True, reply["output"])
        if "error" in reply:
            return Answer(False, reply["error"])
        raise RuntimeError(f"probe skipped: {reply}")

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _feed(stream: IO[str], lines: list[str]) -> None:
    stream.writelines(lines)
    stream.flush()


def python_answer(type_name: str, text: str) -> Answer:
    try:
        return Answer(True, round_trip(type_name, text))
    except WireError as exc:
        return Answer(False, exc.message)


def is_syntax_error(message: str) -> bool:
    return _POSITION.sub("", message) in SYNTAX_MESSAGES


def classify(rust: Answer, python: Answer) -> str | None:
    """None when the answers agree, else the kind of disagreement.

    Syntax errors must match exactly; type/value errors up to serde's position
    suffix (the tree has no byte offsets). "order": serde met a type error before a
    syntax error that Python (which parses first) reported -- same verdict.
    """
    if rust.accepted != python.accepted:
        return "verdict"
    if rust.accepted:
        return None if rust.text == python.text else "bytes"
    if rust.text == python.text or _POSITION.sub("", rust.text) == python.text:
        return None
    if is_syntax_error(python.text) and not is_syntax_error(rust.text):
        return "order"
    return "message"


def compare(probe: Probe, type_name: str, inputs: Sequence[str]) -> list[Disagreement]:
    rust_answers = probe.run(type_name, inputs)
    found: list[Disagreement] = []
    for text, rust in zip(inputs, rust_answers, strict=True):
        python = python_answer(type_name, text)
        kind = classify(rust, python)
        if kind is None:
            continue
        TALLY.kinds[kind] = TALLY.kinds.get(kind, 0) + 1
        if kind != "order":
            found.append(Disagreement(type_name, text, rust, python))
    TALLY.cases += len(inputs)
    TALLY.by_type[type_name] = TALLY.by_type.get(type_name, 0) + len(inputs)
    return found


Differential = Callable[[str, Sequence[str]], list[Disagreement]]
