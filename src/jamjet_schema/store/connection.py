"""Opening a store strictly read-only, never writing to it nor creating a file beside it.

SQLite's `mode=ro` is not enough on its own: a WAL-mode database at rest (no `-wal`
file: the runtime is not running, or closed cleanly) gets an empty `-wal` and a
`-shm` created by a read-only connection, and left behind. So:

- `-wal` present (the runtime is running, or stopped without a checkpoint): open with
  `mode=ro`, sharing the runtime's WAL index, as any reader does; committed rows are
  read, the runtime is never blocked (WAL readers take no lock a writer waits on).
- WAL mode and no `-wal`: open with `immutable=1` (nothing locked, nothing created),
  and check afterwards that no `-wal` appeared and the file did not change meanwhile;
  if it did (a runtime started while we read), the read is refused as unreliable.
- rollback-journal mode: `mode=ro`, which only takes shared locks.

A writer holding an exclusive lock makes the read wait for the busy timeout, then fail
with a clear message.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from jamjet_schema.files.errors import Unusable
from jamjet_schema.store.location import HEADER, path_of

REQUIRED = ("id", "execution_id", "sequence", "kind_json", "created_at")
_WAL_MODE = 2  # header bytes 18-19, the file format write/read versions: 2 is WAL


class StoreError(Unusable):
    """The store cannot be read: the message says why (exit status 2)."""


@dataclass(frozen=True)
class Store:
    connection: sqlite3.Connection
    name: str  # as the user gave it, for reports
    columns: tuple[str, ...]  # the events table's columns
    uri: str = ""  # how it was opened, for the connections of worker threads
    timeout: float = 5.0

    def another(self) -> sqlite3.Connection:
        """A connection of its own for a worker thread, opened the same way."""
        connection = sqlite3.connect(self.uri, uri=True, timeout=self.timeout)
        connection.text_factory = bytes
        return connection


def _fingerprint(path: str) -> tuple[int, int, bool]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns, os.path.exists(path + "-wal")


def _header(path: str) -> bytes:
    if os.path.isdir(path):
        raise StoreError(f"{path}: is a directory")
    if not os.path.exists(path):
        raise StoreError(f"{path}: no such file")
    try:
        with open(path, "rb") as stream:
            head = stream.read(100)
    except OSError as err:
        raise StoreError(f"{path}: {err.strerror}") from None
    if not head.startswith(HEADER):
        raise StoreError(f"{path}: not a SQLite database (no SQLite header)")
    return head


def _uri(path: str, immutable: bool) -> str:
    quoted = urllib.parse.quote(os.path.abspath(path))
    return f"file:{quoted}?mode=ro" + ("&immutable=1" if immutable else "")


def _columns(connection: sqlite3.Connection, path: str) -> tuple[str, ...]:
    found = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'events'"
    ).fetchone()
    if found is None:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        listed = ", ".join(t.decode() if isinstance(t, bytes) else str(t) for t in tables) or "none"
        raise StoreError(f"{path}: no events table (tables: {listed}); not a runtime store")
    columns = tuple(
        (row[1].decode() if isinstance(row[1], bytes) else str(row[1]))
        for row in connection.execute("PRAGMA table_info(events)")
    )
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise StoreError(
            f"{path}: the events table has no column {', '.join(missing)} "
            f"(its columns: {', '.join(columns)}); not the runtime's layout"
        )
    return columns


def describe(err: sqlite3.Error, path: str, timeout: float) -> StoreError:
    """A sqlite3 error as a message for the user."""
    name = getattr(err, "sqlite_errorname", "")
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return StoreError(
            f"{path}: the database is locked by a writer (still locked after waiting "
            f"{timeout:g} s); try again, or raise --busy-timeout"
        )
    if name == "SQLITE_NOTADB":
        return StoreError(f"{path}: not a SQLite database ({err})")
    if name == "SQLITE_CORRUPT":
        return StoreError(f"{path}: the database is damaged ({err})")
    return StoreError(f"{path}: cannot read the store: {err}")


@contextmanager
def opened(name: str, timeout: float = 5.0) -> Iterator[Store]:
    """The store named `name` (a path or `sqlite://` URL), read-only; StoreError if it
    cannot be read. On leaving, checks that a store read as immutable did not change."""
    path = path_of(name)
    head = _header(path)
    immutable = head[18] == _WAL_MODE and not os.path.exists(path + "-wal")
    before = _fingerprint(path)
    try:
        uri = _uri(path, immutable)
        connection = sqlite3.connect(uri, uri=True, timeout=timeout)
    except sqlite3.Error as err:
        raise describe(err, path, timeout) from None
    connection.text_factory = bytes
    try:
        columns = _columns(connection, path)
        yield Store(connection, name, columns, uri, timeout)
    except sqlite3.Error as err:
        raise describe(err, path, timeout) from None
    finally:
        connection.close()
    if immutable and _fingerprint(path) != before:
        raise StoreError(
            f"{path}: the store changed while it was read (a runtime started?); "
            "read it again: the answer above may be incomplete"
        )
