"""The runtime's HTTP API shapes of a list of events, for the Java module: the envelope
`GET /executions/{id}/events` answers and the bare array (the protocol's EventsResponse and
Events), named by the wire constants table (codegen/wire_table.py), never retyped here.

The envelope is a struct of the wire model's own kind (one required `Vec` of the root), so
the struct emitters write its record, reader and writer as for any other struct; the bare
array gets entry points only (it is a `List` of the root, no type of its own).
"""

from __future__ import annotations

from codegen.model import Field, NamedType, OnMissing, OnOutput, Struct, VecType, WireModel
from codegen.wire_table import wire_constants


def envelope(model: WireModel) -> Struct:
    c = wire_constants(model)
    member = Field(
        name=c.envelope_member,
        type=VecType(NamedType(model.root)),
        on_missing=OnMissing.REJECT,
        on_output=OnOutput.ALWAYS,
        description="the events, in order",
    )
    return Struct(
        name=c.events_envelope,
        fields=(member,),
        description=(
            "The envelope the runtime's HTTP API answers `GET /executions/{id}/events` with: "
            f'`{{"{c.envelope_member}": [...]}}`. Other members are ignored when reading, as for '
            "any struct; JamjetJson writes it in either Form (the API sorts every object's members)."
        ),
    )


def events_array(model: WireModel) -> tuple[str, VecType]:
    """The bare array's protocol name and its type, `Vec` of the root."""
    return wire_constants(model).events_array, VecType(NamedType(model.root))
