"""`validate` and `canonicalize` answer byte for byte alike on every path.

The reference is the pure-Python path (JAMJET_SCHEMA_NATIVE=0), which checks record
by record. With the native core a JSON Lines log goes through `check_lines` /
`canonical_lines` in batches of `logs.batch.BATCH` bytes, on --jobs threads, and only
the problem lines come back to Python; stdout, stderr, the exit status and the file
written by `-o` must not change, whatever --jobs is. Every run is a real `python -m
jamjet_schema.cli` process on real files.
"""

from __future__ import annotations

import difflib
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.loggen import LogGenerator
from codegen.model import WireModel
from jamjet_schema.logs.batch import BATCH, Chunk, chunks
from jamjet_schema.logs.records import CHUNK
from jamjet_schema.native import ENV

REPO = Path(__file__).resolve().parents[2]

requires_native = pytest.mark.skipif(
    importlib.util.find_spec("_jamjet_schema_native") is None, reason="the native core is not built"
)


@dataclass(frozen=True)
class Mode:
    native: bool
    jobs: tuple[str, ...]


PURE = "pure"
MODES = {
    PURE: Mode(native=False, jobs=()),
    "native-jobs-1": Mode(native=True, jobs=("--jobs", "1")),
    "native-jobs-2": Mode(native=True, jobs=("--jobs", "2")),
    "native-jobs-3": Mode(native=True, jobs=("--jobs", "3")),
}

OUT = "{out}"  # stands for the file `canonicalize -o` writes, one per mode
COMMANDS = {
    "validate-text": ("validate",),
    "validate-json": ("validate", "--format", "json"),
    "validate-canonical-text": ("validate", "--canonical"),
    "validate-canonical-json": ("validate", "--canonical", "--format", "json"),
    "canonicalize-stdout": ("canonicalize",),
    "canonicalize-file": ("canonicalize", "-o", OUT),
}


@dataclass(frozen=True)
class Log:
    args: tuple[str, ...]  # the LOG arguments (none: stdin)
    stdin: bytes | None = None


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: bytes
    stderr: bytes
    written: bytes | None  # what `-o` wrote


def env_for(native: bool) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name != ENV}
    env[ENV] = "1" if native else "0"
    return env


def cli(
    args: list[str], native: bool, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "jamjet_schema.cli", *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        cwd=REPO,
        env=env_for(native),
        timeout=300,
        check=False,
    )


def run(mode: str, command: str, log: Log, out_dir: Path) -> Outcome:
    target = out_dir / f"{mode}.out.jsonl"
    args = [str(target) if arg == OUT else arg for arg in COMMANDS[command]]
    done = cli([*args, *MODES[mode].jobs, *log.args], MODES[mode].native, log.stdin)
    written = target.read_bytes() if OUT in COMMANDS[command] else None
    return Outcome(done.returncode, done.stdout, done.stderr, written)


def first_difference(name: str, expected: bytes, actual: bytes) -> str:
    """A short unified diff of two outputs, lines cut to stay readable."""
    cut = [line[:300] for line in expected.decode(errors="replace").splitlines()]
    got = [line[:300] for line in actual.decode(errors="replace").splitlines()]
    diff = list(difflib.unified_diff(cut, got, f"{name} (pure)", f"{name}", lineterm="", n=1))
    return "\n".join(diff[:40])


# --- the logs -------------------------------------------------------------------------

EVENT_HEAD = '{"id":"db5b5fab-8f4d-4e27-9da1-494c73cf256d","execution_id":"73ab4876-7734-47c1-87fd-e805ec99108d","sequence":1,"kind":'
EVENT_TAIL = ',"created_at":"2026-10-21T18:06:02.150219453Z"}'


def event_with(kind: str) -> bytes:
    return (EVENT_HEAD + kind + EVENT_TAIL).encode()


def nested(depth: int) -> bytes:
    """A workflow_started whose initial_input is `depth` nested arrays: the event and
    its kind add two levels; serde_json's limit lets 125 pass and refuses 126."""
    value = "[" * depth + "]" * depth
    return event_with(
        f'{{"type":"workflow_started","workflow_id":"w","workflow_version":"v","initial_input":{value}}}'
    )


