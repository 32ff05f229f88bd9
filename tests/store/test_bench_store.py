"""The store benchmark (benchmarks/store.py) on a small log: the stores hold the log's
events (the 4x one four times over), every row is measured beside its peer, and the
targets are computed from this run's rows."""

from __future__ import annotations

from pathlib import Path

from benchmarks import store as bs
from benchmarks.loggen import LogGenerator
from benchmarks.timing import Rows
from codegen.pipeline import load_model
from tests.store.conftest import Writer


def test_store_rows_and_targets(writer: Writer, tmp_path: Path) -> None:
    lines = list(LogGenerator(load_model(), seed=3).events(500))
    stores = bs.write_stores(tmp_path, lines)
    assert len(writer.read(stores.store.path)) == 500
    assert len(writer.read(stores.longer.path)) == 2_000
    rows = bs.store_rows(stores, 1)  # each run checks the summary: every event, all clean
    everything = Rows()
    everything.add(*rows)
    assert [r.name for r in rows] == [
        bs.LOG_ONE,
        bs.STORE_ONE,
        bs.LOG_TWO,
        bs.STORE_TWO,
        bs.STORE_LONG,
    ]
    assert all(r.seconds > 0 and r.rss_kb > 0 for r in rows)
    assert all(r.peer is None or r.peer in everything for r in rows)
    lines_out = [t.line() for t in bs.targets(everything)]
    assert len(lines_out) == 3 and all("met" in line for line in lines_out)
