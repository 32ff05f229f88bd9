"""The public API and serde semantics of the models, beyond byte-for-byte agreement."""

from __future__ import annotations

import datetime as dt
import math
import uuid
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

import jamjet_schema
from codegen.model import TaggedUnion, WireModel
from jamjet_schema import (
    ApprovalDecision,
    ApprovalReceived,
    Event,
    EventKind,
    EventKindUnion,
    NodeCompleted,
    NodeStarted,
    ProvenanceMetadata,
    Timestamp,
    ToolCalled,
    WorkflowFailed,
    node_id_of,
    serde_message,
)
from jamjet_schema import native as native_module
from jamjet_schema.models import fast as fast_module
from jamjet_schema.models import plan as plan_module

EXEC = uuid.UUID("67e55044-10b1-426f-9247-bb680e5fe0c8")
STARTED = '{"type":"node_started","node_id":"n","worker_id":"w","attempt":1}'
EVENT = (
    '{"id":"67e55044-10b1-426f-9247-bb680e5fe0c8","execution_id":"67e55044-10b1-426f-9247-bb680e5fe0c8",'
    f'"sequence":7,"kind":{STARTED},"created_at":"2024-05-06T07:08:09.123456789Z"}}'
)


def _tagged_union_schema(schema: Any, checked: bool = True) -> dict[str, Any]:
    """The tagged-union core schema inside `schema`, through definitions and references,
    and (when `checked`) through the tag check in serde's words before it."""
    definitions = {d["ref"]: d for d in schema.get("definitions", [])}
    while schema["type"] in ("definitions", "definition-ref"):
        schema = (
            schema["schema"]
            if schema["type"] == "definitions"
            else definitions[schema["schema_ref"]]
        )
    if checked:
        assert schema["type"] == "function-before", schema["type"]
        assert isinstance(schema["function"]["function"], plan_module.TagCheck)
        return _tagged_union_schema(schema["schema"], checked=False)
    return dict(schema)


def test_event_kind_is_a_discriminated_union(model: WireModel) -> None:
    union = next(iter(model.of_kind(TaggedUnion)))
    schema = _tagged_union_schema(TypeAdapter(EventKindUnion).core_schema)
    assert schema["type"] == "tagged-union"  # not a plain union tried left to right
    assert schema["discriminator"] == "type"
    assert sorted(schema["choices"]) == sorted(v.wire_name for v in union.variants)


def test_event_kind_field_is_the_discriminated_union() -> None:
    model: Any = Event.__pydantic_core_schema__["schema"]  # inside the before-validator
    kind = model["schema"]["fields"]["kind"]["schema"]
    assert _tagged_union_schema(kind)["type"] == "tagged-union"


def test_parsing_dispatches_on_the_tag(monkeypatch: pytest.MonkeyPatch) -> None:
    visited: list[str] = []
    original = plan_module.ClassPlan.members

    def spy(self: plan_module.ClassPlan, data: Any) -> Any:
        visited.append(self.expecting.split()[1])
        return original(self, data)

    monkeypatch.setattr(plan_module.ClassPlan, "members", spy)
    monkeypatch.setitem(fast_module.READERS, Event, None)  # no fast path: the exact one
    monkeypatch.setitem(native_module.READERS, Event, None)  # nor the native core
    Event.model_validate_json(EVENT)
    assert visited == ["Event", "NodeStarted"]  # no other variant is tried


def test_the_fast_path_dispatches_on_the_tag() -> None:
    reader = fast_module.reader_of(Event, Event._wire_core_schema)
    assert reader is not None and reader.read(EVENT) == Event.model_validate_json(EVENT)
    model: Any = Event._wire_core_schema()["schema"]  # inside the before-validator
    kind = fast_module._transform(model["schema"]["fields"]["kind"]["schema"], [])
    assert _tagged_union_schema(kind, checked=False)["type"] == "tagged-union"  # check dropped


def test_event_kind_parses_to_its_variant() -> None:
    kind = EventKind.model_validate_json(STARTED)
    assert isinstance(kind, NodeStarted) and isinstance(kind, EventKind)
    assert (kind.node_id, kind.worker_id, kind.attempt) == ("n", "w", 1)
    assert EventKind.model_validate_json(b'["workflow_failed","boom"]') == WorkflowFailed(
        error="boom"
    )
    with pytest.raises(ValidationError):
        NodeStarted.model_validate_json('{"type":"workflow_failed","error":"boom"}')
    with pytest.raises(ValidationError, match="tagged union"):
        EventKind()


