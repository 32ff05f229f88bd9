"""Inputs that never confuse the tool: compressed logs read as logs, things that are no
log named in one line, and serde's verdict on the framing (a byte-order mark, an
array cut short, nothing at all), the messages taken from the Rust probe."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import zstandard

from tests.files.conftest import NATIVE_OFF, cli
from tests.wire.wire_probe import Probe

PATHS = [pytest.param({}, id="native"), pytest.param(NATIVE_OFF, id="pure")]


@pytest.fixture(scope="module")
def probe(rust_built: None) -> Iterator[Probe]:
    """serde_json itself (jamjet-wire-probe): the judge of the framing messages."""
    running = Probe()
    yield running
    running.close()


def _serde_error(probe: Probe, type_name: str, text: str) -> str:
    (answer,) = probe.run(type_name, [text])
    assert not answer.accepted, text
    return answer.text


# --- compressed logs ---------------------------------------------------------------------

COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress,
    "gzip, two members": lambda data: gzip.compress(data[:999]) + gzip.compress(data[999:]),
    "zstd": lambda data: zstandard.ZstdCompressor().compress(data),
}


@pytest.mark.parametrize("env", PATHS)
@pytest.mark.parametrize("how", list(COMPRESSORS))
def test_a_compressed_log_reads_as_the_plain_log(
    tmp_path: Path, log_bytes: bytes, how: str, env: dict[str, str]
) -> None:
    """Recognised by its bytes (the name says nothing), from a file and from stdin."""
    bad = b'{"id":"not-a-uuid"}\n'
    plain = tmp_path / "events.jsonl"
    plain.write_bytes(log_bytes + bad)
    packed = tmp_path / "events.log"
    packed.write_bytes(COMPRESSORS[how](log_bytes + bad))
    expected = cli("validate", plain, env=env)
    assert expected.code == 1
    method = how.split(",")[0]
    for name, stdin in ((packed, None), ("-", packed.read_bytes())):
        done = cli("validate", name, stdin=stdin, env=env)
        source = "<stdin>" if stdin else str(packed)
        report = done.out.decode().replace(source, str(plain))
        assert done.code == 1, done.err
        assert report == expected.out.decode() + f"read {plain}: {method}-decompressed\n"
    as_json = cli("validate", "--format", "json", packed, env=env)
    assert json.loads(as_json.out.splitlines()[-1])["summary"]["decompressed"] == {
        str(packed): method
    }
    canonical = cli("canonicalize", packed, env=env)
    assert canonical.code == 1 and canonical.out == log_bytes


def test_a_truncated_gzip_log_is_one_line_and_exit_2(tmp_path: Path, log_bytes: bytes) -> None:
    packed = gzip.compress(log_bytes)
    cut = tmp_path / "events.jsonl.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    done = cli("validate", cut)
    assert done.code == 2
    assert done.error_lines == [
        f"jamjet-schema validate: {cut}: the gzip data is truncated "
        "(Compressed file ended before the end-of-stream marker was reached)"
    ]


def _validate_rss(log: Path) -> tuple[int, int]:
    """(exit status, peak RSS in KiB) of `validate` on `log`, in a process of its own."""
    script = (
        "import resource, subprocess, sys, json;"
        "p = subprocess.run([sys.executable, '-m', 'jamjet_schema.cli', 'validate', sys.argv[1]],"
        " capture_output=True);"
        "print(json.dumps([p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))"
    )
    done = subprocess.run([sys.executable, "-c", script, str(log)], capture_output=True, check=True)
    code, rss = json.loads(done.stdout)
    return code, rss


def test_a_compressed_log_streams_in_flat_memory(tmp_path: Path, log_bytes: bytes) -> None:
    small, large = tmp_path / "small.gz", tmp_path / "large.gz"
    copies = max(1, 8_000_000 // len(log_bytes))
    small.write_bytes(gzip.compress(log_bytes * copies, compresslevel=1))
    large.write_bytes(gzip.compress(log_bytes * copies * 8, compresslevel=1))
    (small_code, small_rss), (large_code, large_rss) = _validate_rss(small), _validate_rss(large)
    assert small_code == large_code == 0
    print(
        f"peak RSS: {small_rss // 1024} MB on {copies * len(log_bytes) >> 20} MB, {large_rss // 1024} MB on 8x"
    )
    assert large_rss < small_rss * 1.3, "memory grew with the size of the log"


# --- input that is no log ------------------------------------------------------------------


def _sqlite_database(path: Path) -> bytes:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    return path.read_bytes()


NOT_LOGS: dict[str, tuple[Callable[[Path], bytes], str]] = {
    "random bytes": (lambda _: os.urandom(1 << 20), "binary data, not a log"),
    "NUL bytes": (lambda _: b"\x00" * 4096 + b"\n{}\n", "binary data, not a log"),
    "a SQLite database": (_sqlite_database, "a SQLite database, not a log"),
    "UTF-16": (lambda _: '{"id": 1}\n'.encode("utf-16"), "UTF-16 text"),
    "xz": (lambda _: b"\xfd7zXZ\x00\x00\x04", "xz-compressed"),
    "gzip in gzip": (lambda _: gzip.compress(gzip.compress(b"{}\n")), "gzip data inside gzip"),
    "a pretty-printed document": (
        lambda _: json.dumps({"items": [{"id": 1}], "next": None}, indent=2).encode(),
        "a JSON document that is not events",
    ),
}


@pytest.mark.parametrize("what", list(NOT_LOGS))
@pytest.mark.parametrize("command", ["validate", "canonicalize"])
def test_input_that_is_no_log_is_one_line_naming_it(
    tmp_path: Path, what: str, command: str
) -> None:
    make, named = NOT_LOGS[what]
    path = tmp_path / "input.jsonl"
    data = make(tmp_path / "made.db")
    path.write_bytes(
        gzip.compress(data) if what == "a SQLite database" and command == "validate" else data
    )
    for name, stdin in ((path, None), ("-", path.read_bytes())):
        done = cli(command, name, stdin=stdin)
        assert done.code == 2 and done.out == b"", (what, done)
        assert len(done.error_lines) == 1, done.err
        source = "<stdin>" if stdin else str(path)
        assert done.err.startswith(f"jamjet-schema {command}: {source}: "), done.err
        assert named in done.err, done.err


def test_a_log_with_a_damaged_line_is_still_a_log(tmp_path: Path, log_bytes: bytes) -> None:
    """Bytes that are not UTF-8 inside the first event are serde's business: a record
    error, and the rest of the log is read."""
    first, rest = log_bytes.split(b"\n", 1)
    log = tmp_path / "damaged.jsonl"
    log.write_bytes(first[:40] + b"\xff\xfe" + first[42:] + b"\n" + rest)
    done = cli("validate", log)
    assert done.code == 1
    assert done.out.decode().startswith(f"{log}:1: [?] encoding: invalid UTF-8")


# --- serde's verdict on the framing --------------------------------------------------------


@pytest.mark.parametrize("env", PATHS)
def test_a_byte_order_mark_is_rejected_in_json_lines_as_serde_does(
    tmp_path: Path, probe: Probe, event_lines: list[str], env: dict[str, str]
) -> None:
    log = tmp_path / "bom.jsonl"
    log.write_bytes(b"\xef\xbb\xbf" + "\n".join(event_lines[:5]).encode() + b"\n")
    done = cli("validate", "--format", "json", log, env=env)
    assert done.code == 1
    problem, summary = (json.loads(line) for line in done.out.splitlines())
    serde = _serde_error(probe, "Value", "\ufeff" + event_lines[0])
    assert problem["line"] == 1 and problem["rule"] == "json-syntax"
    assert problem["error"].startswith(serde) and "byte-order mark" in problem["error"]
    assert summary["summary"]["valid"] == 4


@pytest.mark.parametrize("env", PATHS)
def test_a_byte_order_mark_is_rejected_before_an_array_as_serde_does(
    tmp_path: Path, probe: Probe, event_lines: list[str], env: dict[str, str]
) -> None:
    document = "\ufeff[" + ",\n".join(event_lines[:5]) + "]\n"
    log = tmp_path / "bom.json"
    log.write_text(document, encoding="utf-8")
    done = cli("validate", "--format", "json", log, env=env)
    assert done.code == 1, done.out
    problem, summary = (json.loads(line) for line in done.out.splitlines())
    assert problem["line"] == 1 and problem["rule"] == "json-syntax"
    assert problem["error"].startswith(_serde_error(probe, "Vec<Value>", document))
    assert "byte-order mark" in problem["error"]
    assert summary["summary"]["valid"] == 5  # the elements are still read


def _cuts(events: list[str]) -> dict[str, str]:
    """Arrays cut at each kind of place serde_json can meet the end."""
    whole = "[\n" + ",\n".join(events) + "\n]"
    last = whole.rindex(events[-1])
    return {
        "after the bracket": "[\n",
        "after a comma": whole[: whole.rindex(",") + 1] + "\n",
        "after an element": whole[: last + len(events[-1])],
        "inside an object": whole[: last + 30],
        "inside a string": whole[: whole.index('"', last + 2) + 3],
    }


@pytest.mark.parametrize("env", PATHS)
def test_a_truncated_array_is_a_json_syntax_error_where_serde_stops(
    tmp_path: Path, probe: Probe, event_lines: list[str], env: dict[str, str]
) -> None:
    for where, document in _cuts(event_lines[:4]).items():
        log = tmp_path / "cut.json"
        log.write_text(document, encoding="utf-8")
        done = cli("validate", "--format", "json", log, env=env)
        assert done.code == 1, (where, done)
        *_, problem, summary = (json.loads(line) for line in done.out.splitlines())
        serde = _serde_error(probe, "Vec<Value>", document)
        line = int(serde.rsplit(" at line ", 1)[1].split()[0])
        assert problem["rule"] == "json-syntax", (where, problem)
        assert problem["error"] == f"{serde} (the JSON array is not closed: the log is truncated)"
        assert problem["line"] == line, (where, problem)
        assert summary["summary"]["errors_per_rule"] == {"json-syntax": 1}, where


@pytest.mark.parametrize("content", [b"", b"\n \n\t\n"], ids=["empty", "blank"])
@pytest.mark.parametrize("command", ["validate", "canonicalize"])
def test_an_empty_input_is_exit_0_with_a_warning(
    tmp_path: Path, content: bytes, command: str
) -> None:
    log = tmp_path / "events.jsonl"
    log.write_bytes(content)
    for name, stdin, source in ((log, None, str(log)), ("-", content, "<stdin>")):
        done = cli(command, name, stdin=stdin)
        assert done.code == 0
        assert done.error_lines == [
            f"jamjet-schema {command}: warning: {source}: empty, no records"
        ]
        assert done.out == (b"0 records: 0 valid, 0 invalid\n" if command == "validate" else b"")
