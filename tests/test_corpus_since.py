"""`since`: the release each corpus case needs, from what its input and covers use.

A release 1.2.0 is made from the current schema by adding a field, changing a
field's type and adding a variant; the cases of that model must say 1.2.0 exactly
where they use one of those, keep 1.1.0 where they use only what 1.1.0 added, and
need no release where they use only what every release has.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from codegen.build_model import build_model
from codegen.corpus.cases import Case
from codegen.corpus.documents import event
from codegen.corpus.record import corpus_cases
from codegen.corpus.since import Needs
from codegen.history import archive_path
from codegen.model import WireModel
from jamjet_schema.wiremodel.contract_constants import (
    ENVELOPE_MEMBER,
    EVENTS_ARRAY,
    EVENTS_ENVELOPE,
)
from tests.conftest import REPO

NEW_FIELD = "zz_priority_hint"


def _release_1_2_0() -> WireModel:
    schema: dict[str, Any] = json.loads(archive_path("1.1.0", REPO).read_text(encoding="utf-8"))
    schema = copy.deepcopy(schema)
    defs = schema["$defs"]
    defs["NodeCancelled"]["properties"][NEW_FIELD] = {
        "anyOf": [{"type": "string"}, {"type": "null"}],
        "x-serde-skip-serializing-if": "Option::is_none",
    }
    defs["NodeStarted"]["properties"]["attempt"] = {"$ref": "#/$defs/U64"}  # u32 -> u64
    defs["NodeHeld"] = {
        "title": "NodeHeld",
        "type": "object",
        "properties": {"type": {"const": "node_held"}, "node_id": {"$ref": "#/$defs/NodeId"}},
        "required": ["type", "node_id"],
    }
    kind = defs["EventKind"]
    kind["properties"]["type"]["enum"].append("node_held")
    kind["allOf"].append(
        {
            "if": {"properties": {"type": {"const": "node_held"}}},
            "then": {"$ref": "#/$defs/NodeHeld"},
        }
    )
    schema["x-jamjet-version"] = "1.2.0"
    return build_model(schema, "release-1.2.0")


@pytest.fixture(scope="module")
def since(seed_model: WireModel, model: WireModel) -> dict[str, tuple[str | None, Any]]:
    newest = _release_1_2_0()
    needs = Needs([seed_model, model, newest])
    return {c.id: (needs.of(c), c) for c in corpus_cases(newest)}


def test_cases_using_a_new_field_need_the_new_release(since: dict[str, Any]) -> None:
    using = {i for i, (_, c) in since.items() if f'"{NEW_FIELD}":' in c.input}
    assert len(using) > 20
    assert {i for i in using if since[i][0] != "1.2.0"} == set()
    covering = {i for i, (_, c) in since.items() if c.field == NEW_FIELD}
    assert covering and all(since[i][0] == "1.2.0" for i in covering)  # `missing` included


def test_a_changed_field_type_makes_its_cases_new(since: dict[str, Any]) -> None:
    started = {i: s for i, (s, c) in since.items() if c.variant == "node_started"}
    with_attempt = {i for i, (_, c) in since.items() if '"attempt":' in c.input}
    assert {i for i in with_attempt & set(started) if started[i] != "1.2.0"} == set()
    assert set(started.values()) <= {None, "1.2.0"}
    assert started["EventKind.node_started.not-an-object.null"] is None  # uses no field


def test_a_new_variant_and_the_older_additions(since: dict[str, Any]) -> None:
    for case_id, (needed, case) in since.items():
        if case.variant == "node_held":
            assert needed == "1.2.0", case_id
        elif case.variant in ("node_parked", "segment_boundary"):  # added in 1.1.0
            assert needed == "1.1.0", case_id
        elif case.variant in ("workflow_failed", "approval_received"):
            assert needed is None, case_id


def test_the_sequence_form_uses_the_fields_it_leaves_out(since: dict[str, Any]) -> None:
    # NodeCompleted's last field came in 1.1.0: an array one short of it needs 1.1.0 too,
    # since its verdict ("invalid length") is decided by that field.
    short = [(s, c) for s, c in since.values() if c.id.startswith("EventKind.node_completed.seq")]
    assert short and all(needed == "1.1.0" for needed, _ in short)


def test_a_list_of_events_needs_what_its_events_use(
    seed_model: WireModel, model: WireModel, since: dict[str, Any]
) -> None:
    """The API's array and envelope are read along their events (since.py's `expr`)."""
    needs = Needs([seed_model, model, _release_1_2_0()])
    kinds = {c.variant: c.input for _, c in since.values() if c.id.endswith(".minimal")}
    for variant, wanted in (("node_held", "1.2.0"), ("workflow_completed", None)):
        element = event(kind=kinds[variant])
        for type_name, text in (
            (EVENTS_ARRAY, f"[{element},{element}]"),
            (EVENTS_ENVELOPE, f'{{"next":null,"{ENVELOPE_MEMBER}":[{element}]}}'),
        ):
            case = Case(f"{type_name}.x", type_name, "envelope", "a list", text, None)
            assert needs.of(case) == wanted, (type_name, variant)
