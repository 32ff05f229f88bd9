"""`jamjet-schema spark-export` and jamjet_schema.spark on Spark in local mode (local[2],
the JVM on the machine): the events it writes are the rows `export --format parquet`
writes, its rejects table is what `validate` reports. Skipped without pyspark; `nox -s
spark` installs it and runs this module.

One SparkSession for the module, with splits of 16 KiB, so that every log here is
read as several splits, in parallel, and the line numbers are added up across them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

pytest.importorskip("pyspark")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from benchmarks.loggen import LogGenerator, with_bad_lines  # noqa: E402
from codegen.model import WireModel  # noqa: E402
from jamjet_schema.columnar import arrow_schema, from_arrow  # noqa: E402
from jamjet_schema.files.errors import Unusable  # noqa: E402
from jamjet_schema.spark import export_logs  # noqa: E402
from jamjet_schema.spark.export import REJECTS  # noqa: E402
from tests.files.conftest import cli  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "executions.jsonl"
SPLIT_BYTES = 16 * 1024


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("jamjet-schema tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.files.maxPartitionBytes", str(SPLIT_BYTES))
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory, model: WireModel) -> list[Path]:
    """The example log with damaged lines, and a longer one with damaged lines, blank
    lines, a CRLF line end, a line that is not UTF-8 and no line feed at its end."""
    folder = tmp_path_factory.mktemp("logs")
    example = EXAMPLE.read_text(encoding="utf-8").splitlines()
    damaged = folder / "a-executions.jsonl"
    damaged.write_text("".join(line + "\n" for line in with_bad_lines(example, every=7)))
    lines = with_bad_lines(list(LogGenerator(model, seed=5, realistic=True).events(600)), 41)
    raw = [line.encode() for line in lines]
    raw[100:100] = [b"", b"   "]
    raw[200] += b"\r"
    raw[300] = b'{"id":"\xff"}'
    other = folder / "b-generated.jsonl"
    other.write_bytes(b"\n".join(raw))
    return [damaged, other]


def reported(paths: list[Path]) -> list[str]:
    """The lines `validate` prints for the refused records of `paths`."""
    done = cli("validate", *paths)
    assert done.code == 1
    return [
        line for line in done.out.decode().splitlines() if line.startswith(str(paths[0].parent))
    ]


def as_validate_says(row: dict[str, object]) -> str:
    """A rejects row in validate's words: `file:line: [variant] rule: message` (`?` for a
    variant the line does not show, null in the table)."""
    file, variant = unquote(urlsplit(str(row["file"])).path), row["variant"] or "?"
    return f"{file}:{row['line']}: [{variant}] {row['rule']}: {row['message']}"


def is_the_layout(schema: Any) -> bool:
    """The emitted layout's columns and its versions (a list's item is named `element`
    in Parquet, as in the single-machine export's files)."""
    return bool(schema == arrow_schema() and schema.metadata == arrow_schema().metadata)


def decoded(table: Any) -> Any:
    """The table with its dictionary columns decoded: tables are equal by their values,
    whichever dictionary each part's rows were encoded with."""
    for index, field in enumerate(table.schema):
        if pa.types.is_dictionary(field.type):
            plain = table.column(index).cast(field.type.value_type)
            table = table.set_column(index, field.name, plain)
    return table


def exported(log: Path, folder: Path) -> Any:
    """`export --format parquet`'s table of a log, read back."""
    parquet = folder / f"{log.name}.parquet"
    done = cli("export", log, "--format", "parquet", "-o", parquet)
    assert done.code in (0, 1), done.err
    return pq.read_table(parquet)


def test_the_command_writes_the_rows_export_writes(tmp_path: Path, logs: list[Path]) -> None:
    """The command docs/analytics.md shows, on the damaged example log."""
    log, events, rejects = logs[0], tmp_path / "events", tmp_path / "rejects"
    done = cli("spark-export", log, "--out", events, "--rejects", rejects, "--master", "local[2]")
    assert done.code == 1, done.err
    single = exported(log, tmp_path)
    rows = pq.read_table(events)
    assert rows.equals(single) and is_the_layout(rows.schema)
    kept = single.num_rows
    said = reported([log])
    rejected = f"{len(said)} record{'s' * (len(said) != 1)} rejected"
    assert done.error_lines[-1] == f"{kept} events exported, {rejected} (1 file)"
    assert [as_validate_says(row) for row in pq.read_table(rejects).to_pylist()] == said
    back = "".join(event.model_dump_json() + "\n" for event in from_arrow(rows)).encode()
    assert back == cli("canonicalize", log).out  # serde's bytes of the accepted lines


def test_two_logs_in_many_splits(spark: Any, tmp_path: Path, logs: list[Path]) -> None:
    events, rejects = tmp_path / "events", tmp_path / "rejects"
    done = export_logs(spark, [str(logs[0].parent)], str(events), str(rejects))
    parts = sorted(events.glob("part-*.parquet"))
    assert len(parts) > sum(log.stat().st_size // SPLIT_BYTES for log in logs)  # split up
    assert all(is_the_layout(pq.read_schema(part)) for part in parts)
    rows = pq.read_table(events)
    single = pa.concat_tables([exported(log, tmp_path) for log in logs])
    assert decoded(rows).equals(decoded(single))
    table = pq.read_table(rejects)
    assert table.column_names == REJECTS
    said = reported(logs)
    assert [as_validate_says(row) for row in table.to_pylist()] == said
    assert (done.files, done.events, done.rejected) == (2, single.num_rows, len(said))
    for row in table.to_pylist():  # the message starts with the field path, as validate says it
        assert row["path"] == "" or str(row["message"]).startswith(f"{row['path']}: ")
    rules = {row["rule"] for row in table.to_pylist()}
    assert {"encoding", "timestamp", "duplicate-field"} <= rules
    assert any(row["path"] for row in table.to_pylist())


def test_what_it_cannot_use_is_one_line(spark: Any, tmp_path: Path, logs: list[Path]) -> None:
    used = tmp_path / "used"
    used.mkdir()
    (used / "x").write_text("")
    cases = [
        ([str(tmp_path / "nothing.jsonl")], tmp_path / "e1", "Path does not exist"),
        ([str(logs[0])], used, "not empty; refusing to write over it"),
    ]
    for paths, out, said in cases:
        with pytest.raises(Unusable) as raised:
            export_logs(spark, paths, str(out), str(tmp_path / "r"))
        assert said in str(raised.value) and "\n" not in str(raised.value)
    with pytest.raises(Unusable, match="exists; refusing to write over it"):
        export_logs(spark, [str(logs[0])], str(tmp_path / "e2"), str(used))
