"""Spilled outputs: a store the reference writer filled as the runtime's worker fills it
(large NodeCompleted outputs stored in `artifacts`, a sentinel in the event), read back
by `export --resolve-artifacts` and by the reference's `list-events` (what the
runtime's API answers, resolved as its list_events resolves). Every expectation is
the reference's answer; the tests only say which answers must agree.

The finding this guards: an export of a store is not what the runtime serves. Without
the flag the sentinels stay (the log as stored); with it, the events are the API's."""

from __future__ import annotations

import json
import random
import struct
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.store.conftest import Writer, cli, event_text

OTHER = "acme"  # a second tenant


def _completed(node: str, output: str) -> str:
    return (
        f'{{"type":"node_completed","node_id":"{node}","output":{output},'
        '"state_patch":{"seen":true},"duration_ms":7}'
    )


def _large(seed: int) -> str:
    """Several KB of nested Value with floats of every shape (random bit patterns, the
    extremes, -0.0), integers at and beyond the u64/i64 bounds, keys that sort
    differently by bytes and by insertion, and strings that need escapes."""
    rng = random.Random(seed)
    floats = [
        x
        for x in (
            struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0] for _ in range(300)
        )
        if x == x and abs(x) != float("inf")
    ]
    value = {
        "zeta": "first written, last sorted",
        "content": " ".join(f"token{rng.randrange(10**6)}" for _ in range(400)),
        "scores": [*floats, 0.1, 1e-7, 5e-324, 1.7976931348623157e308, -0.0, 1e21, 123456.789],
        "ints": [18446744073709551615, -9223372036854775808, 18446744073709551616, 0, -1],
        "nested": {
            "é": [{"b": 1, "a": [True, False, None]}],
            "\U0001f980": {"deep": [[[{"x": 2.5}]]]},
            "Z": "upper before lower",
        },
        "text": 'quote " backslash \\ nul \u0000 tab \t line-sep \u2028 emoji \U0001f680',
    }
    return json.dumps(value)


@dataclass(frozen=True)
class Spilled:
    path: Path
    tenants: dict[str, str]  # execution_id -> its tenant
    unspilled: Path  # the same events appended without spilling
    names: dict[str, str]  # what each event is -> its id


def _event(execution: str, kind: str, names: dict[str, str], name: str) -> str:
    text = event_text(kind, execution)
    names[name] = text[7:43]
    return text


@pytest.fixture(scope="module")
def spilled(writer: Writer, tmp_path_factory: pytest.TempPathFactory) -> Spilled:
    folder = tmp_path_factory.mktemp("artifacts")
    path = writer.create(folder / "runtime.db")
    unspilled = writer.create(folder / "unspilled.db")
    names: dict[str, str] = {}
    # Artifacts put by the reference (as put_artifact does), referred to by hand-made
    # sentinels: in the default tenant, in the other one, never stored, not JSON.
    stored = writer.put_artifact(path, _large(1).encode(), "--media-type", "application/json")
    small = writer.put_artifact(path, b'{"b":[1,2.50,"x"],"a":null}')
    theirs = writer.put_artifact(path, b'["only", "in", "acme"]', "--tenant", OTHER)
    gone = writer.put_artifact(path, b'{"never": "stored"}', "--dangling")
    garbage = writer.put_artifact(path, b'{"not": json} \xff')
    one, two, three = (str(uuid.uuid4()) for _ in range(3))
    spilling = [  # appended with --spill: the worker's spill at the runtime's 8 KiB
        _event(one, _completed("big-object", _large(2)), names, "big object"),
        _event(one, _completed("big-array", f"[{_large(3)}, {_large(4)}]"), names, "big array"),
        _event(one, _completed("small", '{"kept": [1, 2.0]}'), names, "small"),
    ]
    by_hand = [  # sentinels written into small outputs: appended as they are
        _event(
            one, _completed("nested", f'{{"summary": "s", "detail": {small}}}'), names, "nested"
        ),
        _event(one, _completed("in-array", f"[1, {stored}, {small}]"), names, "in array"),
        _event(one, _completed("dangling", gone), names, "dangling"),
        _event(
            one,
            _completed("dangling-nested", f'{{"ok": {small}, "gone": {gone}}}'),
            names,
            "dangling nested",
        ),
        _event(one, _completed("not-json", garbage), names, "not json"),
        _event(one, _completed("two-down", f'{{"a": {{"b": {small}}}}}'), names, "two down"),
        _event(one, _completed("other-tenant", theirs), names, "other tenant's"),
        _event(
            one,
            _completed("not-a-sentinel", '{"$artifact": {"hash": "00", "size": 1.0}}'),
            names,
            "not a sentinel",
        ),
        _event(
            one,
            f'{{"type":"workflow_started","workflow_id":"w","workflow_version":"1","initial_input":{stored}}}',
            names,
            "not node_completed",
        ),
    ]
    other_tenant = [
        _event(two, _completed("acme-big", _large(5)), names, "acme big"),
        _event(two, _completed("acme-own", theirs), names, "acme own"),
        _event(three, _completed("acme-default", stored), names, "default's in acme"),
    ]
    writer.append(path, spilling, "--spill")
    writer.append(path, by_hand)
    writer.append(path, other_tenant, "--spill", "--tenant", OTHER)
    writer.append(unspilled, spilling + by_hand)
    writer.append(unspilled, other_tenant, "--tenant", OTHER)
    tenants = {one: "default", two: OTHER, three: OTHER}
    return Spilled(path, tenants, unspilled, names)