def test_round_trip_keeps_nanoseconds_and_canonicalises() -> None:
    event = Event.model_validate_json(EVENT.replace('"sequence":7', '"zz":[1,{}],"sequence":7'))
    assert event.created_at.nanosecond == 123456789
    assert event.model_dump_json() == EVENT


def test_event_new_fills_id_and_created_at() -> None:
    before = Timestamp.now()
    event = Event.new(EXEC, 3, NodeStarted(node_id="n", worker_id="w", attempt=1))
    assert event.id.version == 4 and event.id != Event.new(EXEC, 3, event.kind).id
    assert before <= event.created_at <= Timestamp.now()
    assert Event.model_validate_json(event.model_dump_json()) == event


def test_node_id_follows_the_seed_accessor(model: WireModel) -> None:
    union = next(iter(model.of_kind(TaggedUnion)))
    for variant in union.variants:
        cls = getattr(jamjet_schema, variant.name)
        assert cls.__wire_node_id__ is variant.has_node_id_accessor, variant.name
    assert node_id_of(NodeStarted(node_id="n", worker_id="w", attempt=1)) == "n"
    assert node_id_of(ToolCalled(node_id="n", tool="t")) is None  # has the field, not the accessor
    assert node_id_of(WorkflowFailed(error="e")) is None


