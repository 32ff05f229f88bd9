"""The Python models behind the testee protocol (conformance/protocol.md); served by
`jamjet-schema testee` (commands/testee.py).

One JSON request per stdin line, one answer per line on stdout, in order. Each
type name is parsed with the model's `model_validate_json` and written back with
`model_dump_json()`; `EventKind.node_id` answers the JSON of `node_id_of(kind)`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any, Literal

from pydantic import BaseModel, ValidationError

from jamjet_schema import Event, EventKind, ProvenanceMetadata, node_id_of, serde_message
from jamjet_schema.responses import EventList, EventsResponse, api_json
from jamjet_schema.wire import WireError, write_json_string
from jamjet_schema.wire._constants import EVENTS_ARRAY, EVENTS_ENVELOPE

Answer = tuple[Literal["output", "error", "skipped"], str]  # the verdict and its text


def _node_id(text: str) -> str:
    node_id = node_id_of(
        EventKind.model_validate_json(text)
    )  # Option<&str> as serde_json writes it
    return "null" if node_id is None else write_json_string(node_id)


HANDLERS: dict[str, Callable[[str], BaseModel | str]] = {
    "Event": Event.model_validate_json,
    "EventKind": EventKind.model_validate_json,
    "ProvenanceMetadata": ProvenanceMetadata.model_validate_json,
    EVENTS_ARRAY: EventList.model_validate_json,
    EVENTS_ENVELOPE: EventsResponse.model_validate_json,
    "EventKind.node_id": _node_id,
}


def answer(type_name: str, text: str, form: str | None = None) -> Answer:
    """The protocol's answer for one request, without the id; `form` "api": written as
    the runtime's HTTP API writes (api_json)."""
    handler = HANDLERS.get(type_name)
    if handler is None:
        return "skipped", f"type {type_name} is not implemented by this testee"
    try:
        read = handler(text)
        if isinstance(read, str):
            return "output", read
        return "output", api_json(read) if form == "api" else read.model_dump_json()
    except ValidationError as err:
        return "error", serde_message(err)
    except WireError as err:  # a held value serde_json cannot write
        return "error", f"serialize: {err}"


def serve(stdin: IO[str], stdout: IO[str]) -> None:
    for line in stdin:
        if not line.strip():
            continue
        request: dict[str, Any] = json.loads(line)
        form = request.get("form")
        verdict, text = answer(str(request["type_name"]), str(request["input"]), form)
        stdout.write(json.dumps({"id": request["id"], verdict: text}, ensure_ascii=False) + "\n")
        stdout.flush()