def long_failure(sep: str = ":", sequence: str = "1") -> bytes:
    """A workflow_failed longer than one batch: its error is BATCH + 4 KiB long."""
    line = event_with(f'{{"type":"workflow_failed","error"{sep}"{"x" * (BATCH + 4096)}"}}')
    return line.replace(b'"sequence":1,', f'"sequence":{sequence},'.encode(), 1)


Trouble = tuple[bytes, str | None]  # a line, and the problem the reference reports on it

# Each maker turns a good generated line into a troubled one; None: no problem at all
# (a blank line is no record; a line ending in \r\n is the same event).
MAKERS: list[Callable[[bytes], Trouble]] = [
    lambda g: (b'{"id": "oops"', "invalid"),  # malformed JSON
    lambda g: (g[: len(g) // 2], "invalid"),  # cut mid-line
    lambda g: (g.replace(b'"sequence"', b'"seq\xff\xfence"', 1), "invalid"),  # bad UTF-8 key
    lambda g: (g.replace(b'"created_at":"', b'"created_at":"\xe2\x82', 1), "invalid"),
    lambda g: (b"\xff" + g, "invalid"),  # invalid UTF-8 outside any string
    lambda g: (b"\xef\xbb\xbf" + g, "invalid"),  # a byte order mark inside the log
    lambda g: (b"\x00", "invalid"),
    lambda g: (g + b"\r", None),  # \r\n line ending
    lambda g: (g + b"\r\r", None),
    lambda g: (b"", None),  # blank and whitespace-only lines
    lambda g: (b"   ", None),
    lambda g: (b"\t \x0b\x0c\r", None),
    lambda g: (nested(125), None),
    lambda g: (nested(126), "invalid"),  # deeper than serde_json's recursion limit
    lambda g: (json.dumps(json.loads(g)).encode(), "not-canonical"),  # extra spaces
    lambda g: (b" " + g, "not-canonical"),
    lambda g: (g + b" \t", "not-canonical"),
    lambda g: (upper_id(g), "not-canonical"),
    lambda g: (json.dumps(dict(reversed(json.loads(g).items()))).encode(), "not-canonical"),
    lambda g: (g[:-1] + b',"extra":{"nested":[1,{"a":"b"}]}}', "not-canonical"),  # unknown
    lambda g: (b'{"sequence":0,' + g[1:], "invalid"),  # duplicate field
    lambda g: (re.sub(rb'"sequence":(\d+)', rb'"sequence":"\1"', g, count=1), "invalid"),
]


def upper_id(good: bytes) -> bytes:
    """The same line with its id in capitals: same length, accepted, not canonical."""
    assert good.startswith(b'{"id":"')
    return good[:7] + good[7:43].upper() + good[43:]


def broken_end(good: bytes) -> bytes:
    """The same line with its last brace a bracket: same length, refused."""
    assert good.endswith(b"}")
    return good[:-1] + b"]"


def chunk_starts(data: bytes) -> list[int]:
    """The first line of every chunk the native path cuts `data` into (as logs.scan reads)."""
    stream = io.BytesIO(data)
    head = stream.read(CHUNK)
    starts, line = [], 1
    for item in chunks(head, stream):
        if isinstance(item, Chunk):
            starts.append(line)
            line += item.data.count(b"\n", item.start, item.end)
    return starts


def mixed_log(good: list[str]) -> tuple[bytes, dict[int, str]]:
    """The generated log with trouble of every kind sprinkled in, three lines longer than a
    batch in the middle, the lines on both sides of every chunk boundary turned bad, and
    a last line without a newline; with the problem of each line, by line number."""
    lines: list[Trouble] = []
    plain: set[int] = set()  # indexes of generated lines left as they are
    makers = iter(MAKERS * len(good))
    for i, text in enumerate(good):
        if i % 29 == 3:
            lines.append(next(makers)(good[(7 * i) % len(good)].encode()))
        if i == len(good) // 2:
            lines += [
                (long_failure(), None),
                (long_failure(sep=": "), "not-canonical"),
                (long_failure(sequence="1.5"), "invalid"),
                (nested(100_000), "invalid"),
            ]
        plain.add(len(lines))
        lines.append((text.encode(), None))
    data = b"\n".join(line for line, _ in lines)  # the last line has no newline
    starts = chunk_starts(data)
    for start in starts[1:]:
        last, first = start - 2, start - 1  # 0-based: the last line of a chunk, the next one
        if last in plain and first in plain:  # (a one-line chunk's edges are taken already)
            lines[last] = (upper_id(lines[last][0]), "not-canonical")
            lines[first] = (broken_end(lines[first][0]), "invalid")
            plain -= {last, first}
    data = b"\n".join(line for line, _ in lines)
    assert chunk_starts(data) == starts, "same-length edits keep the chunks"
    problems = {n: problem for n, (_, problem) in enumerate(lines, start=1) if problem}
    return data, problems


def array_log(good: list[str]) -> bytes:
    """A JSON array: good elements, a pretty-printed one, refused ones, bad UTF-8."""
    elements = [*good[:40]]
    elements.insert(5, json.dumps(json.loads(good[41]), indent=2))
    elements.insert(9, '{"id": "oops"}')
    elements.insert(12, good[42].replace('"sequence":', '"sequence":-', 1))
    elements.insert(20, good[43][:-1] + ',"extra":[1,2]}')
    text = "[\n" + ",\n".join(elements) + "\n]\n"
    return text.encode().replace(b'"created_at":"', b'"created_at":"\xff', 1)


@dataclass(frozen=True)
class Logs:
    logs: dict[str, Log]
    generated: Path
    mixed: Path
    mixed_problems: dict[int, str]


LOG_NAMES = ["events", "bad-events", "generated", "mixed", "array", "stdin", "several"]


@pytest.fixture(scope="module")
def logs(model: WireModel, tmp_path_factory: pytest.TempPathFactory) -> Logs:
    here = tmp_path_factory.mktemp("logs")
    good = list(LogGenerator(model, seed=17, payload_bytes=1000).events(4000))
    generated = here / "generated.jsonl"
    generated.write_text("".join(line + "\n" for line in good), encoding="utf-8")
    data, problems = mixed_log(good)
    mixed = here / "mixed.jsonl"
    mixed.write_bytes(data)
    array = here / "array.json"
    array.write_bytes(array_log(good))
    empty, blanks = here / "empty.jsonl", here / "blanks.jsonl"
    empty.write_bytes(b"")
    blanks.write_bytes(b"\n \n\r\n\t\n")
    bad_tail, cr_tail = here / "bad-tail.jsonl", here / "cr-tail.jsonl"
    bad_tail.write_bytes(f"{good[0]}\n{good[1][:-1]}".encode())  # refused, no newline
    cr_tail.write_bytes(f"{good[2]}\n{good[3]}\r".encode())  # \r, no newline
    several = ("examples/events.jsonl", *map(str, (empty, blanks)), "-")
    several += tuple(map(str, (bad_tail, cr_tail, array, mixed)))
    return Logs(
        logs={
            "events": Log(("examples/events.jsonl",)),
            "bad-events": Log(("examples/bad-events.jsonl",)),
            "generated": Log((str(generated),)),
            "mixed": Log((str(mixed),)),
            "array": Log((str(array),)),
            "stdin": Log((), stdin=data),
            "several": Log(several, stdin=(REPO / "examples/bad-events.jsonl").read_bytes()),
        },
        generated=generated,
        mixed=mixed,
        mixed_problems=problems,
    )


# --- the logs are what they claim to be ------------------------------------------------


def test_the_generated_and_mixed_logs_span_several_batches(logs: Logs) -> None:
    assert len(chunk_starts(logs.generated.read_bytes())) >= 3
    starts = chunk_starts(logs.mixed.read_bytes())
    assert len(starts) >= 4
    # the edits at the chunk boundaries were made (where no other trouble fell on them;
    # the one-line chunk of a line straddling two blocks shares its edges)
    edged = [n for n in starts[1:] if logs.mixed_problems.get(n) == "invalid"]
    assert sum(logs.mixed_problems.get(n - 1) == "not-canonical" for n in edged) >= 3


@requires_native
def test_the_native_core_is_in_use_unless_turned_off() -> None:
    code = "import jamjet_schema; print(jamjet_schema.native_available())"
    for native, expected in ((True, b"True"), (False, b"False")):
        done = cli_python(code, native)
        assert done.stdout.strip() == expected, done.stderr


def cli_python(code: str, native: bool) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        cwd=REPO,
        env=env_for(native),
        timeout=120,
        check=False,
    )


def test_the_reference_reports_every_planted_problem(logs: Logs) -> None:
    done = cli(["validate", "--canonical", "--format", "json", str(logs.mixed)], native=False)
    assert done.returncode == 1, done.stderr
    reports = [json.loads(line) for line in done.stdout.splitlines()]
    problems, summary = reports[:-1], reports[-1]["summary"]
    assert {p["line"]: p["problem"] for p in problems} == logs.mixed_problems
    invalid = sum(1 for p in logs.mixed_problems.values() if p == "invalid")
    assert summary["errors"] == invalid
    assert summary["non_canonical"] == len(logs.mixed_problems) - invalid
    rules = set(summary["errors_per_rule"])
    assert {"json-syntax", "encoding", "nesting-depth", "duplicate-field", "integer-width"} <= rules


def test_the_reference_keeps_a_canonical_log_as_it_is(logs: Logs, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = cli(["canonicalize", str(logs.generated), "-o", str(out)], native=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")
    assert out.read_bytes() == logs.generated.read_bytes()


# --- the paths agree -------------------------------------------------------------------


@requires_native
@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("log_name", LOG_NAMES)
def test_every_path_and_jobs_count_gives_the_same_bytes(
    logs: Logs, log_name: str, command: str, tmp_path: Path
) -> None:
    log = logs.logs[log_name]
    with ThreadPoolExecutor(max_workers=len(MODES)) as pool:
        futures = {mode: pool.submit(run, mode, command, log, tmp_path) for mode in MODES}
        outcomes = {mode: future.result() for mode, future in futures.items()}
    reference = outcomes.pop(PURE)
    assert reference.code in (0, 1) and b"Traceback" not in reference.stderr, reference.stderr
    assert reference.stdout or reference.written is not None
    for mode, outcome in outcomes.items():
        for what in ("stdout", "stderr", "written"):
            expected, actual = getattr(reference, what), getattr(outcome, what)
            if expected != actual:
                diff = first_difference(what, expected or b"", actual or b"")
                pytest.fail(f"{mode}: {what} differs from the pure path's\n{diff}")
        assert outcome.code == reference.code, mode


# --- --jobs takes a whole number of at least 1 -----------------------------------------


@pytest.mark.parametrize(
    ("jobs", "value"),
    [(["--jobs", "0"], "0"), (["--jobs", "x"], "x"), (["--jobs", "-1"], "-1"), (["-j0"], "0")],
)
@pytest.mark.parametrize("command", ["validate", "canonicalize"])
def test_jobs_below_one_or_not_a_number_is_a_usage_error(
    command: str, jobs: list[str], value: str
) -> None:
    done = cli([command, *jobs, "examples/events.jsonl"], native=True)
    assert done.returncode == 2
    assert done.stdout == b""
    err = done.stderr.decode()
    assert err.startswith(f"usage: jamjet-schema {command} "), err
    assert err.endswith(
        f"jamjet-schema {command}: error: argument -j/--jobs: "
        f"expected a whole number of at least 1, got {value!r}\n"
    ), err


# --- bytes serde would skip unchecked ------------------------------------------------------


@requires_native
@pytest.mark.parametrize("command", ["validate-json", "canonicalize-stdout"])
def test_invalid_utf8_in_an_unknown_member_is_refused_on_every_path(
    command: str, tmp_path: Path
) -> None:
    event = event_with('{"type":"workflow_completed","final_state":null}')
    log = tmp_path / "unknown-member.jsonl"
    log.write_bytes(event[:-1] + b',"x":"\xff"}\n' + event[:-1] + b',"y":[{"z":"\xc3\x28"}]}\n')
    outcomes = {mode: run(mode, command, Log((str(log),)), tmp_path) for mode in MODES}
    reference = outcomes.pop(PURE)
    assert reference.code == 1 and b"invalid UTF-8" in reference.stdout + reference.stderr
    for mode, outcome in outcomes.items():
        assert outcome == reference, mode
