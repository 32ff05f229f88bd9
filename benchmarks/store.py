"""Issue 13's measurements: `jamjet-schema validate STORE` on the runtime's SQLite store
against `jamjet-schema validate LOG` on the same events as JSON Lines, whole processes
measured in the same rounds, and the peak memory on a store four times larger.

The stores are written by the reference writer (`jamjet-store-writer`, built by
`cargo build --release`) exactly as the runtime writes them: kind_json by serde_json,
created_at by to_rfc3339(), sequences assigned by the store.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from benchmarks import processes as pr
from benchmarks.report import FLAT, Target
from benchmarks.timing import Row, Rows, Trial, interleaved
from codegen.pipeline import REPO

WRITER = REPO / "target" / "release" / "jamjet-store-writer"
LOG_ONE = "validate LOG --jobs 1 (the same events as JSON Lines), one core"
STORE_ONE = "validate STORE --jobs 1 (SQLite), one core"
LOG_TWO = "validate LOG --jobs 2, two cores"
STORE_TWO = "validate STORE --jobs 2, two cores"
STORE_LONG = "validate STORE --jobs 1, one core, store 4x larger"


@dataclass(frozen=True)
class Stores:
    log: pr.Log
    store: pr.Log
    longer: pr.Log


def write_stores(tmp: Path, lines: list[str]) -> Stores:
    """A store of the log's events, and one of four times as many (fresh ids: the id is
    the table's primary key)."""
    log = pr.Log(tmp / "store-events.jsonl", len(lines))
    log.path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    store, longer = tmp / "runtime.db", tmp / "runtime-x4.db"
    _write(store, log.path.read_text(encoding="utf-8"))
    _write(longer, "".join(_renumbered(lines, copy) for copy in range(4)))
    return Stores(log, pr.Log(store, len(lines)), pr.Log(longer, 4 * len(lines)))


def _renumbered(lines: list[str], copy: int) -> str:
    """The lines with ids made unique per copy (the id's first 8 hex digits replaced)."""
    return "".join(f'{{"id":"{copy:08x}{line[15:]}\n' for line in lines)


def _write(path: Path, events: str) -> None:
    subprocess.run([str(WRITER), "create", str(path)], check=True)
    subprocess.run([str(WRITER), "append", str(path)], input=events, text=True, check=True)


def store_rows(stores: Stores, rounds: int) -> list[Row]:
    jobs = [
        (LOG_ONE, [0], 1, stores.log, None),
        (STORE_ONE, [0], 1, stores.store, LOG_ONE),
        (LOG_TWO, [0, 1], 2, stores.log, None),
        (STORE_TWO, [0, 1], 2, stores.store, LOG_TWO),
        (STORE_LONG, [0], 1, stores.longer, STORE_ONE),
    ]
    trials, notes = [], {}
    for name, cores, count, target, _ in jobs:
        command, notes[name] = pr.pinned(
            cores,
            [*pr.cli(), "validate", "--format", "json", "--jobs", str(count), str(target.path)],
        )
        check = partial(pr._summary_check, events=target.events)
        trials.append(Trial(name, pr._measure(command, None, check)))
    best = interleaved(trials, rounds)
    return [
        Row(name, target.events, best[name].seconds, notes[name], peer, best[name].rss_kb)
        for name, _, _, target, peer in jobs
    ]


def targets(rows: Rows) -> list[Target]:
    two = rows[STORE_TWO].rate / rows[LOG_TWO].rate
    one = rows[STORE_ONE].rate / rows[LOG_ONE].rate
    short, long = rows[STORE_ONE].rss_kb, rows[STORE_LONG].rss_kb
    return [
        Target(
            "13a. validate STORE >= 0.5 x validate LOG of the same events (--jobs 2, two cores)",
            two,
            0.5,
            detail=f"; {rows[STORE_TWO].rate:,.0f} vs {rows[LOG_TWO].rate:,.0f} events/s",
        ),
        Target(
            "13a'. the same on one core (--jobs 1)",
            one,
            0.5,
            detail=f"; {rows[STORE_ONE].rate:,.0f} vs {rows[LOG_ONE].rate:,.0f} events/s",
        ),
        Target(
            f"13b. memory flat: peak RSS on the 4x store <= {FLAT:.2f} x on the store",
            long / short,
            FLAT,
            at_most=True,
            detail=f"; {long / 1024:.0f} MB vs {short / 1024:.0f} MB",
        ),
    ]
