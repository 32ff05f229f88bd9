"""The tester's side of the testee protocol (conformance/protocol.md).

A testee is any command that reads one request per line on stdin and answers each
with one line on stdout, in order. No testee can hang or crash the run: one thread
writes the requests, one drains stderr into a bounded tail, one reads answer lines
into a queue that is waited on with a per-answer timeout. Answers are read as bytes:
a line that is not UTF-8 is kept (its bad bytes named), never a decoding crash.

Whatever stops the run (the testee cannot start, dies, stops answering, answers out
of order or nonsense, writes more lines than asked) raises TesteeFailure, naming the
request and carrying the exit status and the tail of stderr.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shlex
import signal
import subprocess
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal, NoReturn

from jamjet_schema.conformance.defaults import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT

Verdict = Literal["output", "error", "skipped"]
Cause = Literal[
    "start",  # the command could not be started
    "exited",  # the testee ended (or closed stdout) before answering every request
    "exit-status",  # it answered everything, then exited non-zero
    "timeout",  # no answer within the timeout
    "no-exit",  # it answered everything but did not exit at end of input
    "not-json",  # an answer line that is not a JSON document
    "bad-answer",  # JSON, but not {"id", one string of output/error/skipped}
    "wrong-id",  # an answer for another request than the one due
    "second-answer",  # the previous request answered twice
    "extra-line",  # a line after the last answer
]

STDERR_TAIL = 4000  # bytes of stderr kept for the report
SHOWN = 300  # characters of a bad answer line quoted in a message
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Request:
    type_name: str
    input: str
    label: str = ""  # what names the request in errors: the fixture id
    form: str | None = None  # "api": written back as the HTTP API writes; None: the log form


@dataclass(frozen=True)
class Outcome:
    """One answer: `verdict` says which of output, error or skipped; `text` is its value.

    `defect` says what is wrong with the answer's text itself whatever it is compared
    with: bytes that are not UTF-8 (shown as U+FFFD), or a lone surrogate."""

    verdict: Verdict
    text: str
    defect: str | None = None

    @property
    def accepted(self) -> bool:
        return self.verdict == "output"


class ProtocolError(RuntimeError):
    """The testee broke the protocol: died, answered out of order, or answered nonsense."""


class TesteeFailure(ProtocolError):
    """The run could not be completed; `str()` is the whole explanation."""

    __test__ = False  # not a pytest test class, despite the name

    def __init__(
        self,
        cause: Cause,
        summary: str,
        *,
        request: int | None = None,
        fixture: str | None = None,
        exit_status: int | None = None,
        stderr: str = "",
        hint: str = "",
    ) -> None:
        self.cause, self.summary, self.request, self.fixture = cause, summary, request, fixture
        self.exit_status, self.stderr, self.hint = exit_status, stderr, hint
        super().__init__(self.explain())

    def explain(self) -> str:
        lines = [self.summary]
        if self.hint:
            lines.append(self.hint)
        if self.stderr:
            lines.append("its stderr ended with:")
            lines += [f"  | {line}" for line in self.stderr.splitlines()]
        return "\n".join(lines)


@dataclass(frozen=True)
class Testee:
    """A testee command line, run from `cwd`, given `timeout` seconds per answer."""

    __test__ = False  # not a pytest test class, despite the name

    command: Sequence[str]
    cwd: Path | None = None
    timeout: float = DEFAULT_TIMEOUT
    build: str | None = None  # the command that builds it, named when it cannot start

    @classmethod
    def from_shell(
        cls, command: str, cwd: Path | None = None, timeout: float = DEFAULT_TIMEOUT
    ) -> Testee:
        return cls(tuple(shlex.split(command)), cwd, timeout)

    def run(self, requests: Iterable[Request]) -> list[Outcome]:
        """Starts the testee once, sends every request, returns the answers in order."""
        batch = list(requests)
        with _Session(self, batch) as session:
            answers = [session.answer(i) for i in range(len(batch))]
            session.finish()
        return answers

    def describe(self) -> str:
        return shlex.join(self.command)


# ---- one run of a testee ------------------------------------------------------------


class _StderrTail:
    """Drains a stream to its end, keeping only the last STDERR_TAIL bytes."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.kept, self.total = b"", 0
        self.thread = threading.Thread(target=self._drain, args=(stream,), daemon=True)
        self.thread.start()

    def _drain(self, stream: IO[bytes]) -> None:
        try:
            while chunk := stream.read1(65536):  # type: ignore[attr-defined]
                self.total += len(chunk)
                self.kept = (self.kept + chunk)[-STDERR_TAIL:]
        except (OSError, ValueError):
            pass  # closed under us: the run is over

    def text(self) -> str:
        self.thread.join(timeout=1.0)
        shown = self.kept.decode("utf-8", "backslashreplace").rstrip()
        dropped = self.total - len(self.kept)
        return f"[... {dropped} earlier bytes]\n{shown}" if dropped > 0 else shown


