"""examples/runtime.db is what the reference writer makes of examples/events.jsonl and
examples/runtime-1.1.jsonl (the README's store commands run on it)."""

from __future__ import annotations

from pathlib import Path

from tests.store.conftest import REPO, Writer, files_of

EXAMPLES = REPO / "examples"


def test_the_example_store_holds_the_example_events(writer: Writer, tmp_path: Path) -> None:
    fresh = writer.create(tmp_path / "runtime.db")
    events = [
        line
        for name in ("events.jsonl", "runtime-1.1.jsonl")
        for line in (EXAMPLES / name).read_text(encoding="utf-8").split("\n")
        if line
    ]
    writer.append(fresh, events)
    shipped = EXAMPLES / "runtime.db"
    before = files_of(shipped)
    assert writer.read(shipped) == writer.read(fresh)
    assert files_of(shipped) == before and before["-wal"] is None  # at rest, unchanged


def test_a_path_that_needs_quoting_in_a_uri(tmp_path: Path) -> None:
    from tests.store.conftest import cli

    odd = tmp_path / "a dir" / "run?#%x.db"
    odd.parent.mkdir()
    odd.write_bytes((EXAMPLES / "runtime.db").read_bytes())
    done = cli("validate", str(odd), check_unchanged=odd)
    assert done.code == 0 and done.out.startswith("11 records: 11 valid"), done.err
