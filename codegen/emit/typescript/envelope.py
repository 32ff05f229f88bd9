"""The HTTP API's two shapes of a list of events, which the wire model does not hold
as declarations: the bare array (`Events`, Rust `Vec<Event>`) and the envelope
`GET /executions/{id}/events` answers (`EventsResponse`, a struct with the one field
`events: Vec<Event>`). Their names come from the contract constants, as the Rust
emitter's; the envelope is built here as a model Struct, so the struct emitters
(types, decoder, encoder) write it like any other and serde derive's struct rules
apply to it unchanged (missing and duplicate `events`, other members ignored, the
sequence form)."""

from __future__ import annotations

from codegen.model import Field, NamedType, OnMissing, OnOutput, Struct, VecType, WireModel
from jamjet_schema.wiremodel.contract_constants import (
    ENVELOPE_MEMBER,
    EVENTS_ARRAY,
    EVENTS_ENVELOPE,
)

__all__ = ["EVENTS_ARRAY", "EVENTS_ENVELOPE", "array_type", "envelope", "lists_events"]


def lists_events(model: WireModel) -> bool:
    """Whether the model has the root document the API lists (a cut-down test model
    may not): without it, no list types."""
    return any(d.name == model.root for d in model.decls)


def array_type(model: WireModel) -> VecType:
    """`Vec<Event>`: what the bare array holds."""
    return VecType(NamedType(model.root))


def envelope(model: WireModel) -> Struct:
    """`{"events": [...]}` as serde derives it: the field required, written always."""
    events = Field(
        name=ENVELOPE_MEMBER,
        type=array_type(model),
        on_missing=OnMissing.REJECT,
        on_output=OnOutput.ALWAYS,
        description=f"The execution's events, in sequence order (a JSON array of {model.root}).",
    )
    return Struct(
        name=EVENTS_ENVELOPE,
        fields=(events,),
        description=(
            f"What the runtime's HTTP API answers for `GET /executions/{{id}}/events`: "
            f'`{{"{ENVELOPE_MEMBER}": [...]}}`. Other members are ignored when reading, as for any struct.'
        ),
    )
