"""Cost of one Event parse + canonical dump (pure Python over pydantic-core), reported."""

from __future__ import annotations

import time

from jamjet_schema import Event

from .conftest import TALLY

EVENT = (
    '{"id":"67e55044-10b1-426f-9247-bb680e5fe0c8","execution_id":"5f1c7a3e-0b4e-4c1e-9a51-3d2f1e0b9c77",'
    '"sequence":42,"kind":{"type":"node_completed","node_id":"summarise","output":{"summary":"High tide '
    'at 07:42."},"state_patch":{"ready":true},"duration_ms":1250,"input_tokens":812,"cost_usd":0.0042},'
    '"created_at":"2024-05-06T07:08:09.123456789Z"}'
)


def _best_microseconds(action: object, rounds: int = 7, number: int = 2000) -> float:
    assert callable(action)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(number):
            action()
        best = min(best, (time.perf_counter() - start) / number)
    return best * 1e6


def test_parse_and_dump_cost() -> None:
    assert Event.model_validate_json(EVENT).model_dump_json() == EVENT
    event = Event.model_validate_json(EVENT)
    both = _best_microseconds(lambda: Event.model_validate_json(EVENT).model_dump_json())
    parse = _best_microseconds(lambda: Event.model_validate_json(EVENT))
    dump = _best_microseconds(event.model_dump_json)
    TALLY["performance"] = (
        f"{len(EVENT)}-byte Event: parse+dump {both:.0f} µs (parse {parse:.0f}, dump {dump:.0f})"
    )
    assert both < 2000  # a generous bound: this guards against accidental trial of every variant
