"""A schema that contradicts itself is refused with the JSON pointer of the bad spot."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from codegen.build_model import build_model
from codegen.errors import SchemaError
from codegen.load import check_vocabulary

Schema = dict[str, Any]


def _defs(s: Schema) -> Schema:
    defs: Schema = s["$defs"]
    return defs


def _set(path: str, value: object) -> Callable[[Schema], None]:
    def apply(s: Schema) -> None:
        *parents, last = path.split("/")
        node = s
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[last] = value

    return apply


def _drop(path: str) -> Callable[[Schema], None]:
    def apply(s: Schema) -> None:
        *parents, last = path.split("/")
        node = s
        for key in parents:
            node = node[key]
        del node[last]

    return apply


MUTATIONS: list[tuple[str, Callable[[Schema], None], str, str]] = [
    ("u32 with u64 bounds", _set("$defs/U32/maximum", 2**64 - 1), "/$defs/U32", "maximum"),
    (
        "unknown x- keyword",
        _set("$defs/Event/x-serde-flatten", True),
        "/$defs/Event",
        "unknown keyword",
    ),
    (
        "x- keyword in the wrong place",
        _set("$defs/Event/properties/id/x-rust-type", "u32"),
        "/$defs/Event/properties/id",
        "cannot stand",
    ),
    (
        "tag not snake_case",
        _set("$defs/NodeStarted/properties/type/const", "NodeStarted"),
        "/$defs/NodeStarted/properties/type",
        "node_started",
    ),
    (
        "tag not first",
        _drop("$defs/NodeStarted/properties/type"),
        "/$defs/NodeStarted/properties/type",
        "const",
    ),
    (
        "skip on a non-Option",
        _set("$defs/NodeFailed/properties/error/x-serde-skip-serializing-if", "Option::is_none"),
        "/$defs/NodeFailed/properties/error",
        "OptionType",
    ),
    (
        "unknown skip predicate",
        _set("$defs/NodeCompleted/properties/cost_usd/x-serde-skip-serializing-if", "f64::is_nan"),
        "/$defs/NodeCompleted/properties/cost_usd",
        "unknown skip predicate",
    ),
    (
        "optional without default or null",
        _set("$defs/NodeFailed/required", ["type", "node_id", "error", "attempt"]),
        "/$defs/NodeFailed/properties/retryable",
        "needs a default or null",
    ),
    (
        "Option marked required",
        _set("$defs/WorkflowCancelled/required", ["type", "reason"]),
        "/$defs/WorkflowCancelled/properties/reason",
        "never required",
    ),
    (
        "branch tag out of step",
        _set("$defs/EventKind/allOf/5/if/properties/type/const", "node_failed"),
        "/$defs/EventKind/allOf/5/if",
        "the tag of NodeStarted is 'node_started'",
    ),
    (
        "tag enum out of step",
        _set("$defs/EventKind/properties/type/enum", ["workflow_started"]),
        "/$defs/EventKind/properties/type",
        "list every tag in order",
    ),
    ("bad version", _set("x-jamjet-version", "one"), "/x-jamjet-version", "semantic version"),
    (
        "unknown x-rust-type",
        _set("$defs/U32/x-rust-type", "u16"),
        "/$defs/U32",
        "x-rust-type must be one of",
    ),
    (
        "$ref to nowhere",
        _set("$defs/Event/properties/kind/$ref", "#/$defs/Nowhere"),
        "/$defs/Event/properties/kind",
        "unknown def",
    ),
]


@pytest.fixture(scope="module")
def schema(repo: Path) -> Schema:
    loaded: Schema = json.loads((repo / "schema/event.schema.json").read_text())
    return loaded


@pytest.mark.parametrize(
    ("label", "mutate", "pointer", "words"), MUTATIONS, ids=[m[0] for m in MUTATIONS]
)
def test_contradiction_is_refused_where_it_stands(
    schema: Schema, label: str, mutate: Callable[[Schema], None], pointer: str, words: str
) -> None:
    broken = copy.deepcopy(schema)
    mutate(broken)
    with pytest.raises(SchemaError) as caught:
        check_vocabulary(broken)
        build_model(broken, "schema/event.schema.json")
    assert caught.value.pointer == pointer
    assert words in caught.value.message


def test_the_canonical_schema_builds(schema: Schema) -> None:
    check_vocabulary(schema)
    model = build_model(schema, "schema/event.schema.json")
    assert model.version == schema["x-jamjet-version"]
    assert len(_defs(schema)) > len(model.decls)
