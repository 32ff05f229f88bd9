"""Events as the runtime's HTTP API serves them: a JSON array, or the envelope.

`GET /executions/{id}/events` answers `{"events": [...]}` (conformance/protocol.md):

    from jamjet_schema import EventsResponse, api_json, parse_events

    events = parse_events(body)                 # the envelope or a bare array: serde's verdict
    page = EventsResponse.model_validate_json(body)
    page.model_dump_json()                      # the log form: serde_json::to_string
    api_json(page)                              # the API's own bytes: members sorted

Both containers read as serde reads `Vec<Event>` and a struct with the one field
`events`: every element gets serde's verdict, unknown members of the envelope and of
each event are skimmed as serde skims them, and an element's error carries its index
(`events[3].kind.attempt`). They are Pydantic models, usable as FastAPI response models.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Self

from _jamjet_schema_generated import Event
from pydantic import BaseModel, ConfigDict, RootModel, model_validator

from jamjet_schema.models.base import parse_json
from jamjet_schema.models.errors import CONTAINER_KINDS, serde_error
from jamjet_schema.wire import JsonObject, describe, messages
from jamjet_schema.wire._constants import ENVELOPE_MEMBER, EVENTS_ENVELOPE, TRAILING_CHARACTERS
from jamjet_schema.wire.api_form import sorted_members

_ENVELOPE_STRUCT = f"struct {EVENTS_ENVELOPE}"  # serde's name for it, in its messages


def _known() -> frozenset[str]:
    known = Event._wire_known_fields()
    if known is None:
        raise RuntimeError("the Event class has no plan")
    return known


def array_skims() -> dict[int, frozenset[str]]:
    """What serde reads of each object of a `Vec<Event>`, by nesting level: the events'
    fields (their other members are skimmed, as a derived struct skims them)."""
    return {2: _known()}


def envelope_skims() -> dict[int, frozenset[str]]:
    """The same for the envelope: its one member, and its events' fields."""
    return {1: frozenset({ENVELOPE_MEMBER}), 3: _known()}


class EventList(RootModel[list[Event]]):
    """A JSON array of events (Rust `Vec<Event>`)."""

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        """`serde_json::from_str::<Vec<Event>>(json_data)`: serde's verdict."""
        tree = parse_json(cls.__name__, json_data, known_at=array_skims())
        return cls.model_validate(tree, **kwargs)


class EventsResponse(BaseModel):
    """The envelope the runtime's `GET /executions/{id}/events` answers: `{"events": [...]}`."""

    model_config = ConfigDict(strict=True, extra="ignore")

    events: list[Event]

    @model_validator(mode="before")
    @classmethod
    def _serde_members(cls, data: Any) -> Any:
        if isinstance(data, JsonObject):
            return _envelope_members(data)
        if isinstance(data, list):
            return _envelope_from_sequence(data)
        if isinstance(data, dict | BaseModel):
            return data
        raise serde_error(messages.invalid_type(describe(data), _ENVELOPE_STRUCT))

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        """`serde_json::from_str` of the envelope: serde's verdict."""
        tree = parse_json(cls.__name__, json_data, known_at=envelope_skims())
        return cls.model_validate(tree, **kwargs)


def _envelope_members(data: JsonObject) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.pairs:
        if key == ENVELOPE_MEMBER:
            if key in out:
                raise serde_error(messages.duplicate_field(key))
            out[key] = value
    return out


def _envelope_from_sequence(items: list[Any]) -> dict[str, Any]:
    """serde's visit_seq for a struct of one field; more elements are serde_json's
    trailing characters."""
    if not items:
        raise serde_error(messages.invalid_length(0, f"{_ENVELOPE_STRUCT} with 1 element"))
    if len(items) > 1:
        raise serde_error(TRAILING_CHARACTERS, "json-syntax")
    return {ENVELOPE_MEMBER: items[0]}


CONTAINER_KINDS[EventList.__name__] = ("vec", ("struct", Event.__name__))
CONTAINER_KINDS[EventsResponse.__name__] = (
    "fields",
    ((ENVELOPE_MEMBER, CONTAINER_KINDS[EventList.__name__]),),
)


def parse_events(json_data: str | bytes | bytearray) -> list[Event]:
    """The events of an API answer: the envelope (a text whose first character is `{`)
    or a bare JSON array, with serde's verdict; a ValidationError otherwise."""
    text = json_data if isinstance(json_data, str) else bytes(json_data).decode("utf-8", "replace")
    if text.lstrip(" \t\n\r").startswith("{"):
        return EventsResponse.model_validate_json(json_data).events
    return EventList.model_validate_json(json_data).root


def api_json(value: BaseModel | Sequence[Event]) -> str:
    """`value` (an Event, EventKind, ProvenanceMetadata, EventsResponse, EventList or a
    list of events) as the runtime's HTTP API writes it: through serde_json::Value, so
    every object's members sorted by key, at every level."""
    model = value if isinstance(value, BaseModel) else EventList(list(value))
    return sorted_members(model.model_dump_json())
