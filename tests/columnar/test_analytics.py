"""The analytics questions (docs/analytics/*.sql) run by DuckDB over the Parquet export
of examples/executions.jsonl, each against the numbers Python computes from the log's
events; and the example log itself: what its script writes, serde's bytes."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

from jamjet_schema import (  # noqa: E402
    ApprovalReceived,
    Event,
    InterruptRaised,
    NodeCompleted,
    NodeStarted,
    RetryScheduled,
    WorkflowStarted,
)
from jamjet_schema.conformance.testee import Request  # noqa: E402
from tests.conftest import registered_testee  # noqa: E402
from tests.files.conftest import cli  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
LOG = REPO / "examples" / "executions.jsonl"
QUESTIONS = REPO / "docs" / "analytics"
RUST_TESTEE = REPO / "target" / "release" / "jamjet-testee-rust"


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return [Event.model_validate_json(line) for line in LOG.read_text().splitlines()]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Any:
    parquet = tmp_path_factory.mktemp("analytics") / "executions.parquet"
    assert cli("export", LOG, "--format", "parquet", "-o", parquet).code == 0
    connection = duckdb.connect()
    connection.execute(f"CREATE VIEW events AS SELECT * FROM read_parquet('{parquet}')")
    return connection


def ask(db: Any, name: str) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = db.execute((QUESTIONS / f"{name}.sql").read_text()).fetchall()
    return rows


def model_calls(events: list[Event]) -> list[tuple[Event, NodeCompleted]]:
    return [
        (e, e.kind)
        for e in events
        if isinstance(e.kind, NodeCompleted) and e.kind.gen_ai_model is not None
    ]


def totals(calls: list[NodeCompleted]) -> tuple[int, int, int, float]:
    return (
        len(calls),
        sum(c.input_tokens or 0 for c in calls),
        sum(c.output_tokens or 0 for c in calls),
        round(sum(c.cost_usd or 0.0 for c in calls), 6),
    )


def test_the_example_is_what_its_script_writes() -> None:
    from examples import make_executions

    assert make_executions.text() == LOG.read_text()


def test_the_example_is_canonical_per_serde(events: list[Event]) -> None:
    done = cli("validate", "--canonical", LOG)
    assert done.code == 0 and f"{len(events)} records: {len(events)} valid" in done.out.decode()
    if not RUST_TESTEE.exists():
        pytest.skip("the Rust reference is not built (cargo build --release)")
    lines = LOG.read_text().splitlines()
    answers = registered_testee("rust").run(Request("Event", line) for line in lines)
    assert [(a.verdict, a.text) for a in answers] == [("output", line) for line in lines]


def test_the_example_is_realistic(events: list[Event]) -> None:
    executions = {e.execution_id for e in events}
    assert len(executions) >= 10
    for execution in executions:
        mine = [e for e in events if e.execution_id == execution]
        assert [e.sequence for e in mine] == list(range(1, len(mine) + 1))
        assert all(a.created_at < b.created_at for a, b in itertools.pairwise(mine))
    kinds = {type(e.kind) for e in events}
    assert {RetryScheduled, ApprovalReceived, InterruptRaised, NodeCompleted} <= kinds


def test_cost_and_tokens_per_workflow(db: Any, events: list[Event]) -> None:
    workflow = {
        e.execution_id: e.kind.workflow_id for e in events if isinstance(e.kind, WorkflowStarted)
    }
    by_workflow: dict[str, list[NodeCompleted]] = defaultdict(list)
    for event, call in model_calls(events):
        by_workflow[workflow[event.execution_id]].append(call)
    want = [(name, *totals(calls)) for name, calls in sorted(by_workflow.items())]
    assert len(want) == 2
    assert ask(db, "cost_per_workflow") == want


def test_cost_and_tokens_per_model(db: Any, events: list[Event]) -> None:
    by_model: dict[tuple[str, str], list[NodeCompleted]] = defaultdict(list)
    for _, call in model_calls(events):
        assert call.gen_ai_system is not None and call.gen_ai_model is not None
        by_model[(call.gen_ai_system, call.gen_ai_model)].append(call)
    want = [(*key, *totals(calls)) for key, calls in sorted(by_model.items())]
    assert len(want) == 3
    assert ask(db, "cost_per_model") == want


def quantile(values: list[int], q: float) -> float:
    """Linear interpolation between the closest ranks (DuckDB's quantile_cont)."""
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def test_node_duration_percentiles(db: Any, events: list[Event]) -> None:
    durations: dict[str, list[int]] = defaultdict(list)
    for e in events:
        if isinstance(e.kind, NodeCompleted):
            durations[e.kind.node_id].append(e.kind.duration_ms)
    want = [
        (node, len(ms), quantile(ms, 0.5), quantile(ms, 0.95))
        for node, ms in sorted(durations.items())
    ]
    got = ask(db, "node_duration")
    assert [row[:2] for row in got] == [row[:2] for row in want]
    for row, expected in zip(got, want, strict=True):
        assert row[2:] == pytest.approx(expected[2:], rel=1e-12)


def test_retry_rate(db: Any, events: list[Event]) -> None:
    runs: dict[str, int] = defaultdict(int)
    retries: dict[str, int] = defaultdict(int)
    for e in events:
        if isinstance(e.kind, NodeStarted) and e.kind.attempt == 1:
            runs[e.kind.node_id] += 1
        elif isinstance(e.kind, RetryScheduled):
            retries[e.kind.node_id] += 1
    want = [
        (node, n, retries[node], round(retries[node] / n, 4)) for node, n in sorted(runs.items())
    ]
    assert sum(retries.values()) > 0
    assert ask(db, "retry_rate") == want


def test_approvals_waiting(db: Any, events: list[Event]) -> None:
    answered = {
        (e.execution_id, e.kind.node_id) for e in events if isinstance(e.kind, ApprovalReceived)
    }
    want = [
        (e.execution_id, e.kind.node_id, e.created_at)
        for e in events
        if isinstance(e.kind, InterruptRaised) and (e.execution_id, e.kind.node_id) not in answered
    ]
    got = ask(db, "approvals_waiting")
    assert len(want) == 2
    # Python's datetime holds microseconds (DuckDB's TIMESTAMPTZ_NS has the nanoseconds)
    assert [(uuid.UUID(row[0]), row[1], row[2].astimezone(dt.UTC)) for row in got] == [
        (execution, node, at.to_datetime()) for execution, node, at in want
    ]


def test_duckdb_reads_the_layouts_types(db: Any) -> None:
    row = db.execute(
        "SELECT typeof(output), typeof(created_at), typeof(input_tokens), typeof(attempt),"
        " typeof(id::UUID), output->>'$.text' FROM events"
        " WHERE type = 'node_completed' AND gen_ai_model IS NOT NULL LIMIT 1"
    ).fetchone()
    assert row[:5] == ("JSON", "TIMESTAMPTZ_NS", "UBIGINT", "UINTEGER", "UUID")
    assert row[5].endswith(" done")


def test_the_doc_shows_each_question_and_its_answer(db: Any) -> None:
    doc = (REPO / "docs" / "analytics.md").read_text()
    questions = sorted(QUESTIONS.glob("*.sql"))
    assert len(questions) == 5
    for path in questions:
        sql = path.read_text()
        assert f"```sql\n{sql}```" in doc, path.name
        # DuckDB's own text of each value, as the doc's table shows it
        as_text = f"SELECT COLUMNS(*)::VARCHAR FROM ({sql.rstrip().rstrip(';')})"
        for row in db.execute(as_text).fetchall():
            assert "| " + " | ".join(row) + " |" in doc, (path.name, row)
