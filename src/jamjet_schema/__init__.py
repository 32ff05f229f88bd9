"""The wire contract of the JamJet event log, as Pydantic models that read and write like serde.

    from jamjet_schema import Event, NodeCompleted

    event = Event.model_validate_json(line)      # serde_json's verdict, or a ValidationError
    if isinstance(event.kind, NodeCompleted):
        print(event.kind.node_id, event.kind.duration_ms)
    line = event.model_dump_json()               # serde_json's canonical bytes

The classes are generated from schema/event.schema.json (package
_jamjet_schema_generated); the serde semantics live in jamjet_schema.models.
"""

from _jamjet_schema_generated import *  # noqa: F403 -- Event, EventKind and one class per variant
from _jamjet_schema_generated import __all__ as _generated_names

from jamjet_schema._version import __version__
from jamjet_schema.models import JsonValue, node_id_of, serde_message
from jamjet_schema.wire import Timestamp, WireError

__all__ = [
    *_generated_names,
    "JsonValue",
    "Timestamp",
    "WireError",
    "__version__",
    "node_id_of",
    "serde_message",
]
