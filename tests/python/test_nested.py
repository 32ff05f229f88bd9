"""An Event wherever Pydantic puts it writes serde's bytes: a field of a user's model,
`list[...]`, `dict[str, ...]`, `Optional[...]`, a RootModel, a TypeAdapter,
`model_dump(mode="json")`; on every accepted corpus case and on 80,000 realistic
random events, on whichever path is in use (nox runs this suite on both).

Validation through a parent: what the parent's JSON parser still shows gets serde's
verdict; what it hides before the model sees it is listed in
src/jamjet_schema/wire/KNOWN_DIFFERENCES.md and pinned here, one test per item.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel, RootModel, TypeAdapter, ValidationError
from pydantic_core import to_json

from benchmarks.loggen import LogGenerator
from codegen.model import WireModel
from jamjet_schema import Event, EventKind, ProvenanceMetadata, serde_message
from jamjet_schema.conformance import corpus

from .conftest import TALLY

CLASSES: dict[str, Any] = {
    "Event": Event,
    "EventKind": EventKind,
    "ProvenanceMetadata": ProvenanceMetadata,
}

Nesting = Callable[[list[Any]], bytes]  # models -> the bytes a container writes


def _containers(cls: Any) -> dict[str, tuple[Nesting, Callable[[list[str]], str]]]:
    """How a user nests `cls`, and what serde's texts of the items make of it."""

    class Items(BaseModel):
        items: list[cls]

    class Keyed(BaseModel):
        by_id: dict[str, cls]

    class Maybe(BaseModel):
        item: cls | None = None

    listed: TypeAdapter[list[Any]] = TypeAdapter(list[cls])

    def array(texts: list[str]) -> str:
        return "[" + ",".join(texts) + "]"

    return {
        "field of a model": (
            lambda models: Items(items=models).model_dump_json().encode(),
            lambda texts: '{"items":' + array(texts) + "}",
        ),
        "dict[str, T]": (
            lambda models: (
                Keyed(by_id={str(i): m for i, m in enumerate(models)}).model_dump_json().encode()
            ),
            lambda texts: '{"by_id":{' + ",".join(f'"{i}":{t}' for i, t in enumerate(texts)) + "}}",
        ),
        "Optional[T]": (
            lambda models: b"\n".join(Maybe(item=m).model_dump_json().encode() for m in models),
            lambda texts: "\n".join('{"item":' + t + "}" for t in texts),
        ),
        "RootModel[list[T]]": (
            lambda models: RootModel[list[cls]](models).model_dump_json().encode(),
            array,
        ),
        "TypeAdapter(list[T])": (lambda models: listed.dump_json(models), array),
        'model_dump(mode="json")': (
            lambda models: to_json(Items(items=models).model_dump(mode="json")),
            lambda texts: '{"items":' + array(texts) + "}",
        ),
    }


def _accepted(type_name: str) -> list[corpus.Case]:
    return [
        case
        for case in corpus.load().cases
        if case.type_name == type_name
        and case.output is not None
        and case.reader_version is None
        and case.form is None
    ]


@pytest.mark.parametrize("type_name", list(CLASSES))
def test_every_accepted_corpus_case_nested_is_serdes_bytes(type_name: str) -> None:
    cls = CLASSES[type_name]
    cases = _accepted(type_name)
    models = [cls.model_validate_json(case.input) for case in cases]
    texts = [case.output or "" for case in cases]
    for name, (nest, expected) in _containers(cls).items():
        for start in range(0, len(models), 200):
            chunk = slice(start, start + 200)
            written = nest(models[chunk]).decode()
            want = expected(texts[chunk])
            if written != want:
                raise AssertionError(_first_difference(name, written, want))
    TALLY[f"nested {type_name}"] = (
        f"{len(cases)} corpus cases in {len(_containers(cls))} containers"
    )


def test_random_realistic_events_nested_are_serdes_bytes(model: WireModel) -> None:
    """80,000 events of every variant with payloads like an agent runtime's."""
    generator = LogGenerator(model, seed=21, realistic=True)
    items, array = _containers(Event)["field of a model"]
    count = 0
    for _ in range(80):
        lines = list(generator.events(1000))
        events = [Event.model_validate_json(line) for line in lines]
        assert [e.model_dump_json() for e in events[:50]] == lines[:50], "the log is canonical"
        written, want = items(events).decode(), array(lines)
        if written != want:
            raise AssertionError(_first_difference("random events", written, want))
        count += len(lines)
    TALLY["nested random events"] = f"{count} realistic events, byte-exact in a parent model"


def _first_difference(where: str, written: str, want: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(written, want, strict=False)) if a != b), 0)
    return (
        f"{where}: at {at}: wrote {written[at - 40 : at + 60]!r}, serde {want[at - 40 : at + 60]!r}"
    )