def _served(writer: Writer, spilled: Spilled, form: str = "log") -> Iterator[tuple[str, str]]:
    """Each execution's answer from the reference's API, in the export's order; with the
    warnings it logged."""
    for execution in sorted(spilled.tenants):
        out, err = writer.list_events(
            spilled.path,
            "--execution",
            execution,
            "--tenant",
            spilled.tenants[execution],
            "--form",
            form,
        )
        yield out, err


def _lines(text: str) -> list[str]:
    assert text.endswith("\n") or not text
    return text.split("\n")[:-1]


def _by_id(lines: list[str]) -> dict[str, str]:
    return {line[7:43]: line for line in lines}


def test_the_store_holds_what_the_worker_wrote(writer: Writer, spilled: Spilled) -> None:
    """The large outputs were spilled (sentinels in the log, rows in artifacts), the
    small ones were not; the test data exercise what they are meant to."""
    stored = _by_id([row["event"] for row in writer.read(spilled.path)])
    names = spilled.names
    for name in ("big object", "big array", "acme big"):
        assert '"output":{"$artifact":{"hash":"' in stored[names[name]], name
    assert '"$artifact"' not in stored[names["small"]]
    served = _by_id([line for out, _ in _served(writer, spilled) for line in _lines(out)])
    assert '"unresolved":true' in served[names["dangling"]]
    assert '"unresolved":true' in served[names["other tenant's"]]
    assert '"unresolved":true' in served[names["not json"]]
    assert '"unresolved":true' in served[names["default's in acme"]]
    for name in ("dangling nested", "two down", "not a sentinel", "not node_completed", "small"):
        assert served[names[name]] == stored[names[name]], name
    for name in ("nested", "in array", "acme own"):
        assert '"$artifact"' not in served[names[name]], name


def test_export_resolves_as_the_api_serves(writer: Writer, spilled: Spilled) -> None:
    expected = "".join(out for out, _ in _served(writer, spilled))
    for env in ({}, {"JAMJET_SCHEMA_NATIVE": "0"}):
        for jobs in ("1", "2"):
            done = cli(
                "export",
                "--resolve-artifacts",
                "--jobs",
                jobs,
                str(spilled.path),
                check_unchanged=spilled.path,
                env=env,
            )
            assert done.code == 0, done.err
            assert done.out == expected, env


def test_a_spilled_output_resolves_to_what_was_written(writer: Writer, spilled: Spilled) -> None:
    """Resolved, a spilled event is the event the worker had before it spilled."""
    unspilled = _by_id([row["event"] for row in writer.read(spilled.unspilled)])
    done = cli("export", "--resolve-artifacts", str(spilled.path), check_unchanged=spilled.path)
    resolved = _by_id(_lines(done.out))
    for name in ("big object", "big array", "acme big", "small"):  # same ids, same order
        assert resolved[spilled.names[name]] == unspilled[spilled.names[name]], name


def _warned(line: str) -> str:
    """The event id a warning names."""
    return line.split(" id=")[1].split(":")[0]


def test_the_unresolved_are_named_as_the_runtime_warns(writer: Writer, spilled: Spilled) -> None:
    warned = {_warned(line) for _, err in _served(writer, spilled) for line in _lines(err)}
    done = cli("export", "--resolve-artifacts", str(spilled.path), check_unchanged=spilled.path)
    named = {_warned(line) for line in _lines(done.err) if line.startswith("warning: ")}
    assert named == warned
    names = spilled.names
    assert warned == {
        names[n]
        for n in ("dangling", "dangling nested", "not json", "other tenant's", "default's in acme")
    }
    assert all(str(spilled.path) in line for line in _lines(done.err)[:-1])


def test_without_the_flag_the_log_as_stored(writer: Writer, spilled: Spilled) -> None:
    """The finding: an export of a store is the log, not what the runtime serves."""
    stored = "".join(row["event"] + "\n" for row in writer.read(spilled.path))
    served = "".join(out for out, _ in _served(writer, spilled))
    done = cli("export", str(spilled.path), check_unchanged=spilled.path)
    assert done.code == 0 and done.out == stored
    assert done.out != served
    assert done.out.count('"$artifact"') > served.count('"$artifact"')


