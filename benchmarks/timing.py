"""Timing that survives a drifting machine: contenders interleaved in rounds, the best
round of each kept, so that every contender sees the same slow and fast spells."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Measured:
    seconds: float
    rss_kb: int = 0  # peak resident set of a child process; 0 for in-process work


@dataclass(frozen=True)
class Trial:
    """One contender: `measure()` runs it once and says how long it took."""

    name: str
    measure: Callable[[], Measured]


@dataclass(frozen=True)
class Row:
    """A line of a results table: `events` handled in `seconds`, compared with `peer`."""

    name: str
    events: int
    seconds: float
    note: str = ""
    peer: str | None = None  # the name of the row this one is compared with
    rss_kb: int = 0

    @property
    def rate(self) -> float:
        return self.events / self.seconds


@dataclass
class Rows:
    """Rows by name, in the order they were added."""

    rows: list[Row] = field(default_factory=list)

    def add(self, *rows: Row) -> None:
        self.rows.extend(rows)

    def __getitem__(self, name: str) -> Row:
        found = [r for r in self.rows if r.name == name]
        if not found:
            raise KeyError(name)
        return found[0]

    def __contains__(self, name: object) -> bool:
        return any(r.name == name for r in self.rows)


def interleaved(trials: Sequence[Trial], rounds: int) -> dict[str, Measured]:
    """Each trial's best round (and its highest peak RSS), the order rotating every round."""
    best: dict[str, Measured] = {}
    for number in range(rounds):
        turn = number % len(trials)
        for trial in [*trials[turn:], *trials[:turn]]:
            got = trial.measure()
            old = best.get(trial.name)
            if old is None:
                best[trial.name] = got
            else:
                best[trial.name] = Measured(
                    min(old.seconds, got.seconds), max(old.rss_kb, got.rss_kb)
                )
    return best


def timed(
    work: Callable[[], object],
    setting: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> Callable[[], Measured]:
    """A measure() that runs `work` inside `setting` (entered before the clock starts)."""

    def measure() -> Measured:
        with setting():
            gc.collect()
            start = time.perf_counter()
            work()
            return Measured(time.perf_counter() - start)

    return measure
