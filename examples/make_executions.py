"""Writes examples/executions.jsonl: a realistic event log of several executions.

`python examples/make_executions.py` (deterministic: the same bytes every run; a test
checks the committed file is what this writes). Built with the package's models, so
every line is serde's canonical bytes: `jamjet-schema validate --canonical
examples/executions.jsonl` finds nothing.

Each execution runs a workflow's nodes in order, with its own gapless sequence and
times that only move forward: a model node completes with the system, model, tokens,
cost and finish reason of its call; a flaky tool node fails now and then and is retried
(node_failed, retry_scheduled, a second attempt); a review node raises an interrupt
that a reviewer approves or rejects, or that is still waiting at the end of the log.
The analytics questions (docs/analytics.md) run on it.
"""

from __future__ import annotations

import random
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jamjet_schema import (
    ApprovalDecision,
    ApprovalReceived,
    Event,
    EventKindUnion,
    InterruptRaised,
    NodeCompleted,
    NodeFailed,
    NodeScheduled,
    NodeStarted,
    RetryScheduled,
    WorkflowCompleted,
    WorkflowFailed,
    WorkflowStarted,
)
from jamjet_schema.wire import Timestamp

OUT = Path(__file__).resolve().parent / "executions.jsonl"
START = 1_767_225_600  # 2026-01-01T00:00:00Z
# (system, model, $ per 1k input tokens, $ per 1k output tokens)
MODELS = (
    ("openai", "gpt-4o", 0.0025, 0.01),
    ("anthropic", "claude-sonnet-4", 0.003, 0.015),
    ("openai", "gpt-4o-mini", 0.00015, 0.0006),
)
# workflow -> its nodes: (node id, what it is)
WORKFLOWS = {
    "support-triage": (
        ("classify", "model"),
        ("lookup", "tool"),
        ("draft", "model"),
        ("review", "approval"),
    ),
    "research-brief": (("plan", "model"), ("search", "tool"), ("summarize", "model")),
}


@dataclass
class Execution:
    """One execution being written: its id, next sequence number and clock (ns)."""

    rng: random.Random
    workflow: str
    id: uuid.UUID
    clock: int
    events: list[Event] = field(default_factory=list)

    def emit(self, kind: EventKindUnion, after_ms: float) -> None:
        self.clock += int(after_ms * 1_000_000) + self.rng.randint(0, 999)
        seconds, nanos = divmod(self.clock, 1_000_000_000)
        event_id = uuid.UUID(int=self.rng.getrandbits(128), version=4)
        at = Timestamp(seconds, nanos)
        sequence = len(self.events) + 1
        self.events.append(
            Event(id=event_id, execution_id=self.id, sequence=sequence, kind=kind, created_at=at)
        )


def run_model_node(ex: Execution, node: str, attempt: int) -> None:
    rng = ex.rng
    system, model, per_in, per_out = rng.choice(MODELS)
    tokens_in, tokens_out = rng.randint(300, 4000), rng.randint(50, 900)
    duration = rng.randint(400, 6000)
    ex.emit(NodeStarted(node_id=node, worker_id=f"worker-{rng.randint(1, 3)}", attempt=attempt), 5)
    cost = round(tokens_in / 1000 * per_in + tokens_out / 1000 * per_out, 6)
    ex.emit(
        NodeCompleted(
            node_id=node,
            output={"text": f"{node} done", "tokens": tokens_out},
            state_patch={node: "ok"},
            duration_ms=duration,
            gen_ai_system=system,
            gen_ai_model=model,
            input_tokens=tokens_in,
            output_tokens=tokens_out,
            finish_reason=rng.choice(("stop", "stop", "stop", "length")),
            cost_usd=cost,
        ),
        duration,
    )


def run_tool_node(ex: Execution, node: str) -> None:
    rng = ex.rng
    attempt = 1
    while True:
        ex.emit(
            NodeStarted(node_id=node, worker_id=f"worker-{rng.randint(1, 3)}", attempt=attempt), 5
        )
        duration = rng.randint(50, 1500)
        if attempt < 3 and rng.random() < 0.3:
            ex.emit(
                NodeFailed(
                    node_id=node, error="upstream timed out", attempt=attempt, retryable=True
                ),
                duration,
            )
            delay = 1000 * 2 ** (attempt - 1)
            ex.emit(RetryScheduled(node_id=node, attempt=attempt + 1, delay_ms=delay), 2)
            ex.clock += delay * 1_000_000
            attempt += 1
            continue
        output: dict[str, Any] = {"hits": rng.randint(0, 20)}
        ex.emit(
            NodeCompleted(node_id=node, output=output, state_patch={}, duration_ms=duration),
            duration,
        )
        return


def run_approval_node(ex: Execution, node: str, last: bool) -> bool:
    """The review: approved, rejected, or (only for the log's last executions) waiting."""
    rng = ex.rng
    ex.emit(
        InterruptRaised(
            node_id=node, reason="a human reviews the draft", state_for_review={"draft": "..."}
        ),
        5,
    )
    if last:
        return False
    decision = ApprovalDecision.approved if rng.random() < 0.75 else ApprovalDecision.rejected
    comment = None if decision is ApprovalDecision.approved else "tone"
    wait_ms = rng.randint(60_000, 3_600_000)
    ex.emit(
        ApprovalReceived(
            node_id=node, user_id="reviewer-1", decision=decision, comment=comment, state_patch=None
        ),
        wait_ms,
    )
    return decision is ApprovalDecision.approved


def execution(rng: random.Random, number: int, waiting: bool) -> list[Event]:
    workflow = list(WORKFLOWS)[number % len(WORKFLOWS)]
    ex = Execution(
        rng,
        workflow,
        uuid.UUID(int=rng.getrandbits(128), version=4),
        (START + number * 900) * 10**9,
    )
    ex.emit(
        WorkflowStarted(
            workflow_id=workflow, workflow_version="3", initial_input={"ticket": number}
        ),
        0,
    )
    for node, what in WORKFLOWS[workflow]:
        ex.emit(NodeScheduled(node_id=node, queue_type="default"), 1)
        if what == "model":
            run_model_node(ex, node, 1)
        elif what == "tool":
            run_tool_node(ex, node)
        elif not run_approval_node(ex, node, waiting):
            if not waiting:
                ex.emit(WorkflowFailed(error="the review rejected the draft"), 3)
            return ex.events
    ex.emit(WorkflowCompleted(final_state={"status": "done"}), 3)
    return ex.events


def events(count: int = 12, seed: int = 29) -> list[Event]:
    """`count` executions, one after another in the log; the last two support-triage
    executions stay waiting for their review."""
    rng = random.Random(seed)
    out: list[Event] = []
    for number in range(count):
        out += execution(rng, number, waiting=number >= count - 4)
    return out


def text() -> str:
    return "".join(event.model_dump_json() + "\n" for event in events())


def main() -> int:
    OUT.write_text(text(), encoding="utf-8", newline="\n")
    print(f"wrote {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
