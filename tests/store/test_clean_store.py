"""A store the reference writer filled with every accepted Event and EventKind fixture and
realistic logs: it validates clean, exports to exactly the Events serde writes (what the
runtime reads back, by the writer's read mode), and a 1.0.0 reader's answer matches the
real 1.0.0 reader's (the contract file compiled) row for row."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest

from jamjet_schema.conformance.corpus import load
from tests.store.conftest import REPO, Writer, cli, event_text, files_of

CORPUS = REPO / "conformance" / "fixtures"
_SEQUENCE = re.compile(r',"sequence":-?[0-9]+,')


def _accepted(type_name: str, deepest: bool = False) -> list[str]:
    """The accepted cases' outputs; `deepest`: only those at serde_json's nesting limit
    (else only the others)."""
    corpus = load(CORPUS)
    return [
        case.output
        for case in corpus.cases
        if case.tier == "required"
        and case.type_name == type_name
        and case.output is not None
        and (_depth(json.loads(case.output)) >= LIMIT) == deepest
    ]


LIMIT = 127  # serde_json refuses a 128th level; an Event adds one to its kind's


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


_FOUR_DIGIT_YEAR = re.compile(r'"created_at":"[0-9]{4}-')


def _fixture_events(storable: bool = True) -> list[str]:
    """Each accepted Event fixture as serde writes it (with an id of its own: the store's
    id is its primary key), and each accepted EventKind inside an Event. `storable`:
    those whose created_at the runtime reads back (else only the others: a year beyond
    0000-9999, which to_rfc3339 writes and parse_from_rfc3339 refuses)."""
    events = [f'{{"id":"{uuid.uuid4()}"{out[44:]}' for out in _accepted("Event")]
    execution = str(uuid.uuid4())
    events += [event_text(out, execution) for out in _accepted("EventKind")]
    return [e for e in events if bool(_FOUR_DIGIT_YEAR.search(e)) == storable]


def _deepest_rows() -> list[dict[str, object]]:
    """Kinds at serde_json's nesting limit: the runtime reads kind_json alone, so they
    are fine in a store, though an Event holding one is one level too deep to be read
    as JSON text. Stored as the runtime stores them (kind_json is serde's bytes)."""
    execution = str(uuid.uuid4())
    return [
        {
            "id": str(uuid.uuid4()),
            "execution_id": execution,
            "sequence": n,
            "kind_json": kind,
            "created_at": "2024-05-06T07:08:09.123456789+00:00",
        }
        for n, kind in enumerate(_accepted("EventKind", deepest=True), start=1)
    ]


@pytest.fixture(scope="module")
def store(writer: Writer, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    from benchmarks.loggen import LogGenerator
    from codegen.pipeline import load_model

    path = writer.create(tmp_path_factory.mktemp("clean") / "runtime.db")
    events = _fixture_events()
    events += (REPO / "examples" / "events.jsonl").read_text(encoding="utf-8").split("\n")[:-1]
    events += list(LogGenerator(load_model(), seed=13).events(2_000))
    writer.append(path, events)
    deepest = _deepest_rows()
    assert deepest
    writer.raw(path, deepest)
    return path, events + [str(row["id"]) for row in deepest]


def test_the_fixtures_are_there(store: tuple[Path, list[str]]) -> None:
    assert len(_accepted("Event")) >= 50 and len(_accepted("EventKind")) >= 800
    assert files_of(store[0])["-wal"] is None  # the writer closed: a WAL store at rest


def test_validates_clean(store: tuple[Path, list[str]]) -> None:
    path, events = store
    for jobs in ("1", "2"):
        done = cli("validate", "--jobs", jobs, str(path), check_unchanged=path)
        assert done.code == 0, done.out + done.err
        assert done.out.startswith(f"{len(events)} records: {len(events)} valid, 0 invalid")


def test_a_url_names_the_store(store: tuple[Path, list[str]]) -> None:
    path, _ = store
    done = cli("validate", f"sqlite://{path}?mode=rwc", check_unchanged=path)
    assert done.code == 0, done.err


def test_exports_what_the_runtime_reads(
    writer: Writer, store: tuple[Path, list[str]], tmp_path: Path
) -> None:
    path, events = store
    rows = writer.read(path)
    expected = "".join(row["event"] + "\n" for row in rows)
    out = tmp_path / "export.jsonl"
    done = cli("export", str(path), "-o", str(out), check_unchanged=path)
    assert done.code == 0, done.err
    assert out.read_text(encoding="utf-8") == expected
    # and that is each Event as serde wrote it, but for the sequence the store assigned
    by_id = {e[7:43]: e for e in events if e.startswith("{")}
    for row in rows:
        written = by_id.get(row["id"])
        if written is None:  # a kind at the nesting limit, stored raw
            continue
        assert _SEQUENCE.sub(",", row["event"], 1) == _SEQUENCE.sub(",", _canonical(written), 1)


def test_years_the_store_cannot_hold(writer: Writer, tmp_path: Path) -> None:
    """The runtime writes created_at of a year beyond 0000-9999 (`+10000-...`, `-0001-...`)
    and its own reader refuses it: the rows are named, as the runtime's reader names them."""
    path = writer.create(tmp_path / "runtime.db")
    events = _fixture_events(storable=False)
    assert events
    writer.append(path, events)
    real = writer.read(path)
    assert all(r["error"]["column"] == "created_at" for r in real)
    done = cli("validate", "--format", "json", str(path), check_unchanged=path)
    assert done.code == 1
    reported = [json.loads(line) for line in done.out.split("\n")[:-1][:-1]]
    assert [(r["rowid"], r["column"], r["error"]) for r in reported] == [
        (r["rowid"], "created_at", r["error"]["message"]) for r in real
    ]


def _canonical(event: str) -> str:
    from jamjet_schema import Event

    return Event.model_validate_json(event).model_dump_json()


def test_export_filters(writer: Writer, store: tuple[Path, list[str]]) -> None:
    path, _ = store
    rows = writer.read(path)
    execution = rows[len(rows) // 2]["execution_id"]
    done = cli("export", str(path), "--execution", execution, check_unchanged=path)
    expected = [r["event"] for r in writer.read(path, "--execution", execution)]
    assert done.code == 0 and done.out.split("\n")[:-1] == expected and expected
    done = cli("export", str(path), "--tenant", "nobody", check_unchanged=path)
    assert done.code == 0 and done.out == ""


def test_a_1_0_0_reader_matches_the_real_one(writer: Writer, store: tuple[Path, list[str]]) -> None:
    path, _ = store
    real = writer.read(path, "--reader", "seed")
    refused = {r["rowid"]: r["error"]["message"] for r in real if "error" in r}
    done = cli(
        "check-store", str(path), "--reader", "1.0.0", "--format", "json", check_unchanged=path
    )
    assert done.code == 1, done.err
    lines = [json.loads(line) for line in done.out.split("\n")[:-1]]
    ours = {line["rowid"]: line["error"] for line in lines if "rowid" in line}
    assert set(ours) == set(refused) and refused
    for rowid, message in refused.items():  # serde's message, without its position
        assert ours[rowid] == "kind_json: " + message.rsplit(" at line ", 1)[0]
    variants = {line["variant"] for line in lines if "rowid" in line}
    assert variants == _only_in_1_1_0()


def _only_in_1_1_0() -> set[str]:
    from jamjet_schema.store.readers import model_of
    from jamjet_schema.wiremodel.model import TaggedUnion

    def names(version: str) -> set[str]:
        return {v.wire_name for v in model_of(version).of_kind(TaggedUnion)[0].variants}

    return names("1.1.0") - names("1.0.0")


def test_check_store_text_groups(store: tuple[Path, list[str]]) -> None:
    path, _ = store
    done = cli("check-store", str(path), "--reader", "1.0.0", check_unchanged=path)
    assert done.code == 1
    assert re.search(
        r"\n  [0-9]+ node_parked events: a 1\.0\.0 reader rejects them: kind_json: unknown variant `node_parked`",
        done.out,
    )
    done = cli("check-store", str(path), "--reader", "1.1.0", check_unchanged=path)
    assert done.code == 0, done.out
    assert "a 1.1.0 reader reads every one" in done.out
