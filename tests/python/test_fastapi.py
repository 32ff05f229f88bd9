"""A real FastAPI app, served by uvicorn on loopback and fetched with httpx: every
accepted corpus Event inside a response model comes back as serde's bytes.

FastAPI validates the endpoint's return value against the response model and writes
it with the model's TypeAdapter (Pydantic's JSON writer); the Events inside are
written through their serializer (jamjet_schema.models.base), so the body holds
serde_json's text of each. The app runs in a process of its own, on the path the
suite runs on (nox runs tests/python with and without the native core).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator

import httpx
import pytest

from jamjet_schema.conformance import corpus

APP = textwrap.dedent(
    """
    from fastapi import FastAPI
    from pydantic import BaseModel

    from jamjet_schema import Event, EventsResponse
    from jamjet_schema.conformance import corpus

    CASES = [
        c for c in corpus.load().cases if c.form is None
        if c.type_name == "Event" and c.output is not None and c.reader_version is None
    ]
    EVENTS = [Event.model_validate_json(c.input) for c in CASES]


    class Page(BaseModel):
        events: list[Event]
        next: str | None = None


    app = FastAPI()


    @app.get("/events", response_model=Page)
    def events() -> Page:
        return Page(events=EVENTS)


    @app.get("/events/{index}", response_model=Event)
    def one(index: int) -> Event:
        return EVENTS[index]


    @app.get("/api", response_model=EventsResponse)
    def api() -> EventsResponse:
        return EventsResponse(events=EVENTS)


    @app.get("/list", response_model=list[Event])
    def listed() -> list[Event]:
        return EVENTS
    """
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app under uvicorn on 127.0.0.1, a port the kernel picks; its base URL."""
    folder = tmp_path_factory.mktemp("app")
    (folder / "events_app.py").write_text(APP)
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "events_app:app", "--host", "127.0.0.1", "--port", "0"],
        cwd=folder,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert server.stderr is not None
    try:
        yield _wait_for_address(server.stderr, deadline=time.monotonic() + 120)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for_address(log: object, deadline: float) -> str:
    assert hasattr(log, "readline")
    while time.monotonic() < deadline:
        line = log.readline()
        if not line:
            raise AssertionError("uvicorn stopped before it listened")
        found = re.search(r"running on (http://127\.0\.0\.1:\d+)", line)
        if found:
            return found.group(1)
    raise AssertionError("uvicorn did not start in time")


def _outputs() -> list[str]:
    return [
        case.output
        for case in corpus.load().cases
        if case.type_name == "Event"
        and case.output is not None
        and case.reader_version is None
        and case.form is None
    ]


def test_a_response_model_holds_serdes_bytes_of_every_event(served: str) -> None:
    outputs = _outputs()
    with httpx.Client(base_url=served, timeout=60) as client:
        page = client.get("/events")
        assert page.status_code == 200 and page.headers["content-type"] == "application/json"
        assert page.content.decode() == '{"events":[' + ",".join(outputs) + '],"next":null}'
        assert client.get("/list").content.decode() == "[" + ",".join(outputs) + "]"
        envelope = client.get("/api").content.decode()  # the container of the API's form
        assert envelope == '{"events":[' + ",".join(outputs) + "]}"
        for index in range(0, len(outputs), 37):
            assert client.get(f"/events/{index}").content.decode() == outputs[index]


def test_the_openapi_document_describes_the_event(served: str) -> None:
    with httpx.Client(base_url=served, timeout=60) as client:
        schemas = client.get("/openapi.json").json()["components"]["schemas"]
    event = schemas.get("Event-Output", schemas.get("Event"))
    assert event is not None and {"id", "kind", "created_at"} <= set(event["properties"])