def _write_all(stream: IO[bytes], lines: list[bytes]) -> None:
    try:
        for line in lines:
            stream.write(line)
        stream.close()
    except (OSError, ValueError):
        pass  # the testee died or the run was stopped; the reader reports it


def _read_lines(stream: IO[bytes], into: queue.Queue[bytes | None]) -> None:
    try:
        for line in iter(stream.readline, b""):
            into.put(line)
    except (OSError, ValueError):
        pass
    into.put(None)  # end of stdout


class _Session:
    """One process of the testee, its three threads, and the checks of its answers."""

    def __init__(self, testee: Testee, batch: list[Request]) -> None:
        self.testee, self.batch = testee, batch
        self.lines: queue.Queue[bytes | None] = queue.Queue()
        self.proc = self._start()
        assert self.proc.stdin and self.proc.stdout and self.proc.stderr
        self.stderr = _StderrTail(self.proc.stderr)
        requests = [_request_line(i, r) for i, r in enumerate(batch)]
        threading.Thread(target=_write_all, args=(self.proc.stdin, requests), daemon=True).start()
        threading.Thread(
            target=_read_lines, args=(self.proc.stdout, self.lines), daemon=True
        ).start()

    def _start(self) -> subprocess.Popen[bytes]:
        try:
            return subprocess.Popen(
                list(self.testee.command),
                cwd=self.testee.cwd,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=os.name == "posix",  # a timeout stops its children too
            )
        except (OSError, ValueError) as err:
            raise TesteeFailure(
                "start",
                f"{self.name} ({self.testee.describe()}) could not be started: {err}",
                hint=self._where(),
            ) from err

    def __enter__(self) -> _Session:
        return self

    def __exit__(self, *_: object) -> None:
        if self.proc.poll() is None:
            self._kill()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass  # unflushed requests to a testee that is gone

    @property
    def name(self) -> str:
        return "the testee"  # the report's header gives its command line

    def label(self, index: int) -> str:
        label = self.batch[index].label if 0 <= index < len(self.batch) else ""
        return f"request {index} ({label})" if label else f"request {index}"

    # ---- answers

    def answer(self, index: int) -> Outcome:
        raw = self._next_line(f"gave no answer to {self.label(index)}", index)
        if raw is None:
            self._ended_early(index)
        text, defect = _decode(raw)
        return self._parse(index, text, defect)

    def finish(self) -> None:
        """After the last answer: stdout ends with no extra line, the testee exits 0."""
        after = len(self.batch)
        raw = self._next_line("did not exit at the end of input", after, cause="no-exit")
        if raw is not None:
            self.fail("extra-line", f"wrote a line after its last answer: {_shown(raw)}", after)
        status = self._wait()
        if status is None:
            self.fail("no-exit", "closed its stdout but did not exit at the end of input", after)
        if status != 0:
            summary = f"answered every request, then {_status_text(status)}"
            self.fail("exit-status", summary, after, status)

    def _next_line(self, what: str, index: int, cause: Cause = "timeout") -> bytes | None:
        try:
            return self.lines.get(timeout=self.testee.timeout)
        except queue.Empty:
            self._kill()
            self.fail(cause, f"{what} within {self.testee.timeout:g} s: stopped it", index)

    def _ended_early(self, index: int) -> NoReturn:
        status = self._wait()
        how = _status_text(status) if status is not None else "closed its stdout"
        summary = f"{how} before answering {self.label(index)}, {len(self.batch)} being asked"
        self.fail("exited", summary, index, status, self._where() if index == 0 else "")

    def _parse(self, index: int, text: str, defect: str | None) -> Outcome:
        try:
            answer = json.loads(text)
        except json.JSONDecodeError:
            what = f"answered {self.label(index)} with a line that is not JSON"
            self.fail("not-json", f"{what}: {_shown(text)}", index)
        if not isinstance(answer, dict) or "id" not in answer:
            what = f"answered {self.label(index)} with no id"
            self.fail("bad-answer", f"{what}: {_shown(text)}", index)
        got = answer["id"]
        if type(got) is not int or got != index:
            self._wrong_id(index, got, text)
        kinds = [k for k in ("output", "error", "skipped") if k in answer]
        if len(kinds) != 1 or not isinstance(answer[kinds[0]], str):
            what = f"answered {self.label(index)} without exactly one of output, error, skipped"
            self.fail("bad-answer", f"{what} (a string): {_shown(text)}", index)
        verdict: Verdict = kinds[0]  # type: ignore[assignment]
        value = answer[verdict]
        if verdict == "output":
            defect = defect or _surrogate_defect(value)
        return Outcome(verdict, value, defect)

    def _wrong_id(self, index: int, got: object, text: str) -> NoReturn:
        if type(got) is int and got == index - 1:
            summary = f"answered {self.label(index - 1)} twice (the second: {_shown(text)})"
            self.fail("second-answer", summary, index)
        summary = f"answered id {got!r} where {self.label(index)} was due: {_shown(text)}"
        self.fail("wrong-id", summary, index)

    # ---- ending

    def fail(
        self,
        cause: Cause,
        summary: str,
        index: int,
        status: int | None = None,
        hint: str = "",
    ) -> NoReturn:
        if self.proc.poll() is None:
            self._kill()
        asked = index < len(self.batch)
        raise TesteeFailure(
            cause,
            f"{self.name} {summary}",
            request=index if asked else None,
            fixture=(self.batch[index].label or None) if asked else None,
            exit_status=status,
            stderr=self.stderr.text(),
            hint=hint,
        )

    def _wait(self) -> int | None:
        try:
            return self.proc.wait(timeout=self.testee.timeout)
        except subprocess.TimeoutExpired:
            self._kill()
            return None

    def _kill(self) -> None:
        try:
            if os.name == "posix":
                os.killpg(self.proc.pid, signal.SIGKILL)
            else:
                self.proc.kill()
        except (ProcessLookupError, PermissionError):
            pass  # already gone
        self.proc.wait()

    def _where(self) -> str:
        cwd = self.testee.cwd.resolve() if self.testee.cwd else Path.cwd()
        if self.testee.build is not None:
            return f"Is it built? From {cwd}: {self.testee.build}"
        return (
            f"It ran from {cwd}. If it needs a module or file of your repository, run it "
            "from there: --cwd DIR (jamjet-schema conformance), --jamjet-cwd DIR (pytest), "
            '"testee_cwd" in jamjet-conformance.json (the kit; relative to that file).'
        )