def test_the_serialized_form_is_described_by_the_models_schema() -> None:
    """OpenAPI (FastAPI's response schemas) describes an Event as the model, not `{}`."""

    class Items(BaseModel):
        items: list[Event]

    schema = Items.model_json_schema(mode="serialization")
    assert (
        schema["$defs"]["Event"]["required"]
        == Items.model_json_schema()["$defs"]["Event"]["required"]
    )
    assert "kind" in schema["$defs"]["Event"]["properties"]


def test_python_mode_keeps_python_values(model: WireModel) -> None:
    """model_dump() (Python mode) is Pydantic's, with the wire types; only JSON changes."""
    line = next(LogGenerator(model, seed=5).events(1))
    event = Event.model_validate_json(line)
    dumped = event.model_dump()
    assert dumped["id"] == event.id and dumped["created_at"] == event.created_at


# --- validation through a parent --------------------------------------------------------


class Envelope(BaseModel):
    events: list[Event]


def _parent_verdict(text: str) -> str | None:
    try:
        Envelope.model_validate_json(text)
    except ValidationError as err:
        return serde_message(err)
    return None


def test_a_parent_gives_serdes_verdict_on_what_its_parser_shows(model: WireModel) -> None:
    """Types and widths, tags, required members, unknown variants, timestamps, UUIDs:
    the same verdict nested as alone (the message gains the parent's path)."""
    line = next(LogGenerator(model, seed=9).events(1))
    good = line.replace('"sequence":0', '"sequence":1')
    bad = {
        "width": good.replace('"sequence":1', '"sequence":9223372036854775808'),
        "type": good.replace('"sequence":1', '"sequence":"1"'),
        "float for an integer": good.replace('"sequence":1', '"sequence":1.0'),
        "tag": good.replace('"type":"', '"type":"x', 1),
        "required": good.replace('"sequence":1,', ""),
        "timestamp": good.replace('Z"}', '+25:00"}'),
        "uuid": good.replace('"id":"', '"id":"x', 1),
    }
    assert _parent_verdict('{"events":[' + good + "]}") is None
    for name, text in bad.items():
        with pytest.raises(ValidationError):
            Event.model_validate_json(text)
        assert _parent_verdict('{"events":[' + text + "]}") is not None, name


def test_known_difference_a_duplicate_member_is_hidden_by_the_parents_parser(
    model: WireModel,
) -> None:
    """KNOWN_DIFFERENCES: the parent's JSON parser keeps the last of two members of the
    same name before the model sees the object; serde rejects the duplicate. Alone (or
    in an exact container) the verdict is serde's."""
    line = next(LogGenerator(model, seed=9).events(1))
    doubled = line.replace('"sequence":', '"sequence":5,"sequence":', 1)
    with pytest.raises(ValidationError, match="duplicate field `sequence`"):
        Event.model_validate_json(doubled)
    nested = Envelope.model_validate_json('{"events":[' + doubled + "]}")
    assert nested.events[0].sequence == 0  # the last one, silently


def test_known_difference_a_numbers_spelling_is_hidden_by_the_parents_parser(
    model: WireModel, rust_built: None
) -> None:
    """KNOWN_DIFFERENCES: serde_json's own float reading is not correctly rounded on some
    long inputs (an implementation-defined corpus case); the parent's parser rounds
    correctly, so a nested Value may hold the neighbouring double. serde's reading is
    the probe's (jamjet-wire-probe), the correct one Python's float()."""
    from tests.wire.wire_probe import Probe

    text = "9007199254740993.0"
    probe = Probe()
    try:
        (serde,) = probe.run("f64", [text])
    finally:
        probe.close()
    assert serde.accepted and float(serde.text) != float(text), "serde rounds it otherwise"
    line = next(LogGenerator(model, seed=1).events(40))  # a workflow_started
    assert '"initial_input":' in line
    spelled = line.replace('"initial_input":', f'"initial_input":{{"n":{text}}},"x":', 1)
    alone = Event.model_validate_json(spelled)
    nested = Envelope.model_validate_json('{"events":[' + spelled + "]}").events[0]
    assert alone.kind.initial_input == {"n": float(serde.text)}  # type: ignore[union-attr]
    assert nested.kind.initial_input == {"n": float(text)}  # type: ignore[union-attr]


def test_the_json_form_is_a_copy_not_the_models_own_values(model: WireModel) -> None:
    """model_dump(mode="json") hands out fresh dicts and lists: changing them leaves
    the model (and what it writes next) as it was."""
    line = next(LogGenerator(model, seed=1, realistic=True).events(1))  # a workflow_started
    event = Event.model_validate_json(line)
    dumped = event.model_dump(mode="json")
    held = dumped["kind"]["initial_input"]
    assert isinstance(held, dict) and held, "the event holds a Value object"
    held["added"] = [1]
    next(iter(v for v in held.values() if isinstance(v, dict)), {})["x"] = 1
    assert event.model_dump_json() == line
