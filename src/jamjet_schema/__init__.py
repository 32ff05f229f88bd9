"""The wire contract of the JamJet event log, as Pydantic models that read and write like serde.

    from jamjet_schema import Event, NodeCompleted

    event = Event.model_validate_json(line)      # serde_json's verdict, or a ValidationError
    if isinstance(event.kind, NodeCompleted):
        print(event.kind.node_id, event.kind.duration_ms)
    line = event.model_dump_json()               # serde_json's canonical bytes

The classes are generated from schema/event.schema.json (package
_jamjet_schema_generated); the serde semantics live in jamjet_schema.models, and
the native core (jamjet_schema.native) runs serde itself where it is built. They
present themselves as members of this package (`jamjet_schema.Event` in reprs, error
messages and pickles: jamjet_schema.models.public), and the generated stub beside
this file (__init__.pyi) declares them here for type checkers.

The names are loaded on first use, so that `import jamjet_schema.<module>` (the
CLI, the conformance runner) does not build the models it does not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from jamjet_schema.native import native_available as native_available

if TYPE_CHECKING:
    from _jamjet_schema_generated import *  # noqa: F403 -- Event, EventKind and one class per variant

    from jamjet_schema._version import __version__ as __version__
    from jamjet_schema.models import JsonValue as JsonValue
    from jamjet_schema.models import node_id_of as node_id_of
    from jamjet_schema.models import serde_message as serde_message
    from jamjet_schema.responses import EventList as EventList
    from jamjet_schema.responses import EventsResponse as EventsResponse
    from jamjet_schema.responses import api_json as api_json
    from jamjet_schema.responses import parse_events as parse_events
    from jamjet_schema.wire import Timestamp as Timestamp
    from jamjet_schema.wire import WireError as WireError

# name -> the module it comes from; the generated classes are added on first use
_HOMES = {
    "__version__": "jamjet_schema._version",  # from the generated package: loaded on use,
    # so that the wire model and the code generator import without the generated code
    "JsonValue": "jamjet_schema.models",
    "node_id_of": "jamjet_schema.models",
    "serde_message": "jamjet_schema.models",
    "EventList": "jamjet_schema.responses",
    "EventsResponse": "jamjet_schema.responses",
    "api_json": "jamjet_schema.responses",
    "parse_events": "jamjet_schema.responses",
    "Timestamp": "jamjet_schema.wire",
    "WireError": "jamjet_schema.wire",
}
_OWN = ["JsonValue", "Timestamp", "WireError", "__version__", "native_available"]
_OWN += ["node_id_of", "serde_message", "EventList", "EventsResponse", "api_json", "parse_events"]


def _generated_names() -> list[str]:
    names: list[str] = importlib.import_module("_jamjet_schema_generated").__all__
    return names


def __getattr__(name: str) -> Any:
    if name == "__all__":
        return [*_generated_names(), *_OWN]
    home = _HOMES.get(name)
    if home is None and not name.startswith("__") and name in _generated_names():
        home = "_jamjet_schema_generated"
    if home is None:
        raise AttributeError(f"module 'jamjet_schema' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # found once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_generated_names(), *_OWN})
