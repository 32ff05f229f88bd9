"""Per-execution warnings over rows in (execution_id, sequence) order: sequences that
do not run 1, 2, 3, ... (the store assigns them so), and `created_at` running
backwards. Only the previous row of the current execution is kept."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jamjet_schema.store.row_report import shown
from jamjet_schema.wire import Timestamp


@dataclass
class _Execution:
    execution_id: Any
    expected: int = 1
    last_at: Timestamp | None = None
    sequence_warned: bool = False


class SequenceWatch:
    def __init__(self) -> None:
        self._current: _Execution | None = None

    def see(
        self, execution_id: Any, sequence: Any, event_id: Any, at: Timestamp | None
    ) -> Iterator[str]:
        """Warnings about this row, given the rows before it."""
        state = self._current
        if state is None or state.execution_id != execution_id:
            state = self._current = _Execution(execution_id)
        where = f"execution_id={shown(execution_id)}"
        if sequence != state.expected and not state.sequence_warned:
            state.sequence_warned = True
            yield (
                f"{where}: sequences are not 1..n: sequence {shown(sequence)} (id={shown(event_id)})"
                f" where {state.expected} was expected"
            )
        if isinstance(sequence, int):
            state.expected = sequence + 1
        if at is not None:
            if state.last_at is not None and at < state.last_at:
                yield (
                    f"{where}: created_at runs backwards at sequence {shown(sequence)} "
                    f"(id={shown(event_id)}): {at.to_json_str()} after {state.last_at.to_json_str()}"
                )
            state.last_at = at
