"""Spilled NodeCompleted outputs, resolved exactly as the runtime's HTTP API resolves them.

The runtime's worker stores a large NodeCompleted `output` in the store's `artifacts`
table and writes, in its place, a sentinel:
`{"$artifact": {"hash": <SHA-256 hex of the bytes>, "size": <u64>, "media_type": ...}}`.
The event log then holds the sentinel; what `GET /executions/{id}/events` answers
holds the value (upstream `runtime/api/src/routes.rs` `list_events`, with
`runtime/state/src/artifact.rs`; reference/README.md lists the facts):

- a value is a sentinel when it is an object whose `$artifact` member has a string
  `hash` and a `size` that is a u64 (an integer 0..2^64-1; other members are ignored);
- `resolve_value`: a sentinel becomes its artifact's bytes read as
  `serde_json::from_slice::<Value>`; any other object or array has each of its direct
  members or elements that is a sentinel resolved (one level); anything else stays;
  a missing artifact, or bytes that are not JSON, fails the whole value;
- an output that fails is served as stored, except that when the output itself has
  a `$artifact` member holding an object, `"unresolved": true` is set in it;
- only NodeCompleted outputs are resolved, only from the artifacts of the tenant the
  event is served to (the tenant-scoped backend: `WHERE tenant_id = ? AND hash = ?`).

`Artifacts` reads the table; `resolve_artifacts` applies the rules to an Event;
`Resolver` rewrites an export's canonical lines (store.export).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from jamjet_schema.models.values import JsonValue, validate_value
from jamjet_schema.store.connection import Store, StoreError
from jamjet_schema.store.row_batches import Batch
from jamjet_schema.store.row_report import shown
from jamjet_schema.wire import WireError, parse
from jamjet_schema.wire._constants import INT_RANGES

KEY = "$artifact"
MARKER = b'"$artifact"'  # how the key appears in serde's bytes (`$` is never escaped)
_NODE_COMPLETED = b'"kind":{"type":"node_completed",'
_COLUMNS = ("tenant_id", "hash", "bytes")
_U64_MAX = INT_RANGES["u64"][1]

Fetch = Callable[[str], "bytes | None"]  # an artifact's bytes by hash, for one tenant


class Unresolved(Exception):
    """A value whose sentinels cannot all be resolved: the reason, as a message."""


def sentinel_hash(value: Any) -> str | None:
    """The hash a sentinel refers to, or None if `value` is not a sentinel
    (`ArtifactRef::from_sentinel`)."""
    if not isinstance(value, dict):
        return None
    inner = value.get(KEY)
    if not isinstance(inner, dict):
        return None
    digest, size = inner.get("hash"), inner.get("size")
    if not isinstance(digest, str):
        return None
    if type(size) is not int or not 0 <= size <= _U64_MAX:  # serde's as_u64
        return None
    return digest


def from_slice(data: bytes) -> JsonValue:
    """`serde_json::from_slice::<Value>(data)`; Unresolved with serde's reason if it
    fails. Invalid UTF-8 anywhere fails it (outside a string it is no JSON token;
    inside one, serde_json checks it)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        # serde_json reads on from the start: a mistake before the bad byte is its answer.
        try:
            parse(data[: err.start].decode("utf-8"))
        except WireError as before:
            if not str(before).startswith("EOF while parsing"):
                raise Unresolved(str(before)) from None
        raise Unresolved(f"invalid UTF-8 at byte {err.start}") from None
    try:
        return validate_value(parse(text))
    except WireError as err:
        raise Unresolved(str(err)) from None


def _fetched(digest: str, fetch: Fetch) -> JsonValue:
    data = fetch(digest)
    if data is None:
        raise Unresolved(f"artifact {digest} not found")
    try:
        return from_slice(data)
    except Unresolved as err:
        raise Unresolved(f"artifact {digest} is not JSON: {err}") from None


