"""Events as the runtime's HTTP API serves them (issue 22): the Python API and the CLI.

Every expectation comes from the Rust reference: the api tier of the corpus (recorded
from `jamjet-testee-rust`, whose envelope is written through serde_json::Value as the
runtime's `list_events` does). The CLI runs as a real subprocess.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from jamjet_schema import EventList, EventsResponse, api_json, parse_events, serde_message
from jamjet_schema.conformance import corpus

CASES = {c.id: c for c in corpus.load().cases if c.tier == "api"}
API_BYTES = CASES["api.EventsResponse.variants.api-bytes"].input  # the reference's API bytes


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "jamjet_schema.cli", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


READERS: dict[str, type[EventList] | type[EventsResponse]] = {
    "Events": EventList,
    "EventsResponse": EventsResponse,
}


@pytest.mark.parametrize("case_id", sorted(i for i, c in CASES.items() if c.type_name in READERS))
def test_each_api_case_reads_and_writes_as_the_reference(case_id: str) -> None:
    """The containers (single events in the api form: the corpus suite)."""
    case = CASES[case_id]
    reader = READERS[case.type_name]
    try:
        read = reader.model_validate_json(case.input)
    except ValidationError:
        assert case.output is None, serde_message_of(reader, case.input)
        return
    assert case.output == (api_json(read) if case.form == "api" else read.model_dump_json())


def serde_message_of(reader: type[EventList] | type[EventsResponse], text: str) -> str:
    try:
        reader.model_validate_json(text)
    except ValidationError as err:
        return serde_message(err)
    return "accepted"


def test_parse_events_takes_the_envelope_and_the_bare_array() -> None:
    events = parse_events(API_BYTES)
    assert len(events) > 40
    assert api_json(EventsResponse(events=events)) == API_BYTES
    bare = CASES["api.Events.variants.api-bytes"].input
    assert [e.model_dump_json() for e in parse_events(bare)] == [
        e.model_dump_json() for e in events
    ]


def test_an_element_s_error_carries_its_index() -> None:
    case = CASES["api.EventsResponse.bad-element.integers.middle"]
    with pytest.raises(ValidationError) as caught:
        parse_events(case.input)
    assert serde_message(caught.value).startswith("events[1].sequence: ")
    array = CASES["api.Events.bad-element.integers.last"]
    with pytest.raises(ValidationError) as caught:
        parse_events(array.input)
    assert serde_message(caught.value).startswith("[2].sequence: ")


def test_the_variant_s_path_is_the_enum_s_in_a_list() -> None:
    good = json.loads(API_BYTES)["events"][0]
    good["kind"]["type"] = "no_such_variant"
    with pytest.raises(ValidationError) as caught:
        parse_events(json.dumps({"events": [json.loads(API_BYTES)["events"][1], good]}))
    assert serde_message(caught.value).startswith("events[1].kind: unknown variant")


def test_validate_reads_the_api_s_answer(tmp_path: Path) -> None:
    (tmp_path / "api.json").write_text(API_BYTES, encoding="utf-8")
    done = _cli("validate", "api.json", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    api = _cli("validate", "--canonical", "--form", "api", "api.json", cwd=tmp_path)
    assert api.returncode == 0, api.stdout
    log = _cli("validate", "--canonical", "api.json", cwd=tmp_path)
    assert log.returncode == 1
    assert "api.json:events[0] (line 1 column 12): " in log.stdout
    assert "only the order of members differs" in log.stdout


def test_validate_names_the_bad_element_of_a_document(tmp_path: Path) -> None:
    case = CASES["api.EventsResponse.bad-element.integers.middle"]
    (tmp_path / "bad.json").write_text(case.input, encoding="utf-8")
    done = _cli("validate", "bad.json", cwd=tmp_path)
    assert done.returncode == 1
    column = case.input.index("},{", case.input.index("[{") + 2) + 3  # the second element's
    assert f"bad.json:events[1] (line 1 column {column}): " in done.stdout
    nested = '{\n  "data": {"page": ' + case.input + "}\n}"  # the element's text kept
    (tmp_path / "wrapped.json").write_text(nested, encoding="utf-8")
    done = _cli("validate", "--pointer", "/data/page/events", "wrapped.json", cwd=tmp_path)
    assert done.returncode == 1 and "wrapped.json:data.page.events[1] (line " in done.stdout


def test_a_json_array_s_errors_carry_the_index(tmp_path: Path) -> None:
    case = CASES["api.Events.bad-element.integers.last"]
    (tmp_path / "array.json").write_text(case.input, encoding="utf-8")
    done = _cli("validate", "array.json", cwd=tmp_path)
    assert done.returncode == 1 and "array.json:[2] (line 1): " in done.stdout


def test_a_document_too_deep_in_the_envelope_is_refused(tmp_path: Path) -> None:
    case = CASES["api.EventsResponse.nesting-depth.0"]
    (tmp_path / "deep.json").write_text(case.input, encoding="utf-8")
    done = _cli("validate", "deep.json", cwd=tmp_path)
    assert done.returncode == 1 and "recursion limit exceeded" in done.stdout


def test_canonicalize_writes_either_form(tmp_path: Path) -> None:
    (tmp_path / "api.json").write_text(API_BYTES, encoding="utf-8")
    log = _cli("canonicalize", "api.json", cwd=tmp_path)
    api = _cli("canonicalize", "--form", "api", "api.json", cwd=tmp_path)
    events = parse_events(API_BYTES)
    assert log.stdout.splitlines() == [e.model_dump_json() for e in events]
    api_array = "[" + ",".join(api.stdout.splitlines()) + "]"
    assert api_array == CASES["api.Events.variants.api-bytes"].input


def test_the_readme_s_example_answer_is_the_api_form_of_the_example_log() -> None:
    root = Path(__file__).resolve().parents[2] / "examples"
    lines = (root / "events.jsonl").read_text(encoding="utf-8").splitlines()
    body = (root / "api-response.json").read_text(encoding="utf-8")
    assert EventsResponse.model_validate_json(body).model_dump_json() == (
        '{"events":[' + ",".join(lines) + "]}"
    )
    assert (
        api_json(EventList.model_validate_json("[" + ",".join(lines) + "]"))
        == (body[len('{"events":') : -1])
    )
