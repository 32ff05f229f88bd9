"""`jamjet-schema export --format parquet` from a log, stdin and a store, and
`export --format jsonl FILE.parquet` back: real processes on real files."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from benchmarks.loggen import LogGenerator, with_bad_lines  # noqa: E402
from codegen.model import WireModel  # noqa: E402
from jamjet_schema import Event  # noqa: E402
from jamjet_schema.columnar import arrow_schema, from_arrow, to_arrow  # noqa: E402
from jamjet_schema.columnar.encode import batch_of_lines  # noqa: E402
from tests.files.conftest import cli, leftovers  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
STORE = REPO / "examples" / "runtime.db"


@pytest.fixture(scope="module")
def lines(model: WireModel) -> list[str]:
    return list(LogGenerator(model, seed=31, realistic=True).events(3000))


def test_a_log_to_parquet_and_back_is_canonicalize(tmp_path: Path, lines: list[str]) -> None:
    log = tmp_path / "log.jsonl"
    log.write_text("".join(line + "\n" for line in with_bad_lines(lines, every=500)))
    parquet = tmp_path / "log.parquet"
    done = cli("export", log, "--format", "parquet", "-o", parquet, "--row-group-rows", "1000")
    assert done.code == 1  # bad lines: reported and left out
    validated = cli("validate", log)
    reported = [line for line in validated.out.decode().splitlines() if line.startswith(str(log))]
    assert reported and done.error_lines[:-1] == reported  # as validate reports them
    canonical = cli("canonicalize", log).out
    kept = canonical.count(b"\n")
    assert kept == len(lines) - len(reported)  # damaged lines stand in for good ones
    assert (
        done.error_lines[-1]
        == f"{kept} events exported, {len(reported)} record{'s' * (len(reported) != 1)} rejected"
    )
    assert pq.ParquetFile(parquet).metadata.num_row_groups == 3  # rows written as they came
    assert pq.read_schema(parquet) == arrow_schema()
    back = cli("export", parquet, "--format", "jsonl")
    assert back.code == 0 and back.out == canonical
    assert leftovers(tmp_path) == []


def with_computed_costs(lines: list[str], seed: int) -> list[str]:
    """The lines with each model call's cost, and a rate in a Value member, of arbitrary
    digits and small, as floating point arithmetic makes them: serde reads a few in a
    hundred of those back as their neighbours (columnar.drift)."""
    rng = random.Random(seed)
    out = []
    for line in lines:
        event = json.loads(line)
        kind = event["kind"]
        if kind["type"] == "node_completed":
            tokens = rng.randint(1, 200_000)
            kind["cost_usd"] = rng.random() * 10.0 ** -rng.randint(5, 9)
            rate = kind["cost_usd"] / tokens
            kind["state_patch"] = {"spend": {"usd": kind["cost_usd"], "per_token": rate}}
        out.append(json.dumps(event, ensure_ascii=False, separators=(",", ":")))
    return out


def test_floats_serde_reads_back_otherwise_survive_the_round_trip(
    tmp_path: Path, lines: list[str]
) -> None:
    log = tmp_path / "costs.jsonl"
    log.write_text("".join(line + "\n" for line in with_computed_costs(lines, seed=4)))
    canonical = cli("canonicalize", log).out
    twice = tmp_path / "twice.jsonl"
    twice.write_bytes(canonical)
    assert cli("canonicalize", twice).out != canonical  # serde's reading drifts here
    parquet = tmp_path / "costs.parquet"
    assert cli("export", log, "--format", "parquet", "-o", parquet).code == 0
    assert cli("export", parquet, "--format", "jsonl").out == canonical
    events = [Event.model_validate(json.loads(text)) for text in canonical.decode().splitlines()]
    assert [e.model_dump_json() for e in events] == canonical.decode().splitlines()
    back = from_arrow(to_arrow(events))
    assert back == events
    assert [e.model_dump_json() for e in back] == canonical.decode().splitlines()


def test_stdin_to_parquet_on_stdout(tmp_path: Path, lines: list[str]) -> None:
    data = "".join(line + "\n" for line in lines[:200]).encode()
    done = cli("export", "-", "--format", "parquet", stdin=data)
    assert done.code == 0
    (tmp_path / "out.parquet").write_bytes(done.out)
    assert cli("export", tmp_path / "out.parquet").out == data


@pytest.mark.parametrize("resolve", [[], ["--resolve-artifacts"]])
def test_a_store_to_parquet_is_its_export(tmp_path: Path, resolve: list[str]) -> None:
    parquet = tmp_path / "store.parquet"
    done = cli("export", STORE, "--format", "parquet", "-o", parquet, *resolve)
    plain = cli("export", STORE, *resolve)
    assert done.code == plain.code and done.err == plain.err
    assert cli("export", parquet).out == plain.out


def test_rows_serde_refuses_are_reported_and_left_out(tmp_path: Path, lines: list[str]) -> None:
    """A file from another tool may hold what serde refuses: a null where a member is
    required, a tag no variant has."""
    table = pa.Table.from_batches([batch_of_lines(lines[:50])])
    started = table.column("type").to_pylist().index("node_started")
    attempt = table.column("attempt").to_pylist()
    attempt[started] = None
    table = table.set_column(
        table.schema.get_field_index("attempt"), "attempt", pa.array(attempt, pa.uint32())
    )
    parquet = tmp_path / "other.parquet"
    pq.write_table(table, parquet)
    done = cli("export", parquet)
    assert done.code == 1
    assert done.error_lines[0] == (
        f"{parquet}:{started + 1}: [node_started] integer-width: kind.attempt: "
        "invalid type: null, expected u32"
    )
    assert done.out.decode().splitlines() == lines[:started] + lines[started + 1 : 50]


def test_what_export_cannot_use_is_one_line(tmp_path: Path, lines: list[str]) -> None:
    log = tmp_path / "log.jsonl"
    log.write_text(lines[0] + "\n")
    parquet = tmp_path / "log.parquet"
    assert cli("export", log, "--format", "parquet", "-o", parquet).code == 0
    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"a": [1]}), other)
    cases: list[tuple[list[str | Path], str]] = [
        ([parquet, "-o", parquet], "refusing to write over an input"),
        ([other], "no column 'id': not an event table of this layout"),
        ([log, "--resolve-artifacts"], "--resolve-artifacts needs a store, not a log"),
    ]
    for args, said in cases:
        done = cli("export", *args)
        assert done.code == 2 and len(done.error_lines) == 1, (args, done.err)
        assert done.err.startswith("jamjet-schema export: ") and said in done.err, done.err
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("text", ["", "\n\n  \n"])
def test_an_empty_log_is_an_empty_table(tmp_path: Path, text: str) -> None:
    """As validate and canonicalize take it: a warning, no events, exit 0."""
    log = tmp_path / "empty.jsonl"
    log.write_text(text)
    parquet = tmp_path / "empty.parquet"
    done = cli("export", log, "--format", "parquet", "-o", parquet)
    assert done.code == 0
    assert done.error_lines == [
        f"jamjet-schema export: warning: {log}: empty, no records",
        "0 events exported, 0 records rejected",
    ]
    table = pq.read_table(parquet)
    assert table.num_rows == 0 and table.schema == arrow_schema()
    assert cli("export", parquet).out == b""