def resolve_value(value: JsonValue, fetch: Fetch) -> JsonValue:
    """`resolve_value`: the value with its sentinels (the whole value, or one level
    down) replaced by their artifacts' values; Unresolved if any cannot be. The value
    given is not changed."""
    digest = sentinel_hash(value)
    if digest is not None:
        return _fetched(digest, fetch)

    def one(item: JsonValue) -> JsonValue:
        found = sentinel_hash(item)
        return item if found is None else _fetched(found, fetch)

    if isinstance(value, dict):
        # serde_json's map visits members in key order: the first failure is that one.
        return {key: one(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [one(item) for item in value]
    return value


def served_output(output: JsonValue, fetch: Fetch) -> tuple[JsonValue, str | None]:
    """A NodeCompleted output as the API serves it, and why it was not resolved (None
    if it was). Unresolved: kept as stored, `"unresolved": true` set inside its own
    `$artifact` object if it has one."""
    try:
        return resolve_value(output, fetch), None
    except Unresolved as err:
        why = str(err)
    inner = output.get(KEY) if isinstance(output, dict) else None
    if isinstance(output, dict) and isinstance(inner, dict):
        output = {**output, KEY: {**inner, "unresolved": True}}
    return output, why


class Resolved(NamedTuple):
    """An event as the API serves it, and why its output was not resolved (or None)."""

    event: Any
    unresolved: str | None


def resolve_artifacts(event: Any, fetch: Fetch) -> Resolved:
    """The Event (or EventKind) as the runtime's API serves it: a NodeCompleted output
    resolved from `fetch` (one tenant's artifacts, e.g. `Artifacts.of_tenant`). Other
    kinds come back as given; the model given is not changed."""
    from jamjet_schema import Event, NodeCompleted

    kind = event.kind if isinstance(event, Event) else event
    if not isinstance(kind, NodeCompleted):
        return Resolved(event, None)
    output, why = served_output(kind.output, fetch)
    kind = kind.model_copy(update={"output": validate_value(output)})
    if isinstance(event, Event):
        return Resolved(event.model_copy(update={"kind": kind}), why)
    return Resolved(kind, why)


@dataclass
class Artifacts:
    """The store's `artifacts` table, read as the runtime's tenant-scoped backend reads
    it. StoreError if the store has none (a store from before the migration)."""

    store: Store

    def __post_init__(self) -> None:
        connection, name = self.store.connection, self.store.name
        columns = {
            (row[1].decode() if isinstance(row[1], bytes) else str(row[1]))
            for row in connection.execute("PRAGMA table_info(artifacts)")
        }
        if not columns:
            raise StoreError(
                f"{name}: no artifacts table (the runtime's migration 0010 makes it): "
                "nothing to resolve spilled outputs from"
            )
        missing = [c for c in _COLUMNS if c not in columns]
        if missing:
            raise StoreError(
                f"{name}: the artifacts table has no column {', '.join(missing)}; "
                "not the runtime's layout"
            )

    def get(self, tenant: Any, digest: str) -> bytes | None:
        """The bytes stored for `tenant` under `digest`, or None. The runtime decodes
        the column as bytes (BLOB or TEXT); anything else fails its whole request:
        StoreError."""
        row = self.store.connection.execute(
            "SELECT bytes, typeof(bytes) FROM artifacts WHERE tenant_id = ? AND hash = ?",
            (tenant, digest),
        ).fetchone()
        if row is None:
            return None
        if row[1] not in (b"blob", b"text", "blob", "text"):
            kind = row[1].decode() if isinstance(row[1], bytes) else str(row[1])
            raise StoreError(
                f"{self.store.name}: artifact {digest} of tenant {tenant!r} holds "
                f"{kind.upper()} in its bytes column, which the runtime cannot read"
            )
        return bytes(row[0])

    def of_tenant(self, tenant: Any) -> Fetch:
        """`get` for one tenant: what resolve_artifacts fetches with."""
        return lambda digest: self.get(tenant, digest)


@dataclass
class Resolver:
    """Rewrites an export's batches: each line holding a NodeCompleted whose output
    refers to artifacts becomes the Event the API serves, resolved from the artifacts
    of the row's own tenant (the only tenant the runtime serves the row to)."""

    artifacts: Artifacts
    unresolved: list[str] = field(default_factory=list)  # one message per output

    def batch(self, batch: Batch, data: bytes) -> bytes:
        """`data`, the canonical lines of `batch`'s rows that were read (in order)."""
        if MARKER not in data:
            return data
        lines = data.split(b"\n")[:-1]
        rowids = [
            row[1]
            for index, row in enumerate(batch.rows)
            if (verdict := batch.problems.get(index)) is None or verdict.event is not None
        ]
        if len(lines) != len(rowids):  # pragma: no cover -- the batches' invariant
            raise RuntimeError("an export batch whose lines do not match its rows")
        out = [
            self._line(rowid, line) if MARKER in line and _NODE_COMPLETED in line else line
            for rowid, line in zip(rowids, lines, strict=True)
        ]
        return b"".join(line + b"\n" for line in out)

    def _line(self, rowid: int, line: bytes) -> bytes:
        from jamjet_schema import EventKind

        store = self.artifacts.store
        tenant = "tenant_id" if "tenant_id" in store.columns else "'default'"
        stored = store.connection.execute(
            f"SELECT kind_json, {tenant}, execution_id, sequence, id FROM events WHERE rowid = ?",
            (rowid,),
        ).fetchone()
        # The row was read, so kind_json is one EventKind: read alone, as the runtime
        # reads it (an Event around a kind at the nesting limit is too deep to parse).
        kind = EventKind.model_validate_json(bytes(stored[0]).decode("utf-8"))
        tenant_id = stored[1].decode() if isinstance(stored[1], bytes) else stored[1]
        served, why = resolve_artifacts(kind, self.artifacts.of_tenant(tenant_id))
        if why is not None:
            self.unresolved.append(
                f"{store.name}: execution_id={shown(stored[2])} sequence={shown(stored[3])} "
                f"id={shown(stored[4])}: output not resolved ({why}, tenant "
                f"{shown(tenant_id)}): exported as the runtime serves it"
            )
        before: bytes = kind.model_dump_json().encode()
        after: bytes = served.model_dump_json().encode()
        if before == after:
            return line
        member = b'"kind":' + before
        at = line.index(member)
        return line[:at] + b'"kind":' + after + line[at + len(member) :]
