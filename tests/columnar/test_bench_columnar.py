"""benchmarks/columnar.py end to end on a small log: every contender runs (or says why
it cannot), the sizes and the targets' verdicts are reported. Nothing about time."""

from __future__ import annotations

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

from benchmarks import columnar


def test_the_report_names_every_contender_and_target() -> None:
    text = columnar.report(events=2_000, repeat=1)
    assert "`jamjet-schema export --format parquet -j 1`" in text
    assert "DuckDB `read_json`" in text and "`pyarrow.json.read_json`" in text
    export_row = next(line for line in text.splitlines() if "jamjet-schema export" in line)
    assert "fails" not in export_row
    duckdb_row = next(line for line in text.splitlines() if "DuckDB" in line)
    assert "fails" not in duckdb_row
    for start in ("- export rate / DuckDB's:", "- Parquet / JSON Lines:", "- peak memory, 4x log"):
        assert any(line.startswith(start) for line in text.splitlines()), start