def _request_line(index: int, request: Request) -> bytes:
    doc: dict[str, object] = {"id": index, "type_name": request.type_name, "input": request.input}
    if request.form is not None:
        doc["form"] = request.form
    try:
        return (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in the input: send it as its escape
        return (json.dumps(doc) + "\n").encode("ascii")


def _decode(raw: bytes) -> tuple[str, str | None]:
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        bad = raw[err.start : err.end].hex(" ")
        around = raw[max(0, err.start - 20) : err.end + 20]
        defect = (
            f"the answer line is not UTF-8: byte(s) {bad} at byte {err.start} "
            f"(in {around!r}); shown as U+FFFD"
        )
        return raw.decode("utf-8", "replace"), defect


def _surrogate_defect(value: str) -> str | None:
    found = _SURROGATE.search(value)
    if found is None:
        return None
    code = f"U+{ord(found.group()):04X}"
    at = found.start()
    return f"the output holds a lone surrogate {code} at character {at}: UTF-8 cannot encode it"


def printable(text: str) -> str:
    """`text` with every lone surrogate written as its \\uXXXX escape: safe to print."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _shown(line: str | bytes) -> str:
    text = line.decode("utf-8", "backslashreplace") if isinstance(line, bytes) else line
    text = printable(text.rstrip("\r\n"))
    return repr(text[:SHOWN]) + (
        f" [...{len(text) - SHOWN} more chars]" if len(text) > SHOWN else ""
    )


def _status_text(status: int) -> str:
    if status < 0:
        try:
            return f"was killed by signal {signal.Signals(-status).name}"
        except ValueError:
            return f"was killed by signal {-status}"
    return f"exited with status {status}"


Registry = dict[str, dict[str, str]]


def load_registry(path: Path) -> Registry:
    """A testees.json: testee name -> {"command", "description", optional "reader_version"
    and "build" (the command that builds it, named when it cannot start)}."""
    registry: Registry = json.loads(path.read_text(encoding="utf-8"))
    return registry


def registered(path: Path, name: str, timeout: float = DEFAULT_TIMEOUT) -> Testee:
    """A testee of `path` (conformance/testees.json), run from its repository's root."""
    registry = load_registry(path)
    if name not in registry:
        raise LookupError(f"no testee {name!r} in {path}; known: {', '.join(registry)}")
    entry = registry[name]
    command = shlex.split(entry["command"])
    if command[:1] == ["python"]:  # the interpreter running this, which has the package
        command[0] = sys.executable
    return Testee(tuple(command), path.parent.parent, timeout, entry.get("build"))
