"""conformance/fixture.schema.json: the format of a corpus file, emitted so that its
enums are the wire constants table's (the rule names, the protocol's type names) and
the runner's (the tiers and classes of jamjet_schema.conformance.corpus), never a copy.

The runner checks the same format in code (corpus.py, which reads the same names);
tests/conformance/test_corpus_loading.py keeps the two in step.
"""

from __future__ import annotations

import json
from typing import Any

from codegen.header import header_lines
from codegen.model import WireModel
from codegen.wire_table import wire_constants
from jamjet_schema.conformance.corpus import CLASSES, ERA_TIER, TIERS

PATH = "conformance/fixture.schema.json"
Schema = dict[str, Any]

_VERSION = {"type": "string", "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+$"}
_TIERS = (
    "required: every implementation must agree; api: the same, on the events as the runtime's"
    " HTTP API serves them (the array and the envelope, the api form); implementation-defined: serde's behaviour is"
    " recorded, others may differ; evolution: what a reader of an older release (reader_version)"
    f" does with newer documents; {ERA_TIER}: the answers of a reference built with an older"
    " serde_json (the file's serde_json), for cases whose bytes differ in that build."
)


def emit(model: WireModel) -> dict[str, str]:
    return {PATH: json.dumps(fixture_schema(model), indent=2, ensure_ascii=False) + "\n"}


def fixture_schema(model: WireModel) -> Schema:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:jamjet:conformance:fixture-file",
        "$comment": " ".join(header_lines(model)),
        "title": "A jamjet-schema conformance fixture file",
        "description": "One group of cases. Every case is one request of the testee protocol"
        " (type_name, input) with the answer the Rust reference gives. An era file (eras/,"
        f" tier {ERA_TIER}) re-records cases, under their own ids, as a reference built with an"
        " older serde_json (serde_json) answers them.",
        "type": "object",
        "required": ["description", "tier", "cases"],
        "additionalProperties": False,
        "properties": {
            "$schema": {"type": "string"},
            "description": {"type": "string", "minLength": 1},
            "tier": {"description": _TIERS, "enum": [*TIERS, ERA_TIER]},
            "serde_json": {
                "description": "Era files only: the serde_json release of the build whose"
                " answers the file holds.",
                **_VERSION,
            },
            "cases": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/case"}},
        },
        "allOf": [_only_for_eras()],
        "$defs": {"case": _case(model)},
    }


def _only_for_eras() -> Schema:
    return {
        "if": {"properties": {"tier": {"const": ERA_TIER}}, "required": ["tier"]},
        "then": {"required": ["serde_json"]},
        "else": {"not": {"required": ["serde_json"]}},
    }


def _case(model: WireModel) -> Schema:
    table = wire_constants(model)
    return {
        "type": "object",
        "required": ["id", "description", "rule", "type_name", "class", "input"],
        "additionalProperties": False,
        "properties": {
            "id": {
                "description": "Unique across the corpus: <tier>.<type>[.<variant>].<what>...",
                "type": "string",
                "pattern": f"^({'|'.join(TIERS)})\\.[A-Za-z0-9_.+^-]+$",
            },
            "description": {
                "type": "string",
                "minLength": 1,
                "not": {"pattern": "\\bshould\\b"},
            },
            "rule": {
                "description": "The serde rule the case pins (see conformance/README.md).",
                "enum": list(table.rules),
            },
            "type_name": {"enum": list(table.protocol_types)},
            "reader_version": {
                "description": "Evolution tier only: the release of the reader that gives"
                " this answer.",
                **_VERSION,
            },
            "since": {
                "description": "The schema release that added (or last changed) a variant,"
                " field or value this case uses; absent: every release has it. A testee"
                " reading as an earlier release (--reader-version) skips the case.",
                **_VERSION,
            },
            "covers": {
                "description": "The variant and field this case exercises, for the coverage"
                " report.",
                "type": "object",
                "additionalProperties": False,
                "properties": {"variant": {"type": "string"}, "field": {"type": "string"}},
            },
            "class": {
                "description": "canonical: accepted and written back byte-identical; accepted:"
                " accepted, written back as output; rejected: refused.",
                "enum": list(CLASSES),
            },
            "form": {
                "description": "How the output is written (protocol.md): api, through"
                " serde_json::Value as the runtime's HTTP API writes (members sorted); absent:"
                " log, serde_json::to_string of the value.",
                "enum": list(table.forms),
            },
            "input": {"type": "string"},
            "output": {"type": "string"},
            "serde_error": {
                "description": "What serde said, for the reader; not compared.",
                "type": "string",
            },
        },
        "allOf": [_rejected_or_written()],
    }


def _rejected_or_written() -> Schema:
    return {
        "if": {"properties": {"class": {"const": "rejected"}}},
        "then": {"required": ["serde_error"], "not": {"required": ["output"]}},
        "else": {"required": ["output"], "not": {"required": ["serde_error"]}},
    }
