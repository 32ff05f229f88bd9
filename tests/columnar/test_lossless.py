"""Lossless by proof: events -> Arrow -> Parquet -> Arrow -> events gives serde's bytes
back, for every accepted Event of the corpus (its recorded output: the Rust
reference's bytes), realistic logs, and 80,000 random documents at the edges of every
wire rule (serde's canonical form of each, from the native core). Both encoders are
proved: the native core's columns (generated/native/columns.rs) and the Python one
(columnar.encode), and they build the same batches."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from benchmarks.loggen import LogGenerator  # noqa: E402
from codegen.model import WireModel  # noqa: E402
from codegen.pipeline import load_model  # noqa: E402
from jamjet_schema import Event, columnar, native  # noqa: E402
from jamjet_schema.columnar import arrow_schema, from_arrow, to_arrow  # noqa: E402
from jamjet_schema.columnar.assemble import batch_of_text  # noqa: E402
from jamjet_schema.columnar.decode import lines_of_batch  # noqa: E402
from jamjet_schema.columnar.encode import batch_of_lines  # noqa: E402
from jamjet_schema.conformance.corpus import load  # noqa: E402

from .random_events import random_texts  # noqa: E402

RANDOM_DOCUMENTS = 80_000


@pytest.fixture(scope="module")
def model() -> WireModel:
    return load_model()


Encoder = Callable[[list[str]], Any]  # lines -> a pyarrow.RecordBatch


def native_batch(lines: list[str]) -> Any:
    """The batch the native core builds (columnar.assemble, with the core)."""
    if native.CORE is None:
        pytest.skip("needs the native core")
    return batch_of_text("".join(line + "\n" for line in lines).encode())


@pytest.fixture(params=["native", "python"])
def encode(request: pytest.FixtureRequest) -> Encoder:
    return native_batch if request.param == "native" else batch_of_lines


def through_parquet(lines: list[str], encode: Encoder) -> list[str]:
    """The lines as a table, written to Parquet and read back, as text again."""
    sink = io.BytesIO()
    with pq.ParquetWriter(sink, arrow_schema(), compression="zstd") as writer:
        for start in range(0, len(lines), 10_000):  # several row groups
            batch = encode(lines[start : start + 10_000])
            assert batch.schema == arrow_schema()
            writer.write_batch(batch)
    table = pq.read_table(io.BytesIO(sink.getvalue()))
    assert table.schema == arrow_schema()
    return [line for batch in table.to_batches() for line in lines_of_batch(batch)]


def assert_same(lines: list[str], back: list[str]) -> None:
    assert len(back) == len(lines)
    wrong = [(a, b) for a, b in zip(lines, back, strict=True) if a != b]
    assert not wrong, f"{len(wrong)} rows differ, first:\n{wrong[0][0]}\n{wrong[0][1]}"


def canonical(texts: list[str]) -> list[str]:
    """serde's canonical text of each accepted text (the native core: serde itself)."""
    if native.CORE is None:
        pytest.skip("needs the native core")
    data = ("\n".join(texts) + "\n").encode()
    out, _, _, _ = native.CORE.canonical_lines(data, 0, len(data))
    lines: list[str] = out.decode().split("\n")[:-1]
    return lines


def corpus_events() -> list[str]:
    return [
        case.output
        for case in load().cases
        if case.type_name == "Event" and case.output is not None and case.form != "api"
    ]


def test_every_accepted_corpus_event(encode: Encoder) -> None:
    outputs = corpus_events()
    assert len(outputs) > 50
    assert_same(outputs, through_parquet(outputs, encode))


def test_realistic_logs(model: WireModel, encode: Encoder) -> None:
    lines = list(LogGenerator(model, seed=5, realistic=True).events(20_000))
    assert_same(lines, through_parquet(lines, encode))


def test_random_documents(model: WireModel, encode: Encoder) -> None:
    texts = random_texts(model, seed=25, count=RANDOM_DOCUMENTS)
    lines = canonical(texts)
    assert len(lines) == RANDOM_DOCUMENTS  # every text is an Event serde accepts
    assert_same(lines, through_parquet(lines, encode))
    # the edges are there: instants beyond timestamp[ns], Values of every kind
    table = pa.Table.from_batches([batch_of_lines(lines[:5000])])
    assert table.column("created_at__text").null_count < 5000
    assert table.column("created_at").null_count < 5000


def test_the_core_builds_the_python_encoders_batches(model: WireModel) -> None:
    """Column by column, buffer contents aside: values, nulls, types, the dictionary."""
    random = canonical(random_texts(model, seed=26, count=20_000))
    realistic = list(LogGenerator(model, seed=6, realistic=True).events(5_000))
    for lines in (corpus_events(), realistic, random):
        built, expected = native_batch(lines), batch_of_lines(lines)
        for field, have, want in zip(arrow_schema(), built.columns, expected.columns, strict=True):
            assert have.equals(want), f"column {field.name} differs"
        assert built.column(built.schema.get_field_index("type")).dictionary.equals(
            expected.column(expected.schema.get_field_index("type")).dictionary
        )


def test_to_arrow_and_from_arrow(model: WireModel) -> None:
    lines = list(LogGenerator(model, seed=9, realistic=True).events(500))
    events = [Event.model_validate_json(line) for line in lines]
    table = to_arrow(events)
    assert table.schema == arrow_schema() and table.num_rows == 500
    back = from_arrow(table)
    assert [event.model_dump_json() for event in back] == lines
    assert back == events


def test_to_arrow_makes_a_batch_per_slice_of_text(
    model: WireModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A string column holds at most 2 GiB in one batch: a long list of events is cut."""
    lines = list(LogGenerator(model, seed=10, realistic=True).events(300))
    events = [Event.model_validate_json(line) for line in lines]
    monkeypatch.setattr(columnar, "BATCH_BYTES", 20_000)
    table = to_arrow(events)
    assert len(table.to_batches()) > 5 and table.num_rows == 300
    assert [event.model_dump_json() for event in from_arrow(table)] == lines
    assert to_arrow([]).num_rows == 0


def test_a_table_of_another_layout_is_refused() -> None:
    table = pa.table({"id": ["x"]})
    with pytest.raises(ValueError, match="no column 'execution_id'"):
        from_arrow(table)


def test_a_float_serde_reads_back_otherwise_is_kept_as_written() -> None:
    """serde's float parsing is not correctly rounded: a canonical line may read back
    as another value. The core names those lines, and their rows keep the text's."""
    if native.CORE is None:
        pytest.skip("needs the native core")
    lines = corpus_events()
    data = "".join(line + "\n" for line in lines).encode()
    _, _, places, _ = native.CORE.column_lines(data, 0, len(data), True)
    _, _, rewritten, _ = native.CORE.canonical_lines(data, 0, len(data))
    assert places and [p[:4] for p in places] == [p[:4] for p in rewritten]
    indices = [p[0] for p in places]
    back = through_parquet(lines, native_batch)
    assert [back[i] for i in indices] == [lines[i] for i in indices]
