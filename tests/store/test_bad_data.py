"""Bad data on real SQLite files: every row's verdict is the runtime's (the reference
writer's read mode), each problem gets a clear message and exit status (1 bad rows, 2
the store cannot be read), never a traceback, and the files are never modified."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.store.conftest import Writer, cli
from tests.store.test_readers import CREATED_AT, UUIDS

KIND = '{"type":"node_started","node_id":"fetch","worker_id":"w-1","attempt":1}'
AT = "2024-05-06T07:08:09.123456789+00:00"
EXECUTION = "67e55044-10b1-426f-9247-bb680e5fe0c8"


def _row(**columns: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "execution_id": EXECUTION,
        "kind_json": KIND,
        "created_at": AT,
    }
    row.update(columns)
    return row


BAD_KINDS = [
    "",
    "{",
    "null",
    "[]",
    '"node_started"',
    '{"type":"node_started"}',
    '{"type":"no_such"}',
    '{"type":"node_started","node_id":"f","worker_id":"w","attempt":1.5}',
    '{"type":"node_started","node_id":"f","worker_id":"w","attempt":-1}',
    '{"type":"node_started","node_id":"f","worker_id":"w","attempt":1} x',
    '{"type":"node_started","node_id":"f","worker_id":"w","attempt":1},"extra":1',
    '{"type":"node_started","node_id":"f","node_id":"g","worker_id":"w","attempt":1}',
    # accepted, though not as serde writes them: read as the runtime reads them
    '{"attempt":1,"worker_id":"w","node_id":"f","type":"node_started"}',
    '{\n  "type": "node_started",\n  "node_id": "f",\n  "worker_id": "w",\n  "attempt": 1\n}',
    '{"type":"node_started","node_id":"f","worker_id":"w","attempt":1,"unknown":[1]}',
]


def _same_as_runtime(writer: Writer, path: Path) -> list[dict[str, Any]]:
    """Validates and exports the store and checks each row's verdict against the
    runtime's; returns the runtime's rows."""
    real = writer.read(path)
    rejected = {r["rowid"]: r["error"] for r in real if "error" in r}
    done = cli("validate", "--format", "json", str(path), check_unchanged=path)
    assert done.code == (1 if rejected else 0), done.err
    ours = [json.loads(line) for line in done.out.split("\n")[:-2]]
    assert {o["rowid"]: o["column"] for o in ours} == {k: v["column"] for k, v in rejected.items()}
    for o in ours:
        if o["column"] != "kind_json":  # kind_json: serde's message after a field path
            assert o["error"] == rejected[o["rowid"]]["message"], o
    exported = cli("export", str(path), check_unchanged=path)
    assert exported.code == (1 if rejected else 0)
    assert exported.out.split("\n")[:-1] == [r["event"] for r in real if "event" in r]
    return real


# Rows whose columns, joined into an Event's text, would read as another Event: the
# bulk path must not be fooled (scan._FAST says why it is not).
CRAFTED = [
    {"kind_json": KIND + ',"created_at":"2024-05-06T07:08:09Z"', "created_at": "x+00:00"},
    {"kind_json": KIND[:-1] + ',"created_at":{"a":"', "created_at": '1"}}+00:00'},
    {"id": '","execution_id":"a' + "b" * 17, "execution_id": "c" * 36},
    {"created_at": '2024-05-06T07:08:09Z","x":"+00:00'},
    {"id": "67E55044-10B1-426F-9247-BB680E5FE0C8", "created_at": "2024-05-06T07:08:09.000+00:00"},
]


def test_kind_json(writer: Writer, tmp_path: Path) -> None:
    path = writer.create(tmp_path / "runtime.db")
    rows = [_row(sequence=n, kind_json=k) for n, k in enumerate(BAD_KINDS, start=1)]
    rows += [_row(sequence=100 + n, **crafted) for n, crafted in enumerate(CRAFTED)]
    writer.raw(path, rows)
    real = _same_as_runtime(writer, path)
    assert sum("event" in r for r in real) == 4
    done = cli("validate", str(path), check_unchanged=path)
    assert f"{path}: execution_id={EXECUTION} sequence=7 id=" in done.out
    assert "[no_such] tag: kind_json: unknown variant `no_such`" in done.out


def test_created_at_and_ids(writer: Writer, tmp_path: Path) -> None:
    path = writer.create(tmp_path / "runtime.db")
    rows = [_row(sequence=n, created_at=at) for n, at in enumerate(CREATED_AT, start=1)]
    rows += [_row(sequence=1, id=text, execution_id=str(uuid.uuid4())) for text in UUIDS]
    rows += [_row(sequence=1000 + n, execution_id=text) for n, text in enumerate(UUIDS)]
    writer.raw(path, rows)
    real = _same_as_runtime(writer, path)
    assert any("event" in r for r in real) and any("error" in r for r in real)


def test_column_types(writer: Writer, tmp_path: Path) -> None:
    """NULLs (a table without the runtime's constraints), numbers and blobs for text, text
    and a real for the sequence, text that is not UTF-8."""
    path = writer.create(tmp_path / "runtime.db", "--loose")
    rows = [
        _row(sequence=1, **{column: None})
        for column in ("id", "execution_id", "kind_json", "created_at")
    ]
    rows += [_row(sequence=None), _row(sequence="7"), _row(sequence=1.5), _row(sequence="x")]
    rows += [_row(sequence=2, id={"blob": uuid.uuid4().hex}), _row(sequence=3, kind_json=12)]
    writer.raw(path, rows)
    with sqlite3.connect(path) as db:  # TEXT holding bytes that are not UTF-8
        db.execute(
            "INSERT INTO events VALUES (?, ?, 9, CAST(x'7bff7d' AS TEXT), ?, 'default')",
            (str(uuid.uuid4()), EXECUTION, AT),
        )
    db.close()
    real = _same_as_runtime(writer, path)
    messages = {r["error"]["message"] for r in real if "error" in r}
    assert {
        "expected TEXT, found NULL",
        "expected INTEGER, found TEXT",
        "expected INTEGER, found REAL",
    } <= messages
    done = cli("validate", str(path), check_unchanged=path)
    assert "sequence=NULL" in done.out and "column-type: id: expected TEXT, found NULL" in done.out


def _unreadable(path: Path, *expected: str, timeout: str = "5") -> None:
    """Each command refuses the store. validate takes a file without SQLite's header
    for a log, so it is given the store as a URL, which always names a store."""
    for command, name in (
        (["validate"], f"sqlite://{path}"),
        (["validate"], str(path)),
        (["export"], str(path)),
        (["check-store", "--reader", "1.0.0"], str(path)),
    ):
        unchanged = path if path.is_file() else None
        done = cli(*command, "--busy-timeout", timeout, name, check_unchanged=unchanged)
        if name == str(path) and command == ["validate"] and not _has_header(path):
            continue  # a log, then: the log validator's business
        assert done.code == 2, (command, done.out, done.err)
        for text in expected:
            assert text in done.err, (command, done.err)


def _has_header(path: Path) -> bool:
    return path.is_file() and path.read_bytes()[:16] == b"SQLite format 3\x00"


def test_not_a_store(tmp_path: Path) -> None:
    _unreadable(tmp_path / "nowhere.db", "no such file")
    _unreadable(tmp_path, "is a directory")
    text = tmp_path / "notes.db"
    text.write_text("hello\n")
    _unreadable(text, "not a SQLite database")
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    _unreadable(damaged, str(damaged))


def test_not_the_runtime_layout(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE workflow_executions (execution_id TEXT PRIMARY KEY)")
    db.close()
    _unreadable(other, "no events table (tables: workflow_executions)")
    columns = tmp_path / "columns.db"
    with sqlite3.connect(columns) as db:
        db.execute("CREATE TABLE events (id TEXT PRIMARY KEY, payload TEXT, at TEXT)")
    db.close()
    _unreadable(
        columns,
        "has no column execution_id, sequence, kind_json, created_at",
        "its columns: id, payload, at",
    )
    assert cli("validate", "--tenant", "t", str(columns)).code == 2


def _hold(writer: Writer, path: Path, mode: str) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [str(writer.binary), "hold", str(path), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def _release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0


@pytest.mark.parametrize("layout", [[], ["--rollback"]], ids=["wal-exclusive", "rollback-journal"])
def test_locked_by_a_writer(writer: Writer, tmp_path: Path, layout: list[str]) -> None:
    path = writer.create(tmp_path / "runtime.db", *layout)
    writer.append(
        path,
        [
            json.dumps(
                {
                    "id": str(uuid.uuid4()),
                    "execution_id": EXECUTION,
                    "sequence": 1,
                    "kind": json.loads(KIND),
                    "created_at": "2024-05-06T07:08:09Z",
                }
            )
        ],
    )
    holder = _hold(writer, path, "exclusive")
    try:
        _unreadable(path, "locked by a writer", "after waiting 0.3 s", timeout="0.3")
    finally:
        _release(holder)
    assert cli("validate", str(path), check_unchanged=path).code == 0


def test_a_running_runtime_is_read_without_blocking_it(writer: Writer, tmp_path: Path) -> None:
    """WAL mode with a writer inside a transaction (the runtime, running): the committed
    rows are read, its -wal and -shm are left as they are."""
    path = writer.create(tmp_path / "runtime.db")
    event = {
        "execution_id": EXECUTION,
        "sequence": 1,
        "kind": json.loads(KIND),
        "created_at": "2024-05-06T07:08:09Z",
    }
    writer.append(path, [json.dumps({**event, "id": str(uuid.uuid4())}) for _ in range(3)])
    holder = _hold(writer, path, "write")
    try:
        assert Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
        done = cli("validate", str(path), check_unchanged=path)
        assert done.code == 0 and done.out.startswith("3 records: 3 valid"), done.err
        assert cli("check-store", str(path), "--reader", "1.0.0", check_unchanged=path).code == 0
    finally:
        _release(holder)


def test_warnings_per_execution(writer: Writer, tmp_path: Path) -> None:
    path = writer.create(tmp_path / "runtime.db")
    writer.raw(
        path,
        [
            _row(sequence=1, created_at="2024-05-06T07:08:09+00:00"),
            _row(sequence=2, created_at="2024-05-06T07:08:08.5+00:00"),
            _row(sequence=4, created_at="2024-05-06T07:08:10+00:00"),
        ],
    )
    done = cli("check-store", str(path), "--reader", "1.0.0", check_unchanged=path)
    assert done.code == 0, done.out
    assert f"execution_id={EXECUTION}: created_at runs backwards at sequence 2" in done.out
    assert f"execution_id={EXECUTION}: sequences are not 1..n: sequence 4" in done.out
    assert "where 3 was expected" in done.out


def test_unknown_reader_version(writer: Writer, tmp_path: Path) -> None:
    path = writer.create(tmp_path / "runtime.db")
    done = cli("check-store", str(path), "--reader", "0.9.0")
    assert done.code == 2 and "no schema version '0.9.0' (known: 1.0.0, 1.1.0)" in done.err


def test_a_compacted_store(writer: Writer, tmp_path: Path) -> None:
    """Rows deleted (compaction): rowids too sparse for the ranges of the bulk path, so
    rows are fetched one by one; the verdicts are the same."""
    path = writer.create(tmp_path / "runtime.db")
    writer.raw(path, [_row(sequence=n, kind_json=KIND if n % 7 else "{") for n in range(1, 301)])
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM events WHERE rowid % 10 != 0")
    db.close()
    real = _same_as_runtime(writer, path)
    assert len(real) == 30 and any("error" in r for r in real)