def _rejects(build: Any, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        build()


def test_python_construction_is_strict() -> None:
    # Arguments typed Any: mypy would (rightly) refuse most of these before run time.
    ok: dict[str, Any] = {"node_id": "n", "worker_id": "w"}
    wrong: list[tuple[type, dict[str, Any], str]] = [
        (NodeStarted, {**ok, "attempt": "1"}, r'invalid type: string "1", expected u32'),
        (NodeStarted, {**ok, "attempt": 1.0}, r"invalid type: floating point `1.0`, expected u32"),
        (NodeStarted, {**ok, "attempt": True}, r"invalid type: boolean `true`, expected u32"),
        (NodeStarted, {**ok, "attempt": -1}, r"invalid value: integer `-1`, expected u32"),
        (NodeStarted, {**ok, "attempt": 2**32}, r"expected u32"),
        (NodeStarted, {**ok, "node_id": "\ud800", "attempt": 1}, "lone surrogate"),
        (ProvenanceMetadata, {"confidence": math.nan}, "finite"),
        (ProvenanceMetadata, {"verified": 1}, "expected a boolean"),
        (ProvenanceMetadata, {"evidence_refs": ("a",)}, r"\('a',\), expected a sequence"),
    ]
    for cls, kwargs, match in wrong:
        _rejects(lambda: cls(**kwargs), match)  # noqa: B023 -- called at once
    assert ProvenanceMetadata(confidence=1).confidence == 1.0  # an f64 may be given as an integer
    kind = NodeStarted(**ok, attempt=1)
    with pytest.raises(ValidationError):
        kind.attempt = "2"  # type: ignore[assignment]


@pytest.mark.parametrize(
    ("output", "problem"),
    [
        ((1, 2), "tuple"),
        ({1: "a"}, "keys"),
        (2**64, "fit"),
        (math.inf, "JSON number"),
        ({"a": object()}, "JSON"),
    ],
)
def test_values_must_be_json(output: Any, problem: str) -> None:
    _rejects(
        lambda: NodeCompleted(node_id="n", output=output, state_patch={}, duration_ms=1), problem
    )


def test_values_are_canonical_json() -> None:
    kind = NodeCompleted(
        node_id="n", output={"b": [1, 1.0, -0.0, None], "a": "é\n"}, state_patch={}, duration_ms=1
    )
    assert kind.model_dump_json() == (
        '{"type":"node_completed","node_id":"n","output":{"a":"é\\n","b":[1,1.0,-0.0,null]},'
        '"state_patch":{},"duration_ms":1}'
    )
    parsed = EventKind.model_validate_json(kind.model_dump_json().replace('"a":', '"a":0,"a":'))
    assert isinstance(parsed, NodeCompleted) and parsed.output == {
        "a": "é\n",
        "b": [1, 1.0, -0.0, None],
    }


def test_timestamps_and_uuids_from_python() -> None:
    aware = dt.datetime(2024, 5, 6, 9, 8, 9, 500, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    given: list[Any] = [
        aware,
        "2024-05-06T07:08:09.0005Z",
        Timestamp.parse("2024-05-06T07:08:09.000500Z"),
    ]
    braced: Any = "{67E55044-10B1-426F-9247-BB680E5FE0C8}"  # every form the uuid crate reads
    for created in given:
        event = Event(
            id=braced,
            execution_id=EXEC,
            sequence=1,
            kind=WorkflowFailed(error="e"),
            created_at=created,
        )
        assert str(event.created_at) == "2024-05-06T07:08:09.000500Z" and event.id == EXEC
    naive: Any = dt.datetime(2024, 1, 1)  # no instant without an offset
    _rejects(
        lambda: Event(
            id=EXEC, execution_id=EXEC, sequence=1, kind=WorkflowFailed(error="e"), created_at=naive
        ),
        "RFC 3339",
    )


def test_unit_enum_reads_the_wire_name() -> None:
    base = '{"type":"approval_received","node_id":"n","user_id":"u","decision":%s}'
    kind = EventKind.model_validate_json(base % '"rejected"')
    assert isinstance(kind, ApprovalReceived) and kind.decision is ApprovalDecision.rejected
    for bad in ('"Rejected"', '"maybe"', "1"):
        with pytest.raises(ValidationError):
            EventKind.model_validate_json(base % bad)


def test_errors_name_the_json_path_and_keep_pydantics_loc() -> None:
    # The message's path is the JSON member path (no tag segment); `loc` stays Pydantic's.
    with pytest.raises(ValidationError) as caught:
        Event.model_validate_json(EVENT.replace('"attempt":1', '"attempt":1.0'))
    assert serde_message(caught.value) == (
        "kind.attempt: invalid type: floating point `1.0`, expected u32"
    )
    assert caught.value.errors()[0]["loc"] == ("kind", "node_started", "attempt")
    with pytest.raises(ValidationError) as caught:
        Event.model_validate_json(EVENT.replace('"worker_id":"w",', ""))
    assert serde_message(caught.value) == "kind: missing field `worker_id`"
    with pytest.raises(ValidationError) as caught:
        Event.model_validate_json(EVENT.replace('"attempt":1', '"attempt":1,"attempt":1'))
    assert serde_message(caught.value) == "kind: duplicate field `attempt`"
    with pytest.raises(ValidationError) as caught:
        EventKind.model_validate_json(STARTED.replace('"attempt":1', '"attempt":-1'))
    assert serde_message(caught.value) == "attempt: invalid value: integer `-1`, expected u32"
    with pytest.raises(ValidationError) as caught:
        Event.model_validate_json(EVENT[:-1])
    assert serde_message(caught.value).startswith("EOF while parsing an object")


PYDANTIC_WORDS = ("discriminator", "Input tag", "WireMap", "JsonObject", "valid dictionary")


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ('{"node_id":"n"}', "missing field `type`"),
        (
            '{"type":"NodeStarted"}',
            "unknown variant `NodeStarted`, expected one of `workflow_started`",
        ),
        ('{"type":1}', "invalid type: integer `1`, expected variant identifier"),
        ("null", "invalid type: null, expected internally tagged enum EventKind"),
        ('["nope"]', "unknown variant `nope`, expected one of `workflow_started`"),
    ],
)
def test_str_of_a_tag_error_is_serdes_message(kind: str, message: str) -> None:
    for cls, text, loc in ((Event, EVENT.replace(STARTED, kind), ("kind",)), (EventKind, kind, ())):
        with pytest.raises(ValidationError) as caught:
            cls.model_validate_json(text)
        shown = str(caught.value)
        assert message in shown and not [w for w in PYDANTIC_WORDS if w in shown], shown
        assert caught.value.errors()[0]["loc"] == loc  # where Pydantic's union error stood
        assert serde_message(caught.value).startswith(f"kind: {message}" if loc else message)


def test_model_dump_json_takes_no_options() -> None:
    kind = WorkflowFailed(error="e")
    with pytest.raises(TypeError, match="canonical"):
        kind.model_dump_json(indent=2)
    assert kind.model_dump(mode="json") == {"type": "workflow_failed", "error": "e"}
    assert (
        Event.model_validate_json(EVENT).model_dump(mode="json")["created_at"]
        == "2024-05-06T07:08:09.123456789Z"
    )


def test_public_api() -> None:
    for name in (
        "Event",
        "EventKind",
        "ProvenanceMetadata",
        "ApprovalDecision",
        "Timestamp",
        "NodeCompleted",
    ):
        assert name in jamjet_schema.__all__
    assert Event.model_json_schema()["properties"]["sequence"]["format"] == "int64"
