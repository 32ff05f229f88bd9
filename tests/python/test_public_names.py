"""The generated classes present themselves as members of jamjet_schema, where users
import them from, not of the private `_jamjet_schema_generated.models`: in reprs,
error messages, tracebacks and pickles, and for mypy. What depends on a class's module
(type hints, Pydantic's forward references, the runtime's wire plans) still works."""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
import traceback
import typing
import uuid
from pathlib import Path

import _jamjet_schema_generated
import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

import jamjet_schema
from jamjet_schema import ApprovalDecision, Event, EventKind, EventKindUnion, NodeStarted

REPO = Path(__file__).resolve().parents[2]
PRIVATE = "_jamjet_schema_generated.models"
CLASSES = [
    value
    for name in _jamjet_schema_generated.__all__
    if isinstance(value := getattr(_jamjet_schema_generated, name), type)
]


def _event() -> Event:
    kind = NodeStarted(node_id="fetch", worker_id="w-1", attempt=1)
    return Event.new(uuid.uuid4(), 7, kind)


def test_every_class_is_named_as_jamjet_schema_gives_it() -> None:
    assert len(CLASSES) > 40
    for cls in CLASSES:
        assert cls.__module__ == "jamjet_schema", cls
        assert getattr(jamjet_schema, cls.__name__) is cls
    assert repr(Event) == str(Event) == "<class 'jamjet_schema.Event'>"
    event = _event()
    assert repr(type(event)) == "<class 'jamjet_schema.Event'>"
    assert repr(type(event.kind)) == "<class 'jamjet_schema.NodeStarted'>"
    assert str(EventKind) == "<class 'jamjet_schema.EventKind'>"


def test_a_failed_validation_names_jamjet_schema() -> None:
    with pytest.raises(ValidationError) as failed:
        Event.model_validate({"id": str(uuid.uuid4()), "kind": NodeStarted})
    text = "".join(traceback.format_exception(failed.value))
    assert "<class 'jamjet_schema.NodeStarted'>" in text
    assert PRIVATE not in text and PRIVATE not in repr(failed.value.errors())


@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_pickles_refer_to_the_public_names_and_round_trip(protocol: int) -> None:
    event = _event()
    for value in (event, event.kind, ApprovalDecision.approved, Event, NodeStarted):
        data = pickle.dumps(value, protocol=protocol)
        assert b"jamjet_schema" in data and PRIVATE.encode() not in data
        back = pickle.loads(data)
        assert back == value and type(back) is type(value)
    back = pickle.loads(pickle.dumps(event, protocol=protocol))
    assert back.model_dump_json() == event.model_dump_json()
    assert back.model_fields_set == event.model_fields_set


def test_copies_are_equal_and_independent() -> None:
    event = _event()
    assert copy.copy(event) == event and copy.deepcopy(event) == event
    assert copy.deepcopy(event).kind is not event.kind


def test_type_hints_resolve_without_the_private_module() -> None:
    for cls in CLASSES:
        typing.get_type_hints(cls, include_extras=True)  # no NameError
    hints = typing.get_type_hints(Event)
    assert hints["kind"] is EventKindUnion and hints["id"] is uuid.UUID
    assert typing.get_type_hints(NodeStarted)["type"] == typing.Literal["node_started"]


def test_pydantic_resolves_every_forward_reference() -> None:
    assert all(c.__pydantic_complete__ for c in CLASSES if issubclass(c, BaseModel))
    for cls in (Event, EventKind, NodeStarted):
        cls.model_rebuild(force=True)  # resolved again, from the module it now names
    event = _event()
    line = event.model_dump_json()
    assert Event.model_validate_json(line) == event

    class Holder(BaseModel):  # a user's model: forward references to ours, by name
        event: Event
        kind: EventKindUnion

    assert Holder.model_validate({"event": event, "kind": event.kind}).kind == event.kind
    assert TypeAdapter(list[Event]).validate_json(f"[{line}]") == [event]

    class Annotated(NodeStarted):  # a subclass of a generated class is complete
        note: int = 0

    assert Annotated.__pydantic_complete__


def test_the_stub_declares_the_names_the_package_has() -> None:
    stub = (REPO / "src/jamjet_schema/__init__.pyi").read_text(encoding="utf-8")
    declared = stub[stub.index("__all__ = [") :]
    names = {line.strip().strip('",') for line in declared.splitlines()[1:-1]}
    assert names == set(jamjet_schema.__all__)


def test_mypy_names_the_classes_jamjet_schema(tmp_path: Path) -> None:
    code = tmp_path / "usage.py"
    code.write_text(
        "import uuid\n"
        "from jamjet_schema import Event, NodeStarted\n"
        "import _jamjet_schema_generated.models as private\n"
        "kind = NodeStarted(node_id='n', worker_id='w', attempt=1)\n"
        "event = Event.new(uuid.uuid4(), 1, kind)\n"
        "reveal_type(event)\n"
        "reveal_type(NodeStarted)\n"
        "same: Event = private.Event.new(uuid.uuid4(), 1, kind)\n"
    )
    paths = os.pathsep.join([str(REPO / "src"), str(REPO / "generated" / "python")])
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental"]
    done = subprocess.run(
        [*mypy, "--cache-dir", str(tmp_path / "cache"), str(code)],
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": paths},
        capture_output=True,
        text=True,
        check=False,
    )
    out = done.stdout
    assert 'Revealed type is "jamjet_schema.Event"' in out, out + done.stderr
    assert "Revealed type is \"def (*, type: Literal['node_started'] =" in out, out
    assert "jamjet_schema.NodeStarted" in out and PRIVATE not in out, out
    assert "error" not in out, out