def test_one_tenant_one_execution(writer: Writer, spilled: Spilled) -> None:
    for execution, tenant in spilled.tenants.items():
        out, _ = writer.list_events(
            spilled.path, "--execution", execution, "--tenant", tenant, "--form", "log"
        )
        done = cli(
            "export",
            "--resolve-artifacts",
            "--execution",
            execution,
            str(spilled.path),
            check_unchanged=spilled.path,
        )
        assert done.code == 0 and done.out == out and out
    acme = "".join(
        writer.list_events(spilled.path, "--execution", e, "--tenant", OTHER, "--form", "log")[0]
        for e in sorted(e for e, t in spilled.tenants.items() if t == OTHER)
    )
    done = cli("export", "--resolve-artifacts", "--tenant", OTHER, str(spilled.path))
    assert done.code == 0 and done.out == acme


def test_the_api_form_is_the_log_form_enveloped(writer: Writer, spilled: Spilled) -> None:
    """The reference's two forms agree: `{"events": [...]}` through serde_json::Value
    (members sorted at every level) holds the same events as the lines."""
    for (api, _), (log, _) in zip(
        _served(writer, spilled, "api"), _served(writer, spilled), strict=True
    ):
        assert json.loads(api) == {"events": [json.loads(line) for line in _lines(log)]}
        assert api.startswith('{"events":[{"created_at":')


def test_the_python_api(writer: Writer, spilled: Spilled) -> None:
    """resolve_artifacts on an Event read from the store, with the tenant's artifacts."""
    from jamjet_schema import Event
    from jamjet_schema.store.artifacts import Artifacts, resolve_artifacts
    from jamjet_schema.store.connection import opened

    stored = _by_id([row["event"] for row in writer.read(spilled.path)])
    warned = {_warned(line) for _, err in _served(writer, spilled) for line in _lines(err)}
    served = {
        line[7:43]: (line, execution)
        for execution in spilled.tenants
        for line in _lines(
            writer.list_events(
                spilled.path,
                "--execution",
                execution,
                "--tenant",
                spilled.tenants[execution],
                "--form",
                "log",
            )[0]
        )
    }
    with opened(str(spilled.path)) as store:
        artifacts = Artifacts(store)
        for event_id, (line, execution) in served.items():
            event = Event.model_validate_json(stored[event_id])
            resolved = resolve_artifacts(event, artifacts.of_tenant(spilled.tenants[execution]))
            assert resolved.event.model_dump_json() == line
            assert event.model_dump_json() == stored[event_id]  # the model given is unchanged
            assert (resolved.unresolved is not None) == (event_id in warned)


def test_spilled_only_past_the_threshold(writer: Writer, tmp_path: Path) -> None:
    """`serde_json::to_vec(output).len() > threshold` spills; equal stays inline. The
    length is the reference's (the sentinel's size): serde_json reads some long floats
    a hair off, so the output's bytes need not be the length of any text around."""
    event = event_text(_completed("edge", _large(6)))
    first = writer.create(tmp_path / "first.db")
    writer.append(first, [event], "--spill-threshold", "1")
    size = json.loads(writer.read(first)[0]["event"])["kind"]["output"]["$artifact"]["size"]
    for threshold, spills in ((size, False), (size - 1, True)):
        path = writer.create(tmp_path / f"{threshold}.db")
        writer.append(path, [event], "--spill-threshold", str(threshold))
        line = writer.read(path)[0]["event"]
        assert ('"output":{"$artifact"' in line) == spills


def test_a_store_without_the_artifacts_table(writer: Writer, tmp_path: Path) -> None:
    path = writer.create(tmp_path / "old.db", "--no-artifacts")
    writer.append(path, [event_text(_completed("n", '{"$artifact": {"hash": "ab", "size": 2}}'))])
    out = tmp_path / "export.jsonl"
    done = cli("export", "--resolve-artifacts", str(path), "-o", str(out), check_unchanged=path)
    assert done.code == 2 and done.out == ""
    assert done.err.count("\n") == 1 and str(path) in done.err and "no artifacts table" in done.err
    assert not out.exists()
    done = cli("export", str(path), check_unchanged=path)  # without the flag: as before
    assert done.code == 0 and done.out == writer.read(path)[0]["event"] + "\n"


def test_rejected_rows_leave_the_others_in_place(
    writer: Writer, spilled: Spilled, tmp_path: Path
) -> None:
    """A row the runtime cannot read, first in the export's order, is named and left
    out; each resolved output still lands on its own event."""
    import shutil

    path = tmp_path / "runtime.db"
    shutil.copyfile(spilled.path, path)
    bad = {
        "id": "not-a-uuid",
        "execution_id": "00000000-0000-4000-8000-000000000000",
        "sequence": 1,
        "kind_json": _completed("bad", '{"$artifact": {"hash": "00", "size": 1}}'),
        "created_at": "2024-05-06T07:08:09.123456789+00:00",
        "tenant_id": "default",
    }
    writer.raw(path, [bad])
    expected = "".join(out for out, _ in _served(writer, Spilled(path, spilled.tenants, path, {})))
    done = cli("export", "--resolve-artifacts", str(path), check_unchanged=path)
    assert done.code == 1 and done.out == expected
    assert "execution_id=00000000-0000-4000-8000-000000000000 sequence=1 id=not-a-uuid" in done.err
