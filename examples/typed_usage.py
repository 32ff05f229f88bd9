"""Typed use of jamjet_schema: read a JSONL event log, build an event, match on kinds.

Run: python examples/typed_usage.py [log.jsonl]   (type-checked with mypy --strict)
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import assert_never

from pydantic import ValidationError

from jamjet_schema import (
    Event,
    EventKind,
    EventKindUnion,
    NodeCompleted,
    NodeFailed,
    NodeStarted,
    ProvenanceMetadata,
    Timestamp,
    WorkflowStarted,
    node_id_of,
    serde_message,
)

SAMPLE_LOG = [
    '{"id":"67e55044-10b1-426f-9247-bb680e5fe0c8","execution_id":"5f1c7a3e-0b4e-4c1e-9a51-3d2f1e0b9c77",'
    '"sequence":1,"kind":{"type":"workflow_started","workflow_id":"research","workflow_version":"3",'
    '"initial_input":{"topic":"tides"}},"created_at":"2024-05-06T07:08:09.123456789Z"}',
    '{"id":"0d9c2b4e-5a6f-4e3d-8c1b-2a3f4e5d6c7b","execution_id":"5f1c7a3e-0b4e-4c1e-9a51-3d2f1e0b9c77",'
    '"sequence":2,"kind":{"type":"node_failed","node_id":"search","error":"timeout","attempt":1,'
    '"retryable":true},"created_at":"2024-05-06T07:08:10Z"}',
    '{"id":"1e2d3c4b-5a69-4788-9766-554433221100","sequence":3,"kind":{"type":"node_started"}}',
]


def read_log(lines: Iterable[str]) -> Iterator[Event | str]:
    """Each line as an Event, or the serde-style reason it was refused."""
    for line in lines:
        try:
            yield Event.model_validate_json(line)
        except ValidationError as err:
            yield serde_message(err)


def describe(kind: EventKindUnion) -> str:
    match kind:
        case WorkflowStarted(workflow_id=workflow, initial_input=given):
            return f"workflow {workflow} started with {given!r}"
        case NodeStarted(node_id=node, attempt=attempt):
            return f"node {node} started (attempt {attempt})"
        case NodeCompleted(node_id=node, duration_ms=ms, cost_usd=cost):
            return f"node {node} completed in {ms} ms" + ("" if cost is None else f" for ${cost}")
        case NodeFailed(node_id=node, error=error, retryable=retryable):
            return f"node {node} failed: {error}" + (" (will retry)" if retryable else "")
        case _:
            return f"{kind.type} (node {node_id_of(kind)})"


def exhaustive_tag(kind: EventKindUnion) -> str:
    """Every variant has its tag as a Literal `type`: mypy checks this match is exhaustive."""
    if isinstance(kind, NodeStarted | NodeFailed | NodeCompleted):
        return "node"
    if isinstance(kind, EventKind):
        return "other"
    assert_never(kind)


def build_event(execution_id: uuid.UUID, sequence: int) -> Event:
    kind = NodeCompleted(
        node_id="summarise",
        output={"summary": "High tide at 07:42."},
        state_patch={"summary_ready": True},
        duration_ms=1250,
        gen_ai_system="anthropic",
        input_tokens=812,
        cost_usd=0.0042,
        provenance=ProvenanceMetadata(model_id="claude-haiku-4-5-20251001", confidence=0.9),
    )
    return Event.new(execution_id, sequence, kind)


def main(argv: list[str]) -> int:
    lines = Path(argv[1]).read_text(encoding="utf-8").splitlines() if len(argv) > 1 else SAMPLE_LOG
    execution_id: uuid.UUID | None = None
    last = 0
    for item in read_log(lines):
        if isinstance(item, str):
            print(f"refused: {item}")
            continue
        execution_id, last = item.execution_id, item.sequence
        print(
            f"#{item.sequence} at {item.created_at}: {describe(item.kind)} [{exhaustive_tag(item.kind)}]"
        )
    event = build_event(execution_id or uuid.uuid4(), last + 1)
    created: Timestamp = event.created_at
    print(f"built #{event.sequence} at {created}: {event.model_dump_json()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
